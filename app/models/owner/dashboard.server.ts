import { and, asc, count, desc, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { BEIJING_OFFSET_MS, beijingDay } from "#app/utils/datetime.ts";
import { now as clockNow } from "#db/clock.ts";
import { isOpenStore, orderIsSold, type ProductStatus } from "#db/rules.ts";
import { localizedColumns } from "#db/columns.ts";
import { orderItems, orders, orderShipments, products } from "#db/schema/index.ts";
import type { OwnStore } from "../access.server.ts";
import { pick } from "../localize.ts";
import { LOW_STOCK_THRESHOLD } from "../notify-events.server.ts";
import { SALES_PERIODS, type SalesPeriod } from "./sales-periods.ts";

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
    drafts: db
      .select(base)
      .from(products)
      .where(and(eq(products.storeId, store.id), eq(products.status, "draft")))
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

// ——— Orders to ship and sales ———

const DAY_MS = 86_400_000;

export interface LineToShip {
  lineId: number;
  orderId: number;
  title: string;
  /** Units still to send (refunded units are not). */
  quantity: number;
  paidAt: string;
  /** Whole hours since payment. */
  ageHours: number;
}

/**
 * The store's lines paid and not yet shipped, oldest payment first (the parcel that has waited
 * longest leads), with how long each has waited; `total` counts them all.
 */
export function getLinesToShip(store: OwnStore, { limit = 10 } = {}): { items: LineToShip[]; total: number } {
  const db = getDb();
  const where = and(
    eq(orderItems.storeId, store.id),
    orderIsSold,
    isNull(orderItems.shippedAt),
    sql`${orderItems.quantity} > ${orderItems.refundedQuantity}`,
  );
  const total =
    db.select({ n: count() }).from(orderItems).innerJoin(orders, eq(orders.id, orderItems.orderId)).where(where).get()
      ?.n ?? 0;
  const now = clockNow().getTime();
  const items = db
    .select({ line: orderItems, paidAt: orders.paidAt, createdAt: orders.createdAt })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(where)
    .orderBy(asc(orders.paidAt), asc(orderItems.id))
    .limit(limit)
    .all()
    .map(({ line, paidAt, createdAt }) => {
      const paid = paidAt ?? createdAt;
      return {
        lineId: line.id,
        orderId: line.orderId,
        title: line.titleEn === line.title ? line.title : `${line.title} (${line.titleEn})`,
        quantity: line.quantity - line.refundedQuantity,
        paidAt: paid.toISOString(),
        ageHours: Math.max(0, Math.floor((now - paid.getTime()) / 3_600_000)),
      };
    });
  return { items, total };
}

export { SALES_PERIODS, type SalesPeriod };

export interface StoreSales {
  period: SalesPeriod;
  /**
   * One entry per Beijing calendar day of the period, oldest first, days without sales included;
   * revenue there is goods + shipping, as `revenueCents`.
   */
  days: { day: string; revenueCents: number; units: number }[];
  /** What the store earned: its goods plus the shipping shoppers paid it, both net of refunds (decision 033). */
  revenueCents: number;
  /** Of which goods (lines, net of refunds). */
  goodsCents: number;
  /** Of which shipping (the store's parcels, net of shipping given back). The import tax is not the store's. */
  shippingCents: number;
  units: number;
  orders: number;
  top: { productId: number; title: string; units: number; revenueCents: number }[];
}

/**
 * The store's sales over the last `period` Beijing days (today included), counted as the organizers'
 * sales report counts them (getSales): lines of orders that are sold (paid, shipped, refunded in
 * part), net of what was refunded, on the day the order was paid. Revenue is goods + the store's
 * shipping (it sends the parcels and is paid for them); the import tax is collected for customs and
 * is not the store's (decision 033). Top products are goods only.
 */
export function getStoreSales(store: OwnStore, period: SalesPeriod, locale: Locale): StoreSales {
  const db = getDb();
  const today = beijingDay(clockNow());
  const firstDay = new Date(Date.parse(`${today}T00:00:00Z`) - (period - 1) * DAY_MS);
  const from = new Date(firstDay.getTime() - BEIJING_OFFSET_MS);
  const where = and(eq(orderItems.storeId, store.id), orderIsSold, gte(orders.paidAt, from));
  const measures = {
    orders: sql<number>`count(DISTINCT ${orderItems.orderId})`,
    units: sql<number>`coalesce(sum(${orderItems.quantity} - ${orderItems.refundedQuantity}), 0)`,
    revenueCents: sql<number>`coalesce(sum(${orderItems.unitCents} * ${orderItems.quantity} - ${orderItems.refundedCents}), 0)`,
  };
  const day = sql<string>`date(${orders.paidAt} / 1000 + ${BEIJING_OFFSET_MS / 1000}, 'unixepoch')`;
  const byDay = new Map(
    db
      .select({ day, ...measures })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(where)
      .groupBy(day)
      .all()
      .map((r) => [r.day, r]),
  );
  const totals = db
    .select(measures)
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(where)
    .get();
  const shipWhere = and(eq(orderShipments.storeId, store.id), orderIsSold, gte(orders.paidAt, from));
  const shipNet = sql<number>`coalesce(sum(${orderShipments.costCents} - ${orderShipments.refundedCents}), 0)`;
  const shippingByDay = new Map(
    db
      .select({ day, cents: shipNet })
      .from(orderShipments)
      .innerJoin(orders, eq(orders.id, orderShipments.orderId))
      .where(shipWhere)
      .groupBy(day)
      .all()
      .map((r) => [r.day, r.cents]),
  );
  const shippingCents = [...shippingByDay.values()].reduce((n, c) => n + c, 0);
  const top = db
    .select({ productId: products.id, ...localizedColumns(products, "title"), ...measures })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(where)
    .groupBy(products.id)
    .orderBy(desc(measures.revenueCents), desc(measures.units), asc(products.id))
    .limit(5)
    .all()
    .filter((r) => r.units > 0)
    .map((r) => ({
      productId: r.productId,
      title: pick(r, "title", locale),
      units: r.units,
      revenueCents: r.revenueCents,
    }));
  const days = Array.from({ length: period }, (_, i) => {
    const d = new Date(firstDay.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const r = byDay.get(d);
    return { day: d, revenueCents: (r?.revenueCents ?? 0) + (shippingByDay.get(d) ?? 0), units: r?.units ?? 0 };
  });
  const goodsCents = totals?.revenueCents ?? 0;
  return {
    period,
    days,
    revenueCents: goodsCents + shippingCents,
    goodsCents,
    shippingCents,
    units: totals?.units ?? 0,
    orders: totals?.orders ?? 0,
    top,
  };
}
