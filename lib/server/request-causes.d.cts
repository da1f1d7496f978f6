type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export const HEADER: string;
export function describeError(error: unknown): Record<string, unknown>;
export function recordCause(headers: HeaderSource | undefined, cause: Record<string, unknown>): void;
export function takeCause(key: string): Record<string, unknown> | undefined;
export function stampRequest(req: import('node:http').IncomingMessage, key: string): void;
export function requestKey(headers: HeaderSource | undefined): string | undefined;
