export function install(): void;
export function isMalformed(url: string | undefined): boolean;
