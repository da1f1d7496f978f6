/** Pages rendered at once when nobody asked for them before (MOODWIRE_RENDERS_AT_ONCE, default 4). */
export const RENDERS_AT_ONCE: number;
/** Why a MOODWIRE_RENDERS_AT_ONCE setting cannot be used, or null (unset, or 1–64). */
export function rendersAtOnceProblem(setting: string | undefined): string | null;
export function releaseOnServerError(
  req: { method?: string },
  res: { statusCode: number; once(event: 'close', listener: () => void): unknown },
): void;
export function renderBegan(key: string, now?: number): void;
export function takeRenderStart(key: string): number | undefined;
export function expiredDuring(tags: string[], began: number | undefined, now?: number): boolean;
export function enterRender(key: string): Promise<void>;
export function leaveRender(key: string): void;
export function renderLoad(): { running: number; waiting: number };
