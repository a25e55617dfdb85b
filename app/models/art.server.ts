import { eq } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { productArtSvg, storeLogoSvg } from "#app/utils/art.ts";
import { categories, countries, products, stores } from "#db/schema/index.ts";

/** "<slug>.svg" → slug, or null for anything else (keeps odd input away from the database). */
function slugFromFile(file: string | undefined): string | null {
  return /^([a-z0-9-]{1,120})\.svg$/.exec(file ?? "")?.[1] ?? null;
}

/** Product art, drawn from its category and its origin's flag colours; null when there is no such product. */
export function renderProductArt(file: string | undefined): string | null {
  const slug = slugFromFile(file);
  if (!slug) return null;
  const [row] = getDb()
    .select({ slug: products.slug, categorySlug: categories.slug, colors: countries.colors })
    .from(products)
    .innerJoin(stores, eq(products.storeId, stores.id))
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(eq(products.slug, slug))
    .limit(1)
    .all();
  return row ? productArtSvg({ key: row.slug, categorySlug: row.categorySlug, colors: row.colors }) : null;
}

export function renderStoreLogo(file: string | undefined): string | null {
  const slug = slugFromFile(file);
  if (!slug) return null;
  const [row] = getDb()
    .select({ name: stores.nameEn, colors: countries.colors })
    .from(stores)
    .innerJoin(countries, eq(stores.countryCode, countries.code))
    .where(eq(stores.slug, slug))
    .limit(1)
    .all();
  return row ? storeLogoSvg(row) : null;
}
