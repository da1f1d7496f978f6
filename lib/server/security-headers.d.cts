export function install(): void;
/** Whether the route handler at this address answers HEAD itself (so a HEAD is not asked of Next as a GET). */
export function answersHeadItself(url: string | undefined): boolean;
export function inlineScriptHashes(html: string | Buffer): string[];
export function isTrustedInlineScript(text: string): boolean;
export function contentSecurityPolicy(hashes: string[]): string;
export function secureResponse(res: import('node:http').ServerResponse): void;
/**
 * Compresses this answer per answer with Next's middleware when its body reaches 1 kB (the type
 * compressible, the client accepting gzip or deflate). A body whose length is not declared is
 * measured first: the head and up to 1 kB are held back, so an answer that ends under 1 kB goes out
 * as it is, with its Content-Length, whatever its path or method (decision 063 §1).
 */
export function compressPerAnswer(
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
  next: () => void,
): void;
/** A reader page (latin1 text) without Next's scripts and script preloads; null when the page keeps them. */
export function stripClientRuntime(page: string): string | null;
export function isReaderPageRequest(
  req: { url?: string; method?: string; headers?: Record<string, string | string[] | undefined> } | undefined,
  statusCode: number,
): boolean;
