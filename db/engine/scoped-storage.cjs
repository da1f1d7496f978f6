'use strict';
// An AsyncLocalStorage that is enabled only while one of its contexts is open.
//
// On Node 20 every enabled AsyncLocalStorage copies its store onto every promise and callback the
// process creates, whether or not anyone asks for it: measured 0.05–0.1 µs per promise each (issue
// 16). Next runs several of its own; ours (the nested-transaction guard, a staff action's check of
// its actor, an action request's quiet console) used to stay enabled from their first use, so one
// vote or one editor's save made every later page of the process dearer. This one turns itself off
// when its last context closes, and on again at the next run.
//
// A context closes when the function's promise settles (run), or when the response ends
// (runUntilClosed). Code that outlives its context (a promise left running) may find the store
// gone: use it only for checks that matter while the context is open.
const { AsyncLocalStorage } = require('node:async_hooks');

class ScopedStorage {
  #storage = new AsyncLocalStorage();
  #open = 0;

  /** The store of the context this code runs in, if one is open. */
  getStore() {
    return this.#open === 0 ? undefined : this.#storage.getStore();
  }

  /** How many contexts are open (tests). */
  get openContexts() {
    return this.#open;
  }

  /** Runs `fn` with `store`; the context closes when its result settles (at once when it is not a promise). */
  run(store, fn) {
    this.#open++;
    let result;
    try {
      result = this.#storage.run(store, fn);
    } catch (error) {
      this.#close();
      throw error;
    }
    if (result && typeof result.then === 'function') {
      return result.then(
        (value) => {
          this.#close();
          return value;
        },
        (error) => {
          this.#close();
          throw error;
        },
      );
    }
    this.#close();
    return result;
  }

  /** Runs `fn` with `store`; the context stays open until `response` emits 'close'. */
  runUntilClosed(store, response, fn) {
    this.#open++;
    response.once('close', () => this.#close());
    return this.#storage.run(store, fn);
  }

  #close() {
    this.#open--;
    if (this.#open === 0) this.#storage.disable();
  }
}

module.exports = { ScopedStorage };
