import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import type { ShortOfReserved } from "#app/utils/inventory.ts";
import { MAX_PRICE_DOLLARS, type ProductInput } from "#app/utils/product-form.ts";
import type { ProductStatus } from "#db/rules.ts";
import { PRODUCT_STATUSES, categories, products } from "#db/schema/index.ts";
import { likePattern, slugify, uniqueSlug } from "#db/text.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { Actor, OwnStore } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { setOnHand } from "../inventory.server.ts";
import { pick } from "../localize.ts";

/**
 * The owner's listings. Every function takes the owner's store and reaches only its rows: another
 * store's product id is simply "not found", so routes cannot leak or change what is not theirs
 * even if they forget to check.
 */
export function ownProductCondition(store: OwnStore, productId: number): SQL {
  return and(eq(products.id, productId), eq(products.storeId, store.id))!;
}

export function getOwnProduct(store: OwnStore, productId: number) {
  if (!Number.isSafeInteger(productId)) return null;
  const row = getDb()
    .select({ product: products, categorySlug: categories.slug })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(ownProductCondition(store, productId))
    .get();
  return row ? { ...row.product, categorySlug: row.categorySlug } : null;
}

export const OWNER_SORTS = ["updated", "title", "price", "stock"] as const;
export const OWNER_STATUS_FILTERS = ["all", ...PRODUCT_STATUSES] as const;

