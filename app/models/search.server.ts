import { remember } from "@epic-web/remember";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { ruleSql } from "#db/rules.ts";
import { searchQueries } from "#db/schema/index.ts";
import { likePattern } from "#db/text.ts";
import { createClient, getSearchConnection, indexNames } from "#search/client.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { getSearchState } from "#search/indexer.ts";
import { meiliSearch } from "#search/meili-search.ts";
import { outboxBacklog } from "#search/outbox.ts";
import { PRICE_BUCKETS } from "#search/documents.ts";
import { MAX_QUERY_LENGTH, bucketRange, cleanSearchText, parseSearchParams, type SearchParams } from "#search/query.ts";
import type { SearchHit, SearchResult } from "#search/results.ts";
import { liveFestivalIds } from "./festivals.server.ts";
import { indexGeneration } from "#search/generation.ts";
import { nameMatchesPinyin, queryPinyin } from "#search/pinyin.ts";
import { didYouMean, isJunkQuery } from "#search/popular.ts";
import { now as clockNow } from "#db/clock.ts";
import { TtlCache } from "#app/utils/ttl-cache.ts";
import { withDeals } from "./pricing.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";

/** Meilisearch must answer within this (SEARCH_TIMEOUT_MS, 300 ms by default), or SQLite serves the search. */
const searchTimeoutMs = () => loadEnv().SEARCH_TIMEOUT_MS;
/** After a failure, go straight to SQLite for this long before trying Meilisearch again. */
const RETRY_AFTER_MS = 1000;

/** After a Meilisearch failure, searches go to SQLite until `downUntil` (one process-wide breaker). */
const breaker = remember("searchBreaker", () => ({ downUntil: 0 }));

/** Close the breaker so the next search tries Meilisearch at once (tests, after a restored server). */
export function resetSearchBreaker() {
  breaker.downUntil = 0;
}

/**
 * Meilisearch answers for a few seconds, per query and language: a festival crowd repeats the same
 * searches, and Meilisearch (CPU-bound on two cores) is the bottleneck. Keys include the index
 * generation, so any change this process sends to the index is visible at once; festival prices are
 * applied after the cache, from the database, on every request.
 */
/** Fewer products than this for a Chinese query, and it is tried again as pinyin. */
const FEW_HITS = 5;

const resultCache = new TtlCache<SearchResult>(5_000, 2_000);

/** Product search: Meilisearch when it answers in time, the SQLite FTS5 index otherwise. Never throws for input. */
export async function searchCatalog(
  requested: SearchParams,
  locale: Locale,
  options: { record?: boolean } = {},
): Promise<SearchResult> {
  // Which festivals are live is a fact of the clock and the database, not of the index.
  const params = requested.deals ? { ...requested, liveFestivalIds: liveFestivalIds() } : requested;
  let result = await engineSearch(params, locale);
  // A Chinese query that finds little is tried again as pinyin: a homophone typo (咖非 for 咖啡)
  // reads the same, and the index carries the pinyin of Chinese titles and names (search/pinyin.ts).
  const pinyin = params.q ? queryPinyin(params.q) : null;
  if (pinyin && result.totalHits < FEW_HITS) {
    const byPinyin = await engineSearch({ ...params, q: pinyin }, locale);
    if (byPinyin.totalHits > result.totalHits) result = { ...byPinyin, query: params.q, pinyinQuery: pinyin };
  }
  if (options.record !== false) recordSearch(params.q, locale, result);
  return { ...result, hits: withHitDeals(result.hits, locale) };
}

/** Meilisearch when it answers in time, the SQLite FTS5 index otherwise. */
async function engineSearch(params: SearchParams, locale: Locale): Promise<SearchResult> {
  const connection = getSearchConnection();
  const cacheKey = `${indexGeneration(getDb())}|${locale}|${JSON.stringify(params)}`;
  let result = resultCache.get(cacheKey);
  if (!result && connection && Date.now() >= breaker.downUntil) {
    try {
      result = await meiliSearch(createClient(connection, searchTimeoutMs()), connection, params, locale);
      resultCache.set(cacheKey, result);
    } catch {
      breaker.downUntil = Date.now() + RETRY_AFTER_MS;
    }
  }
  return result ?? fallbackSearch(getDb(), params, locale);
}

