import { and, count, eq, gte, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { BEIJING_OFFSET_MS, beijingDay } from "#app/utils/datetime.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { orderIsSold } from "#db/rules.ts";
import { orderItems, orders, orderShipments, products, searchQueries } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { flushSearchLog } from "../search.server.ts";

/**
 * The campaign's trends for the organizers' dashboard: sold orders and their revenue, goods +
 * shipping (counted as getSales counts them, on the Beijing day the order was paid), new listings, searches and the
 * share of searches that found nothing. Buckets are Beijing calendar days, or weeks from Monday.
 */
export const TREND_GRAINS = ["day", "week"] as const;
export type TrendGrain = (typeof TREND_GRAINS)[number];
/** How many buckets each grain shows: 30 days, or 12 weeks. */
export const TREND_SPAN: Record<TrendGrain, number> = { day: 30, week: 12 };

export interface TrendBucket {
  /** First Beijing day of the bucket (YYYY-MM-DD). */
  start: string;
  orders: number;
  /** Goods + shipping, net of refunds; the import tax (collected for customs) is not in it (decision 033). */
  revenueCents: number;
  newListings: number;
  searches: number;
  zeroResults: number;
  /** zeroResults / searches, or null when nobody searched. */
  zeroRate: number | null;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Monday of the (Beijing) week holding `day`. */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** The buckets' first days, oldest first, the current (partial) day or week last. */
export function trendStarts(grain: TrendGrain, today: string): string[] {
  const span = TREND_SPAN[grain];
  const last = grain === "day" ? today : weekStart(today);
  const step = grain === "day" ? 1 : 7;
  return Array.from({ length: span }, (_, i) => addDays(last, -(span - 1 - i) * step));
}

function perDay(column: SQLiteColumn) {
  return sql<string>`date(${column} / 1000 + ${BEIJING_OFFSET_MS / 1000}, 'unixepoch')`;
}

export function getTrends(actor: Actor, grain: TrendGrain): { grain: TrendGrain; buckets: TrendBucket[] } {
  assertOrganizer(actor);
  flushSearchLog();
  const db = getDb();
  const starts = trendStarts(grain, beijingDay(clockNow()));
  const from = new Date(Date.parse(`${starts[0]}T00:00:00Z`) - BEIJING_OFFSET_MS);
  const bucketOf = (day: string) => (grain === "day" ? day : weekStart(day));
  const buckets = new Map<string, TrendBucket>(
    starts.map((start) => [
      start,
      { start, orders: 0, revenueCents: 0, newListings: 0, searches: 0, zeroResults: 0, zeroRate: null },
    ]),
  );
  const add = (day: string, f: (b: TrendBucket) => void) => {
    const b = buckets.get(bucketOf(day));
    if (b) f(b);
  };
  const paidDay = perDay(orders.paidAt);
  for (const r of db
    .select({
      day: paidDay,
      orders: sql<number>`count(DISTINCT ${orderItems.orderId})`,
      revenueCents: sql<number>`coalesce(sum(${orderItems.unitCents} * ${orderItems.quantity} - ${orderItems.refundedCents}), 0)`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(orderIsSold, gte(orders.paidAt, from)))
    .groupBy(paidDay)
    .all())
    add(r.day, (b) => {
      b.orders += r.orders;
      b.revenueCents += r.revenueCents;
    });
  for (const r of db
    .select({
      day: paidDay,
      cents: sql<number>`coalesce(sum(${orderShipments.costCents} - ${orderShipments.refundedCents}), 0)`,
    })
    .from(orderShipments)
    .innerJoin(orders, eq(orders.id, orderShipments.orderId))
    .where(and(orderIsSold, gte(orders.paidAt, from)))
    .groupBy(paidDay)
    .all())
    add(r.day, (b) => (b.revenueCents += r.cents));
  const createdDay = perDay(products.createdAt);
  for (const r of db
    .select({ day: createdDay, n: count() })
    .from(products)
    .where(gte(products.createdAt, from))
    .groupBy(createdDay)
    .all())
    add(r.day, (b) => (b.newListings += r.n));
  const searchDay = perDay(searchQueries.at);
  for (const r of db
    .select({
      day: searchDay,
      n: count(),
      zero: sql<number>`sum(CASE WHEN ${searchQueries.hits} = 0 THEN 1 ELSE 0 END)`,
    })
    .from(searchQueries)
    .where(and(gte(searchQueries.at, from), sql`trim(${searchQueries.query}) <> ''`))
    .groupBy(searchDay)
    .all())
    add(r.day, (b) => {
      b.searches += r.n;
      b.zeroResults += r.zero;
    });
  for (const b of buckets.values()) b.zeroRate = b.searches > 0 ? b.zeroResults / b.searches : null;
  return { grain, buckets: [...buckets.values()] };
}
