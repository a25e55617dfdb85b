import { and, asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { CSV_COLUMNS, type CsvColumn } from "#app/utils/csv.ts";
import { productInputSchema, type ProductInput } from "#app/utils/product-form.ts";
import { categories, countries, products, stores, users } from "#db/schema/index.ts";
import { likePattern, slugify, uniqueSlug } from "#db/text.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { MAX_IMAGES_PER_PRODUCT, isUploadedImage } from "#app/utils/images.ts";
import { pick } from "./localize.ts";
import { filesOf, removeFiles, storeImage, type ImageProblem } from "./media.server.ts";
import type { SessionUser } from "./users.server.ts";

/**
 * The owner console's data. Every function takes the acting user and reaches only rows of the store
 * that user owns: another store's product id is simply "not found", so routes cannot leak or
 * change what is not theirs even if they forget to check.
 */
export type Actor = Pick<SessionUser, "id" | "role">;

export const LOW_STOCK_THRESHOLD = 5;

export function getOwnStore(actor: Actor) {
  if (actor.role !== "owner") return null;
  return getDb().select().from(stores).where(eq(stores.ownerId, actor.id)).get() ?? null;
}

function ownProductCondition(storeId: number, productId: number): SQL {
  return and(eq(products.id, productId), eq(products.storeId, storeId))!;
}

export function getOwnProduct(actor: Actor, productId: number) {
  const store = getOwnStore(actor);
  if (!store || !Number.isSafeInteger(productId)) return null;
  const row = getDb()
    .select({ product: products, categorySlug: categories.slug })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(ownProductCondition(store.id, productId))
    .get();
  return row ? { ...row.product, categorySlug: row.categorySlug } : null;
}

export interface DashboardItem {
  id: number;
  title: string;
  stock: number;
}

export function getOwnerDashboard(actor: Actor, locale: Locale) {
  const store = getOwnStore(actor);
  if (!store) return null;
  const db = getDb();
  const counts = Object.fromEntries(
    db
      .select({ status: products.status, n: count() })
      .from(products)
      .where(eq(products.storeId, store.id))
      .groupBy(products.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<"draft" | "active" | "archived", number>>;
  const item = (r: {
    id: number;
    titleEn: string;
    titleZh: string;
    titleFr: string;
    stock: number;
  }): DashboardItem => ({ id: r.id, title: pick(r, "title", locale), stock: r.stock });
  const listed = and(eq(products.storeId, store.id), sql`${products.status} != 'archived'`);
  const base = {
    id: products.id,
    titleEn: products.titleEn,
    titleZh: products.titleZh,
    titleFr: products.titleFr,
    stock: products.stock,
  };
  return {
    store: { name: pick(store, "name", locale), slug: store.slug, status: store.status },
    counts: { draft: counts.draft ?? 0, active: counts.active ?? 0, archived: counts.archived ?? 0 },
    soldOut: db
      .select(base)
      .from(products)
      .where(and(listed, eq(products.stock, 0)))
      .orderBy(asc(products.id))
      .limit(20)
      .all()
      .map(item),
    lowStock: db
      .select(base)
      .from(products)
      .where(and(listed, sql`${products.stock} BETWEEN 1 AND ${LOW_STOCK_THRESHOLD}`))
      .orderBy(asc(products.stock), asc(products.id))
      .limit(20)
      .all()
      .map(item),
    missingTranslation: db
      .select(base)
      .from(products)
      .where(
        and(
          listed,
          or(
            eq(products.titleZh, ""),
            eq(products.titleFr, ""),
            eq(products.descriptionZh, ""),
            eq(products.descriptionFr, ""),
          ),
        ),
      )
      .orderBy(asc(products.id))
      .limit(20)
      .all()
      .map(item),
    missingImage: db
      .select(base)
      .from(products)
      .where(and(listed, eq(products.images, sql`'[]'`)))
      .orderBy(asc(products.id))
      .limit(20)
      .all()
      .map(item),
  };
}

export const OWNER_SORTS = ["updated", "title", "price", "stock"] as const;
export const OWNER_STATUS_FILTERS = ["all", "draft", "active", "archived"] as const;

export function listOwnProducts(
  actor: Actor,
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
    stock: number;
    slug: string;
  }[];
  pagination: Pagination;
} | null {
  const store = getOwnStore(actor);
  if (!store) return null;
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
      stock: r.stock,
    })),
    pagination,
  };
}

