import { sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { PRICE_BUCKETS, priceBucket } from "./documents.ts";
import { HITS_PER_PAGE, type SearchParams } from "./query.ts";
import { highlightHtml, markTerms, type Locale, type SearchResult } from "./results.ts";
import { SYNONYM_GROUPS } from "./synonyms.ts";

/**
 * Search from SQLite when Meilisearch is unreachable: the `products_fts` FTS5 table (trigram
 * tokenizer, kept current by triggers) with the same filters, sorts and synonyms, simpler ranking
 * (bm25) and facets for country, category, price and stock only.
 */

const MAX_TERMS = 8;
// Trigram MATCH needs at least three characters; shorter words (most Chinese words) use LIKE,
// which the trigram index also serves when the pattern is long enough and scans otherwise.
const MIN_MATCH_LENGTH = 3;
const TITLE_COLUMNS = ["title_en", "title_zh", "title_fr"] as const;
const SHORT_COLUMNS = [...TITLE_COLUMNS, "tags"] as const;

const synonymsByWord = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) for (const word of group) synonymsByWord.set(word.toLowerCase(), group);

/** The query's words, each with the words of its synonym group (a whole-query synonym counts as one word). */
export function expandTerms(q: string): string[][] {
  const whole = synonymsByWord.get(q.toLowerCase());
  if (whole) return [whole];
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((term) => [...new Set([term, ...(synonymsByWord.get(term.toLowerCase()) ?? [])])]);
}

const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Conditions {
  /** A top-level FTS5 MATCH expression, when every word can use one (enables bm25 ranking). */
  match: string | null;
  where: SQL[];
  /** How many of the query's words appear in a title (results with title matches rank first); null without words. */
  titleScore: SQL | null;
}

function conditions(params: SearchParams): Conditions {
  const where: SQL[] = [sql`p.status = 'active'`, sql`s.status = 'approved'`];
  const groups = params.q ? expandTerms(params.q) : [];
  const allLong = groups.every((alternatives) => alternatives.every((a) => a.length >= MIN_MATCH_LENGTH));
  const titleHits: SQL[] = [];
  for (const alternatives of groups) {
    const long = alternatives.filter((a) => a.length >= MIN_MATCH_LENGTH);
    const short = alternatives.filter((a) => a.length < MIN_MATCH_LENGTH);
    const titleLike = alternatives.flatMap((a) => TITLE_COLUMNS.map((c) => sql`f.${sql.identifier(c)} LIKE ${likePattern(a)} ESCAPE '\\'`));
    titleHits.push(sql`(${sql.join(titleLike, sql` OR `)})`);
    if (allLong) continue;
    const ors: SQL[] = [];
    if (long.length > 0) ors.push(sql`f.rowid IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ${long.map(ftsPhrase).join(" OR ")})`);
    // Short words (most Chinese words) are matched in titles and tags only: in store and place names
    // a single character such as 茶 would pull in every product of a tea estate.
    for (const a of short) ors.push(...SHORT_COLUMNS.map((c) => sql`f.${sql.identifier(c)} LIKE ${likePattern(a)} ESCAPE '\\'`));
    where.push(sql`(${sql.join(ors, sql` OR `)})`);
  }
  if (params.country) where.push(sql`s.country_code = ${params.country}`);
  if (params.category) where.push(sql`k.slug = ${params.category}`);
  if (params.store) where.push(sql`s.slug = ${params.store}`);
  // No festival data exists in SQLite yet: a festival filter matches nothing rather than everything.
  if (params.festival !== undefined) where.push(sql`0`);
  if (params.minPriceCents !== undefined) where.push(sql`p.price_cents >= ${params.minPriceCents}`);
  if (params.maxPriceCents !== undefined) where.push(sql`p.price_cents <= ${params.maxPriceCents}`);
  if (params.inStock) where.push(sql`p.stock > 0`);
  return {
    match: allLong && groups.length > 0 ? groups.map((alternatives) => `(${alternatives.map(ftsPhrase).join(" OR ")})`).join(" AND ") : null,
    where,
    titleScore: titleHits.length > 0 ? sql`(${sql.join(titleHits, sql` + `)})` : null,
  };
}

