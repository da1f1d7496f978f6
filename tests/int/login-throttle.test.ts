// Issue 8, items 1 and 2: the failed-sign-in throttle (fake clock, a real database on each engine, real
// argon2) and the same answer, in similar time, for an unknown e-mail and a wrong password.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execute, rows, transaction } from '@/db/engine';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Counts password verifications (the real argon2 still runs): "refused before any hash runs" is
// then a number, not a timing guess.
const argon = vi.hoisted(() => ({ verifies: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: async (...args: Parameters<typeof real.verify>) => {
      argon.verifies += 1;
      return real.verify(...args);
    },
  };
});

const { insertUser } = await import('@/db/accounts');
const { checkCredentials, AccountLocked } = await import('@/lib/auth/credentials');
const { hashPassword } = await import('@/lib/password');
const { throttleConfig } = await import('@/lib/auth/throttle-config');
const { lockDuration } = await import('@/db/queries/throttle');
const { loginThrottle, rateLimits } = await import('@/db/schema');

let env: TestDatabase;
const run = (query: SQL) => transaction((tx) => execute(query, tx));
const clearThrottle = () => transaction((tx) => tx.delete(loginThrottle));
const PASSWORD = 'Quartz-Harbour-Finch-28';
const MIN = 60_000;
let t0 = Date.UTC(2026, 0, 5, 9, 0, 0);

beforeAll(async () => {
  env = await createTestDatabase({ seed: false });
  const passwordHash = await hashPassword(PASSWORD);
  await transaction(async (tx) => {
    for (const email of [
      'throttle@example.com',
      'reset@example.com',
      'timing@example.com',
      'client@example.com',
      'env@example.com',
    ])
      await insertUser(tx, { email, name: email, role: 'writer', passwordHash });
    await insertUser(tx, { email: 'off@example.com', name: 'Off', role: 'writer', passwordHash });
  });
  await run(sql`update users set disabled = true where email = 'off@example.com'`);
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await env.cleanup();
});
afterEach(async () => {
  await clearThrottle();
  delete process.env.LOGIN_MAX_FAILURES;
  delete process.env.LOGIN_LOCK_MINUTES;
  t0 += 7 * 24 * 60 * MIN;
});

let ipCounter = 1;
const freshIp = () => `198.51.100.${ipCounter++}`;
const from = (ip: string) => ({ headers: new Headers({ 'x-moodwire-client-ip': ip }) });
const at = (ms: number) => vi.setSystemTime(t0 + ms);

async function attempt(email: string, password: string, ip: string): Promise<'ok' | 'wrong' | 'locked'> {
  try {
    return (await checkCredentials({ email, password }, from(ip))) ? 'ok' : 'wrong';
  } catch (error) {
    if (error instanceof AccountLocked) return 'locked';
    throw error;
  }
}

