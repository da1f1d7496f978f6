// Keeps the promises of the privacy page without a separate job runner: every ten minutes (and at
// start-up) the server blanks address hashes older than 48 h and drops finished vote, share, contact
// and sign-in limit state. It also removes uploaded photo folders that no media row names any more.
import 'server-only';
import { pruneExpiredIpData } from '@/db/queries/ip-salts';
import { listUploadedMediaPaths } from '@/db/queries/media';
import { pruneShareRateLimits } from '@/db/queries/shares';
import { pruneThrottleState } from '@/db/queries/throttle';
import { pruneVoteRateLimits } from '@/db/queries/votes';
import { throttleConfig } from '@/lib/auth/throttle-config';
import { sweepOrphanMedia } from '@/lib/media/upload';

const EVERY_MS = 10 * 60_000;
const state = globalThis as unknown as { moodwireVoteJanitor?: { timer: NodeJS.Timeout; lastCutoff?: number } };

async function runOnce() {
  const janitor = state.moodwireVoteJanitor;
  try {
    const { cutoff } = await pruneExpiredIpData(Date.now(), janitor?.lastCutoff);
    if (janitor) janitor.lastCutoff = cutoff;
    await pruneVoteRateLimits();
    await pruneShareRateLimits();
    pruneThrottleState(throttleConfig()).catch((error: unknown) =>
      console.error('[moodwire] sign-in throttle housekeeping failed:', error instanceof Error ? error.message : error),
    );
    listUploadedMediaPaths()
      .then(sweepOrphanMedia)
      .catch((error: unknown) =>
        console.error('[moodwire] media housekeeping failed:', error instanceof Error ? error.message : error),
      );
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
