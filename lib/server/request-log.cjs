'use strict';
// One structured line per request (pino): id, method, path, status, duration. Never the client's
// address, user agent, cookies, query string or body: those can identify a reader or carry secrets.
const crypto = require('node:crypto');
const pino = require('pino');

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function createLogger() {
  const level = process.env.LOG_LEVEL || 'info';
  const destination = process.env.LOG_FILE
    ? pino.destination({ dest: process.env.LOG_FILE, mkdir: true, sync: false })
    : pino.destination({ dest: 1, sync: false });
  return pino({ level, base: { service: 'moodwire' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireRequestLog) return;
  const logger = createLogger();
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'request' && req && res && typeof res.setHeader === 'function' && logger.isLevelEnabled('info')) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      const started = process.hrtime.bigint();
      const path = String(req.url || '/')
        .split('?')[0]
        .slice(0, 300);
      res.once('finish', () => {
        logger.info(
          { id, method: req.method, path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
          'request',
        );
      });
    }
    return originalEmit.apply(this, arguments);
  };
  http.Server.prototype.__moodwireRequestLog = true;
}

module.exports = { install };
