export function contentSecurityPolicy(sources: string[]): string;
export function readerPolicy(): string;
export function staffPolicy(nonce: string): string;
export function isNoncePolicy(policy: unknown): boolean;
export function siteIsHttps(): boolean;
export declare const STATIC_HEADERS: Record<string, string>;
export declare const OPENER_POLICY: string;
export declare const HSTS: string;
export declare const TRUSTED_HASHES: string[];
