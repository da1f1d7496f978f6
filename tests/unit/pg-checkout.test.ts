// Every PostgreSQL checkout answers within its deadline, even when node-postgres's pool never calls
// back (brianc/node-postgres#3721; votes left unanswered in the cluster test, decision 057).
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { boundCheckouts } from '../../db/engine/pg';

type Callback = (err: Error | undefined, client?: unknown, done?: () => void) => void;

/** A stand-in pool whose checkouts answer only when the test says so. */
function fakePool() {
  const waiting: Callback[] = [];
  const pool = { connect: (cb: Callback) => void waiting.push(cb) } as unknown as pg.Pool;
  return { pool, waiting };
}

describe('boundCheckouts', () => {
  it('gives up on a checkout the pool never answers, with the pool’s own timeout error', async () => {
    const { pool } = fakePool();
    boundCheckouts(pool, 50);
    await expect(pool.connect()).rejects.toThrow('timeout exceeded when trying to connect');
  });

  it('gives back a connection that arrives after the deadline', async () => {
    const { pool, waiting } = fakePool();
    boundCheckouts(pool, 20);
    await expect(pool.connect()).rejects.toThrow('timeout');
    let released = 0;
    waiting[0]!(undefined, { id: 'late' }, () => released++);
    expect(released).toBe(1);
  });

  it('passes on a connection that arrives in time, and the callback form too', async () => {
    const { pool, waiting } = fakePool();
    boundCheckouts(pool, 1000);
    const checkout = pool.connect();
    waiting[0]!(undefined, { id: 'a' }, () => undefined);
    await expect(checkout).resolves.toEqual({ id: 'a' });
    const got = new Promise((resolve) =>
      (pool.connect as unknown as (cb: Callback) => void)((err, c) => resolve(err ?? c)),
    );
    waiting[1]!(undefined, { id: 'b' }, () => undefined);
    await expect(got).resolves.toEqual({ id: 'b' });
  });
});
