import { and, asc, count, desc, eq, gte, inArray, max, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import { now as clockNow } from "#db/clock.ts";
import {
  categories,
  countries,
  featuredProducts,
  products,
  searchQueries,
  searchSynonyms,
  stores,
  users,
} from "#db/schema/index.ts";
import { setSearchState } from "#search/indexer.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { recordAudit } from "./audit.server.ts";
import { flushSearchLog } from "./search.server.ts";
import { CAMPAIGN_TARGETS, getCampaignProgress } from "./catalog.server.ts";
import { pick } from "./localize.ts";
import { STORE_FILTERS, type StoreFilter } from "#app/utils/admin-constants.ts";
import type { Actor } from "./owner.server.ts";
import { listProductCardsByIds, shopperVisible, type ProductCard } from "./products.server.ts";

/**
 * The organizer console's data and actions. Every function takes the acting user and refuses anyone
 * who is not an organizer, whatever the route did; every change writes its audit row (and, when it
 * changes what search shows, its outbox row) in the same transaction.
 */
export function assertOrganizer(actor: Actor) {
  if (actor.role !== "organizer") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

// ——— Campaign dashboard ———

export interface CoverageRow {
  key: string;
  name: string;
  stores: number;
  products: number;
}

export function getCampaignDashboard(actor: Actor, locale: Locale) {
  assertOrganizer(actor);
  const db = getDb();
  const byCountry = db
    .select({
      code: countries.code,
      nameEn: countries.nameEn,
      nameZh: countries.nameZh,
      nameFr: countries.nameFr,
      stores: sql<number>`(SELECT count(*) FROM ${stores} s WHERE s.country_code = ${countries.code} AND s.status = 'approved')`,
      products: sql<number>`(SELECT count(*) FROM ${products} p JOIN ${stores} s ON s.id = p.store_id WHERE s.country_code = ${countries.code} AND s.status = 'approved' AND p.status = 'active')`,
    })
    .from(countries)
    .all()
    .map((r) => ({ key: r.code, name: pick(r, "name", locale), stores: r.stores, products: r.products }))
    .sort((a, b) => b.products - a.products || a.name.localeCompare(b.name));
  const byCategory = db
    .select({
      slug: categories.slug,
      nameEn: categories.nameEn,
      nameZh: categories.nameZh,
      nameFr: categories.nameFr,
      products: count(products.id),
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .leftJoin(stores, eq(stores.id, products.storeId))
    .where(sql`${products.id} IS NULL OR (${products.status} = 'active' AND ${stores.status} = 'approved')`)
    .groupBy(categories.id)
    .all()
    .map((r) => ({ key: r.slug, name: pick(r, "name", locale), stores: 0, products: r.products }))
    .sort((a, b) => b.products - a.products);

  // Listing quality over what shoppers see.
  const quality = db
    .select({
      missingTranslation: sql<number>`sum(CASE WHEN ${products.titleZh} = '' OR ${products.titleFr} = '' OR ${products.descriptionZh} = '' OR ${products.descriptionFr} = '' THEN 1 ELSE 0 END)`,
      missingImage: sql<number>`sum(CASE WHEN ${products.images} = '[]' THEN 1 ELSE 0 END)`,
      outOfStock: sql<number>`sum(CASE WHEN ${products.stock} = 0 THEN 1 ELSE 0 END)`,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(shopperVisible)
    .get();
  const pendingStores = db.select({ n: count() }).from(stores).where(eq(stores.status, "pending")).get()?.n ?? 0;
  return {
    progress: getCampaignProgress(),
    targets: CAMPAIGN_TARGETS,
    pendingStores,
    coverage: { countries: byCountry, categories: byCategory },
    quality: {
      missingTranslation: quality?.missingTranslation ?? 0,
      missingImage: quality?.missingImage ?? 0,
      outOfStock: quality?.outOfStock ?? 0,
    },
  };
}

// ——— Store applications ———

export { STORE_FILTERS, type StoreFilter };

export interface ReviewStoreRow {
  id: number;
  slug: string;
  name: string;
  ownerEmail: string;
  country: string;
  city: string;
  tagline: string;
  status: StoreFilter;
  reviewNote: string;
  createdAt: string;
  products: number;
}

export function listStoresForReview(
  actor: Actor,
  locale: Locale,
  filter: { status: StoreFilter; page: number },
): { items: ReviewStoreRow[]; pagination: Pagination; counts: Record<StoreFilter, number> } {
  assertOrganizer(actor);
  const db = getDb();
  const counts = Object.fromEntries(STORE_FILTERS.map((s) => [s, 0])) as Record<StoreFilter, number>;
  for (const row of db.select({ status: stores.status, n: count() }).from(stores).groupBy(stores.status).all())
    counts[row.status] = row.n;
  const pagination = paginate(filter.page, counts[filter.status], 25);
  const items = db
    .select({
      store: stores,
      ownerEmail: users.email,
      countryEn: countries.nameEn,
      countryZh: countries.nameZh,
      countryFr: countries.nameFr,
    })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerId))
    .innerJoin(countries, eq(countries.code, stores.countryCode))
    .where(eq(stores.status, filter.status))
    .orderBy(filter.status === "pending" ? asc(stores.createdAt) : asc(stores.nameEn), asc(stores.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  const productCounts = new Map(
    items.length === 0
      ? []
      : db
          .select({ storeId: products.storeId, n: count() })
          .from(products)
          .where(
            and(
              inArray(
                products.storeId,
                items.map((i) => i.store.id),
              ),
              eq(products.status, "active"),
            ),
          )
          .groupBy(products.storeId)
          .all()
          .map((r) => [r.storeId, r.n]),
  );
  return {
    counts,
    pagination,
    items: items.map(({ store, ownerEmail, ...country }) => ({
      id: store.id,
      slug: store.slug,
      name: pick(store, "name", locale),
      ownerEmail,
      country: pick(country, "country", locale),
      city: pick(store, "city", locale),
      tagline: pick(store, "tagline", locale),
      status: store.status,
      reviewNote: store.reviewNote,
      createdAt: store.createdAt.toISOString(),
      products: productCounts.get(store.id) ?? 0,
    })),
  };
}

export type StoreDecision = "approve" | "reject" | "suspend";
export type ReviewResult = { ok: true } | { ok: false; error: "notFound" | "reasonRequired" | "notAllowed" };

/** Which status a decision may start from: approve pending, rejected or suspended stores; reject pending ones; suspend approved ones. */
const ALLOWED_FROM: Record<StoreDecision, readonly StoreFilter[]> = {
  approve: ["pending", "rejected", "suspended"],
  reject: ["pending"],
  suspend: ["approved"],
};
const RESULT_STATUS: Record<StoreDecision, StoreFilter> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
};

/**
 * Approves, rejects or suspends a store. Its products join or leave search and listings at once:
 * listings read the store's status, and the store's outbox row re-indexes every product of it.
 */
export function reviewStore(
  actor: Actor,
  args: { storeId: number; decision: StoreDecision; reason: string },
): ReviewResult {
  assertOrganizer(actor);
  const reason = args.reason.trim().slice(0, 1000);
  if (args.decision !== "approve" && reason === "") return { ok: false, error: "reasonRequired" };
  return getDb().transaction((tx) => {
    const store = tx.select().from(stores).where(eq(stores.id, args.storeId)).get();
    if (!store) return { ok: false, error: "notFound" } as const;
    if (!ALLOWED_FROM[args.decision].includes(store.status)) return { ok: false, error: "notAllowed" } as const;
    const status = RESULT_STATUS[args.decision];
    const set = {
      status,
      reviewNote: args.decision === "approve" ? "" : reason,
      ...(args.decision === "approve" && !store.approvedAt ? { approvedAt: clockNow() } : {}),
    };
    tx.update(stores).set(set).where(eq(stores.id, store.id)).run();
    enqueueSearchSync(tx, "store", [store.id]);
    recordAudit(
      tx,
      actor,
      `store.${args.decision}`,
      { type: "store", id: store.id },
      { status: store.status, reviewNote: store.reviewNote },
      { status, reviewNote: set.reviewNote },
    );
    return { ok: true } as const;
  });
}

// ——— Featured products ———

export function listFeaturedForCuration(
  actor: Actor,
  locale: Locale,
): (ProductCard & { position: number; visible: boolean })[] {
  assertOrganizer(actor);
  const rows = getDb()
    .select()
    .from(featuredProducts)
    .orderBy(asc(featuredProducts.position), asc(featuredProducts.productId))
    .all();
  const cards = new Map(
    listProductCardsByIds(
      rows.map((r) => r.productId),
      locale,
    ).map((c) => [c.id, c]),
  );
  // A featured product whose listing was archived stays in the list (so it can be removed) but is flagged.
  return rows.flatMap((r) => {
    const card = cards.get(r.productId);
    return card ? [{ ...card, position: r.position, visible: true }] : [];
  });
}

export type CurationResult = { ok: true } | { ok: false; error: "notFound" | "duplicate" };

export function addFeaturedProduct(actor: Actor, productId: number): CurationResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const product = tx
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), shopperVisible))
      .get();
    if (!product) return { ok: false, error: "notFound" } as const;
    if (tx.select().from(featuredProducts).where(eq(featuredProducts.productId, productId)).get())
      return { ok: false, error: "duplicate" } as const;
    const last =
      tx
        .select({ p: max(featuredProducts.position) })
        .from(featuredProducts)
        .get()?.p ?? 0;
    tx.insert(featuredProducts)
      .values({ productId, position: last + 1, curatorId: actor.id })
      .run();
    enqueueSearchSync(tx, "product", [productId]);
    recordAudit(tx, actor, "featured.add", { type: "product", id: productId }, null, { position: last + 1 });
    return { ok: true } as const;
  });
}

