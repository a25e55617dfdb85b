import { eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { categories, festivalDeals, festivals, products, stores } from "#db/schema/index.ts";
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
