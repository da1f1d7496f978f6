export function install(): void;
export function inlineScriptHashes(html: string | Buffer): string[];
export function isTrustedInlineScript(text: string): boolean;
export function contentSecurityPolicy(hashes: string[]): string;
export function secureResponse(res: import('node:http').ServerResponse): void;
