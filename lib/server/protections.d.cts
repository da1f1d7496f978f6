export function installProtections(entry: 'next start' | 'next dev' | 'standalone' | string): void;
export declare const HOOK_NAMES: string[];
