// CI dependency check: `npm audit --omit=dev --audit-level=high`. Fails on a real high or critical
// finding; when the audit service itself cannot be reached or refuses the request (this sandbox's
// registry answers 405), it says so loudly and does not fail the build. See decision 013.
import { spawnSync } from 'node:child_process';

export function auditVerdict(status, stdout) {
  let report;
  try {
    report = JSON.parse(stdout || '{}');
  } catch {
    return {
      fail: false,
      message: 'npm audit gave no readable answer: audit service unreachable, dependencies NOT checked.',
    };
  }
  const v = report.metadata?.vulnerabilities;
  if (v) {
    const serious = (v.high ?? 0) + (v.critical ?? 0);
    if (serious > 0)
      return {
        fail: true,
        message: `npm audit: ${v.critical ?? 0} critical and ${v.high ?? 0} high vulnerabilities in production dependencies.`,
      };
    return {
      fail: false,
      message: `npm audit: no high or critical vulnerabilities (${v.moderate ?? 0} moderate, ${v.low ?? 0} low).`,
    };
  }
  if (report.statusCode)
    return {
      fail: false,
      message: `npm audit: the audit service answered HTTP ${report.statusCode} (${String(report.message ?? '').slice(0, 120)}): dependencies NOT checked.`,
    };
  if (report.error)
    return {
      fail: false,
      message: `npm audit could not reach the audit service (${report.error.code ?? 'error'}: ${String(report.error.summary ?? '').split('\n')[0]}): dependencies NOT checked.`,
    };
  return {
    fail: status !== 0,
    message: status === 0 ? 'npm audit: nothing to report.' : 'npm audit failed without a report.',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
  const verdict = auditVerdict(run.status, run.stdout);
  console.log(verdict.fail ? `::error:: ${verdict.message}` : verdict.message);
  process.exit(verdict.fail ? 1 : 0);
}
