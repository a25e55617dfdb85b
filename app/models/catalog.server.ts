import { and, asc, count, countDistinct, eq, inArray, sql } from "drizzle-orm";
import { LOCALE_INFO, type Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import { categories, countries, products, stores } from "#db/schema/index.ts";
import { TtlCache } from "#app/utils/ttl-cache.ts";
import { pick } from "./localize.ts";
import type { RowOf } from "./row-type.ts";
import { localizedColumns } from "#db/columns.ts";
import { productIsListed, productIsVisible, storeIsOpen } from "#db/rules.ts";

/** The campaign's published targets. */
export const CAMPAIGN_TARGETS = { stores: 100, products: 1000 } as const;

export interface CampaignProgress {
  approvedStores: number;
  activeProducts: number;
  countries: number;
  targets: typeof CAMPAIGN_TARGETS;
}

export function getCampaignProgress(): CampaignProgress {
  const db = getDb();
  const [storeRow] = db
    .select({ n: count(), countries: countDistinct(stores.countryCode) })
    .from(stores)
    .where(storeIsOpen)
    .all();
  const [productRow] = db
    .select({ n: count() })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .where(productIsVisible)
    .all();
  return {
    approvedStores: storeRow?.n ?? 0,
    activeProducts: productRow?.n ?? 0,
    countries: storeRow?.countries ?? 0,
    targets: CAMPAIGN_TARGETS,
  };
}

export interface CategorySummary {
  id: number;
  slug: string;
  name: string;
  productCount: number;
}

export function listCategories(locale: Locale): CategorySummary[] {
  const visibleCounts = getDb()
    .select({ categoryId: products.categoryId, n: count().as("n") })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .where(productIsVisible)
    .groupBy(products.categoryId)
    .as("visible_counts");
  return getDb()
    .select({
      id: categories.id,
      slug: categories.slug,
      ...localizedColumns(categories, "name"),
      productCount: sql<number>`coalesce(${visibleCounts.n}, 0)`,
    })
    .from(categories)
    .leftJoin(visibleCounts, eq(visibleCounts.categoryId, categories.id))
    .orderBy(asc(categories.position))
    .all()
    .map((c) => ({ id: c.id, slug: c.slug, name: pick(c, "name", locale), productCount: c.productCount }));
}

const popularCache = new TtlCache<CategorySummary[]>(60_000, 3);

/**
 * The six biggest categories, for the search page's empty state: counted over the whole catalog
 * (44 ms at 100,000 products), so kept for a minute — a suggestion does not need exact counts.
 */
export function listPopularCategories(locale: Locale): CategorySummary[] {
  const cached = popularCache.get(locale);
  if (cached) return cached;
  const popular = listCategories(locale)
    .sort((a, b) => b.productCount - a.productCount)
    .slice(0, 6);
  popularCache.set(locale, popular);
  return popular;
}

export function getCategoryBySlug(slug: string, locale: Locale): Omit<CategorySummary, "productCount"> | null {
  const [row] = getDb().select().from(categories).where(eq(categories.slug, slug)).limit(1).all();
  return row ? { id: row.id, slug: row.slug, name: pick(row, "name", locale) } : null;
}

export interface CountrySummary {
  code: string;
  name: string;
  region: string;
  colors: string[];
  storeCount: number;
  productCount: number;
}

function countryRow(_locale: Locale) {
  return {
    code: countries.code,
    ...localizedColumns(countries, "name"),
    region: countries.region,
    colors: countries.colors,
  };
}

/** Countries with at least one approved store, with their store and visible-product counts, by name. */
export function listRepresentedCountries(locale: Locale): CountrySummary[] {
  const db = getDb();
  const productCounts = db
    .select({ countryCode: stores.countryCode, n: count().as("product_n") })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .where(productIsVisible)
    .groupBy(stores.countryCode)
    .as("product_counts");
  const rows = db
    .select({
      ...countryRow(locale),
      storeCount: count(stores.id),
      productCount: sql<number>`coalesce(max(${productCounts.n}), 0)`,
    })
    .from(countries)
    .innerJoin(stores, and(eq(stores.countryCode, countries.code), storeIsOpen))
    .leftJoin(productCounts, eq(productCounts.countryCode, countries.code))
    .groupBy(countries.code)
    .all();
  const collator = new Intl.Collator(LOCALE_INFO[locale].intl);
  return rows
    .map((r) => ({
      code: r.code,
      name: pick(r, "name", locale),
      region: r.region,
      colors: r.colors,
      storeCount: r.storeCount,
      productCount: r.productCount,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function getCountry(code: string, locale: Locale): Omit<CountrySummary, "storeCount" | "productCount"> | null {
  const [row] = getDb().select(countryRow(locale)).from(countries).where(eq(countries.code, code)).limit(1).all();
  return row ? { code: row.code, name: pick(row, "name", locale), region: row.region, colors: row.colors } : null;
}

export interface StoreCard {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  city: string;
  logoUrl: string | null;
  country: { code: string; name: string };
  productCount: number;
}

const storeCardColumns = {
  id: stores.id,
  slug: stores.slug,
  ...localizedColumns(stores, "name"),
  ...localizedColumns(stores, "tagline"),
  ...localizedColumns(stores, "city"),
  logoUrl: stores.logoUrl,
  countryCode: stores.countryCode,
  ...localizedColumns(countries, "name", "countryName"),
};
type StoreCardRow = RowOf<typeof storeCardColumns> & { productCount: number };

function toStoreCard(row: StoreCardRow, locale: Locale): StoreCard {
  return {
    id: row.id,
    slug: row.slug,
    name: pick(row, "name", locale),
    tagline: pick(row, "tagline", locale),
    city: pick(row, "city", locale),
    logoUrl: row.logoUrl,
    country: { code: row.countryCode, name: pick(row, "countryName", locale) },
    productCount: row.productCount,
  };
}

/** Approved stores, optionally in one country, alphabetical by their English name for a stable order. */
export function listStores(args: { locale: Locale; countryCode?: string; page: number; pageSize?: number }): {
  items: StoreCard[];
  pagination: Pagination;
} {
  const db = getDb();
  const where = and(storeIsOpen, args.countryCode ? eq(stores.countryCode, args.countryCode) : undefined);
  const [total] = db.select({ n: count() }).from(stores).where(where).all();
  const pagination = paginate(args.page, total?.n ?? 0, args.pageSize);
  const rows = db
    .select({
      ...storeCardColumns,
      productCount: sql<number>`(SELECT count(*) FROM ${products} WHERE ${products.storeId} = ${stores.id} AND ${productIsListed})`,
    })
    .from(stores)
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .where(where)
    .orderBy(asc(stores.nameEn), asc(stores.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  return { items: rows.map((r) => toStoreCard(r, args.locale)), pagination };
}

/** Approved stores with these ids, in the order given (festival spotlights, curated lists). */
export function listStoresByIds(ids: number[], locale: Locale): StoreCard[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select({
      ...storeCardColumns,
      productCount: sql<number>`(SELECT count(*) FROM ${products} WHERE ${products.storeId} = ${stores.id} AND ${productIsListed})`,
    })
    .from(stores)
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .where(and(storeIsOpen, inArray(stores.id, ids)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, toStoreCard(r, locale)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface StoreDetail extends StoreCard {
  story: string;
  approvedAt: Date | null;
}

export function getStoreBySlug(slug: string, locale: Locale): StoreDetail | null {
  const [row] = getDb()
    .select({
      ...storeCardColumns,
      ...localizedColumns(stores, "story"),
      approvedAt: stores.approvedAt,
      productCount: sql<number>`(SELECT count(*) FROM ${products} WHERE ${products.storeId} = ${stores.id} AND ${productIsListed})`,
    })
    .from(stores)
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .where(and(eq(stores.slug, slug), storeIsOpen))
    .limit(1)
    .all();
  if (!row) return null;
  return { ...toStoreCard(row, locale), story: pick(row, "story", locale), approvedAt: row.approvedAt };
}

/** Display names for store slugs (facet labels), in the page's language. */
export function getStoreNames(slugs: string[], locale: Locale): Record<string, string> {
  if (slugs.length === 0) return {};
  const rows = getDb()
    .select({ slug: stores.slug, ...localizedColumns(stores, "name") })
    .from(stores)
    .where(inArray(stores.slug, slugs.slice(0, 200)))
    .all();
  return Object.fromEntries(rows.map((r) => [r.slug, pick(r, "name", locale)]));
}

/** Display names only (for facet labels): no counting, so cheap on every search. */
export function getCountryNames(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    getDb()
      .select()
      .from(countries)
      .all()
      .map((c) => [c.code, pick(c, "name", locale)]),
  );
}

export function getCategoryNames(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    getDb()
      .select()
      .from(categories)
      .all()
      .map((c) => [c.slug, pick(c, "name", locale)]),
  );
}

/** Category choices for forms (product editor), in the console's language. */
export function listCategoryOptions(locale: Locale) {
  return getDb()
    .select()
    .from(categories)
    .orderBy(asc(categories.position))
    .all()
    .map((c) => ({ slug: c.slug, name: pick(c, "name", locale) }));
}

/** Country choices for forms (store application, store profile), sorted by name in the console's language. */
export function listCountryOptions(locale: Locale) {
  return getDb()
    .select()
    .from(countries)
    .all()
    .map((c) => ({ code: c.code, name: pick(c, "name", locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
