/** An AsyncLocalStorage that is enabled only while one of its contexts is open (db/engine/scoped-storage.cjs). */
export class ScopedStorage<T> {
  /** The store of the context this code runs in, if one is open. */
  getStore(): T | undefined;
  /** How many contexts are open (tests). */
  readonly openContexts: number;
  /** Runs `fn` with `store`; the context closes when its result settles. */
  run<R>(store: T, fn: () => R): R;
  /** Runs `fn` with `store`; the context stays open until `response` emits 'close'. */
  runUntilClosed<R>(store: T, response: { once(event: 'close', listener: () => void): unknown }, fn: () => R): R;
}
