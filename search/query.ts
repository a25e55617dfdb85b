/**
 * Search parameters: parsed from a query string without ever trusting it, and turned into a
 * Meilisearch filter built only from validated values (never from raw input).
 */
import { PRICE_BUCKETS } from "./documents.ts";

export const SEARCH_SORTS = ["relevance", "price-asc", "price-desc", "newest", "discount", "rating"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const HITS_PER_PAGE = 24;
export const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 400; // Meilisearch pages at most maxTotalHits (10,000) deep.
const MAX_PRICE_CENTS = 100_000_000;

export interface SearchParams {
  q: string;
  country?: string;
  category?: string;
  store?: string;
  festival?: number;
  /** Only products on a deal in a festival live right now. */
  deals?: boolean;
  /** Only products whose flash-sale slot price applies now (秒杀, decision 035). */
  flash?: boolean;
  /** Only products with a voucher to claim now (领券, decision 034). */
  voucher?: boolean;
  /**
   * The festivals live right now, resolved from the database by the caller when `deals` is set
   * (never from the URL); an empty list matches nothing.
   */
  liveFestivalIds?: number[];
  /** Inclusive bounds in cents (the URL carries US dollars). */
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock: boolean;
  sort: SearchSort;
  page: number;
}

export interface ParsedSearch {
  params: SearchParams;
  /** What was wrong with the input; /api/search answers 400 with these, /search ignores the bad parts. */
  errors: string[];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * What a shopper typed, made safe for either engine: control characters (C0 such as NUL, DEL, C1)
 * carry no meaning in a product search and a NUL ends an FTS5 string early ("unterminated string"),
 * so each becomes a space, as does half of a broken surrogate pair; runs of whitespace collapse to
 * one space. At most `max` UTF-16 units, never cutting a character in two. Every search input (the
 * search page, /api/search, festival search, suggestions) goes through this once, before
 * Meilisearch or the SQLite fallback sees it.
 */
export function cleanSearchText(text: string, max = MAX_QUERY_LENGTH): string {
  return text
    .replace(/[\p{Cc}\p{Cs}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, "")
    .trim();
}

export function parseSearchParams(query: URLSearchParams): ParsedSearch {
  const errors: string[] = [];
  const get = (name: string) => {
    const value = query.get(name);
    return value === null || value.trim() === "" ? undefined : value.trim();
  };
  const params: SearchParams = { q: "", inStock: false, deals: false, sort: "relevance", page: 1 };
  for (const name of [
    "q",
    "country",
    "category",
    "store",
    "festival",
    "deals",
    "flash",
    "voucher",
    "minPrice",
    "maxPrice",
    "inStock",
    "sort",
    "page",
    "locale",
  ]) {
    if (query.getAll(name).length > 1) errors.push(`${name} must be given once`);
  }

  const q = query.get("q") ?? "";
  if (q.length > MAX_QUERY_LENGTH) errors.push(`q must be at most ${MAX_QUERY_LENGTH} characters`);
  params.q = cleanSearchText(q);

  const country = get("country");
  if (country !== undefined) {
    if (/^[A-Za-z]{2}$/.test(country)) params.country = country.toUpperCase();
    else errors.push("country must be a two-letter ISO 3166 code");
  }
  for (const name of ["category", "store"] as const) {
    const value = get(name);
    if (value === undefined) continue;
    if (SLUG.test(value)) params[name] = value;
    else errors.push(`${name} must be a slug (lower-case letters, digits and hyphens)`);
  }
  const festival = get("festival");
  if (festival !== undefined) {
    if (/^\d{1,9}$/.test(festival)) params.festival = Number(festival);
    else errors.push("festival must be a festival id");
  }
  for (const [name, key] of [
    ["minPrice", "minPriceCents"],
    ["maxPrice", "maxPriceCents"],
  ] as const) {
    const value = get(name);
    if (value === undefined) continue;
    if (/^\d{1,7}(\.\d{1,2})?$/.test(value)) params[key] = Math.min(Math.round(Number(value) * 100), MAX_PRICE_CENTS);
    else errors.push(`${name} must be a price in US dollars, such as 25 or 12.50`);
  }
  if (
    params.minPriceCents !== undefined &&
    params.maxPriceCents !== undefined &&
    params.minPriceCents > params.maxPriceCents
  ) {
    errors.push("minPrice must not be above maxPrice");
    delete params.minPriceCents;
    delete params.maxPriceCents;
  }
  for (const name of ["inStock", "deals", "flash", "voucher"] as const) {
    const value = get(name);
    if (value === undefined) continue;
    if (["1", "true", "on"].includes(value)) params[name] = true;
    else if (!["0", "false", "off"].includes(value)) errors.push(`${name} must be true or false`);
  }
  const sort = get("sort");
  if (sort !== undefined) {
    if ((SEARCH_SORTS as readonly string[]).includes(sort)) params.sort = sort as SearchSort;
    else errors.push(`sort must be one of ${SEARCH_SORTS.join(", ")}`);
  }
  const page = get("page");
  if (page !== undefined) {
    if (/^\d{1,7}$/.test(page) && Number(page) >= 1) params.page = Math.min(Number(page), MAX_PAGE);
    else errors.push("page must be a whole number from 1");
  }
  return { params, errors };
}

/** Double-quoted Meilisearch string literal; validated values never contain quotes, this is a second wall. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function buildFilter(params: SearchParams): string[] {
  const filter: string[] = [];
  if (params.country) filter.push(`country = ${quote(params.country)}`);
  if (params.category) filter.push(`category = ${quote(params.category)}`);
  if (params.store) filter.push(`store = ${quote(params.store)}`);
  if (params.festival !== undefined) filter.push(`festivalIds = ${Math.trunc(params.festival)}`);
  if (params.deals) {
    const ids = (params.liveFestivalIds ?? []).map((id) => Math.trunc(id));
    filter.push(ids.length > 0 ? `festivalIds IN [${ids.join(", ")}]` : "festivalIds = -1");
  }
  if (params.minPriceCents !== undefined) filter.push(`priceCents >= ${Math.trunc(params.minPriceCents)}`);
  if (params.maxPriceCents !== undefined) filter.push(`priceCents <= ${Math.trunc(params.maxPriceCents)}`);
  if (params.inStock) filter.push("inStock = true");
  if (params.flash) filter.push("flashSaleNow = true");
  if (params.voucher) filter.push("voucherAvailable = true");
  return filter;
}

/**
 * The Meilisearch `sort` for a shopper's sort, on the prices shoppers see now. The index's ranking
 * rules put "sort" first, so these keys decide the order and relevance (then popularity) only
 * breaks ties; "relevance" sends no sort at all.
 */
export function sortFor(sort: SearchSort): string[] | undefined {
  switch (sort) {
    case "price-asc":
      return ["effectivePriceCents:asc"];
    case "price-desc":
      return ["effectivePriceCents:desc"];
    case "newest":
      return ["createdAt:desc"];
    case "discount":
      return ["effectiveDiscountPercent:desc"];
    case "rating":
      // "Top rated": the best average first, more reviews first among equal averages (decision 028).
      return ["ratingAverage:desc", "ratingCount:desc"];
    default:
      return undefined;
  }
}

/** The URL parameters a price-range facet value stands for. */
export function bucketRange(key: string): { minPrice?: string; maxPrice?: string } | null {
  const bucket = PRICE_BUCKETS.find((b) => b.key === key);
  if (!bucket) return null;
  return { minPrice: String(bucket.min), ...(bucket.max === null ? {} : { maxPrice: (bucket.max - 0.01).toFixed(2) }) };
}

export const hasCjk = (text: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