/** The form/CSV input as product columns (the one place that maps one to the other). */
function productColumns(input: ProductInput, categoryId: number) {
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
    stock: input.stock,
  };
}

export type SaveResult = { ok: true; id: number } | { ok: false; error: "notFound" | "skuTaken" | "category" };

/** Creates (id null) or updates one of the actor's listings, with its search-sync row, in one transaction. */
export function saveOwnProduct(actor: Actor, id: number | null, input: ProductInput, publish?: boolean): SaveResult {
  const store = getOwnStore(actor);
  if (!store) return { ok: false, error: "notFound" };
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
      const updated = tx.update(products).set(fields).where(ownProductCondition(store.id, id)).run();
      if (updated.changes === 0) return { ok: false as const, error: "notFound" as const };
      productId = id;
    }
    enqueueSearchSync(tx, "product", [productId]);
    return { ok: true as const, id: productId };
  });
}

export function setOwnProductStatus(actor: Actor, id: number, status: "draft" | "active" | "archived"): boolean {
  const store = getOwnStore(actor);
  if (!store) return false;
  return getDb().transaction((tx) => {
    const result = tx
      .update(products)
      .set({ status, updatedAt: new Date() })
      .where(ownProductCondition(store.id, id))
      .run();
    if (result.changes === 0) return false;
    enqueueSearchSync(tx, "product", [id]);
    return true;
  });
}

export function setOwnProductStock(actor: Actor, id: number, stock: number): boolean {
  const store = getOwnStore(actor);
  if (!store || !Number.isInteger(stock) || stock < 0 || stock > 999_999) return false;
  return getDb().transaction((tx) => {
    const result = tx
      .update(products)
      .set({ stock, updatedAt: new Date() })
      .where(ownProductCondition(store.id, id))
      .run();
    if (result.changes === 0) return false;
    enqueueSearchSync(tx, "product", [id]);
    return true;
  });
}

export function listCategoryOptions(locale: Locale) {
  return getDb()
    .select()
    .from(categories)
    .orderBy(asc(categories.position))
    .all()
    .map((c) => ({ slug: c.slug, name: pick(c, "name", locale) }));
}

