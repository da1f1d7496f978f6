'use strict';
// Graceful stop on SIGTERM/SIGINT. Next's own handler calls server.close(), which in Node 20 also
// closes "idle" keep-alive connections at once (including ones whose request bytes have arrived but
// are not parsed yet) and drops connections still waiting in the listen backlog: those clients see a
// reset. Instead, once asked to stop, we keep accepting until the server has been quiet for a moment
// (no request in flight, no new connection), answering with `Connection: close`; then we stop
// listening, close connections as they fall idle, close the database and exit. SHUTDOWN_TIMEOUT_MS
// (default 10 s) bounds the whole wait.
const net = require('node:net');

const QUIET_MS = 250;
const HOOK_TIMEOUT_MS = 5000;

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireShutdown) return;
  http.Server.prototype.__moodwireShutdown = true;

  const servers = new Set();
  const closeCallbacks = [];
  let active = 0;
  let lastActivity = Date.now();
  let draining = false;
  let listening = true;

  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'listening' || event === 'connection') {
      servers.add(this);
      lastActivity = Date.now();
    }
    if (event === 'request' && res) {
      servers.add(this);
      active++;
      lastActivity = Date.now();
      res.once('close', () => {
        active--;
        lastActivity = Date.now();
      });
      if (draining) res.setHeader('Connection', 'close');
    }
    return originalEmit.apply(this, arguments);
  };

  // Work that must reach the database before it closes (the read counts held in memory,
  // lib/reads/counter.ts) registers a hook in globalThis.moodwireBeforeExit; each gets at most
  // HOOK_TIMEOUT_MS, and a failure is logged, never a reason not to stop.
  let finishing = false;
  const finish = async (code) => {
    if (finishing) return;
    finishing = true;
    const hooks = [...(globalThis.moodwireBeforeExit?.entries() ?? [])];
    await Promise.all(
      hooks.map(([name, hook]) =>
        Promise.race([
          Promise.resolve().then(hook),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), HOOK_TIMEOUT_MS).unref()),
        ]).catch((error) => console.error(`[moodwire] on stop, ${name} failed:`, error?.message ?? error)),
      ),
    );
    try {
      globalThis.moodwireDb?.db.$client.close();
    } catch {
      // already closed
    }
    await globalThis.moodwireEngine?.engine.close().catch(() => undefined);
    process.exit(code);
  };

  const stopListening = () => {
    if (!listening) return;
    listening = false;
    let open = servers.size;
    if (open === 0) for (const cb of closeCallbacks.splice(0)) cb();
    for (const server of servers) {
      net.Server.prototype.close.call(server, () => {
        open--;
        if (open === 0) for (const cb of closeCallbacks.splice(0)) cb();
      });
    }
  };

  const drain = () => {
    if (draining) return;
    draining = true;
    // Connections already waiting in the listen backlog are accepted on the next turns of the loop:
    // the quiet period counts from the signal, not from the last request before it.
    lastActivity = Date.now();
    const deadline = Date.now() + Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
    const loop = setInterval(() => {
      const late = Date.now() > deadline;
      if (listening && (late || (active === 0 && Date.now() - lastActivity > QUIET_MS))) stopListening();
      if (!listening && active === 0) for (const server of servers) server.closeIdleConnections();
      if (late) for (const server of servers) server.closeAllConnections();
    }, 50);
    loop.unref();
  };

  // Whoever calls close() (Next's own signal handler included) gets the gentle version.
  http.Server.prototype.close = function close(callback) {
    servers.add(this);
    if (typeof callback === 'function') closeCallbacks.push(callback);
    drain();
    return this;
  };

  const onSignal = (signal) => {
    closeCallbacks.push(() => void finish(signal === 'SIGINT' ? 130 : 143));
    drain();
    setTimeout(
      () => (finishing ? process.exit(1) : void finish(1)),
      Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000) + 1000,
    ).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.removeAllListeners(signal);
    process.once(signal, () => onSignal(signal));
  }
}

module.exports = { install };
