import type { Instrumentation } from 'next';
import { describeError, recordCause } from '@/lib/server/request-causes.cjs';

// Runs once when a Next server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // A production server without its hooks (a bare `node server.js` of the standalone build) would
    // serve without its CSP, vote limits or graceful stop: it stops here instead (decision 053).
    const { missingProtectionsProblem } = await import('@/lib/server/protections-registry.cjs');
    const unprotected = process.env.NODE_ENV === 'production' ? missingProtectionsProblem() : null;
    if (unprotected) {
      console.error(`[moodwire] ${unprotected}`);
      process.exit(1);
    }
    const { assumedSiteUrlNotice, siteUrlProblem } = await import('@/lib/domain/routes');
    const problem = siteUrlProblem();
    if (problem) console.error(`[moodwire] ${problem}`);
    else if (!process.env.SITE_URL) console.log(assumedSiteUrlNotice());
    const { startVoteJanitor } = await import('@/lib/votes/janitor');
    startVoteJanitor();
    const { startScheduledRelease } = await import('@/lib/server/scheduled-release');
    startScheduledRelease();
    const { startWebhookDelivery } = await import('@/lib/webhooks/worker');
    startWebhookDelivery();
    const { registerRenamedLocation } = await import('@/lib/renamed-paths');
    registerRenamedLocation();
  }
}

// Every error Next catches while answering (a render, a route handler, an action, the proxy) becomes
// the cause in that request's log line, which a 5xx writes at level error (lib/server/request-log.cjs).
// Recorded at once (no import on the way): the answer may be finished in the next few turns.
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  recordCause(request.headers, {
    ...describeError(error),
    route: context.routePath,
    routeType: context.routeType,
  });
};
