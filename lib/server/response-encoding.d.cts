export type Coding = 'br' | 'gzip';
/** The coding to send for an Accept-Encoding header: brotli, else gzip, else null (identity). */
export function acceptedCoding(header: string | string[] | undefined): Coding | null;
/** The body in `coding` (null: as it is, e.g. under 1 kB); kept per `version` when one is given. */
export function encodeBody(
  body: Buffer,
  coding: Coding | null,
  version: string | null,
): { body: Buffer; coding: Coding | null };
/** The compressed copy kept for a version of a body in `coding`, or null. */
export function keptVariant(version: string, coding: Coding): Buffer | null;
/** A name for one version of a body (what its ETag carries). */
export function versionOf(body: Buffer): string;
export function versionOfTag(tag: string | undefined): string | null;
export function entityTag(version: string, coding: Coding | null): string;
export function isNotModified(
  headers: Record<string, string | string[] | undefined>,
  etag: string | null | undefined,
  lastModified?: string | null,
): boolean;
export function isShared(cacheControl: string | number | string[] | undefined): boolean;
/** `max-age=0` added to a shared answer's Cache-Control that has none (no heuristic freshness in browsers). */
export function browserCacheControl(cacheControl: string | number | string[] | undefined): string;
export function dropRouterHeaders(req: { headers: Record<string, unknown> }): void;
export function readerVary(url: string | undefined): string;
export function isCompressibleText(contentType: string | undefined): boolean;
export const MIN_COMPRESS_BYTES: number;
