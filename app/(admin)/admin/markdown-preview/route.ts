// Live preview for the Markdown editors: the same renderer and sanitiser as the save, so what staff
// see is what readers will get, and nothing unsanitised ever reaches the page.
import { staffForRoute } from '@/lib/auth/staff';
import { previewBody } from '@/lib/media/body-photos';

const MAX = 200_000;

export async function POST(request: Request) {
  const gate = await staffForRoute('story.write');
  if ('response' in gate) return gate.response;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain'))
    return Response.json({ error: 'Send the Markdown as text/plain.' }, { status: 415 });
  const source = await request.text();
  if (source.length > MAX) return Response.json({ error: 'The text is too long to preview.' }, { status: 413 });
  return Response.json({ html: await previewBody(source) }, { headers: { 'Cache-Control': 'no-store' } });
}
