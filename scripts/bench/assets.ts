// Page weight: the gzipped HTML, and the gzipped JavaScript a page makes a modern browser download.
import zlib from 'node:zlib';

export const gzipSize = (bytes: Uint8Array | string) => zlib.gzipSync(bytes, { level: 6 }).length;

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * Script URLs a modern browser fetches for this HTML: `<script src>` (not `nomodule`, which modern
 * browsers skip) and `<link rel="preload|modulepreload" as="script">`, in order, without duplicates.
 * Inline scripts (Next's flight data) are part of the HTML and counted there.
 */
export function scriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(m[2]!);
    const kind = m[1]!.toLowerCase();
    if (kind === 'script' && attrs.has('src') && !attrs.has('nomodule')) urls.push(attrs.get('src')!);
    if (kind === 'link' && attrs.get('as') === 'script' && /(^|\s)(preload|modulepreload)(\s|$)/i.test(attrs.get('rel') ?? '') && attrs.has('href')) {
      urls.push(attrs.get('href')!);
    }
  }
  return [...new Set(urls.map((u) => u.replace(/&amp;/g, '&')))];
}

export type PageWeight = {
  path: string;
  htmlBytes: number;
  htmlGzip: number;
  scripts: { url: string; gzip: number }[];
  jsGzip: number;
};

export async function measurePage(origin: string, path: string): Promise<PageWeight> {
  const res = await fetch(origin + path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const html = await res.text();
  const scripts = await Promise.all(
    scriptUrls(html).map(async (url) => {
      const r = await fetch(new URL(url, origin));
      if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
      return { url, gzip: gzipSize(new Uint8Array(await r.arrayBuffer())) };
    }),
  );
  return {
    path,
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gzipSize(html),
    scripts,
    jsGzip: scripts.reduce((s, x) => s + x.gzip, 0),
  };
}