export function listOwnProducts(
  store: OwnStore,
  args: {
    q: string;
    status: (typeof OWNER_STATUS_FILTERS)[number];
    sort: (typeof OWNER_SORTS)[number];
    page: number;
    locale: Locale;
  },
): {
  items: {
    id: number;
    sku: string;
    title: string;
    status: string;
    priceCents: number;
    currency: string;
    /** Units on the shelf (what the owner sets), units held by open orders, and what shoppers can buy. */
    onHand: number;
    reserved: number;
    available: number;
    slug: string;
  }[];
  pagination: Pagination;
} {
  const db = getDb();
  const parts: SQL[] = [eq(products.storeId, store.id)];
  if (args.status !== "all") parts.push(eq(products.status, args.status));
  const q = args.q.trim().slice(0, 100);
  if (q) {
    const pattern = likePattern(q);
    parts.push(
      sql`(${products.titleEn} LIKE ${pattern} ESCAPE '\\' OR ${products.titleZh} LIKE ${pattern} ESCAPE '\\' OR ${products.titleFr} LIKE ${pattern} ESCAPE '\\' OR ${products.sku} LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  const where = and(...parts);
  const total = db.select({ n: count() }).from(products).where(where).get()?.n ?? 0;
  const pagination = paginate(args.page, total);
  const order = {
    updated: [desc(products.updatedAt), desc(products.id)],
    title: [asc(products.titleEn), asc(products.id)],
    price: [asc(products.priceCents), asc(products.id)],
    stock: [asc(products.stock), asc(products.id)],
  }[args.sort];
  const rows = db
    .select()
    .from(products)
    .where(where)
    .orderBy(...order)
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  return {
    items: rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      slug: r.slug,
      title: pick(r, "title", args.locale),
      status: r.status,
      priceCents: r.priceCents,
      currency: r.currency,
      onHand: r.onHand,
      reserved: r.reserved,
      available: r.stock,
    })),
    pagination,
  };
}

/** The form/CSV input as product columns (the one place that maps one to the other): "stock" is the count on hand. */
export function productColumns(input: ProductInput, categoryId: number) {
  return {
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    titleFr: input.titleFr,
    descriptionEn: input.descriptionEn,
    descriptionZh: input.descriptionZh,
    descriptionFr: input.descriptionFr,
    categoryId,
    tags: input.tags,
    priceCents: input.price,
    onHand: input.stock,
  };
}

export type SaveResult =
  { ok: true; id: number } | { ok: false; error: "notFound" | "skuTaken" | "category" } | BelowReserved;

type BelowReserved = { ok: false; error: "belowReserved" } & ShortOfReserved;

/**
 * Creates (id null) or updates one of the store's listings, with its search-sync row, in one
 * transaction. An update whose count on hand is below the units reserved writes nothing.
 */
export function saveOwnProduct(store: OwnStore, id: number | null, input: ProductInput, publish?: boolean): SaveResult {
  const db = getDb();
  const category = db.select().from(categories).where(eq(categories.slug, input.categorySlug)).get();
  if (!category) return { ok: false, error: "category" };
  return db.transaction((tx) => {
    const clash = tx.select({ id: products.id }).from(products).where(eq(products.sku, input.sku)).get();
    if (clash && clash.id !== id) return { ok: false as const, error: "skuTaken" as const };
    const fields = { ...productColumns(input, category.id), sku: input.sku, updatedAt: new Date() };
    let productId: number;
    if (id === null) {
      const slug = uniqueSlug(slugify(input.titleEn) || "product", (s) =>
        Boolean(tx.select({ id: products.id }).from(products).where(eq(products.slug, s)).get()),
      );
      const [row] = tx
        .insert(products)
        .values({
          ...fields,
          storeId: store.id,
          slug,
          status: publish ? "active" : "draft",
          images: [],
          createdAt: new Date(),
        })
        .returning({ id: products.id })
        .all();
      productId = row!.id;
    } else {
      const { onHand, ...rest } = fields;
      const updated = setOnHand(tx, ownProductCondition(store, id), onHand, rest);
      if (!updated.ok) return updated;
      productId = id;
    }
    enqueueSearchSync(tx, "product", [productId]);
    return { ok: true as const, id: productId };
  });
}

export function setOwnProductStatus(store: OwnStore, id: number, status: ProductStatus): boolean {
  return getDb().transaction((tx) => {
    const result = tx
      .update(products)
      .set({ status, updatedAt: new Date() })
      .where(ownProductCondition(store, id))
      .run();
    if (result.changes === 0) return false;
    enqueueSearchSync(tx, "product", [id]);
    return true;
  });
}

/** The inline edit: sets the units on hand (a physical count), never below the units reserved. */
export function setOwnProductOnHand(
  store: OwnStore,
  id: number,
  onHand: number,
): { ok: true } | { ok: false; error: "notFound" | "badQuantity" } | BelowReserved {
  if (!Number.isInteger(onHand) || onHand < 0 || onHand > 999_999) return { ok: false, error: "badQuantity" };
  return getDb().transaction((tx) => {
    const result = setOnHand(tx, ownProductCondition(store, id), onHand, { updatedAt: new Date() });
    if (result.ok) enqueueSearchSync(tx, "product", [id]);
    return result;
  });
}

// ——— Bulk edit ———

/** At most this many listings in one bulk edit (a page of the table is 24). */
export const BULK_MAX = 100;
const MAX_ON_HAND = 999_999;

/** What a bulk edit sets on every selected listing; a field left out is left as it is. */
export interface BulkChanges {
  priceCents?: number;
  onHand?: number;
  status?: ProductStatus;
}

export type BulkResult =
  | { ok: true; count: number }
  | { ok: false; error: "badInput" | "notFound" }
  | ({ ok: false; error: "belowReserved"; productId: number; title: string } & ShortOfReserved);

/**
 * Sets the price, the count on hand and/or the status of several of the store's listings at once:
 * all of them or none. Any id that is not one of the store's listings refuses the whole edit, and
 * so does a count on hand below the units reserved for any one of them (decision 014). One
 * transaction: the rows, their search-sync rows and one audit entry commit together.
 */
export function bulkEditOwnProducts(
  store: OwnStore,
  actor: Actor,
  ids: number[],
  changes: BulkChanges,
  locale: Locale,
): BulkResult {
  const unique = [...new Set(ids)];
  const { priceCents, onHand, status } = changes;
  if (
    unique.length === 0 ||
    unique.length > BULK_MAX ||
    !unique.every((id) => Number.isSafeInteger(id) && id > 0) ||
    (priceCents === undefined && onHand === undefined && status === undefined) ||
    (priceCents !== undefined &&
      !(Number.isInteger(priceCents) && priceCents > 0 && priceCents <= MAX_PRICE_DOLLARS * 100)) ||
    (onHand !== undefined && !(Number.isInteger(onHand) && onHand >= 0 && onHand <= MAX_ON_HAND)) ||
    (status !== undefined && !(PRODUCT_STATUSES as readonly string[]).includes(status))
  )
    return { ok: false, error: "badInput" };
  return getDb().transaction(
    (tx) => {
      const rows = tx
        .select()
        .from(products)
        .where(and(eq(products.storeId, store.id), inArray(products.id, unique)))
        .orderBy(asc(products.id))
        .all();
      if (rows.length !== unique.length) return { ok: false as const, error: "notFound" as const };
      if (onHand !== undefined) {
        // Checked before anything is written, so a refusal leaves every listing as it was.
        const short = rows.find((r) => r.reserved > onHand);
        if (short) {
          const refused = setOnHand(tx, ownProductCondition(store, short.id), onHand);
          if (!refused.ok && refused.error === "belowReserved")
            return { ...refused, productId: short.id, title: pick(short, "title", locale) };
        }
      }
      const set = {
        updatedAt: new Date(),
        ...(priceCents !== undefined ? { priceCents } : {}),
        ...(status !== undefined ? { status } : {}),
      };
      for (const row of rows) {
        const where = ownProductCondition(store, row.id);
        if (onHand === undefined) tx.update(products).set(set).where(where).run();
        else if (!setOnHand(tx, where, onHand, set).ok)
          throw new Error(`bulk edit: listing ${row.id} changed under a write lock`);
      }
      enqueueSearchSync(tx, "product", unique);
      recordAudit(
        tx,
        actor,
        "product.bulkEdit",
        { type: "store", id: store.id },
        rows.map((r) => ({ id: r.id, priceCents: r.priceCents, onHand: r.onHand, status: r.status })),
        { ids: rows.map((r) => r.id), ...changes },
      );
      return { ok: true as const, count: rows.length };
    },
    { behavior: "immediate" },
  );
}
