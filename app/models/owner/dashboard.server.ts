import { and, asc, count, eq, or, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { isOpenStore, type ProductStatus } from "#db/rules.ts";
import { localizedColumns } from "#db/columns.ts";
import { products } from "#db/schema/index.ts";
import type { OwnStore } from "../access.server.ts";
import { pick } from "../localize.ts";

export const LOW_STOCK_THRESHOLD = 5;

export interface DashboardItem {
  id: number;
  title: string;
  stock: number;
}

/** The seller console's first page: listings by status, and the listings that need attention. */
export function getOwnerDashboard(store: OwnStore, locale: Locale) {
  const db = getDb();
  const counts = Object.fromEntries(
    db
      .select({ status: products.status, n: count() })
      .from(products)
      .where(eq(products.storeId, store.id))
      .groupBy(products.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<ProductStatus, number>>;
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
    ...localizedColumns(products, "title"),
    stock: products.stock,
  };
  return {
    store: { name: pick(store, "name", locale), slug: store.slug, status: store.status, open: isOpenStore(store) },
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
