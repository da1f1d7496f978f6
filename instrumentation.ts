// Runs once when a Next server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startVoteJanitor } = await import('@/lib/votes/janitor');
    startVoteJanitor();
    const { startScheduledRelease } = await import('@/lib/server/scheduled-release');
    startScheduledRelease();
    const { registerRenamedLocation } = await import('@/lib/renamed-paths');
    registerRenamedLocation();
  }
}
