import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { USD_RATES } from "#app/config/currency.ts";
import { getDb, preparedQuery } from "#app/utils/db.server.ts";
import { beijingDay } from "#app/utils/datetime.ts";
import { now as clockNow } from "#db/clock.ts";
import {
  categoryTaxClasses,
  exchangeRates,
  orders,
  orderTaxes,
  shippingProfiles,
  taxClasses,
} from "#db/schema/index.ts";
import { fenToUsdCents, RATE_SCALE, usdCentsToFen } from "./fx.ts";
import { arrivalRange, chooseOption, shippingOptions, type ShippingMethod, type ShippingProfileRule } from "./quote.ts";
import { allocate, crossBorderTax, type TaxRates } from "./tax.ts";
import { zoneOf, type Zone } from "./zones.ts";

type Reader = Pick<ReturnType<typeof getDb>, "select">;

export interface ExchangeRate {
  rateMicros: number;
  /** ISO time the rate was taken. */
  asOf: string;
}

function newestRateQuery(db: Reader) {
  return db
    .select({ rateMicros: exchangeRates.rateMicros, asOf: exchangeRates.asOf })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.base, "USD"), eq(exchangeRates.quote, "CNY")))
    .orderBy(desc(exchangeRates.id))
    .limit(1);
}

const newestRate = preparedQuery((db) => newestRateQuery(db).prepare());

/** The USD → CNY rate in force: the newest organizers set (the seeded one at first), else the config's. */
export function currentRate(db: Reader = getDb()): ExchangeRate {
  // Every page reads it (prices in yuan): prepared once, unless inside a transaction.
  const row = db === getDb() ? newestRate().get() : newestRateQuery(db).get();
  return row
    ? { rateMicros: row.rateMicros, asOf: row.asOf.toISOString() }
    : { rateMicros: Math.round(USD_RATES.CNY * RATE_SCALE), asOf: new Date("2026-11-01T00:00:00Z").toISOString() };
}

/** Every store's shipping profiles, by store id. */
export function profilesOf(db: Reader, storeIds: readonly number[]): Map<number, ShippingProfileRule[]> {
  const byStore = new Map<number, ShippingProfileRule[]>();
  if (storeIds.length === 0) return byStore;
  const rows = db
    .select()
    .from(shippingProfiles)
    .where(inArray(shippingProfiles.storeId, [...new Set(storeIds)]))
    .all();
  for (const row of rows) {
    const list = byStore.get(row.storeId) ?? [];
    list.push({
      id: row.id,
      method: row.method,
      pricing: row.pricing,
      freeOverCents: row.freeOverCents,
      rates: row.rates as ShippingProfileRule["rates"],
    });
    byStore.set(row.storeId, list);
  }
  return byStore;
}

const GENERAL: TaxRates = { vatBp: 1300, consumptionBp: 0 };

/** The tax rates of each product category (general goods, VAT 13 %, when a category has no class). */
export function taxRatesOf(db: Reader, categoryIds: readonly number[]): Map<number, TaxRates> {
  const ids = [...new Set(categoryIds)];
  const rows =
    ids.length === 0
      ? []
      : db
          .select({
            categoryId: categoryTaxClasses.categoryId,
            vatBp: taxClasses.vatBp,
            consumptionBp: taxClasses.consumptionBp,
          })
          .from(categoryTaxClasses)
          .innerJoin(taxClasses, eq(taxClasses.id, categoryTaxClasses.taxClassId))
          .where(inArray(categoryTaxClasses.categoryId, ids))
          .all();
  const found = new Map(rows.map((r) => [r.categoryId, { vatBp: r.vatBp, consumptionBp: r.consumptionBp }]));
  return new Map(ids.map((id) => [id, found.get(id) ?? GENERAL]));
}

/** Whose annual cross-border allowance an order uses: the signed-in shopper, else the order's email. */
export interface TaxPayer {
  userId: number | null;
  email: string | null;
}

/** Statuses whose orders count towards the annual limit: paid and not wholly refunded. */
const COUNTED = ["paid", "partially_fulfilled", "fulfilled", "partially_refunded"] as const;

/**
 * What the payer has already declared this calendar year (Beijing), in fen: paid mainland-China
 * orders of the same signed-in user or with the same email. The one place "whose annual usage" is
 * decided (the addresses work may key it by the payer's ID number instead).
 */
