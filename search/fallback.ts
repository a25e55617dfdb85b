import { sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { now } from "#db/clock.ts";
import { ruleSql } from "#db/rules.ts";
import { likePattern } from "#db/text.ts";
import { effectivePriceWithSlots, flashSaleNow, type SlotTerms } from "#db/flash-slots.ts";
import { liveSlotRows } from "#db/flash-slot-rows.ts";
import { voucherAvailability } from "#db/voucher-availability.ts";
import { PRICE_BUCKETS, priceBucket } from "./documents.ts";
import { loadDealTerms } from "./effective-prices.ts";
import { HITS_PER_PAGE, type SearchParams } from "./query.ts";
import { emptyFacets, highlightHtml, markTerms, type Locale, type SearchResult } from "./results.ts";
import { SYNONYM_GROUPS, loadSynonymGroups } from "./synonyms.ts";
import { ratingAverage } from "#app/utils/reviews.ts";

/**
 * Search from SQLite when Meilisearch is unreachable: the `products_fts` FTS5 table (trigram
 * tokenizer, kept current by triggers) with the same filters, sorts and synonyms, simpler ranking
 * (bm25) and facets for country, category, price and stock only. Its `pinyin` column (migration
 * 0014) holds the pinyin of Chinese titles and names, so "kafei" and "kenniya" match here too.
 */

const MAX_TERMS = 8;
// Trigram MATCH needs at least three characters; shorter words (most Chinese words) use LIKE,
// which the trigram index also serves when the pattern is long enough and scans otherwise.
const MIN_MATCH_LENGTH = 3;
const TITLE_COLUMNS = ["title_en", "title_zh", "title_fr"] as const;
const SHORT_COLUMNS = [...TITLE_COLUMNS, "tags"] as const; // columns of `products`

function wordIndex(groups: string[][]): Map<string, string[]> {
  const byWord = new Map<string, string[]>();
  for (const group of groups)
    for (const word of group)
      byWord.set(word.toLowerCase(), [...new Set([...(byWord.get(word.toLowerCase()) ?? []), ...group])]);
  return byWord;
}

/** The query's words, each with the words of its synonym group (a whole-query synonym counts as one word). */
export function expandTerms(q: string, groups: string[][] = SYNONYM_GROUPS): string[][] {
  const synonymsByWord = wordIndex(groups);
  const whole = synonymsByWord.get(q.toLowerCase());
  if (whole) return [whole];
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((term) => [...new Set([term, ...(synonymsByWord.get(term.toLowerCase()) ?? [])])]);
}

const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

interface Conditions {
  /** A top-level FTS5 MATCH expression, when every word can use one (enables bm25 ranking). */
  match: string | null;
  where: SQL[];
  /** How many of the query's words appear in a title (results with title matches rank first); null without words. */
  titleScore: SQL | null;
}

function conditions(params: SearchParams, synonyms: string[][]): Conditions {
  const where: SQL[] = [sql.raw(ruleSql.productIsVisible("p", "s"))];
  const groups = params.q ? expandTerms(params.q, synonyms) : [];
  const allLong = groups.every((alternatives) => alternatives.every((a) => a.length >= MIN_MATCH_LENGTH));
  const titleHits: SQL[] = [];
  for (const alternatives of groups) {
    const long = alternatives.filter((a) => a.length >= MIN_MATCH_LENGTH);
    const short = alternatives.filter((a) => a.length < MIN_MATCH_LENGTH);
    const titleLike = alternatives.flatMap((a) =>
      TITLE_COLUMNS.map((c) => sql`p.${sql.identifier(c)} LIKE ${likePattern(a)} ESCAPE '\\'`),
    );
    titleHits.push(sql`(${sql.join(titleLike, sql` OR `)})`);
    if (allLong) continue;
    const ors: SQL[] = [];
    if (long.length > 0)
      ors.push(
        sql`p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ${long.map(ftsPhrase).join(" OR ")})`,
      );
    // Short words (most Chinese words) are matched in titles and tags only — Chinese ones in the
    // Chinese title — since in store and place names a single character such as 茶 would pull in
    // every product of a tea estate, and every extra LIKE column is a scan of the whole table.
    for (const a of short) {
      const chinese = /[\u3400-\u9fff]/.test(a);
      const columns = chinese ? (["title_zh"] as const) : SHORT_COLUMNS;
      ors.push(...columns.map((c) => sql`p.${sql.identifier(c)} LIKE ${likePattern(a)} ESCAPE '\\'`));
      // Two letters may be pinyin initials ("kf" for 咖啡): a scan of the FTS table's pinyin column.
      if (!chinese && /^[a-z]{2}$/i.test(a))
        ors.push(
          sql`p.id IN (SELECT rowid FROM products_fts WHERE pinyin LIKE ${likePattern(a.toLowerCase())} ESCAPE '\\')`,
        );
    }
    where.push(sql`(${sql.join(ors, sql` OR `)})`);
  }
  if (params.country) where.push(sql`s.country_code = ${params.country}`);
  if (params.category) where.push(sql`k.slug = ${params.category}`);
  if (params.store) where.push(sql`s.slug = ${params.store}`);
  if (params.festival !== undefined) {
    where.push(
      sql`p.id IN (SELECT d.product_id FROM festival_deals d JOIN festivals f ON f.id = d.festival_id WHERE f.published = 1 AND f.id = ${Math.trunc(params.festival)})`,
    );
  }
  if (params.deals) {
    const ids = params.liveFestivalIds ?? [];
    where.push(
      ids.length === 0
        ? sql`0`
        : sql`p.id IN (SELECT product_id FROM festival_deals WHERE festival_id IN (${sql.join(
            ids.map((id) => sql`${Math.trunc(id)}`),
            sql`, `,
          )}))`,
    );
  }
  if (params.minPriceCents !== undefined) where.push(sql`p.price_cents >= ${params.minPriceCents}`);
  if (params.maxPriceCents !== undefined) where.push(sql`p.price_cents <= ${params.maxPriceCents}`);
  if (params.inStock) where.push(sql`p.stock > 0`);
  return {
    match:
      allLong && groups.length > 0
        ? groups.map((alternatives) => `(${alternatives.map(ftsPhrase).join(" OR ")})`).join(" AND ")
        : null,
    where,
    titleScore: titleHits.length > 0 ? sql`(${sql.join(titleHits, sql` + `)})` : null,
  };
}

interface Candidate {
  id: number;
  storeId: number;
  country: string;
  category: string;
  priceCents: number;
  stock: number;
  createdAt: number;
  ratingCount: number;
  ratingSum: number;
  titleScore: number;
  rank: number;
}

type Compare = (a: Candidate, b: Candidate) => number;

/** Relevance as this engine knows it: query words found in titles, then bm25. */
const byRelevance: Compare = (a, b) => b.titleScore - a.titleScore || a.rank - b.rank;

/**
 * The order of the candidates. An explicit sort orders strictly by its key and relevance only breaks
 * ties, as in Meilisearch; prices and discounts are the effective ones at `now()` (db/pricing.ts, the
 * same rule the index stores), worked out here from the deals live now, so this engine is never stale.
 */
function orderFor(
  db: DB,
  params: SearchParams,
  candidates: Candidate[],
  slots: ReadonlyMap<number, SlotTerms[]>,
  at: Date,
): Compare {
  const sort = params.sort;
  if (sort === "price-asc" || sort === "price-desc" || sort === "discount") {
    const live = loadDealTerms(db, { liveAt: at });
    // Flash-sale slots live now (decision 035) come before deals, as in the index.
    const effective = new Map(
      candidates.map(
        (c) => [c.id, effectivePriceWithSlots(c.priceCents, live.get(c.id) ?? [], slots.get(c.id) ?? [], at)] as const,
      ),
    );
    const price = (c: Candidate) => effective.get(c.id)!.priceCents;
    const discount = (c: Candidate) => effective.get(c.id)!.discountPercent;
    if (sort === "price-asc") return (a, b) => price(a) - price(b) || byRelevance(a, b) || a.id - b.id;
    if (sort === "price-desc") return (a, b) => price(b) - price(a) || byRelevance(a, b) || a.id - b.id;
    return (a, b) => discount(b) - discount(a) || byRelevance(a, b) || b.id - a.id;
  }
  if (sort === "newest") return (a, b) => b.createdAt - a.createdAt || b.id - a.id;
  if (sort === "rating") {
    // The same keys as the index: the average as shown (one decimal), then the number of reviews.
    const average = (c: Candidate) => ratingAverage(c.ratingCount, c.ratingSum) ?? 0;
    return (a, b) =>
      average(b) - average(a) || b.ratingCount - a.ratingCount || byRelevance(a, b) || b.createdAt - a.createdAt;
  }
  return (a, b) => byRelevance(a, b) || b.createdAt - a.createdAt || b.id - a.id;
}

/**
 * One pass: the matching rows' small columns come back once, and counting, facets, sorting and
 * paging happen here (repeating the match for a count and four facets cost seconds at 100,000
 * products); then the display columns of the one page shown.
 */
export function fallbackSearch(db: DB, params: SearchParams, locale: Locale): SearchResult {
  const started = performance.now();
  const synonyms = params.q ? loadSynonymGroups(db) : [];
  const { match, where, titleScore } = conditions(params, synonyms);
  const whereSql = sql.join(match ? [sql`products_fts MATCH ${match}`, ...where] : where, sql` AND `);
  const at = now();
  // Slots live now: a few dozen rows whatever the catalog's size (the flash filter, facet and prices).
  const slots = liveSlotRows(undefined, at, db);
  const onFlash = (c: Candidate) => flashSaleNow(c.priceCents, slots.get(c.id) ?? [], at);
  const hasVoucher = voucherAvailability(db, at);
  const withVoucher = (c: Candidate) => hasVoucher(c.id, c.storeId);
  const matched =
    db.all<Candidate>(sql`SELECT p.id AS id, p.store_id AS storeId, s.country_code AS country, k.slug AS category, p.price_cents AS priceCents,
      p.stock AS stock, p.created_at AS createdAt, p.rating_count AS ratingCount, p.rating_sum AS ratingSum, ${titleScore ?? sql`0`} AS titleScore,
      ${match ? sql`bm25(products_fts, 10, 10, 10, 5, 3, 3, 1, 1, 1, 1)` : sql`0`} AS rank
    FROM ${match ? sql`products_fts f JOIN products p ON p.id = f.rowid` : sql`products p`}
    JOIN stores s ON s.id = p.store_id
    JOIN categories k ON k.id = p.category_id
    WHERE ${whereSql}`);
  const candidates = matched.filter((c) => (!params.flash || onFlash(c)) && (!params.voucher || withVoucher(c)));
  candidates.sort(orderFor(db, params, candidates, slots, at));

  const total = candidates.length;
  const totalPages = Math.ceil(total / HITS_PER_PAGE);
  const page = Math.max(1, Math.min(params.page, totalPages || 1));
  const shown = candidates.slice((page - 1) * HITS_PER_PAGE, page * HITS_PER_PAGE).map((c) => c.id);

  const facets = emptyFacets();
  const bump = (facet: Record<string, number>, key: string) => (facet[key] = (facet[key] ?? 0) + 1);
  for (const c of candidates) {
    bump(facets.country, c.country);
    bump(facets.category, c.category);
    bump(facets.price, priceBucket(c.priceCents));
    bump(facets.inStock, c.stock > 0 ? "true" : "false");
    bump(facets.flashSale, onFlash(c) ? "true" : "false");
    bump(facets.voucher, withVoucher(c) ? "true" : "false");
  }
  facets.price = Object.fromEntries(
    PRICE_BUCKETS.filter((b) => facets.price[b.key]).map((b) => [b.key, facets.price[b.key]!]),
  );

  const titleColumn = sql.identifier(`title_${locale}`);
  const storeColumn = sql.identifier(`name_${locale}`);
  const rows =
    shown.length === 0
      ? []
      : db.all<{
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
          ratingCount: number;
          ratingSum: number;
        }>(sql`SELECT p.id, p.slug, p.${titleColumn} AS title, p.title_en AS titleEn, s.${storeColumn} AS storeName, s.name_en AS storeNameEn,
            s.slug AS storeSlug, s.country_code AS countryCode, k.slug AS category, p.price_cents AS priceCents, p.currency, p.stock, p.images,
            p.rating_count AS ratingCount, p.rating_sum AS ratingSum
          FROM products p JOIN stores s ON s.id = p.store_id JOIN categories k ON k.id = p.category_id
          WHERE p.id IN ${shown}`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const words = params.q ? expandTerms(params.q, synonyms).flat() : [];
  return {
    engine: "sqlite",
    query: params.q,
    page,
    totalPages,
    totalHits: total,
    hitsPerPage: HITS_PER_PAGE,
    hits: shown.map((id) => {
      const r = byId.get(id)!;
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
        imageUrl: (JSON.parse(r.images) as string[])[0] ?? `/art/products/${r.slug}.svg`,
        ...(r.ratingCount > 0
          ? { rating: { average: ratingAverage(r.ratingCount, r.ratingSum)!, count: r.ratingCount } }
          : {}),
        highlight: highlightHtml(markTerms(title, words)),
      };
    }),
    facets,
    processingTimeMs: Math.round(performance.now() - started),
  };
}
