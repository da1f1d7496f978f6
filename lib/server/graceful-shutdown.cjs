'use strict';
// Graceful stop on SIGTERM/SIGINT. Next's own handler calls server.close(), which in Node 20 also
// closes "idle" keep-alive connections at once, including ones whose request bytes have arrived but
// are not parsed yet: those clients get a reset. Instead we stop listening, answer every request
// already on a connection (with `Connection: close`), close connections as they fall idle, then close
// the database and exit. A deadline (SHUTDOWN_TIMEOUT_MS, default 10 s) bounds the wait.
const net = require('node:net');

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireShutdown) return;
  http.Server.prototype.__moodwireShutdown = true;

  const servers = new Set();

  // Whoever calls close() (Next's own signal handler included), do not drop connections whose requests
  // are still waiting to be read: stop listening and let the drain loop below close them when idle.
  http.Server.prototype.close = function close(callback) {
    servers.add(this);
    draining = true;
    startDrainLoop();
    return net.Server.prototype.close.call(this, callback);
  };

  let active = 0;
  let draining = false;
  let loop = null;
  const startDrainLoop = () => {
    if (loop) return;
    const deadline = Date.now() + Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
    loop = setInterval(() => {
      if (Date.now() > deadline) {
        for (const server of servers) server.closeAllConnections();
        return;
      }
      if (active === 0) for (const server of servers) server.closeIdleConnections();
    }, 100);
    loop.unref();
  };

  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'listening') servers.add(this);
    if (event === 'request' && res) {
      servers.add(this);
      active++;
      res.once('close', () => active--);
      if (draining) res.setHeader('Connection', 'close');
    }
    return originalEmit.apply(this, arguments);
  };

  const shutdown = (signal) => {
    if (draining) return;
    draining = true;
    const code = signal === 'SIGINT' ? 130 : 143;
    let open = servers.size;
    const finish = () => {
      try {
        globalThis.moodwireDb?.db.$client.close();
      } catch {
        // already closed
      }
      process.exit(code);
    };
    if (open === 0) finish();
    for (const server of servers) {
      // net.Server#close stops accepting without http's eager closing of idle connections.
      net.Server.prototype.close.call(server, () => {
        open--;
        if (open === 0) finish();
      });
    }
    startDrainLoop();
    setTimeout(finish, Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000) + 500).unref();
  };

  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown(signal));
  }
}

module.exports = { install };