export function annualUsageFen(db: Reader, payer: TaxPayer, at: Date): number {
  const year = Number(beijingDay(at).slice(0, 4));
  const who = or(
    payer.userId !== null ? eq(orderTaxes.userId, payer.userId) : undefined,
    payer.email ? eq(orderTaxes.email, payer.email.trim().toLowerCase()) : undefined,
  );
  if (!who) return 0;
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${orderTaxes.dutiableFen}), 0)` })
      .from(orderTaxes)
      .innerJoin(orders, eq(orders.id, orderTaxes.orderId))
      .where(and(eq(orderTaxes.year, year), inArray(orders.status, [...COUNTED]), who))
      .get()?.n ?? 0
  );
}

export interface DeliveryLine {
  productId: number;
  storeId: number;
  categoryId: number;
  quantity: number;
  lineCents: number;
  unitGrams: number;
}

export interface StoreDelivery {
  storeId: number;
  options: {
    profileId: number;
    method: ShippingMethod;
    costCents: number;
    free: boolean;
    minDays: number;
    maxDays: number;
    arriveFrom: string;
    arriveBy: string;
  }[];
  /** The option used (the shopper's choice if offered, else the cheapest); null: the store does not ship there. */
  chosen: StoreDelivery["options"][number] | null;
}

export type TaxEstimate =
  | { kind: "none" }
  | { kind: "estimate"; taxCents: number; taxFen: number; dutiableFen: number; rateMicros: number; year: number }
  | { kind: "refused"; error: "perTransactionLimit" | "annualLimit"; dutiableFen: number; remainingFen: number };

export interface Delivery {
  destination: string | null;
  zone: Zone | null;
  stores: StoreDelivery[];
  /** Products whose store does not ship to the destination. */
  blockedProductIds: number[];
  shippingCents: number;
  tax: TaxEstimate;
  taxCents: number;
  goodsCents: number;
  totalCents: number;
  /** True when every store ships there and the import tax (if any) is within the limits. */
  ok: boolean;
  rate: ExchangeRate;
}

/**
 * Shipping per store and the import tax for these lines to a destination: the quote the cart and
 * checkout show and the one placeOrder records (run inside its transaction with `db: tx`).
 */
export function priceDelivery(args: {
  db?: Reader;
  destination: string | null;
  lines: readonly DeliveryLine[];
  choices?: ReadonlyMap<number, number>;
  payer?: TaxPayer | null;
  at?: Date;
  rate?: ExchangeRate;
}): Delivery {
  const db = args.db ?? getDb();
  const at = args.at ?? clockNow();
  const rate = args.rate ?? currentRate(db);
  const destination = args.destination?.toUpperCase() ?? null;
  const zone = destination ? zoneOf(destination) : null;
  const storeIds = [...new Set(args.lines.map((l) => l.storeId))];
  const profiles = profilesOf(db, storeIds);
  const stores: StoreDelivery[] = storeIds.map((storeId) => {
    const lines = args.lines.filter((l) => l.storeId === storeId);
    const options = shippingOptions(profiles.get(storeId) ?? [], zone, lines).map((o) => {
      const range = arrivalRange(at, o.minDays, o.maxDays);
      return {
        profileId: o.profileId,
        method: o.method,
        costCents: o.costCents,
        free: o.free,
        minDays: o.minDays,
        maxDays: o.maxDays,
        arriveFrom: range.from,
        arriveBy: range.to,
      };
    });
    return { storeId, options, chosen: chooseOption(options, args.choices?.get(storeId)) };
  });
  const blockedStores = new Set(stores.filter((s) => !s.chosen).map((s) => s.storeId));
  const blockedProductIds = args.lines.filter((l) => blockedStores.has(l.storeId)).map((l) => l.productId);
  const shippingCents = stores.reduce((n, s) => n + (s.chosen?.costCents ?? 0), 0);
  const goodsCents = args.lines.reduce((n, l) => n + l.lineCents, 0);

  let tax: TaxEstimate = { kind: "none" };
  if (zone === "cn" && destination === "CN" && args.lines.length > 0 && blockedStores.size === 0) {
    // Each line's dutiable price: its goods plus its share (by value) of its store's shipping.
    const rates = taxRatesOf(
      db,
      args.lines.map((l) => l.categoryId),
    );
    const parts = stores.flatMap((s) => {
      const lines = args.lines.filter((l) => l.storeId === s.storeId);
      const shares = allocate(
        s.chosen?.costCents ?? 0,
        lines.map((l) => l.lineCents),
      );
      return lines.map((l, i) => ({
        ...rates.get(l.categoryId)!,
        dutiableFen: usdCentsToFen(l.lineCents + shares[i]!, rate.rateMicros),
      }));
    });
    const used = args.payer ? annualUsageFen(db, args.payer, at) : 0;
    const result = crossBorderTax(parts, used);
    tax = result.ok
      ? {
          kind: "estimate",
          taxCents: fenToUsdCents(result.taxFen, rate.rateMicros),
          taxFen: result.taxFen,
          dutiableFen: result.dutiableFen,
          rateMicros: rate.rateMicros,
          year: Number(beijingDay(at).slice(0, 4)),
        }
      : { kind: "refused", error: result.error, dutiableFen: result.dutiableFen, remainingFen: result.remainingFen };
  }
  const taxCents = tax.kind === "estimate" ? tax.taxCents : 0;
  return {
    destination,
    zone,
    stores,
    blockedProductIds,
    shippingCents,
    tax,
    taxCents,
    goodsCents,
    totalCents: goodsCents + shippingCents + taxCents,
    ok: zone !== null && blockedStores.size === 0 && tax.kind !== "refused",
    rate,
  };
}
