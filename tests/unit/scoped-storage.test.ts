import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScopedStorage } from '@/db/engine/scoped-storage.cjs';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a context storage enabled only while a context is open (db/engine/scoped-storage.cjs)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each run its store across awaits, and nothing outside', async () => {
    const storage = new ScopedStorage<string>();
    const seen: (string | undefined)[] = [];
    const job = async (name: string) => {
      await tick();
      seen.push(storage.getStore());
      await tick();
      seen.push(`${storage.getStore()}:${name}`);
      return name;
    };
    const results = await Promise.all([storage.run('a', () => job('a')), storage.run('b', () => job('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(seen.sort()).toEqual(['a', 'a:a', 'b', 'b:b']);
    expect(storage.getStore()).toBeUndefined();
  });

  it('turns the storage off when its last context closes, not before, and on again at the next run', async () => {
    const disable = vi.spyOn(AsyncLocalStorage.prototype, 'disable');
    const storage = new ScopedStorage<string>();
    let finishFirst!: () => void;
    const first = storage.run('first', () => new Promise<void>((resolve) => (finishFirst = resolve)));
    let inSecond: string | undefined;
    const second = storage.run('second', async () => {
      await tick();
      await tick();
      inSecond = storage.getStore();
    });
    await second;
    expect(inSecond).toBe('second');
    expect(storage.openContexts).toBe(1);
    expect(disable).not.toHaveBeenCalled();
    finishFirst();
    await first;
    expect(storage.openContexts).toBe(0);
    expect(disable).toHaveBeenCalledTimes(1);

    expect(await storage.run('third', async () => (await tick(), storage.getStore()))).toBe('third');
    expect(disable).toHaveBeenCalledTimes(2);
  });

  it('closes the context of a run that throws or rejects, and passes the error on', async () => {
    const storage = new ScopedStorage<string>();
    expect(() =>
      storage.run('sync', () => {
        throw new Error('at once');
      }),
    ).toThrow('at once');
    await expect(storage.run('async', async () => Promise.reject(new Error('later')))).rejects.toThrow('later');
    expect(storage.openContexts).toBe(0);
    expect(storage.run('plain', () => 42)).toBe(42);
    expect(storage.openContexts).toBe(0);
  });

  it('keeps a response’s context open until the response closes', async () => {
    const storage = new ScopedStorage<{ id: number }>();
    const response = new EventEmitter();
    let later: { id: number } | undefined;
    storage.runUntilClosed({ id: 7 }, response, () => {
      setImmediate(() => (later = storage.getStore()));
    });
    await tick();
    expect(later).toEqual({ id: 7 });
    expect(storage.openContexts).toBe(1);
    response.emit('close');
    expect(storage.openContexts).toBe(0);
    expect(storage.getStore()).toBeUndefined();
  });
});
