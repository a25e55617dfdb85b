import { and, asc, count, eq, gt } from "drizzle-orm";
import { LOCALES, LOCALE_INFO, localizePath } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { categories, festivals, products, stores } from "#db/schema/index.ts";
import { productIsVisible, storeIsOpen } from "#db/rules.ts";

/** Products per sitemap file: three languages each, under the protocol's 50,000 URLs per file. */
export const PRODUCTS_PER_SITEMAP = 15_000;

/** Every public page that is not a product: home, lists, countries, categories, stores, festivals. */
export function catalogPaths(): string[] {
  const db = getDb();
  const countryCodes = db
    .selectDistinct({ code: stores.countryCode })
    .from(stores)
    .where(storeIsOpen)
    .orderBy(asc(stores.countryCode))
    .all();
  const categorySlugs = db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.position)).all();
  const storeSlugs = db.select({ slug: stores.slug }).from(stores).where(storeIsOpen).orderBy(asc(stores.id)).all();
  const festivalSlugs = db
    .select({ slug: festivals.slug })
    .from(festivals)
    .where(eq(festivals.published, true))
    .orderBy(asc(festivals.startsAt))
    .all();
  return [
    "/",
    "/festivals",
    "/stores",
    "/countries",
    "/categories",
    ...countryCodes.map((c) => `/countries/${c.code}`),
    ...categorySlugs.map((c) => `/categories/${c.slug}`),
    ...storeSlugs.map((s) => `/stores/${s.slug}`),
    ...festivalSlugs.map((f) => `/festivals/${f.slug}`),
  ];
}

export function productSitemapCount(): number {
  const n =
    getDb()
      .select({ n: count() })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(productIsVisible)
      .get()?.n ?? 0;
  return Math.max(1, Math.ceil(n / PRODUCTS_PER_SITEMAP));
}

/** One chunk of product pages (1-based), in id order (keyset pagination: no OFFSET scans). */
export function productPaths(chunk: number): string[] {
  const db = getDb();
  // The id where this chunk starts: the last id of the previous chunk.
  let after = 0;
  if (chunk > 1) {
    const row = db
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(productIsVisible)
      .orderBy(asc(products.id))
      .limit(1)
      .offset((chunk - 1) * PRODUCTS_PER_SITEMAP - 1)
      .get();
    if (!row) return [];
    after = row.id;
  }
  return db
    .select({ slug: products.slug })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(productIsVisible, gt(products.id, after)))
    .orderBy(asc(products.id))
    .limit(PRODUCTS_PER_SITEMAP)
    .all()
    .map((p) => `/products/${p.slug}`);
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** A <urlset> with each page in every language, each entry listing its alternates (hreflang). */
export function urlset(origin: string, paths: string[]): string {
  const entries = paths.flatMap((path) => {
    const alternates = LOCALES.map(
      (l) =>
        `<xhtml:link rel="alternate" hreflang="${LOCALE_INFO[l].hreflang}" href="${escapeXml(origin + localizePath(path, l))}"/>`,
    ).join("");
    return LOCALES.map((l) => `<url><loc>${escapeXml(origin + localizePath(path, l))}</loc>${alternates}</url>`);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(origin: string): string {
  const files = [
    "/sitemap/pages.xml",
    ...Array.from({ length: productSitemapCount() }, (_, i) => `/sitemap/products-${i + 1}.xml`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `<sitemap><loc>${escapeXml(origin + f)}</loc></sitemap>`).join("\n")}\n</sitemapindex>\n`;
}
