// Keeps the promises of the privacy page without a separate job runner: every ten minutes (and at
// start-up) the server blanks address hashes older than 48 h and drops finished vote, share, contact
// and sign-in limit state. It also removes uploaded photos that no media row names any more. With
// several servers on PostgreSQL, one of them runs it at a time (decision 056); the others skip that turn.
import 'server-only';
import { runAlone, type JobOutcome } from '@/db/engine';
import { pruneExpiredIpData } from '@/db/queries/ip-salts';
import { listUploadedMediaPaths } from '@/db/queries/media';
import { pruneShareRateLimits } from '@/db/queries/shares';
import { pruneThrottleState } from '@/db/queries/throttle';
import { pruneVoteRateLimits } from '@/db/queries/votes';
import { throttleConfig } from '@/lib/auth/throttle-config';
import { sweepOrphanMedia } from '@/lib/media/upload';

const EVERY_MS = 10 * 60_000;
const state = globalThis as unknown as { moodwireVoteJanitor?: { timer: NodeJS.Timeout; lastCutoff?: number } };

export type JanitorReport = { hashes: number; voteLimits: number; shareLimits: number; signIn: number; photos: number };

/** A part whose failure is logged and does not stop the others (the next run tries again). */
async function part(name: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    console.error(`[moodwire] ${name} housekeeping failed:`, error instanceof Error ? error.message : error);
    return 0;
  }
}

/** One run of the janitor, unless another server is running it right now (`ran: false`). */
export async function runJanitorOnce(now = Date.now()): Promise<JobOutcome<JanitorReport>> {
  return runAlone('vote-janitor', async () => {
    const janitor = state.moodwireVoteJanitor;
    const { hashes, cutoff } = await pruneExpiredIpData(now, janitor?.lastCutoff);
    if (janitor) janitor.lastCutoff = cutoff;
    return {
      hashes,
      voteLimits: await pruneVoteRateLimits(now),
      shareLimits: await pruneShareRateLimits(now),
      signIn: await part('sign-in throttle', () => pruneThrottleState(throttleConfig(), now)),
      photos: await part('media', async () => sweepOrphanMedia(await listUploadedMediaPaths(), now)),
    };
  });
}

async function runOnce() {
  try {
    await runJanitorOnce();
  } catch (error) {
    // A busy or missing database must not take the server down; the next run tries again.
    console.error('[moodwire] vote housekeeping failed:', error instanceof Error ? error.message : error);
  }
}

export function startVoteJanitor(): void {
  if (state.moodwireVoteJanitor) return;
  const timer = setInterval(() => void runOnce(), EVERY_MS);
  timer.unref();
  state.moodwireVoteJanitor = { timer };
  void runOnce();
}
