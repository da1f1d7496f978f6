// Issue 8, item 14: the CI audit step fails on real high/critical findings and only reports when the
// audit service cannot be asked (this sandbox's registry answers 405).
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { auditVerdict } from '../../scripts/audit.mjs';

type Verdict = { fail: boolean; message: string };
const verdict = auditVerdict as (status: number, stdout: string) => Verdict;

describe('npm audit step', () => {
  it('fails on high or critical vulnerabilities', () => {
    const r = verdict(
      1,
      JSON.stringify({ metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 2, critical: 0 } } }),
    );
    expect(r.fail).toBe(true);
    expect(r.message).toContain('2 high');
  });
  it('passes when only moderate or low ones exist', () => {
    expect(
      verdict(0, JSON.stringify({ metadata: { vulnerabilities: { low: 3, moderate: 1, high: 0, critical: 0 } } })).fail,
    ).toBe(false);
  });
  it('reports, without failing, an audit service that answers 405 or cannot be reached', () => {
    const r405 = verdict(
      1,
      JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      }),
    );
    expect(r405).toMatchObject({ fail: false });
    expect(r405.message).toContain('NOT checked');
    expect(
      verdict(1, JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } }))
        .message,
    ).toContain('NOT checked');
    expect(verdict(1, 'not json').fail).toBe(false);
  });
});
