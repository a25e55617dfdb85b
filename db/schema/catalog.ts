import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./users.ts";

/** Africa's 54 countries, ISO 3166-1 alpha-2, with the words the catalog needs in three languages. */
export const countries = sqliteTable("countries", {
  code: text().primaryKey(),
  nameEn: text().notNull(),
  nameZh: text().notNull(),
  nameFr: text().notNull(),
  /** "Ethiopian": lets titles read "Ethiopian Yirgacheffe Coffee". */
  adjectiveEn: text().notNull(),
  /** "d'Éthiopie", "du Kenya": French needs the article and elision with the name. */
  ofFr: text().notNull(),
  region: text({ enum: ["north", "west", "central", "east", "southern"] }).notNull(),
  /** Flag colours as hex strings (JSON array), used by the generated product art. */
  colors: text({ mode: "json" }).$type<string[]>().notNull(),
});

export const categories = sqliteTable("categories", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  nameEn: text().notNull(),
  nameZh: text().notNull(),
  nameFr: text().notNull(),
  position: integer().notNull().default(0),
});

export const STORE_STATUSES = ["pending", "approved", "rejected", "suspended"] as const;

export const stores = sqliteTable(
  "stores",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    ownerId: integer()
      .notNull()
      .references(() => users.id),
    nameEn: text().notNull(),
    nameZh: text().notNull(),
    nameFr: text().notNull(),
    taglineEn: text().notNull().default(""),
    taglineZh: text().notNull().default(""),
    taglineFr: text().notNull().default(""),
    storyEn: text().notNull().default(""),
    storyZh: text().notNull().default(""),
    storyFr: text().notNull().default(""),
    countryCode: text()
      .notNull()
      .references(() => countries.code),
    cityEn: text().notNull(),
    cityZh: text().notNull(),
    cityFr: text().notNull(),
    logoUrl: text(),
    status: text({ enum: STORE_STATUSES }).notNull().default("pending"),
    approvedAt: integer({ mode: "timestamp_ms" }),
    /** The organizers' reason when they reject or suspend the store (shown to its owner). */
    reviewNote: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("stores_country_status_idx").on(t.countryCode, t.status), index("stores_owner_idx").on(t.ownerId)],
);

export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;

export const products = sqliteTable(
  "products",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    storeId: integer()
      .notNull()
      .references(() => stores.id),
    slug: text().notNull(),
    sku: text().notNull(),
    titleEn: text().notNull(),
    titleZh: text().notNull().default(""),
    titleFr: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    descriptionZh: text().notNull().default(""),
    descriptionFr: text().notNull().default(""),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    tags: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    /** Integer minor units (US cents); never floats. */
    priceCents: integer().notNull(),
    currency: text().notNull().default("USD"),
    /** One unit packed for shipping, in grams (stores that price shipping by weight use it). */
    shippingGrams: integer().notNull().default(500),
    /** Units on the shelf: what the owner counted in (form, inline edit, CSV), less units shipped. */
    onHand: integer().notNull().default(0),
    /** Units held by open order lines (pending, or paid and not yet shipped). */
    reserved: integer().notNull().default(0),
    stock: integer()
      .notNull()
      .generatedAlwaysAs(sql`on_hand - reserved`, { mode: "virtual" }),
    status: text({ enum: PRODUCT_STATUSES }).notNull().default("draft"),
    /** Photo URLs in the owner's order; the first is the cover (cards, search, share previews). */
    images: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    /**
     * Alternative text of the photos, by photo URL and language (decision 023). Kept beside `images`
     * rather than in it, so every reader of the URL list is unchanged; a photo without text here
     * is described by the product's title.
     */
    imageAlts: text({ mode: "json" })
      .$type<Record<string, { en?: string; zh?: string; fr?: string }>>()
      .notNull()
      .default({}),
    /** Visible reviews (db/schema/reviews.ts) and the sum of their stars, kept with every review change. */
    ratingCount: integer().notNull().default(0),
    ratingSum: integer().notNull().default(0),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    uniqueIndex("products_slug_idx").on(t.slug),
    uniqueIndex("products_sku_idx").on(t.sku),
    // A store's listings; with the category and price too, a product page's "same country" related
    // products read only that country's stores' products in the category (0.6 ms at 100,000 products,
    // against 2.4 ms through every product of those stores; decision 039).
    index("products_store_status_category_price_idx").on(t.storeId, t.status, t.categoryId, t.priceCents),
    index("products_category_status_price_idx").on(t.categoryId, t.status, t.priceCents),
    index("products_category_status_created_idx").on(t.categoryId, t.status, t.createdAt),
    index("products_status_created_idx").on(t.status, t.createdAt),
  ],
);

/** Organizer-curated products shown on the home page, in `position` order. */
export const featuredProducts = sqliteTable(
  "featured_products",
  {
    productId: integer()
      .primaryKey()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    curatorId: integer().references(() => users.id),
    note: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("featured_position_idx").on(t.position)],
);

export const countriesRelations = relations(countries, ({ many }) => ({ stores: many(stores) }));
export const categoriesRelations = relations(categories, ({ many }) => ({ products: many(products) }));
export const storesRelations = relations(stores, ({ one, many }) => ({
  owner: one(users, { fields: [stores.ownerId], references: [users.id] }),
  country: one(countries, { fields: [stores.countryCode], references: [countries.code] }),
  products: many(products),
}));
export const productsRelations = relations(products, ({ one }) => ({
  store: one(stores, { fields: [products.storeId], references: [stores.id] }),
  category: one(categories, { fields: [products.categoryId], references: [categories.id] }),
}));
