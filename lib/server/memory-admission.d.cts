/** Next's memory cache as far as admission uses it (next/dist/server/lib/lru-cache). */
type MemoryCache = { has(key: string): boolean; set(key: string, value: unknown): boolean };

/** Puts the admission filter on Next's memory cache (once per process). */
export function install(memory: MemoryCache | undefined): void;
/** Counts a read of the address; true when it goes to disk (then call readDone). */
export function readBegins(memory: MemoryCache | undefined, key: string): boolean;
export function readDone(key: string): void;
/** Runs fn with the memory cache's sets unfiltered. */
export function unfiltered<T>(fn: () => T): T;
/** How often the address was read lately (counts halve as they age). */
export function frequency(key: string): number;
/** For tests: forgets every count. */
export function reset(): void;
export const COUNTED_PAGES: number;
export const AGE_EVERY: number;
