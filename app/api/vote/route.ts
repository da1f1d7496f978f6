// The mood vote. A route handler rather than a server action, so that the plain HTML form gets a real
// 303, and errors get real status codes (400/403/404/409/413/415/429/503) for both the form and the
// script. Contract: docs/decisions/002-mood-vote-freshness.md.
import type { NextRequest } from 'next/server';
import { recordedWriteFailure, recordWriteSuccess, writeStatus } from '@/db/queries/health';
import { castVote, getVotableArticle, getVoteSummary, type CastVoteResult, type VoteSummary } from '@/db/queries/votes';
import { errorCode, unavailableReason, type WriteUnavailable } from '@/db/write-errors';
import { crossSiteProblem } from '@/lib/auth/origin';
import type { Mood } from '@/lib/domain/moods';
import { articlePath } from '@/lib/domain/routes';
import { recordCause } from '@/lib/server/request-causes.cjs';
import { clientAddressHash } from '@/lib/votes/client-address';
import { revalidateMoodRankingsAfterVote, revalidateStoryAfterVote } from '@/lib/votes/revalidate-story';
import {
  newReaderId,
  READER_COOKIE,
  readerCookieValue,
  verifyReaderCookie,
  voteCookieOptions,
} from '@/lib/votes/reader-cookie';
import { voteSettings } from '@/lib/votes/settings';
import { errorPage } from '@/lib/votes/error-page';
import { pausedMessage, pausedNotice, PAUSED_TITLE } from '@/lib/votes/paused';
import { LEGACY_HINT_COOKIE, votedHintCookie } from '@/lib/votes/voted-hint';
import {
  isVoteRequestError,
  MAX_VOTE_BODY_BYTES,
  parseVoteBody,
  readBodyLimited,
  voteQuerySchema,
} from '@/lib/votes/vote-request';

const NO_STORE = 'no-store';

type Failure = { status: number; message: string; slug?: string; retryAfterSeconds?: number; title?: string };

const wantsJson = (request: NextRequest) =>
  request.method === 'GET' || (request.headers.get('accept') ?? '').includes('application/json');

function fail(request: NextRequest, f: Failure): Response {
  const headers = new Headers({ 'cache-control': NO_STORE });
  if (f.retryAfterSeconds) headers.set('retry-after', String(f.retryAfterSeconds));
  if (wantsJson(request)) return Response.json({ ok: false, message: f.message }, { status: f.status, headers });
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(errorPage(f.status, f.message, f.slug ? `${articlePath(f.slug)}#mood-vote` : '/', f.title), {
    status: f.status,
    headers,
  });
}

function summaryJson(s: VoteSummary) {
  return { ok: true, tallies: s.tallies, total: s.total, mine: s.mine };
}

/** A database that cannot take the vote (locked, full, read-only, failing disk): 503, nothing counted. */
function paused(request: NextRequest, kind: WriteUnavailable, slug?: string, error?: unknown): Response {
  // The 503's log line says why (lib/server/request-log.cjs): the kind, and the database's own code or
  // the driver's message when this request's write failed (not when a recent failure refused it).
  const detail =
    error === undefined
      ? 'recent failure or probe'
      : (errorCode(error) ?? (error instanceof Error ? error.message : ''));
  recordCause(request.headers, { message: `vote refused: ${unavailableReason(kind)} (${detail})` });
  return fail(request, {
    status: 503,
    title: PAUSED_TITLE,
    message: pausedMessage(kind),
    retryAfterSeconds: kind === 'busy' ? 1 : 60,
    slug,
  });
}

/** The story's slug for the "back to the story" link, if the database can still be read. */
async function slugOf(articleId: number): Promise<string | undefined> {
  try {
    return (await getVotableArticle(articleId))?.slug;
  } catch {
    return undefined;
  }
}

