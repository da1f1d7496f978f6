// Filters and page numbers from an admin list's query string. Anything malformed is ignored, never an error.
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function param(params: RawSearchParams, key: string, max = 200): string | undefined {
  const value = params[key];
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

export function idParam(params: RawSearchParams, key: string): number | undefined {
  const value = param(params, key, 12);
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

export function pageParam(params: RawSearchParams): number {
  return idParam(params, 'page') ?? 1;
}

/** The list's own URL with one value changed (page links keep the filters). */
export function withParam(
  base: string,
  params: RawSearchParams,
  key: string,
  value: string | number | undefined,
): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const single = Array.isArray(v) ? v[0] : v;
    if (k !== key && single) query.set(k, single);
  }
  if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) query.set(key, String(value));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