export function listCountryOptions(locale: Locale) {
  return getDb()
    .select()
    .from(countries)
    .all()
    .map((c) => ({ code: c.code, name: pick(c, "name", locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/**
 * A shopper applies to open a store: the store is created `pending` (invisible to shoppers until an
 * organizer approves it) and the user becomes its owner, in one transaction. One store per owner.
 */
export function applyForStore(
  actor: Actor,
  input: { nameEn: string; nameZh: string; nameFr: string; countryCode: string; cityEn: string },
): { ok: true; storeId: number } | { ok: false; error: "alreadyOwner" | "country" } {
  const db = getDb();
  if (actor.role !== "shopper") return { ok: false, error: "alreadyOwner" };
  if (!db.select().from(countries).where(eq(countries.code, input.countryCode)).get())
    return { ok: false, error: "country" };
  return db.transaction((tx) => {
    const slug = uniqueSlug(slugify(input.nameEn) || "store", (s) =>
      Boolean(tx.select({ id: stores.id }).from(stores).where(eq(stores.slug, s)).get()),
    );
    const [store] = tx
      .insert(stores)
      .values({
        slug,
        ownerId: actor.id,
        nameEn: input.nameEn,
        nameZh: input.nameZh,
        nameFr: input.nameFr,
        countryCode: input.countryCode,
        cityEn: input.cityEn,
        cityZh: "",
        cityFr: "",
        status: "pending",
      })
      .returning({ id: stores.id })
      .all();
    tx.update(users).set({ role: "owner" }).where(eq(users.id, actor.id)).run();
    return { ok: true as const, storeId: store!.id };
  });
}

export type ImageUploadResult =
  { ok: true; added: number } | { ok: false; error: "notFound" | "tooMany" | "tooLarge" | "notAnImage" | "empty" };

/**
 * Adds photos to one of the actor's listings: every file is decoded and re-encoded first (any bad
 * file refuses the whole upload), then the listing's image list and its search-sync row are written
 * in one transaction. The generated art placeholder gives way to the first real photo.
 */
export async function addOwnProductImages(
  actor: Actor,
  productId: number,
  uploads: Buffer[],
): Promise<ImageUploadResult> {
  const product = getOwnProduct(actor, productId);
  if (!product) return { ok: false, error: "notFound" };
  const kept = product.images.filter(isUploadedImage);
  if (uploads.length === 0) return { ok: false, error: "empty" };
  if (kept.length + uploads.length > MAX_IMAGES_PER_PRODUCT) return { ok: false, error: "tooMany" };
  const stored: { url: string; files: string[] }[] = [];
  for (const bytes of uploads) {
    const result = await storeImage(bytes);
    if (!result.ok) {
      for (const s of stored) removeFiles(s.files);
      return { ok: false, error: result.problem };
    }
    stored.push(result);
  }
  try {
    getDb().transaction((tx) => {
      const result = tx
        .update(products)
        .set({ images: [...kept, ...stored.map((s) => s.url)], updatedAt: new Date() })
        .where(ownProductCondition(product.storeId, productId))
        .run();
      if (result.changes === 0) throw new Error("listing vanished");
      enqueueSearchSync(tx, "product", [productId]);
    });
  } catch (error) {
    for (const s of stored) removeFiles(s.files);
    throw error;
  }
  return { ok: true, added: stored.length };
}

/** Removes one photo from one of the actor's listings, then its files. */
export function deleteOwnProductImage(actor: Actor, productId: number, url: string): boolean {
  const product = getOwnProduct(actor, productId);
  if (!product || !product.images.includes(url)) return false;
  getDb().transaction((tx) => {
    tx.update(products)
      .set({ images: product.images.filter((u) => u !== url), updatedAt: new Date() })
      .where(ownProductCondition(product.storeId, productId))
      .run();
    enqueueSearchSync(tx, "product", [productId]);
  });
  removeFiles(filesOf(url));
  return true;
}

const CSV_TO_FIELD: Record<string, CsvColumn> = {
  titleEn: "title_en",
  titleZh: "title_zh",
  titleFr: "title_fr",
  descriptionEn: "description_en",
  descriptionZh: "description_zh",
  descriptionFr: "description_fr",
  categorySlug: "category",
  tags: "tags",
  price: "price_usd",
  stock: "stock",
  sku: "sku",
};

export interface ImportRow {
  line: number;
  sku: string;
  errors: { column: CsvColumn; key: MessageKey }[];
  input?: ProductInput & { status: "draft" | "active" | "archived" };
}

/** Checks every row against the same schema as the product form, plus file-level rules (unique SKUs, own SKUs only). */
export function validateImport(actor: Actor, records: Record<CsvColumn, string>[]): ImportRow[] | null {
  const store = getOwnStore(actor);
  if (!store) return null;
  const db = getDb();
  const categorySlugs = new Set(
    db
      .select({ slug: categories.slug })
      .from(categories)
      .all()
      .map((c) => c.slug),
  );
  const skuOwners = new Map(
    db
      .select({ sku: products.sku, storeId: products.storeId })
      .from(products)
      .all()
      .map((p) => [p.sku, p.storeId]),
  );
  const seen = new Set<string>();
  return records.map((record, i) => {
    const line = i + 2; // header is line 1
    const errors: ImportRow["errors"] = [];
    const values = Object.fromEntries(
      Object.entries(CSV_TO_FIELD).map(([field, column]) => [
        field,
        column === "tags" ? record.tags.replace(/\|/g, ",") : record[column],
      ]),
    );
    const parsed = productInputSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = CSV_TO_FIELD[String(issue.path[0])]!;
        if (!errors.some((e) => e.column === column))
          errors.push({
            column,
            key: (issue.message.startsWith("form.") ? issue.message : "form.invalid") as MessageKey,
          });
      }
    }
    const status = record.status === "" ? "draft" : record.status;
    if (status !== "draft" && status !== "active" && status !== "archived")
      errors.push({ column: "status", key: "form.status" });
    if (parsed.success && !categorySlugs.has(parsed.data.categorySlug))
      errors.push({ column: "category", key: "form.chooseCategory" });
    const sku = record.sku.trim();
    if (sku && seen.has(sku)) errors.push({ column: "sku", key: "form.skuDuplicate" });
    else if (sku && skuOwners.has(sku) && skuOwners.get(sku) !== store.id)
      errors.push({ column: "sku", key: "form.skuTaken" });
    seen.add(sku);
    return errors.length === 0 && parsed.success
      ? { line, sku, errors, input: { ...parsed.data, status: status as "draft" | "active" | "archived" } }
      : { line, sku, errors };
  });
}

/**
 * Imports the valid rows in one transaction, upserting by SKU within the actor's store. A row equal
 * to what is stored changes nothing (not even updatedAt), so importing the same file twice is a no-op.
 */
export function importListings(
  actor: Actor,
  records: Record<CsvColumn, string>[],
): { created: number; updated: number; unchanged: number; skipped: number } | null {
  const store = getOwnStore(actor);
  const rows = validateImport(actor, records);
  if (!store || !rows) return null;
  const db = getDb();
  const categoryIds = new Map(
    db
      .select({ slug: categories.slug, id: categories.id })
      .from(categories)
      .all()
      .map((c) => [c.slug, c.id]),
  );
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: rows.filter((r) => !r.input).length };
  db.transaction((tx) => {
    const touched: number[] = [];
    const existing = new Map(
      tx
        .select()
        .from(products)
        .where(eq(products.storeId, store.id))
        .all()
        .map((p) => [p.sku, p]),
    );
    const slugs = new Set(
      tx
        .select({ slug: products.slug })
        .from(products)
        .all()
        .map((p) => p.slug),
    );
    const now = new Date();
    for (const row of rows) {
      if (!row.input) continue;
      const input = row.input;
      const fields = { ...productColumns(input, categoryIds.get(input.categorySlug)!), status: input.status };
      const current = existing.get(input.sku);
      if (current) {
        const same = (Object.keys(fields) as (keyof typeof fields)[]).every(
          (k) => JSON.stringify(current[k]) === JSON.stringify(fields[k]),
        );
        if (same) {
          counts.unchanged++;
          continue;
        }
        tx.update(products)
          .set({ ...fields, updatedAt: now })
          .where(ownProductCondition(store.id, current.id))
          .run();
        touched.push(current.id);
        counts.updated++;
      } else {
        const slug = uniqueSlug(slugify(input.titleEn) || "product", (s) => slugs.has(s));
        slugs.add(slug);
        const [created] = tx
          .insert(products)
          .values({ ...fields, sku: input.sku, storeId: store.id, slug, images: [], createdAt: now, updatedAt: now })
          .returning({ id: products.id })
          .all();
        touched.push(created!.id);
        counts.created++;
      }
    }
    enqueueSearchSync(tx, "product", touched);
  });
  return counts;
}

/** The actor's listings in the import format, so export → edit → import round-trips. */
export function exportListings(actor: Actor): string[][] | null {
  const store = getOwnStore(actor);
  if (!store) return null;
  const rows = getDb()
    .select({ product: products, category: categories.slug })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.storeId, store.id))
    .orderBy(asc(products.id))
    .all();
  return [
    [...CSV_COLUMNS],
    ...rows.map(({ product: p, category }) => [
      p.sku,
      p.titleEn,
      p.titleZh,
      p.titleFr,
      p.descriptionEn,
      p.descriptionZh,
      p.descriptionFr,
      category,
      p.tags.join("|"),
      (p.priceCents / 100).toFixed(2),
      String(p.stock),
      p.status,
    ]),
  ];
}

