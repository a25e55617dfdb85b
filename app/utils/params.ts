/**
 * Query-string parsing that never throws: malformed values fall back to defaults, out-of-range
 * values are clamped. Loaders use these so `page=-1`, `page=abc` or `sort=<script>` cannot 500.
 */
export const PAGE_SIZE = 24;
/** Far beyond any real catalog page; keeps OFFSET arithmetic small. */
export const MAX_PAGE = 10_000;

export function parsePage(value: string | null): number {
  if (value === null || !/^\d{1,7}$/.test(value.trim())) return 1;
  const page = Number(value.trim());
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

export function parseEnum<const T extends readonly string[]>(
  value: string | null,
  allowed: T,
  fallback: T[number],
): T[number] {
  return value !== null && (allowed as readonly string[]).includes(value) ? value : fallback;
}

export interface Pagination {
  page: number;
  pageCount: number;
  total: number;
  offset: number;
  pageSize: number;
}

/** Clamps the requested page to the last page that exists (page 1 when there are no results). */
export function paginate(requestedPage: number, total: number, pageSize = PAGE_SIZE): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  return { page, pageCount, total, offset: (page - 1) * pageSize, pageSize };
}