export async function POST(request: NextRequest): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_VOTE_BODY_BYTES)
    return fail(request, { status: 413, message: 'The vote is too large to be a vote.' });
  // The origin check of every write (lib/auth/origin.ts); tools that send no Origin may vote.
  if (crossSiteProblem(request.headers, { allowMissing: true })) {
    return fail(request, { status: 403, message: 'Votes can only be cast from this site’s own pages.' });
  }
  const bytes = await readBodyLimited(request.body, MAX_VOTE_BODY_BYTES);
  if (!bytes) return fail(request, { status: 413, message: 'The vote is too large to be a vote.' });
  const form = await parseVoteBody(request.headers.get('content-type'), bytes);
  if (isVoteRequestError(form)) return fail(request, form);

  const knownReader = verifyReaderCookie(request.cookies.get(READER_COOKIE)?.value);
  const readerId = knownReader ?? newReaderId();
  // Another process holds the write lock, or the file is read-only: say so at once (the probe is
  // reused for 2 s) rather than hold every request of this process in SQLite's synchronous 5 s busy wait.
  const known = await writeStatus();
  if (known === 'busy' || known === 'read-only') return paused(request, known, await slugOf(form.articleId));

  let result: CastVoteResult;
  try {
    result = await castVote({
      articleId: form.articleId,
      readerId,
      newReader: !knownReader,
      mood: form.mood,
      intent: form.intent,
      // Inside the try: the first vote of a day writes that day's salt.
      ipHash: clientAddressHash(request.headers),
      limits: voteSettings(),
    });
  } catch (error) {
    const kind = recordedWriteFailure(error);
    return paused(request, kind, await slugOf(form.articleId), error);
  }
  if (result.ok && result.changed) recordWriteSuccess();

  if (!result.ok) {
    switch (result.reason) {
      case 'not-found':
        return fail(request, {
          status: 404,
          message: 'There is no published story to vote on here. It may have been taken down.',
        });
      case 'closed':
        return fail(request, { status: 409, message: 'Voting is closed for this story.', slug: result.slug });
      case 'withdrawn':
        return fail(request, {
          status: 409,
          message: 'A vote from this browser on this story was removed by our moderators, so it cannot be cast again.',
          slug: result.slug,
        });
      case 'ip-limit':
        return fail(request, {
          status: 429,
          message:
            'Too many votes have come from your network in the last minute. ' +
            `Please wait ${result.retryAfterSeconds} seconds and try again.`,
          slug: result.slug,
          retryAfterSeconds: result.retryAfterSeconds,
        });
      case 'reader-limit':
        return fail(request, {
          status: 429,
          message:
            'You have voted very often in the last minute. ' +
            `Please wait ${result.retryAfterSeconds} seconds and try again.`,
          slug: result.slug,
          retryAfterSeconds: result.retryAfterSeconds,
        });
    }
  }

  // Cached copies of the story and the mood rankings follow within seconds; the page this reader
  // lands on, at once (lib/votes/revalidate-story.ts).
  if (result.changed) {
    revalidateStoryAfterVote(result.slug, result.summary.mine, { inPlace: wantsJson(request) });
    revalidateMoodRankingsAfterVote();
  }

  const response = wantsJson(request)
    ? Response.json(summaryJson(result.summary), { headers: { 'cache-control': NO_STORE } })
    : new Response(null, {
        status: 303,
        headers: { location: `${articlePath(result.slug)}#mood-vote`, 'cache-control': NO_STORE },
      });
  if (!knownReader && result.changed) appendCookie(response, READER_COOKIE, readerCookieValue(readerId));
  setHint(request, response, result.slug, result.summary.mine);
  return response;
}

/** Live counts and the reader's own choice, for the script on a cached page. */
export async function GET(request: NextRequest): Promise<Response> {
  const parsed = voteQuerySchema.safeParse({ article: request.nextUrl.searchParams.get('article') ?? undefined });
  if (!parsed.success)
    return fail(request, { status: 400, message: parsed.error.issues[0]?.message ?? 'Which story?' });
  const article = await getVotableArticle(parsed.data.article);
  if (!article) return fail(request, { status: 404, message: 'There is no published story with that number.' });
  const readerId = verifyReaderCookie(request.cookies.get(READER_COOKIE)?.value);
  const summary = await getVoteSummary(article.id, readerId);
  const mine = summary.mine;
  const unavailable = article.votingPaused ? undefined : await writeStatus();
  const response = Response.json(
    {
      ...summaryJson(summary),
      closed: article.votingPaused,
      ...(unavailable ? { paused: pausedNotice(unavailable) } : {}),
    },
    { headers: { 'cache-control': NO_STORE } },
  );
  // Repairs the hint if it went missing or stale (deleted cookie, vote removed elsewhere). The hint is
  // scoped to the story's address, so this request cannot see it: it is sent whatever it was.
  if (readerId) setHint(request, response, article.slug, mine);
  return response;
}

/** The story's hint cookie, which lets its cached pages mark the reader's choice (lib/votes/voted-hint.ts). */
function setHint(request: NextRequest, response: Response, slug: string, mine: Mood | null) {
  const o = voteCookieOptions();
  const hint = votedHintCookie(slug, mine, { secure: o.secure, maxAge: o.maxAge });
  if (hint) response.headers.append('set-cookie', hint);
  if (request.cookies.has(LEGACY_HINT_COOKIE)) appendCookie(response, LEGACY_HINT_COOKIE, '', 0);
}

function appendCookie(response: Response, name: string, value: string, maxAge?: number) {
  const o = voteCookieOptions();
  const parts = [`${name}=${value}`, `Path=${o.path}`, `Max-Age=${maxAge ?? o.maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (o.secure) parts.push('Secure');
  response.headers.append('set-cookie', parts.join('; '));
}
