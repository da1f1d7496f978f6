export function install(): void;
/** Whether the route handler at this address answers HEAD itself (so a HEAD is not asked of Next as a GET). */
export function answersHeadItself(url: string | undefined): boolean;
export function inlineScriptHashes(html: string | Buffer): string[];
export function isTrustedInlineScript(text: string): boolean;
export function contentSecurityPolicy(hashes: string[]): string;
export function secureResponse(res: import('node:http').ServerResponse): void;
/** Compresses this answer per answer when worth it (Next's middleware, without our small API answers). */
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