export function fallbackSearch(db: DB, params: SearchParams, locale: Locale): SearchResult {
  const started = performance.now();
  const { match, where, titleScore } = conditions(params);
  const from = sql`products_fts f
    JOIN products p ON p.id = f.rowid
    JOIN stores s ON s.id = p.store_id
    JOIN categories k ON k.id = p.category_id`;
  const whereSql = sql.join(match ? [sql`products_fts MATCH ${match}`, ...where] : where, sql` AND `);
  const order =
    params.sort === "price-asc"
      ? sql`p.price_cents ASC, p.id`
      : params.sort === "price-desc"
        ? sql`p.price_cents DESC, p.id`
        : params.sort === "newest"
          ? sql`p.created_at DESC, p.id DESC`
          : match
            ? sql`${titleScore} DESC, bm25(products_fts, 10, 10, 10, 5, 3, 3, 1, 1, 1), p.id`
            : titleScore
              ? sql`${titleScore} DESC, p.created_at DESC, p.id DESC`
              : sql`p.created_at DESC, p.id DESC`;

  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`)?.n ?? 0;
  const totalPages = Math.ceil(total / HITS_PER_PAGE);
  const page = Math.max(1, Math.min(params.page, totalPages || 1));
  const titleColumn = sql.identifier(`title_${locale}`);
  const storeColumn = sql.identifier(`name_${locale}`);
  const rows = db.all<{
    id: number;
    slug: string;
    title: string;
    titleEn: string;
    storeName: string;
    storeNameEn: string;
    storeSlug: string;
    countryCode: string;
    category: string;
    priceCents: number;
    currency: string;
    stock: number;
    images: string;
  }>(sql`SELECT p.id, p.slug, p.${titleColumn} AS title, p.title_en AS titleEn, s.${storeColumn} AS storeName, s.name_en AS storeNameEn,
      s.slug AS storeSlug, s.country_code AS countryCode, k.slug AS category, p.price_cents AS priceCents, p.currency,
      p.stock, p.images
    FROM ${from} WHERE ${whereSql} ORDER BY ${order} LIMIT ${HITS_PER_PAGE} OFFSET ${(page - 1) * HITS_PER_PAGE}`);

  const facet = (column: SQL) =>
    Object.fromEntries(
      db.all<{ value: string; n: number }>(sql`SELECT ${column} AS value, count(*) AS n FROM ${from} WHERE ${whereSql} GROUP BY 1`).map((r) => [String(r.value), r.n]),
    );
  const prices = facet(sql`p.price_cents`);
  const price: Record<string, number> = {};
  for (const [cents, n] of Object.entries(prices)) {
    const key = priceBucket(Number(cents));
    price[key] = (price[key] ?? 0) + n;
  }
  const words = params.q ? expandTerms(params.q).flat() : [];
  return {
    engine: "sqlite",
    query: params.q,
    page,
    totalPages,
    totalHits: total,
    hitsPerPage: HITS_PER_PAGE,
    hits: rows.map((r) => {
      const title = r.title || r.titleEn;
      return {
        id: r.id,
        slug: r.slug,
        title,
        storeName: r.storeName || r.storeNameEn,
        storeSlug: r.storeSlug,
        countryCode: r.countryCode,
        category: r.category,
        priceCents: r.priceCents,
        currency: r.currency,
        inStock: r.stock > 0,
        imageUrl: (JSON.parse(r.images) as string[])[0] ?? null,
        highlight: highlightHtml(markTerms(title, words)),
      };
    }),
    facets: {
      country: facet(sql`s.country_code`),
      category: facet(sql`k.slug`),
      store: {},
      price: Object.fromEntries(PRICE_BUCKETS.filter((b) => price[b.key]).map((b) => [b.key, price[b.key]!])),
      inStock: facet(sql`CASE WHEN p.stock > 0 THEN 'true' ELSE 'false' END`),
    },
    processingTimeMs: Math.round(performance.now() - started),
  };
}