export function removeFeaturedProduct(actor: Actor, productId: number): CurationResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const row = tx.select().from(featuredProducts).where(eq(featuredProducts.productId, productId)).get();
    if (!row) return { ok: false, error: "notFound" } as const;
    tx.delete(featuredProducts).where(eq(featuredProducts.productId, productId)).run();
    renumber(
      tx,
      tx
        .select({ productId: featuredProducts.productId })
        .from(featuredProducts)
        .orderBy(asc(featuredProducts.position))
        .all()
        .map((r) => r.productId),
    );
    enqueueSearchSync(tx, "product", [productId]);
    recordAudit(tx, actor, "featured.remove", { type: "product", id: productId }, { position: row.position }, null);
    return { ok: true } as const;
  });
}

function renumber(tx: Tx, orderedIds: number[]) {
  orderedIds.forEach((productId, i) =>
    tx
      .update(featuredProducts)
      .set({ position: i + 1 })
      .where(eq(featuredProducts.productId, productId))
      .run(),
  );
}

/** Swaps a product with its neighbour; positions are renumbered 1..n so the order is always total. */
export function moveFeaturedProduct(actor: Actor, productId: number, direction: "up" | "down"): CurationResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const order = tx
      .select({ productId: featuredProducts.productId })
      .from(featuredProducts)
      .orderBy(asc(featuredProducts.position), asc(featuredProducts.productId))
      .all()
      .map((r) => r.productId);
    const from = order.indexOf(productId);
    if (from === -1) return { ok: false, error: "notFound" } as const;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { ok: true } as const;
    [order[from], order[to]] = [order[to]!, order[from]!];
    renumber(tx, order);
    recordAudit(
      tx,
      actor,
      "featured.move",
      { type: "product", id: productId },
      { position: from + 1 },
      { position: to + 1 },
    );
    return { ok: true } as const;
  });
}