describe('login throttle', () => {
  it('locks an account after 5 failures in 15 minutes, before any hash runs, for 10 minutes', async () => {
    at(0);
    for (let i = 0; i < 5; i++) {
      at(i * 2 * MIN);
      expect(await attempt('throttle@example.com', `wrong-${i}`, freshIp())).toBe('wrong');
    }
    const before = argon.verifies;
    at(9 * MIN);
    // From another address, and with the right password: still refused, and no verification ran.
    expect(await attempt('throttle@example.com', PASSWORD, freshIp())).toBe('locked');
    expect(await attempt('THROTTLE@example.com ', 'wrong', freshIp())).toBe('locked');
    expect(argon.verifies).toBe(before);
    at(8 * MIN + 10 * MIN - 1000); // the lock started at the 5th failure (8 min)
    expect(await attempt('throttle@example.com', PASSWORD, freshIp())).toBe('locked');
    at(8 * MIN + 10 * MIN + 1000);
    expect(await attempt('throttle@example.com', PASSWORD, freshIp())).toBe('ok');
    expect(argon.verifies).toBe(before + 1);
  });

  it('spreads failures over more than 15 minutes without a lock', async () => {
    for (let i = 0; i < 8; i++) {
      at(i * 4 * MIN);
      expect(await attempt('throttle@example.com', 'wrong', freshIp())).toBe('wrong');
    }
  });

  it('doubles the lock each time (10, 20, 40 … minutes) up to 24 hours', async () => {
    const ip = freshIp();
    let now = 0;
    const locks: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 5; i++) {
        at(now);
        expect(await attempt('throttle@example.com', 'wrong', ip)).toBe('wrong');
      }
      const [until] = await rows<{ u: number }>(sql`select max(locked_until) as u from login_throttle`);
      locks.push((until!.u - (t0 + now)) / MIN);
      vi.setSystemTime(until!.u - 1);
      expect(await attempt('throttle@example.com', PASSWORD, ip)).toBe('locked');
      now = until!.u - t0 + 1;
    }
    expect(locks).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440]);
    expect(lockDuration(30, throttleConfig({}))).toBe(24 * 60 * MIN);
  });

  it('locks a client address after 5 failures on different accounts; other addresses go on', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await attempt(`nobody-${i}@example.com`, 'wrong', ip)).toBe('wrong');
    const before = argon.verifies;
    expect(await attempt('client@example.com', PASSWORD, ip)).toBe('locked');
    expect(argon.verifies).toBe(before);
    expect(await attempt('client@example.com', PASSWORD, freshIp())).toBe('ok');
  });

  it('a successful sign-in resets the account’s count and lock history', async () => {
    at(0);
    for (let i = 0; i < 4; i++) expect(await attempt('reset@example.com', 'wrong', freshIp())).toBe('wrong');
    expect(await attempt('reset@example.com', PASSWORD, freshIp())).toBe('ok');
    for (let i = 0; i < 4; i++) expect(await attempt('reset@example.com', 'wrong', freshIp())).toBe('wrong');
    expect(await attempt('reset@example.com', PASSWORD, freshIp())).toBe('ok');
    expect(await rows(sql`select * from login_throttle where key like 'login:acct:%'`)).toEqual([]);
  });

  it('a successful sign-in does not reset the address’s count: one valid account is no licence to guess others', async () => {
    // The attacker holds client@example.com and guesses other accounts' passwords from one address,
    // signing in to their own account between guesses.
    const ip = freshIp();
    at(0);
    for (let i = 0; i < 4; i++) {
      expect(await attempt(`victim-${i}@example.com`, 'guess', ip)).toBe('wrong');
      expect(await attempt('client@example.com', PASSWORD, ip)).toBe('ok');
    }
    expect(await attempt('victim-4@example.com', 'guess', ip)).toBe('wrong');
    const before = argon.verifies;
    expect(await attempt('victim-5@example.com', 'guess', ip)).toBe('locked');
    expect(await attempt('client@example.com', PASSWORD, ip)).toBe('locked');
    expect(argon.verifies).toBe(before);
  });

  it('100 simultaneous attempts, the right password among them: 5 hashes, no sign-in, the lock one step up', async () => {
    const ip = freshIp();
    const levels = () =>
      rows<{ level: number; until: number }>(
        sql`select lock_level as level, locked_until as until from login_throttle order by key`,
      );
    for (const round of [1, 2]) {
      at(round * 60 * MIN);
      const before = argon.verifies;
      // All start at once; the right password is the 51st. Each attempt reserves before its first await.
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => attempt('throttle@example.com', i === 50 ? PASSWORD : `wrong-${i}`, ip)),
      );
      expect(argon.verifies - before, 'password hashes checked').toBe(5);
      expect(results.filter((r) => r === 'wrong')).toHaveLength(5);
      expect(results.filter((r) => r === 'locked')).toHaveLength(95);
      expect(results[50]).toBe('locked');
      // The account and the address: locked once (10 minutes), then one step more (20) after the
      // first lock ran out, never several steps for one burst.
      expect(await levels()).toEqual([
        { level: round, until: t0 + round * 60 * MIN + round * 10 * MIN },
        { level: round, until: t0 + round * 60 * MIN + round * 10 * MIN },
      ]);
    }
  });
  it('an IPv6 client’s /64 is one address: five failures from five addresses in it lock the sixth', async () => {
    at(0);
    for (let i = 1; i <= 5; i++)
      expect(await attempt(`rotating-${i}@example.com`, 'guess', `2001:db8:77:1::${i.toString(16)}`)).toBe('wrong');
    const before = argon.verifies;
    expect(await attempt('client@example.com', PASSWORD, '2001:db8:77:1:ffff::6')).toBe('locked');
    expect(argon.verifies).toBe(before);
    // Another /64 goes on.
    expect(await attempt('client@example.com', PASSWORD, '2001:db8:77:2::1')).toBe('ok');
  });

  it('forgets keys whose window and last lock have lapsed, keeps the ones that still limit', async () => {
    const { pruneThrottleState } = await import('@/db/queries/throttle');
    const config = throttleConfig({});
    const now = t0;
    const row = (key: string, failures: number, firstFailureAt: number, lockedUntil: number, lockLevel: number) => ({
      key,
      failures,
      pending: 0,
      firstFailureAt,
      lockedUntil,
      lockLevel,
    });
    await transaction(async (tx) => {
      await tx.insert(loginThrottle).values([
        row('stale-never-locked', 2, now - 20 * MIN, 0, 0),
        row('stale-lock-lapsed', 0, now - 3 * 24 * 60 * MIN, now - 25 * 60 * MIN, 3),
        row('in-window', 2, now - 5 * MIN, 0, 0),
        row('locked', 0, now - 20 * MIN, now + 5 * MIN, 1),
        // Lock ended an hour ago: its doubling still counts for the next lock.
        row('lock-remembered', 0, now - 2 * 60 * MIN, now - 60 * MIN, 2),
      ]);
      await tx.insert(rateLimits).values([
        { key: 'contact:old', windowStart: now - 3 * 3600_000, count: 5 },
        { key: 'contact:now', windowStart: now - (now % 3600_000), count: 1 },
      ]);
    });
    expect(await pruneThrottleState(config, now)).toBe(3);
    expect(await rows(sql`select key from login_throttle order by key`)).toEqual([
      { key: 'in-window' },
      { key: 'lock-remembered' },
      { key: 'locked' },
    ]);
    expect(await rows(sql`select key from rate_limits where key like 'contact:%'`)).toEqual([{ key: 'contact:now' }]);
    await run(sql`delete from rate_limits where key like 'contact:%'`);
  });

  it('takes its limits from the environment', async () => {
    process.env.LOGIN_MAX_FAILURES = '2';
    process.env.LOGIN_LOCK_MINUTES = '1';
    at(0);
    const ip = freshIp();
    expect(await attempt('env@example.com', 'wrong', ip)).toBe('wrong');
    expect(await attempt('env@example.com', 'wrong', ip)).toBe('wrong');
    expect(await attempt('env@example.com', PASSWORD, ip)).toBe('locked');
    at(MIN + 1);
    expect(await attempt('env@example.com', PASSWORD, ip)).toBe('ok');
    expect(() => throttleConfig({ LOGIN_MAX_FAILURES: 'five' })).toThrow(/LOGIN_MAX_FAILURES/);
  });

  it('without a known client address only the account counts (nobody can lock out everyone)', async () => {
    for (let i = 0; i < 6; i++) expect(await attempt(`ghost-${i}@example.com`, 'wrong', 'not-an-ip')).toBe('wrong');
    expect(await attempt('client@example.com', PASSWORD, 'not-an-ip')).toBe('ok');
  });
});

