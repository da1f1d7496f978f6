// The 1200×630 picture social networks show with a shared link: section, headline, site name.
import { ImageResponse } from 'next/og';
import { drawableText, loadOgFonts, OG_FONT_FAMILY } from './fonts';

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const BRAND = '#a61b1b';
const INK = '#1a1a1a';
const MUTED = '#555555';
const MAX_HEADLINE = 150;

/** Wide characters (CJK) take about two Latin letters of room: size the headline by that. */
function visualLength(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return n;
}

function headlineSize(text: string): number {
  const n = visualLength(text);
  if (n <= 45) return 76;
  if (n <= 80) return 64;
  if (n <= 120) return 54;
  return 46;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .replace(/\s+\S*$/u, '')}…`;
}

export async function renderShareCard({
  kicker,
  headline,
  siteName,
  host,
}: {
  kicker: string;
  headline: string;
  siteName: string;
  host: string;
}): Promise<ImageResponse> {
  const { fonts, covered } = await loadOgFonts();
  const draw = (text: string) => drawableText(text, covered);
  const title = shorten(draw(headline), MAX_HEADLINE) || draw(siteName);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        backgroundColor: '#ffffff',
        borderTop: `18px solid ${BRAND}`,
        padding: '52px 72px 48px',
        fontFamily: OG_FONT_FAMILY,
      }}
    >
      <div style={{ display: 'flex', fontSize: 30, letterSpacing: 3, textTransform: 'uppercase', color: BRAND }}>
        {draw(kicker)}
      </div>
      <div
        style={{
          display: 'flex',
          flexGrow: 1,
          alignItems: 'center',
          fontSize: headlineSize(title),
          lineHeight: 1.15,
          color: INK,
        }}
      >
        {title}
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-end',
          borderTop: '2px solid #d9d9d9',
          paddingTop: 24,
        }}
      >
        <div style={{ display: 'flex', fontSize: 44, color: BRAND }}>{draw(siteName)}</div>
        <div style={{ display: 'flex', fontSize: 26, color: MUTED }}>{draw(host)}</div>
      </div>
    </div>,
    {
      ...OG_IMAGE_SIZE,
      fonts,
      // next/og would say max-age=0; these images change only with the story, so let CDNs keep them.
      headers: {
        'Cache-Control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=86400',
        'X-Robots-Tag': 'noindex',
      },
    },
  );
}