// ——— Search insights ———

export interface QueryStat {
  query: string;
  searches: number;
  lastHits: number;
}

/** Top and zero-result queries in a locale over the last `days` days (lower-cased, trimmed, empty queries left out). */
export function getSearchInsights(actor: Actor, args: { locale: Locale | "all"; days: number; limit?: number }) {
  assertOrganizer(actor);
  flushSearchLog();
  const db = getDb();
  const since = new Date(clockNow().getTime() - args.days * 86_400_000);
  const where = and(
    gte(searchQueries.at, since),
    sql`trim(${searchQueries.query}) <> ''`,
    args.locale === "all" ? undefined : eq(searchQueries.locale, args.locale),
  );
  const normalized = sql<string>`lower(trim(${searchQueries.query}))`;
  const top = db
    .select({ query: normalized, searches: count(), lastHits: sql<number>`max(${searchQueries.hits})` })
    .from(searchQueries)
    .where(where)
    .groupBy(normalized)
    .orderBy(desc(count()), asc(normalized))
    .limit(args.limit ?? 25)
    .all();
  const zero = db
    .select({ query: normalized, searches: count(), lastHits: sql<number>`0` })
    .from(searchQueries)
    .where(and(where, eq(searchQueries.hits, 0)))
    .groupBy(normalized)
    .orderBy(desc(count()), asc(normalized))
    .limit(args.limit ?? 25)
    .all();
  const total = db.select({ n: count() }).from(searchQueries).where(where).get()?.n ?? 0;
  return { top, zero, total };
}