export interface StoreProfileInput {
  nameEn: string;
  nameZh: string;
  nameFr: string;
  taglineEn: string;
  taglineZh: string;
  taglineFr: string;
  storyEn: string;
  storyZh: string;
  storyFr: string;
  countryCode: string;
  cityEn: string;
  cityZh: string;
  cityFr: string;
}

/** Updates the actor's own store (and, through the outbox, every product document showing its name). */
export function updateOwnStore(actor: Actor, input: StoreProfileInput): "ok" | "notFound" | "country" {
  const store = getOwnStore(actor);
  if (!store) return "notFound";
  const db = getDb();
  if (!db.select().from(countries).where(eq(countries.code, input.countryCode)).get()) return "country";
  db.transaction((tx) => {
    tx.update(stores).set(input).where(eq(stores.id, store.id)).run();
    enqueueSearchSync(tx, "store", [store.id]);
  });
  return "ok";
}

export async function setOwnStoreLogo(
  actor: Actor,
  bytes: Buffer,
): Promise<{ ok: true } | { ok: false; error: "notFound" | ImageProblem }> {
  const store = getOwnStore(actor);
  if (!store) return { ok: false, error: "notFound" };
  const stored = await storeImage(bytes);
  if (!stored.ok) return { ok: false, error: stored.problem };
  getDb().transaction((tx) => {
    tx.update(stores).set({ logoUrl: stored.url }).where(eq(stores.id, store.id)).run();
    enqueueSearchSync(tx, "store", [store.id]);
  });
  if (store.logoUrl) removeFiles(filesOf(store.logoUrl));
  return { ok: true };
}
