export function install(): void;
