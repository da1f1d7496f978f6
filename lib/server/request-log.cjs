'use strict';
// One structured line per request (pino): id, method, path, status, duration. Never the client's
// address, user agent, cookies, query string or body: those can identify a reader or carry secrets.
// An answer of 500 or more is logged at level error with its cause (lib/server/request-causes.cjs):
// a 5xx that nobody sees in the error log is a second defect (issue 22). Lines below error follow
// LOG_LEVEL (default info); error lines are written at any level but silent.
const crypto = require('node:crypto');
const pino = require('pino');
const { stampRequest, takeCause } = require('./request-causes.cjs');

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function createLogger() {
  const level = process.env.LOG_LEVEL || 'info';
  const destination = process.env.LOG_FILE
    ? pino.destination({ dest: process.env.LOG_FILE, mkdir: true, sync: false })
    : pino.destination({ dest: 1, sync: false });
  return pino({ level, base: { service: 'moodwire' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** The fields of a request's line, and its level: error for a 5xx (with why), info otherwise. */
function requestLine({ id, method, path, status, ms, finished, cause }) {
  const line = { id, method, path, status, ms };
  if (!finished) line.aborted = true; // the connection closed before the answer was complete
  if (status < 500) return { level: 'info', line: cause && status >= 400 ? { ...line, reason: cause } : line };
  return {
    level: 'error',
    line: { ...line, cause: cause ?? { message: 'no error was reported for this answer (see the lines before it)' } },
  };
}

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireRequestLog) return;
  const logger = createLogger();
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'request' && req && res && typeof res.setHeader === 'function' && logger.isLevelEnabled('error')) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      // The key causes are recorded under; never the client's id, which the client chooses.
      const key = crypto.randomUUID();
      stampRequest(req, key);
      const started = process.hrtime.bigint();
      // Read now: inner hooks may change the request (a HEAD is asked of Next as a GET).
      const method = req.method;
      const path = String(req.url || '/')
        .split('?')[0]
        .slice(0, 300);
      res.once('close', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const status = res.statusCode;
        // Below 500 a cause is only a note (a bad request that was refused): it goes on the info line.
        const cause = takeCause(key);
        const { level, line } = requestLine({ id, method, path, status, ms, finished: res.writableFinished, cause });
        logger[level](line, 'request');
      });
    }
    return originalEmit.apply(this, arguments);
  };
  http.Server.prototype.__moodwireRequestLog = true;
}

module.exports = { install, requestLine };
