'use strict';
// Which pages read from disk enter Next's memory cache (decision 066). Next puts every page it reads
// from its disk cache into its memory cache (cacheMaxMemorySize, least recently used out first): one
// crawler's sweep of the archive, or the long tail of a day's reading, pushes the front page and the
// hot stories out of memory, and every page pushed out is garbage the collector must find in its old
// space. Here a page read from disk enters memory only when memory has room for it, or when it has
// been asked for more often, lately, than the page it would push out (the least recently used one):
// the frequency filter of TinyLFU (Einziger, Friedman, Manes 2017), counting every read of a page,
// from memory or from disk, with counts halved as they age.
//
// Only the disk path is filtered: a page a render has just stored, a 404 kept in memory alone
// (decision 018) and a page read from Redis (decision 051) enter memory as before. A page left out is
// answered all the same, from the disk, which is where it lives.

/** Pages whose read counts are kept (at most); beyond it the count read least recently goes first. */
const COUNTED_PAGES = 16384;
/** After this many counted reads, every count is halved (and counts of 0 dropped): recent reads weigh most. */
const AGE_EVERY = 10 * COUNTED_PAGES;

const counts = new Map();
let countedReads = 0;
/** Addresses read from disk right now by a handler (a count: requests for one address at once). */
const reading = new Map();
/** Set while a handler stores an entry itself: those sets are never filtered. */
let storing = false;

function age() {
  for (const [key, count] of counts) {
    const halved = count >> 1;
    if (halved === 0) counts.delete(key);
    else counts.set(key, halved);
  }
  countedReads = 0;
}

/**
 * Counts a read of the address (memory or disk): what admission compares. The map is kept in the order
 * of last reads (a count read again moves to the end), so when it is full the count dropped is the one
 * read least recently: a flood of new addresses cannot wipe out the counts of the pages read all day.
 */
function count(key) {
  const before = counts.get(key) || 0;
  counts.delete(key);
  counts.set(key, before + 1);
  if (counts.size > COUNTED_PAGES) counts.delete(counts.keys().next().value);
  if (++countedReads >= AGE_EVERY) age();
}

function frequency(key) {
  return counts.get(key) || 0;
}

/**
 * The page memory would push out first (the least recently used), or undefined when the cache is not
 * the LRU cache this was written against (Next's lib/lru-cache: a list from head to tail): then
 * every page is admitted, as Next does.
 */
function victimOf(memory) {
  const last = memory.tail && memory.tail.prev;
  return last && last !== memory.head && typeof last.key === 'string' ? last : undefined;
}

/** Whether a page read from disk enters memory. */
function admits(memory, key, value) {
  if (typeof memory.calculateSize !== 'function' || typeof memory.totalSize !== 'number') return true;
  const size = memory.calculateSize(value, key);
  if (memory.totalSize + size <= memory.maxSize) return true;
  const victim = victimOf(memory);
  return !victim || frequency(key) > frequency(victim.key);
}

const INSTALLED = Symbol.for('moodwire.memoryAdmission');

/** Puts the filter on Next's memory cache (once; the cache is one per process). */
function install(memory) {
  if (!memory || memory[INSTALLED] || typeof memory.set !== 'function') return;
  const set = memory.set;
  memory.set = function admittedSet(key, value) {
    if (!storing && reading.has(key) && !this.has(key) && !admits(this, key, value)) return false;
    return set.call(this, key, value);
  };
  memory[INSTALLED] = true;
}

/**
 * Notes a handler's read of an address and returns whether it goes to disk (memory lacks it): then
 * call readDone(key) when the read is over, whatever its outcome.
 */
function readBegins(memory, key) {
  count(key);
  if (!memory || memory.has(key)) return false;
  reading.set(key, (reading.get(key) || 0) + 1);
  return true;
}

function readDone(key) {
  const left = (reading.get(key) || 1) - 1;
  if (left === 0) reading.delete(key);
  else reading.set(key, left);
}

/** Runs fn (which sets the memory cache synchronously, as Next's set does first) unfiltered. */
function unfiltered(fn) {
  const before = storing;
  storing = true;
  try {
    return fn();
  } finally {
    storing = before;
  }
}

/** For tests: forgets every count. */
function reset() {
  counts.clear();
  reading.clear();
  countedReads = 0;
}

module.exports = { install, readBegins, readDone, unfiltered, frequency, reset, COUNTED_PAGES, AGE_EVERY };
