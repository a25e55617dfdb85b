import { and, eq, inArray, sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { DB } from "#db/client.ts";
import { now } from "#db/clock.ts";
import { effectivePriceWithSlots, flashSaleNow } from "#db/flash-slots.ts";
import { liveSlotRows } from "#db/flash-slot-rows.ts";
import { voucherAvailability } from "#db/voucher-availability.ts";
import { localizedColumns } from "#db/columns.ts";
import { productIsVisible, ruleSql, storeIsOpen } from "#db/rules.ts";
import { categories, countries, featuredProducts, products, searchState, stores } from "#db/schema/index.ts";
import { indexNames, type SearchConnection } from "./client.ts";
import { PRODUCT_DOCUMENT_VERSION, toProductDocument, type ProductDocument, type StoreDocument } from "./documents.ts";
import { loadDealTerms } from "./effective-prices.ts";
import { pinyinText } from "./pinyin.ts";
import { productSettings, STORE_SETTINGS } from "./settings.ts";
import { loadSynonymGroups, synonymMap } from "./synonyms.ts";
import { bumpIndexGeneration } from "./generation.ts";

/** Indexing tasks can take a while for large batches; searches use their own short timeout. */
const TASK_WAIT = { timeout: 120_000, interval: 50 };

/** Documents for the given product ids (all when omitted) that shoppers may see. */
export function loadProductDocuments(db: DB, ids?: number[]): ProductDocument[] {
  const rows = db
    .select({
      id: products.id,
      slug: products.slug,
      ...localizedColumns(products, "title"),
      ...localizedColumns(products, "description"),
      tags: products.tags,
      priceCents: products.priceCents,
      currency: products.currency,
      stock: products.stock,
      images: products.images,
      ratingCount: products.ratingCount,
      ratingSum: products.ratingSum,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      storeId: stores.id,
      storeSlug: stores.slug,
      ...localizedColumns(stores, "name", "storeName"),
      countryCode: stores.countryCode,
      ...localizedColumns(countries, "name", "countryName"),
      categorySlug: categories.slug,
      ...localizedColumns(categories, "name", "categoryName"),
      featured: sql<number>`${featuredProducts.productId} IS NOT NULL`,
      unitsSold: sql<number>`(SELECT coalesce(sum(oi.quantity - oi.refunded_quantity), 0) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = ${products.id} AND ${sql.raw(ruleSql.orderIsSold("o"))})`,
    })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .leftJoin(featuredProducts, eq(featuredProducts.productId, products.id))
    .where(ids ? and(productIsVisible, inArray(products.id, ids)) : productIsVisible)
    .all();
  const deals = loadDealTerms(db, { productIds: ids });
  const at = now();
  const slots = liveSlotRows(ids, at, db);
  const hasVoucher = voucherAvailability(db, at);
  return rows.map(({ storeId, ...row }) => {
    const terms = deals.get(row.id) ?? [];
    const live = slots.get(row.id) ?? [];
    const price = effectivePriceWithSlots(row.priceCents, terms, live, at);
    return toProductDocument({
      ...row,
      featured: Boolean(row.featured),
      // Published festivals, past ones too: an ended festival's page stays searchable.
      festivalIds: terms.map((t) => t.festivalId),
      effectivePriceCents: price.priceCents,
      effectiveDiscountPercent: price.discountPercent,
      flashSaleNow: flashSaleNow(row.priceCents, live, at),
      voucherAvailable: hasVoucher(row.id, storeId),
    });
  });
}

export function loadStoreDocuments(db: DB, ids?: number[]): StoreDocument[] {
  return db
    .select({
      id: stores.id,
      slug: stores.slug,
      name_en: stores.nameEn,
      name_zh: stores.nameZh,
      name_fr: stores.nameFr,
      city_en: stores.cityEn,
      city_zh: stores.cityZh,
      city_fr: stores.cityFr,
      country: stores.countryCode,
      countryName_zh: countries.nameZh,
      logoUrl: stores.logoUrl,
    })
    .from(stores)
    .innerJoin(countries, eq(countries.code, stores.countryCode))
    .where(ids ? and(storeIsOpen, inArray(stores.id, ids)) : storeIsOpen)
    .all()
    .map(({ countryName_zh, ...store }) => {
      const names = pinyinText(`${store.name_zh} ${countryName_zh}`);
      return { ...store, name_pinyin: names.full, name_initials: names.initials };
    });
}

export function countVisibleProducts(db: DB): number {
  const [row] = db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM products p JOIN stores s ON s.id = p.store_id WHERE ${sql.raw(ruleSql.productIsVisible("p", "s"))}`,
  );
  return row?.n ?? 0;
}

type StateKey =
  | "lastSyncAt"
  | "lastReindexAt"
  | "synonymsChangedAt"
  | "synonymsAppliedAt"
  /** PRODUCT_DOCUMENT_VERSION of the documents the last full reindex wrote. */
  | "productDocumentVersion"
  /** The last instant the festival-boundary job handled (search/festival-boundaries.ts). */
  | "festivalBoundariesAt"
  /** Bumped on every index change (search/generation.ts); result caches key on it. */
  | "indexGeneration";

export function setSearchState(db: Pick<DB, "insert">, key: StateKey, value: Date | string) {
  const text = typeof value === "string" ? value : value.toISOString();
  db.insert(searchState)
    .values({ key, value: text })
    .onConflictDoUpdate({ target: searchState.key, set: { value: text } })
    .run();
}

export function getSearchState(db: Pick<DB, "select">, key: StateKey): string | null {
  return db.select().from(searchState).where(eq(searchState.key, key)).get()?.value ?? null;
}

async function applySettings(client: Meilisearch, uid: string, settings: typeof STORE_SETTINGS) {
  await client.index(uid).updateSettings(settings).waitTask(TASK_WAIT);
}

async function ensureIndex(client: Meilisearch, uid: string) {
  try {
    await client.getIndex(uid);
  } catch {
    await client.createIndex(uid, { primaryKey: "id" }).waitTask(TASK_WAIT);
  }
}

/** Applies settings to the live indexes (idempotent; Meilisearch skips unchanged settings). */
export async function applyIndexSettings(db: DB, client: Meilisearch, connection: SearchConnection) {
  const names = indexNames(connection);
  await ensureIndex(client, names.products);
  await ensureIndex(client, names.stores);
  const startedAt = new Date();
  await applySettings(client, names.products, productSettings(loadSynonymGroups(db)));
  await applySettings(client, names.stores, STORE_SETTINGS);
  setSearchState(db, "synonymsAppliedAt", startedAt);
}

/**
 * Organizers' synonym edits reach Meilisearch here: the edit records `synonymsChangedAt` in its own
 * transaction, and the sync worker re-applies the synonyms whenever that is newer than the last
 * application, so an edit made while Meilisearch is down is applied once it returns.
 */
export async function applySynonymsIfChanged(
  db: DB,
  client: Meilisearch,
  connection: SearchConnection,
): Promise<boolean> {
  const changed = getSearchState(db, "synonymsChangedAt");
  const applied = getSearchState(db, "synonymsAppliedAt");
  if (!changed || (applied && applied >= changed)) return false;
  const startedAt = new Date();
  const task = await client
    .index(indexNames(connection).products)
    .updateSynonyms(synonymMap(loadSynonymGroups(db)))
    .waitTask(TASK_WAIT);
  if (task.status !== "succeeded") throw new Error(`synonyms task ${task.uid} ${task.status}`);
  setSearchState(db, "synonymsAppliedAt", startedAt);
  bumpIndexGeneration(db);
  return true;
}

/**
 * Full rebuild: fill fresh indexes with every visible product and store, then swap them with the live
 * ones in one atomic task, so searches keep answering from the old index until the new one is ready.
 */
export async function reindexAll(
  db: DB,
  client: Meilisearch,
  connection: SearchConnection,
  log: (line: string) => void = () => {},
) {
  const names = indexNames(connection);
  const stamp = Date.now().toString(36);
  const startedAt = new Date();
  // The effective prices below are worked out at this instant (or a little later); festival
  // boundaries after it are the boundary job's to re-send (search/festival-boundaries.ts).
  const pricedAt = now();
  for (const [live, docs, settings] of [
    [names.products, loadProductDocuments(db), productSettings(loadSynonymGroups(db))],
    [names.stores, loadStoreDocuments(db), STORE_SETTINGS],
  ] as const) {
    const fresh = `${live}_rebuild_${stamp}`;
    await client.createIndex(fresh, { primaryKey: "id" }).waitTask(TASK_WAIT);
    await applySettings(client, fresh, settings);
    for (let i = 0; i < docs.length; i += 10_000) {
      await client
        .index(fresh)
        .addDocuments(docs.slice(i, i + 10_000) as unknown as Record<string, unknown>[])
        .waitTask(TASK_WAIT);
    }
    await ensureIndex(client, live);
    await client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask(TASK_WAIT);
    await client.deleteIndex(fresh).waitTask(TASK_WAIT);
    log(`search: reindexed ${docs.length} documents into ${live}`);
  }
  setSearchState(db, "lastReindexAt", startedAt);
  setSearchState(db, "productDocumentVersion", String(PRODUCT_DOCUMENT_VERSION));
  setSearchState(db, "festivalBoundariesAt", pricedAt);
  setSearchState(db, "lastSyncAt", new Date());
  bumpIndexGeneration(db);
}

/**
 * Reindexes when the live index's document count differs from the database (first start, lost data)
 * or its documents were made by another version of `toProductDocument` (new fields to sort on).
 */
export async function reindexIfOutOfStep(
  db: DB,
  client: Meilisearch,
  connection: SearchConnection,
  log: (line: string) => void = () => {},
) {
  await applyIndexSettings(db, client, connection);
  const stats = await client.index(indexNames(connection).products).getStats();
  const expected = countVisibleProducts(db);
  if (stats.numberOfDocuments !== expected) {
    log(`search: index has ${stats.numberOfDocuments} products, database ${expected}; rebuilding`);
    await reindexAll(db, client, connection, log);
    return true;
  }
  const version = getSearchState(db, "productDocumentVersion");
  if (version !== String(PRODUCT_DOCUMENT_VERSION)) {
    log(
      `search: index documents are version ${version ?? "1"}, this code writes ${PRODUCT_DOCUMENT_VERSION}; rebuilding`,
    );
    await reindexAll(db, client, connection, log);
    return true;
  }
  return false;
}
