export type ProtectionsReport = { entry: string | null; active: string[]; missing: string[] };
export function registry(): { entry: string | null; active: string[] };
export function protectionsReport(): ProtectionsReport;
export function missingProtectionsProblem(): string | null;
export declare const REQUIRED: string[];
export declare const SECURITY_HEADERS_PARTS: string[];