// ——— Synonyms ———

export interface SynonymGroup {
  id: number;
  words: string[];
}

export function listSynonyms(actor: Actor): SynonymGroup[] {
  assertOrganizer(actor);
  return getDb()
    .select({ id: searchSynonyms.id, words: searchSynonyms.words })
    .from(searchSynonyms)
    .orderBy(asc(searchSynonyms.id))
    .all();
}

/** "coffee, 咖啡, café" → ["coffee", "咖啡", "café"]: commas (also Chinese ones) or new lines separate words. */
export function parseSynonymWords(text: string): string[] {
  const words = text
    .split(/[,，、\n]/)
    .map((w) => w.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((w) => w.slice(0, 60));
  return [...new Map(words.map((w) => [w.toLowerCase(), w])).values()].slice(0, 20);
}

export type SynonymResult = { ok: true } | { ok: false; error: "tooFew" | "notFound" };

/**
 * Saves a synonym group (new when `id` is absent) and marks synonyms changed in the same
 * transaction; the sync worker applies them to Meilisearch (see applySynonymsIfChanged), and the
 * SQLite fallback reads them from the table directly.
 */
export function saveSynonymGroup(actor: Actor, args: { id?: number; text: string }): SynonymResult {
  assertOrganizer(actor);
  const words = parseSynonymWords(args.text);
  if (words.length < 2) return { ok: false, error: "tooFew" };
  return getDb().transaction((tx) => {
    const at = new Date();
    if (args.id === undefined) {
      const [row] = tx.insert(searchSynonyms).values({ words, updatedAt: at }).returning().all();
      recordAudit(tx, actor, "synonyms.add", { type: "synonyms", id: row!.id }, null, words);
    } else {
      const before = tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, args.id)).get();
      if (!before) return { ok: false, error: "notFound" } as const;
      tx.update(searchSynonyms).set({ words, updatedAt: at }).where(eq(searchSynonyms.id, args.id)).run();
      recordAudit(tx, actor, "synonyms.update", { type: "synonyms", id: args.id }, before.words, words);
    }
    setSearchState(tx, "synonymsChangedAt", at);
    return { ok: true } as const;
  });
}

export function deleteSynonymGroup(actor: Actor, id: number): SynonymResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, id)).get();
    if (!before) return { ok: false, error: "notFound" } as const;
    tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).run();
    recordAudit(tx, actor, "synonyms.remove", { type: "synonyms", id }, before.words, null);
    setSearchState(tx, "synonymsChangedAt", new Date());
    return { ok: true } as const;
  });
}