/** Festival prices on the hits, from the database at this moment (whatever the engine). */
function withHitDeals(hits: SearchHit[], locale: Locale): SearchHit[] {
  return withDeals(hits, locale).map(({ deal, ...hit }) =>
    deal
      ? {
          ...hit,
          dealPriceCents: deal.priceCents,
          deal: { percentOff: deal.percentOff, festival: { slug: deal.festival.slug, name: deal.festival.name } },
        }
      : hit,
  );
}

/** Only the words, the language, the number of hits, the engine and the time: no user, no IP. */
function recordSearch(query: string, locale: Locale, result: SearchResult) {
  // Markup, control characters, pasted text and punctuation are probes or accidents, not demand.
  if (query !== "" && isJunkQuery(query, MAX_QUERY_LENGTH)) return;
  // Buffered and written in one transaction per second (or per 200 searches): one write per search
  // would be the busiest statement under a festival crowd.
  searchLog.pending.push({ query, locale, hits: result.totalHits, engine: result.engine, at: new Date() });
  // The background jobs flush every second; a burst of 200 is written at once.
  if (searchLog.pending.length >= 200) flushSearchLog();
}

const searchLog = remember("searchLog", () => ({ pending: [] as (typeof searchQueries.$inferInsert)[] }));

/** Writes the buffered search log now (insights read it; shutdown may call it). */
export function flushSearchLog() {
  const rows = searchLog.pending.splice(0);
  if (rows.length === 0) return;
  try {
    getDb().insert(searchQueries).values(rows).run();
  } catch (error) {
    logger.error(`search: could not record ${rows.length} queries: ${errorMessage(error)}`);
  }
}

/** Logged queries that found products in the last `days` days, most searched first, junk left out. */
export function popularQueries(args: { locale?: Locale; days: number; limit: number }) {
  flushSearchLog();
  const since = clockNow().getTime() - args.days * 86_400_000;
  const rows = getDb()
    .$client.prepare(
      `SELECT lower(trim(query)) AS query, count(*) AS searches FROM search_queries
       WHERE at >= ? AND hits > 0 AND trim(query) <> '' AND length(query) <= 200 ${args.locale ? "AND locale = ?" : ""}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?`,
    )
    .all(...[since, ...(args.locale ? [args.locale] : []), args.limit * 2]) as { query: string; searches: number }[];
  return rows.filter((r) => !isJunkQuery(r.query)).slice(0, args.limit);
}

/** Hot searches have been looked up this long ago at most (they change slowly). */
const hotCache = new TtlCache<string[]>(60_000, 10);
const HOT_DAYS = 7;

/** What shoppers in this language searched most this week (with results, junk filtered). */
export function hotSearches(locale: Locale, limit = 8): string[] {
  const key = `${locale}|${limit}`;
  const cached = hotCache.get(key);
  if (cached) return cached;
  const hot = popularQueries({ locale, days: HOT_DAYS, limit }).map((r) => r.query);
  hotCache.set(key, hot);
  return hot;
}

/** Forget cached hot searches (tests). */
export function clearHotSearches() {
  hotCache.clear();
}

/** For a search that found few products: the closest popular query with results, if any (search/popular.ts). */
export function didYouMeanFor(query: string): string | null {
  if (query.trim() === "") return null;
  return didYouMean(query, popularQueries({ days: 30, limit: 500 }));
}

export interface SearchHealth {
  engine: "meilisearch" | "sqlite";
  reachable: boolean;
  outboxBacklog: number;
  lastSyncAt: string | null;
}

