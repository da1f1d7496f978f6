export function install(): void;
export function allowedMethods(url: string | undefined): string[];
export function refusal(
  method: string | undefined,
  url: string | undefined,
): { status: number; allow: string; body: string } | undefined;
