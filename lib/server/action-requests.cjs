'use strict';
// A server action posted with arguments nobody's form would send (a Next-Action call whose body is
// not what React encodes, a form post whose hidden $ACTION fields are mangled, a multipart body that
// does not parse) is a bad request: 400 with a short message, one info line in the request log, and
// nothing on the console. Next reads such a body before any of our code runs and answers every
// failure to read it 500, printing the stack (issue 15 §4).
//
// How: an action request runs in an AsyncLocalStorage context of its own. Next prints each error of a
// request with console.error before it answers; while the request is an action request, errors that
// come from reading its arguments (UNREADABLE below) are noted in the context instead of printed.
// If Next then answers 500, the answer is held back at its end and replaced by the 400. Every other
// error of an action request is printed and answered as before: a bug stays a 500 in the error log.
// Installed from next.config.ts inside the security-headers hook, so the 400 gets the same headers.
const { recordCause, requestKey, HEADER } = require('./request-causes.cjs');
const { ScopedStorage } = require('../../db/engine/scoped-storage.cjs');

// Enabled only while an action request is being answered (db/engine/scoped-storage.cjs).
const context = new ScopedStorage();

/** What Next, React and the body parsers say when they cannot read an action request. */
const UNREADABLE_MESSAGES = [
  // React's reader of action arguments (decodeReply, decodeAction, decodeFormState)
  /^Invalid (?:forward )?reference\.$/,
  /^Connection closed\.$/,
  /^Already initialized /,
  /^Invalid (?:Map|Set|Iterator) initializer\.$/,
  /^Referenced Blob is not a Blob\.$/,
  /^Invalid data for bytes stream\.$/,
  /^Reply finished with incomplete file part\.$/,
  // Next: ids that name no action, or an empty one (answered 4xx already, printed all the same)
  /^Invalid Server Actions? request\.?$/,
  /^Invariant: Missing 'next-action' header/,
  /^The Server Reference ID did not match the expected format/,
  /^Failed to find Server Action/,
  /^Server Action arguments list is too long/,
  // multipart and urlencoded bodies that do not parse (busboy, undici)
  /^Unexpected end of (?:form|file|multipart data)/,
  /^Malformed (?:part header|urlencoded form)/,
  /^Multipart: Boundary not found/,
  /^Failed to parse body as FormData\.$/,
  // the client went away while its action request was being read
  /^aborted$/,
];
/** Where Next reads an action request: an error raised there came from the request, not from us. */
const READER_FRAMES = /[\\/]next[\\/]dist[\\/](?:compiled[\\/]|server[\\/]app-render[\\/]action-handler)/;

/** Whether an error says that an action request could not be read (as opposed to a bug). */
function isUnreadable(error) {
  if (!error || typeof error !== 'object') return false;
  const name = String(error.name || '');
  const message = String(error.message || '');
  if (name === 'UnreadableFormError' || name === 'SyntaxError') return true;
  if (UNREADABLE_MESSAGES.some((re) => re.test(message))) return true;
  // The first frame that is not Node's own, e.g. `args.length` on a body that decoded to null.
  const frame = String(error.stack || '')
    .split('\n')
    .slice(1)
    .find((line) => !/\(node:|at node:|<anonymous>/.test(line));
  return name === 'TypeError' && frame !== undefined && READER_FRAMES.test(frame);
}

/** A server action call: the client runtime's (Next-Action header) or a form posted without JavaScript. */
function isActionRequest(req) {
  if (req.method !== 'POST') return false;
  if (req.headers['next-action'] !== undefined) return true;
  const path = String(req.url || '/');
  return /^multipart\/form-data/i.test(String(req.headers['content-type'] || '')) && !/^\/(?:api|_next)\//.test(path);
}

const DROPPED_HEADERS =
  /^(?:content-|transfer-encoding$|cache-control$|vary$|set-cookie$|etag$|link$|x-next|x-action)/i;

const MESSAGE = 'Bad request: this form could not be read. Please go back to the page and send it again.';

function badRequestBody(req) {
  if (req.headers['next-action'] !== undefined || !/text\/html/i.test(String(req.headers.accept || ''))) {
    return { type: 'text/plain; charset=utf-8', body: MESSAGE };
  }
  return {
    type: 'text/html; charset=utf-8',
    body:
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>Bad request</title></head><body><h1>Bad request</h1><p>${MESSAGE}</p><p><a href="/">Home page</a></p></body></html>`,
  };
}

/** Holds an answer of 500 or more back until its end, to replace it when the request was unreadable. */
function holdServerErrors(req, res, store) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let head = null; // writeHead's arguments, held
  let held = null; // [chunk, encoding] pairs, held while the answer is a 5xx
  const failing = () => (head ? head[0] : res.statusCode) >= 500;

  res.writeHead = function writeHead(statusCode) {
    if (held === null && statusCode >= 500 && !res.headersSent) {
      head = [...arguments];
      held = [];
      return res;
    }
    return original.writeHead.apply(res, arguments);
  };
  res.write = function write(chunk, encoding, cb) {
    if (held === null && failing() && !res.headersSent) held = [];
    if (held === null) return original.write.apply(res, arguments);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push([chunk, encoding]);
    const done = [chunk, encoding, cb].find((a) => typeof a === 'function');
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function end(chunk, encoding, cb) {
    if (held === null && failing() && !res.headersSent) held = [];
    if (held === null) return original.end.apply(res, arguments);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push([chunk, encoding]);
    const done = [chunk, encoding, cb].find((a) => typeof a === 'function');
    // Next notes an error before it answers; one turn of the event loop covers the rest.
    setImmediate(() => {
      res.writeHead = original.writeHead;
      res.write = original.write;
      res.end = original.end;
      if (store.unreadable) {
        const { type, body } = badRequestBody(req);
        // What Next meant to send with its 500 goes; the security headers and the request id stay.
        for (const name of res.getHeaderNames()) if (DROPPED_HEADERS.test(name)) res.removeHeader(name);
        res.writeHead(400, {
          'Content-Type': type,
          'Cache-Control': 'no-store',
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body, done);
        return;
      }
      if (head) res.writeHead(...head);
      for (const [c, e] of held) res.write(c, e);
      res.end(done);
    });
    return res;
  };
}

/**
 * console.error and console.warn, quiet about the unreadable input of the action request they are
 * called for (Next warns about an action id it does not know, and answers it 4xx itself).
 */
function quietConsole() {
  for (const level of ['error', 'warn']) {
    const print = console[level];
    console[level] = function quiet(...args) {
      const store = context.getStore();
      const thrown = store && args.find((a) => a instanceof Error);
      if (thrown && isUnreadable(thrown)) {
        if (!store.unreadable) {
          store.unreadable = true;
          recordCause(store.headers, {
            message: 'server action request could not be read',
            detail: `${thrown.name}: ${String(thrown.message).slice(0, 200)}`,
          });
        }
        return;
      }
      return print.apply(this, args);
    };
  }
}

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireActionRequests) return;
  quietConsole();
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'request' && req && res && typeof res.setHeader === 'function' && isActionRequest(req)) {
      const store = { unreadable: false, headers: { [HEADER]: requestKey(req.headers) } };
      holdServerErrors(req, res, store);
      return context.runUntilClosed(store, res, () => originalEmit.apply(this, arguments));
    }
    return originalEmit.apply(this, arguments);
  };
  http.Server.prototype.__moodwireActionRequests = true;
}

module.exports = { install, isUnreadable, isActionRequest };
