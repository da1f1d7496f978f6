// The story editor's autosave (decision 039): the text as typed, kept as the editor's autosave revision
// of the story; the story itself does not change. Answers when it was kept, who else is editing, and
// whether someone saved since the form was opened.
import { headers } from 'next/headers';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { autosaveStory } from '@/db/queries/revisions';
import { autosaveSchema } from '@/lib/admin/story-revisions';
import { crossSiteProblem } from '@/lib/auth/origin';
import { staffForRoute } from '@/lib/auth/staff';
import { canEditStory } from '@/lib/permissions';

const NO_STORE = { 'Cache-Control': 'no-store' };
/** The body's 200,000 characters at up to 4 bytes each, and the other fields. */
const MAX_BYTES = 820_000;

const answer = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

export async function POST(request: Request, ctx: RouteContext<'/admin/stories/[id]/autosave'>) {
  if (crossSiteProblem(await headers())) return answer(403, 'Autosave only from the editor’s own page.');
  const gate = await staffForRoute('story.write');
  if ('response' in gate) return gate.response;
  const { id } = await ctx.params;
  if (!/^[1-9]\d{0,8}$/.test(id)) return answer(404, 'No such story.');
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json'))
    return answer(415, 'Send the text as application/json.');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BYTES) return answer(413, 'The text is too long to autosave.');
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BYTES) return answer(413, 'The text is too long to autosave.');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return answer(400, 'The autosave was not readable.');
  }
  const parsed = autosaveSchema.safeParse(json);
  if (!parsed.success) return answer(400, parsed.error.issues[0]?.message ?? 'The autosave was not readable.');
  const story = await getStoryAccess(Number(id));
  if (!story) return answer(404, 'This story no longer exists.');
  if (!canEditStory(gate.user, story)) return answer(403, 'You cannot edit this story.');
  const { revision, ...text } = parsed.data;
  const result = await autosaveStory(story.id, gate.user.id, text, revision);
  if (!result) return answer(404, 'This story no longer exists.');
  return Response.json(result, { headers: NO_STORE });
}
