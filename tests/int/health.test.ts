// Runs on both engines (vitest projects 'sqlite' and 'postgres'): what /api/health says, and why
// (issue 17 §3, decision 014). The unreachable-server cases are PostgreSQL's: SQLite has no server.
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineKind } from '@/db/engine';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let temp: TestDatabase;
let h: typeof import('@/db/queries/health');
const saved = { url: process.env.DATABASE_URL, readOnly: process.env.DATABASE_READ_ONLY };

beforeAll(async () => {
  temp = await createTestDatabase({ seed: false });
  saved.url = process.env.DATABASE_URL;
  h = await import('@/db/queries/health');
});
afterEach(() => {
  // Back to the test's own database (db/engine makes its engine again when these change).
  process.env.DATABASE_URL = saved.url;
  if (saved.readOnly === undefined) delete process.env.DATABASE_READ_ONLY;
  else process.env.DATABASE_READ_ONLY = saved.readOnly;
  h.recordWriteSuccess();
});
afterAll(() => temp.cleanup());

describe('database health', () => {
  it('is ok on a migrated database, with the migrations counted', async () => {
    const health = await h.checkDatabaseHealth();
    expect(health.ok).toBe(true);
    expect(health.migrations?.applied).toBeGreaterThan(0);
    expect(health.migrations?.applied).toBe(health.migrations?.expected);
    expect(await h.writeStatus(Date.now() + 10_000)).toBeUndefined();
  });

  it('a failed write for want of space is reported until a write succeeds', async () => {
    const now = Date.now();
    h.recordWriteFailure('full', now);
    expect(await h.checkDatabaseHealth(now + 1000)).toMatchObject({
      ok: false,
      reason: 'database is full (no space to write)',
    });
    h.recordWriteSuccess();
    expect((await h.checkDatabaseHealth(now + 2000)).ok).toBe(true);
  });

  it('says the database is read-only when it is opened read-only', async () => {
    process.env.DATABASE_READ_ONLY = '1';
    const health = await h.checkDatabaseHealth();
    expect(health).toMatchObject({ ok: false, reason: 'database is read-only' });
    // Reading still works: the migrations were counted.
    expect(health.migrations?.applied).toBeGreaterThan(0);
  });

  it.runIf(engineKind() === 'postgres')('says the server is unreachable when nothing listens', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((r) => closed.close(r));
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/none`;
    const started = Date.now();
    const health = await h.checkDatabaseHealth();
    expect(health).toMatchObject({ ok: false, reason: 'database server is unreachable' });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await h.writeStatus(Date.now() + 10_000)).toBe('unreachable');
  });

  it.runIf(engineKind() === 'postgres')('answers within its timeout when the server never replies', async () => {
    // Accepts connections and never says a word: a hung server, or a firewall that swallows packets.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as net.AddressInfo;
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/none`;
    try {
      const started = Date.now();
      const health = await h.checkDatabaseHealth();
      const took = Date.now() - started;
      expect(health).toMatchObject({ ok: false, reason: 'database did not answer within 3 s' });
      expect(took).toBeGreaterThanOrEqual(2_900);
      expect(took).toBeLessThan(4_500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
