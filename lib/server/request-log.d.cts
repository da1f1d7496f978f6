export function install(): void;
export function requestLine(request: {
  id: string;
  method: string | undefined;
  path: string;
  status: number;
  ms: number;
  finished: boolean;
  cause: Record<string, unknown> | undefined;
}): { level: 'info' | 'error'; line: Record<string, unknown> };
