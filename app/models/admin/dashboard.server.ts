import { count, eq, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { categories, countries, products, stores } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { CAMPAIGN_TARGETS, getCampaignProgress } from "../catalog.server.ts";
import { pick } from "../localize.ts";
import { localizedColumns } from "#db/columns.ts";
import { productIsVisible, ruleSql } from "#db/rules.ts";

/** The campaign dashboard: progress against the 100 / 1,000 targets, coverage, listing quality. */
export interface CoverageRow {
  key: string;
  name: string;
  stores: number;
  products: number;
}

/** Every campaign country with its open stores and visible products, most products first. */
export function getCountryCoverage(actor: Actor, locale: Locale): CoverageRow[] {
  assertOrganizer(actor);
  return getDb()
    .select({
      code: countries.code,
      ...localizedColumns(countries, "name"),
      stores: sql<number>`(SELECT count(*) FROM ${stores} s WHERE s.country_code = ${countries.code} AND ${sql.raw(ruleSql.storeIsOpen("s"))})`,
      products: sql<number>`(SELECT count(*) FROM ${products} p JOIN ${stores} s ON s.id = p.store_id WHERE s.country_code = ${countries.code} AND ${sql.raw(ruleSql.productIsVisible("p", "s"))})`,
    })
    .from(countries)
    .all()
    .map((r) => ({ key: r.code, name: pick(r, "name", locale), stores: r.stores, products: r.products }))
    .sort((a, b) => b.products - a.products || a.name.localeCompare(b.name));
}

export function getCampaignDashboard(actor: Actor, locale: Locale) {
  assertOrganizer(actor);
  const db = getDb();
  const byCountry = getCountryCoverage(actor, locale);
  const byCategory = db
    .select({
      slug: categories.slug,
      ...localizedColumns(categories, "name"),
      products: count(products.id),
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .leftJoin(stores, eq(stores.id, products.storeId))
    .where(sql`${products.id} IS NULL OR ${productIsVisible}`)
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
    .where(productIsVisible)
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
