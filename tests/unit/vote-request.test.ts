import { describe, expect, it } from 'vitest';
import { intentOf, MAX_VOTE_BODY_BYTES, parseVoteBody, readBodyLimited } from '@/lib/votes/vote-request';

const enc = (s: string) => new TextEncoder().encode(s);
const URLENC = 'application/x-www-form-urlencoded';

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc(c));
      controller.close();
    },
  });
}

describe('vote submissions', () => {
  it('read the three fields of an urlencoded or multipart form', async () => {
    expect(await parseVoteBody(URLENC, enc('article=12&mood=no_comment&current='))).toEqual({
      articleId: 12,
      mood: 'no_comment',
      intent: 'set',
    });
    const form = new FormData();
    form.set('article', '7');
    form.set('mood', 'angry');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const bytes = new Uint8Array(await req.arrayBuffer());
    expect(await parseVoteBody(req.headers.get('content-type'), bytes)).toEqual({
      articleId: 7,
      mood: 'angry',
      intent: 'toggle',
    });
  });

  it('turn the page’s own choice into the intent: take back the shown mood, set any other', () => {
    expect(intentOf('sad', 'sad')).toBe('take-back');
    expect(intentOf('sad', 'happy')).toBe('set');
    expect(intentOf('sad', '')).toBe('set');
    expect(intentOf('sad', undefined)).toBe('toggle');
  });

  it('refuse bad input with a 4xx and a message a reader understands', async () => {
    const cases: [string | null, string, number, RegExp][] = [
      [URLENC, 'article=12&mood=furious', 400, /not one of the moods/],
      [URLENC, 'article=12', 400, /Choose a mood/],
      [URLENC, 'mood=sad', 400, /which story/],
      [URLENC, 'article=0&mood=sad', 400, /story number/],
      [URLENC, 'article=-3&mood=sad', 400, /story number/],
      [URLENC, 'article=3000000000&mood=sad', 400, /story number/],
      [URLENC, 'article=12&mood=sad&mood=sad', 400, /more than once/],
      [URLENC, 'article=12&mood=sad&current=bad', 400, /not one of the moods/],
      ['application/json', '{"article":12,"mood":"sad"}', 415, /as a form/],
      [null, 'article=12&mood=sad', 415, /as a form/],
      ['multipart/form-data; boundary=zzz', 'not multipart at all', 400, /malformed/],
    ];
    for (const [type, body, status, message] of cases) {
      const result = await parseVoteBody(type, enc(body));
      expect(result, body).toMatchObject({ status });
      expect((result as { message: string }).message).toMatch(message);
    }
  });

  it('stop reading a body as soon as it is longer than a vote can be', async () => {
    expect(await readBodyLimited(stream(['a'.repeat(MAX_VOTE_BODY_BYTES)]), MAX_VOTE_BODY_BYTES)).toHaveLength(
      MAX_VOTE_BODY_BYTES,
    );
    expect(await readBodyLimited(stream(['a'.repeat(3000), 'b'.repeat(3000)]), MAX_VOTE_BODY_BYTES)).toBeUndefined();
    expect(await readBodyLimited(null, 10)).toHaveLength(0);
  });
});
