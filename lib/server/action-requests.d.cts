export function install(): void;
export function isUnreadable(error: unknown): boolean;
export function isActionRequest(req: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): boolean;
