'use strict';
// Why a request got a 5xx, for its one log line (lib/server/request-log.cjs). The request log names
// each request by an internal key in a header of its own (a client cannot choose it: any copy the
// client sent is dropped); Next's onRequestError (instrumentation.ts) and our own handlers that answer
// 5xx on purpose (a paused vote) record the cause under that key, and the log line takes it when the
// answer is finished. The map lives on globalThis: Next's bundle of instrumentation.ts and this file,
// loaded by next.config.ts, are two copies of the module in one process. It is bounded: causes never
// taken (an error in a background render, a request cut off) are dropped oldest first.

const HEADER = 'x-moodwire-request';
const MAX_CAUSES = 500;
const KEY = Symbol.for('moodwire.requestCauses');

/** @returns {Map<string, Record<string, unknown>>} */
function causes() {
  const g = /** @type {Record<symbol, Map<string, Record<string, unknown>> | undefined>} */ (globalThis);
  return (g[KEY] ??= new Map());
}

/** The internal key of a request, from its headers (a Node or a Web Headers object). */
function requestKey(headers) {
  if (!headers) return undefined;
  const value = typeof headers.get === 'function' ? headers.get(HEADER) : headers[HEADER];
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : undefined;
}

/** A short, structured description of an error: never the request's data, only what went wrong where. */
function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 500) };
  const described = { type: error.name, message: String(error.message).slice(0, 500) };
  if (error.code !== undefined) described.code = String(error.code);
  if (error.digest !== undefined) described.digest = String(error.digest);
  if (typeof error.stack === 'string') described.stack = error.stack.split('\n').slice(1, 6).join('\n').slice(0, 1500);
  if (error.cause !== undefined) described.cause = describeError(error.cause);
  return described;
}

/** Records why the request with these headers fails; the first cause recorded for a request wins. */
function recordCause(headers, cause) {
  const key = requestKey(headers);
  if (!key) return;
  const map = causes();
  if (map.has(key)) return;
  map.set(key, cause);
  while (map.size > MAX_CAUSES) map.delete(map.keys().next().value);
}

/** The cause recorded for a request, removed from the map. */
function takeCause(key) {
  const map = causes();
  const cause = map.get(key);
  map.delete(key);
  return cause;
}

/** Gives a request its internal key (dropping any header of that name the client sent). */
function stampRequest(req, key) {
  delete req.headers[HEADER];
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (String(raw[i]).toLowerCase() === HEADER) raw.splice(i, 2);
  req.headers[HEADER] = key;
}

module.exports = { HEADER, describeError, recordCause, takeCause, stampRequest, requestKey };
