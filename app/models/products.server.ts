import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb, preparedQuery } from "#app/utils/db.server.ts";
import type { DB } from "#db/client.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import { productIsVisible } from "#db/rules.ts";
import { localizedColumns } from "#db/columns.ts";
import { categories, countries, featuredProducts, products, stores } from "#db/schema/index.ts";
import { pick } from "./localize.ts";
import { withDeals, type CardDeal } from "./pricing.server.ts";
import type { RowOf } from "./row-type.ts";
import { ratingAverage } from "#app/utils/reviews.ts";

export const PRODUCT_SORTS = ["newest", "price-asc", "price-desc"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Listings without a photo yet show the generated art for their category and origin. */
export const placeholderArt = (slug: string) => `/art/products/${slug}.svg`;

export const cardColumns = {
  id: products.id,
  slug: products.slug,
  ...localizedColumns(products, "title"),
  priceCents: products.priceCents,
  currency: products.currency,
  stock: products.stock,
  images: products.images,
  ratingCount: products.ratingCount,
  ratingSum: products.ratingSum,
  storeSlug: stores.slug,
  ...localizedColumns(stores, "name", "storeName"),
  countryCode: stores.countryCode,
  ...localizedColumns(countries, "name", "countryName"),
  categorySlug: categories.slug,
  ...localizedColumns(categories, "name", "categoryName"),
};
type CardRow = RowOf<typeof cardColumns>;

export interface ProductCard {
  id: number;
  slug: string;
  title: string;
  priceCents: number;
  currency: string;
  stock: number;
  inStock: boolean;
  imageUrl: string | null;
  store: { slug: string; name: string };
  country: { code: string; name: string };
  category: { slug: string; name: string };
  /** The live festival price, when a published festival has a deal on this product right now. */
  deal: CardDeal | null;
  /** Visible reviews' average (one decimal) and count; null without reviews (decision 028). */
  rating: { average: number; count: number } | null;
}

/** Pure mapping from a joined row to the localized card every listing renders (deals come after). */
export function toProductCard(row: CardRow, locale: Locale): Omit<ProductCard, "deal"> {
  return {
    id: row.id,
    slug: row.slug,
    title: pick(row, "title", locale),
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    inStock: row.stock > 0,
    imageUrl: row.images[0] ?? placeholderArt(row.slug),
    store: { slug: row.storeSlug, name: pick(row, "storeName", locale) },
    country: { code: row.countryCode, name: pick(row, "countryName", locale) },
    category: { slug: row.categorySlug, name: pick(row, "categoryName", locale) },
    rating:
      row.ratingCount > 0 ? { average: ratingAverage(row.ratingCount, row.ratingSum)!, count: row.ratingCount } : null,
  };
}

export function cardQuery(db: DB = getDb()) {
  return db
    .select(cardColumns)
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .innerJoin(categories, eq(products.categoryId, categories.id));
}

function orderFor(sort: ProductSort): SQL[] {
  switch (sort) {
    case "price-asc":
      return [asc(products.priceCents), asc(products.id)];
    case "price-desc":
      return [desc(products.priceCents), asc(products.id)];
    default:
      return [desc(products.createdAt), desc(products.id)];
  }
}

export interface ProductFilter {
  categoryId?: number;
  countryCode?: string;
  storeId?: number;
}

function filterCondition(filter: ProductFilter): SQL {
  const parts: SQL[] = [productIsVisible];
  if (filter.categoryId !== undefined) parts.push(eq(products.categoryId, filter.categoryId));
  if (filter.countryCode !== undefined) parts.push(eq(stores.countryCode, filter.countryCode));
  if (filter.storeId !== undefined) parts.push(eq(products.storeId, filter.storeId));
  return and(...parts)!;
}

export function countProducts(filter: ProductFilter): number {
  const [row] = getDb()
    .select({ n: count() })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .where(filterCondition(filter))
    .all();
  return row?.n ?? 0;
}

/** One page of shopper-visible products; the requested page is clamped to the pages that exist. */
export function listProducts(args: { locale: Locale; filter: ProductFilter; sort: ProductSort; page: number }): {
  items: ProductCard[];
  pagination: Pagination;
} {
  const pagination = paginate(args.page, countProducts(args.filter));
  const rows = cardQuery()
    .where(filterCondition(args.filter))
    .orderBy(...orderFor(args.sort))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  return {
    items: withDeals(
      rows.map((r) => toProductCard(r, args.locale)),
      args.locale,
    ),
    pagination,
  };
}

/**
 * Shopper-visible cards for these ids, in the order given (festival deals, showcase sessions).
 * `previewFestivalId`: an organizer's preview of an unpublished festival, priced as if it were published.
 */
export function listProductCardsByIds(
  ids: readonly number[],
  locale: Locale,
  options: { previewFestivalId?: number } = {},
): ProductCard[] {
  if (ids.length === 0) return [];
  const rows = cardQuery()
    .where(and(productIsVisible, inArray(products.id, [...ids])))
    .all();
  const byId = new Map(rows.map((r) => [r.id, toProductCard(r, locale)]));
  return withDeals(
    ids.flatMap((id) => byId.get(id) ?? []),
    locale,
    undefined,
    options,
  );
}

export function listFeaturedProducts(locale: Locale, limit = 12): ProductCard[] {
  const cards = getDb()
    .select(cardColumns)
    .from(featuredProducts)
    .innerJoin(products, eq(featuredProducts.productId, products.id))
    .innerJoin(stores, eq(products.storeId, stores.id))
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(productIsVisible)
    .orderBy(asc(featuredProducts.position))
    .limit(limit)
    .all()
    .map((r) => toProductCard(r, locale));
  return withDeals(cards, locale);
}

export interface ProductDetail extends ProductCard {
  sku: string;
  description: string;
  tags: string[];
  images: string[];
  /** The owner's description of a photo in the reader's language, by photo URL (where there is one). */
  imageAlts: Record<string, string>;
  store: ProductCard["store"] & { city: string };
}

const productBySlug = preparedQuery((db) =>
  db
    .select({
      ...cardColumns,
      sku: products.sku,
      tags: products.tags,
      imageAlts: products.imageAlts,
      categoryId: products.categoryId,
      ...localizedColumns(products, "description"),
      ...localizedColumns(stores, "city"),
    })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(and(eq(products.slug, sql.placeholder("slug")), productIsVisible))
    .limit(1)
    .prepare(),
);

export function getProductBySlug(slug: string, locale: Locale): ProductDetail | null {
  const row = productBySlug().get({ slug });
  if (!row) return null;
  const [card] = withDeals([toProductCard(row, locale)], locale);
  return {
    ...card!,
    sku: row.sku,
    description: pick(row, "description", locale),
    tags: row.tags,
    images: row.images.length > 0 ? row.images : [placeholderArt(row.slug)],
    imageAlts: Object.fromEntries(
      Object.entries(row.imageAlts).flatMap(([url, alt]) => (alt[locale] ? [[url, alt[locale]]] : [])),
    ),
    store: { ...card!.store, city: pick(row, "city", locale) },
  };
}

/** The three reads of listRelatedProducts, prepared once (a product page runs them every time). */
const related = (() => {
  const price = sql.placeholder("price");
  const inCategory = and(
    productIsVisible,
    eq(categories.slug, sql.placeholder("category")),
    ne(products.id, sql.placeholder("id")),
  );
  const sameCountry = eq(stores.countryCode, sql.placeholder("country"));
  const otherCountries = and(inCategory, ne(stores.countryCode, sql.placeholder("country")));
  return {
    sameCountry: preparedQuery((db) =>
      cardQuery(db)
        .where(and(inCategory, sameCountry))
        .orderBy(asc(sql`abs(${products.priceCents} - ${price})`), asc(products.id))
        .limit(sql.placeholder("limit"))
        .prepare(),
    ),
    above: preparedQuery((db) =>
      cardQuery(db)
        .where(and(otherCountries, sql`${products.priceCents} >= ${price}`))
        .orderBy(asc(products.priceCents), asc(products.id))
        .limit(sql.placeholder("limit"))
        .prepare(),
    ),
    below: preparedQuery((db) =>
      cardQuery(db)
        .where(and(otherCountries, sql`${products.priceCents} < ${price}`))
        .orderBy(desc(products.priceCents), asc(products.id))
        .limit(sql.placeholder("limit"))
        .prepare(),
    ),
  };
})();

/**
 * Same category, the same origin country first, then the closest prices. Three small indexed reads
 * instead of one sort of the whole category (49 ms at 100,000 products, now ~1 ms): that country's
 * products in the category by price distance, then the nearest prices above and below from the
 * (category, status, price) index.
 */
export function listRelatedProducts(
  product: { id: number; slug: string; priceCents: number; country: { code: string }; category: { slug: string } },
  locale: Locale,
  limit = 8,
): ProductCard[] {
  const values = {
    id: product.id,
    category: product.category.slug,
    country: product.country.code,
    price: product.priceCents,
    limit,
  };
  const sameCountry = related.sameCountry().all(values);
  let rows = sameCountry;
  if (rows.length < limit) {
    const above = related.above().all(values);
    const below = related.below().all(values);
    const nearest = [...above, ...below].sort(
      (a, b) =>
        Math.abs(a.priceCents - product.priceCents) - Math.abs(b.priceCents - product.priceCents) || a.id - b.id,
    );
    rows = [...sameCountry, ...nearest].slice(0, limit);
  }
  return withDeals(
    rows.map((r) => toProductCard(r, locale)),
    locale,
  );
}