describe('the current-password check of “Your account”', () => {
  it('is throttled with the sign-in keys: 50 simultaneous guesses hash 5 passwords, and sign-in is locked too', async () => {
    const { checkCurrentPassword } = await import('@/lib/auth/credentials');
    const ip = freshIp();
    at(0);
    const before = argon.verifies;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        checkCurrentPassword({ email: 'client@example.com' }, i === 20 ? PASSWORD : `guess-${i}`, from(ip).headers),
      ),
    );
    expect(argon.verifies - before).toBe(5);
    expect(results.filter((r) => r === 'wrong')).toHaveLength(5);
    expect(results.filter((r) => r === 'locked')).toHaveLength(45);
    // One budget per account, whichever form the guesses come through.
    expect(await attempt('client@example.com', PASSWORD, freshIp())).toBe('locked');
    expect(argon.verifies - before).toBe(5);
    at(10 * MIN + 1000);
    expect(await checkCurrentPassword({ email: 'client@example.com' }, PASSWORD, from(freshIp()).headers)).toBe('ok');
  });
});

describe('no account enumeration', () => {
  it('unknown e-mail, wrong password and disabled account give the same answer in similar time', async () => {
    vi.useRealTimers();
    try {
      const time = async (email: string, password: string) => {
        const start = performance.now();
        const result = await attempt(email, password, 'unknown');
        return { result, ms: performance.now() - start };
      };
      const samples: Record<string, number[]> = { unknown: [], wrong: [], disabled: [] };
      for (let i = 0; i < 7; i++) {
        for (const [kind, email] of [
          ['unknown', `no-such-${i}@example.com`],
          ['wrong', 'timing@example.com'],
          ['disabled', 'off@example.com'],
        ] as const) {
          const { result, ms } = await time(email, `not-the-password-${i}`);
          expect(result).toBe('wrong');
          samples[kind]!.push(ms);
        }
        await clearThrottle();
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const unknown = median(samples.unknown!);
      const wrong = median(samples.wrong!);
      // Both run one argon2id verification with the same parameters; a skipped hash would be ~100× faster.
      expect(unknown / wrong).toBeGreaterThan(0.5);
      expect(unknown / wrong).toBeLessThan(2);
      expect(median(samples.disabled!) / wrong).toBeGreaterThan(0.5);
    } finally {
      vi.useFakeTimers({ toFake: ['Date'] });
    }
  });
});
