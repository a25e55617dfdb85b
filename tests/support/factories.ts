import { eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { categories, festivalDeals, festivals, products, shippingProfiles, stores } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";

let counter = 0;

/**
 * Inserts a product and its outbox row in one transaction, as the model layer's writes do. `stock`
 * is the units on hand (10 unless told); nothing is reserved yet, so they are all available.
 */
export function createProduct(
  db: DB,
  overrides: Partial<typeof products.$inferInsert> & { storeSlug?: string; categorySlug?: string; stock?: number } = {},
) {
  const { storeSlug = "yirga-highlands-coffee", categorySlug = "crafts-home-decor", stock = 10, ...fields } = overrides;
  const store = db.select().from(stores).where(eq(stores.slug, storeSlug)).get()!;
  const category = db.select().from(categories).where(eq(categories.slug, categorySlug)).get()!;
  counter += 1;
  const slug = fields.slug ?? `test-product-${process.pid}-${counter}`;
  return db.transaction((tx) => {
    const [row] = tx
      .insert(products)
      .values({
        storeId: store.id,
        categoryId: category.id,
        slug,
        sku: `TEST-${process.pid}-${counter}`,
        titleEn: `Test product ${counter}`,
        titleZh: `测试商品${counter}`,
        titleFr: `Produit d'essai ${counter}`,
        priceCents: 1500,
        onHand: stock,
        status: "active",
        images: [],
        ...fields,
      })
      .returning()
      .all();
    enqueueSearchSync(tx, "product", [row!.id]);
    return row!;
  });
}

export function updateProduct(db: DB, id: number, set: Partial<typeof products.$inferInsert>) {
  db.transaction((tx) => {
    tx.update(products)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(products.id, id))
      .run();
    enqueueSearchSync(tx, "product", [id]);
  });
}

export function updateStore(db: DB, id: number, set: Partial<typeof stores.$inferInsert>) {
  db.transaction((tx) => {
    tx.update(stores).set(set).where(eq(stores.id, id)).run();
    enqueueSearchSync(tx, "store", [id]);
  });
}

/** A festival with deals (and their outbox rows), published unless told otherwise. */
export function createFestival(
  db: DB,
  options: {
    startsAt: Date;
    endsAt: Date;
    published?: boolean;
    slug?: string;
    deals?: {
      productId: number;
      dealPriceCents?: number | null;
      discountPercent?: number | null;
      dealStock?: number | null;
      soldCount?: number;
      reservedCount?: number;
    }[];
  },
) {
  counter += 1;
  return db.transaction((tx) => {
    const [festival] = tx
      .insert(festivals)
      .values({
        slug: options.slug ?? `test-festival-${process.pid}-${counter}`,
        nameEn: `Test Festival ${counter}`,
        nameZh: `测试购物节${counter}`,
        nameFr: `Festival d'essai ${counter}`,
        startsAt: options.startsAt,
        endsAt: options.endsAt,
        published: options.published ?? true,
      })
      .returning()
      .all();
    const deals = options.deals ?? [];
    if (deals.length > 0) {
      tx.insert(festivalDeals)
        .values(
          deals.map((d, position) => ({
            festivalId: festival!.id,
            position,
            dealPriceCents: null,
            discountPercent: null,
            dealStock: null,
            soldCount: 0,
            ...d,
          })),
        )
        .run();
      enqueueSearchSync(
        tx,
        "product",
        deals.map((d) => d.productId),
      );
    }
    return festival!;
  });
}

/**
 * Every store ships everywhere for nothing: for tests about goods, stock and payments whose totals
 * are the goods alone. Shipping and import tax are priced in tests/integration/shipping.test.ts.
 */
export function freeShipping(db: DB) {
  const rate = { firstCents: 0, additionalCents: 0, minDays: 5, maxDays: 10 };
  db.update(shippingProfiles)
    .set({
      pricing: "item",
      freeOverCents: null,
      rates: Object.fromEntries(
        ["cn", "hkmotw", "asia", "europe", "africa", "americas", "oceania"].map((zone) => [zone, rate]),
      ),
    })
    .run();
}

/** One store's shipping, replaced by these profiles (for tests that price shipping). */
export function setShipping(
  db: DB,
  storeSlug: string,
  profiles: Omit<typeof shippingProfiles.$inferInsert, "storeId">[],
) {
  const store = db.select().from(stores).where(eq(stores.slug, storeSlug)).get()!;
  db.transaction((tx) => {
    tx.delete(shippingProfiles).where(eq(shippingProfiles.storeId, store.id)).run();
    if (profiles.length > 0)
      tx.insert(shippingProfiles)
        .values(profiles.map((p) => ({ ...p, storeId: store.id })))
        .run();
  });
  return store;
}