export async function getSearchHealth(): Promise<SearchHealth> {
  const db = getDb();
  const connection = getSearchConnection();
  let reachable = false;
  if (connection) {
    try {
      await createClient(connection, searchTimeoutMs()).index(indexNames(connection).products).getStats();
      reachable = true;
    } catch {
      reachable = false;
    }
  }
  return {
    engine: reachable ? "meilisearch" : "sqlite",
    reachable,
    outboxBacklog: outboxBacklog(db),
    lastSyncAt: getSearchState(db, "lastSyncAt"),
  };
}

export interface Suggestions {
  products: { slug: string; title: string; highlight: string }[];
  stores: { slug: string; name: string }[];
  countries: { code: string; name: string }[];
  /** With an empty box: this week's hot searches in the shopper's language. */
  hot: string[];
}

/** What the header search box offers while typing: a few products, stores and countries. */
export async function suggest(q: string, locale: Locale): Promise<Suggestions> {
  const query = cleanSearchText(q, 100);
  if (query === "") return { products: [], stores: [], countries: [], hot: hotSearches(locale) };
  const db = getDb();
  const products = await searchCatalog({ q: query, inStock: false, deals: false, sort: "relevance", page: 1 }, locale, {
    record: false,
  });

  let stores: Suggestions["stores"] | null = null;
  const connection = getSearchConnection();
  if (connection && products.engine === "meilisearch") {
    try {
      const response = await createClient(connection, searchTimeoutMs())
        .index(indexNames(connection).stores)
        .search<{ slug: string; name_en: string; name_zh: string; name_fr: string }>(query, { limit: 3 });
      stores = response.hits.map((h) => ({ slug: h.slug, name: h[`name_${locale}`] || h.name_en }));
    } catch {
      stores = null;
    }
  }
  const pattern = likePattern(query);
  stores ??= db.$client
    .prepare(
      `SELECT slug, name_en, name_zh, name_fr FROM stores WHERE ${ruleSql.storeIsOpen("stores")}
       AND (name_en LIKE ? ESCAPE '\\' OR name_zh LIKE ? ESCAPE '\\' OR name_fr LIKE ? ESCAPE '\\') ORDER BY name_en LIMIT 3`,
    )
    .all(pattern, pattern, pattern)
    .map((row) => {
      const r = row as { slug: string; name_en: string; name_zh: string; name_fr: string };
      return { slug: r.slug, name: r[`name_${locale}`] || r.name_en };
    });
  // Every country with an open store (a few dozen) is checked here, so pinyin ("kenniya", "kny")
  // and homophones (肯尼压) find a country's Chinese name as well as a part of any of its names.
  const needle = query.toLowerCase();
  const countries = db.$client
    .prepare(
      `SELECT c.code, c.name_en, c.name_zh, c.name_fr FROM countries c WHERE EXISTS (SELECT 1 FROM stores s WHERE s.country_code = c.code AND ${ruleSql.storeIsOpen("s")})
       ORDER BY c.name_en`,
    )
    .all()
    .map((row) => row as { code: string; name_en: string; name_zh: string; name_fr: string })
    .filter(
      (r) =>
        [r.name_en, r.name_zh, r.name_fr].some((name) => name.toLowerCase().includes(needle)) ||
        nameMatchesPinyin(r.name_zh, query),
    )
    .slice(0, 3)
    .map((r) => ({ code: r.code, name: r[`name_${locale}`] || r.name_en }));
  return {
    products: products.hits.slice(0, 5).map((h) => ({ slug: h.slug, title: h.title, highlight: h.highlight })),
    stores,
    countries,
    hot: [],
  };
}

export { parseSearchParams };

/** The price-range facet's values with the URL bounds each stands for (so routes need not import search/). */
export function priceRanges(): { key: string; minPrice: string; maxPrice: string | null }[] {
  return PRICE_BUCKETS.map((b) => {
    const range = bucketRange(b.key)!;
    return { key: b.key, minPrice: range.minPrice!, maxPrice: range.maxPrice ?? null };
  });
}
