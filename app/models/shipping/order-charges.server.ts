import { asc, eq } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { orderShipments, orderTaxes, stores } from "#db/schema/index.ts";
import { pick } from "../localize.ts";

/** What an order charged beyond its lines (decision 025): each store's shipping and the import tax. */
export interface OrderCharges {
  shipping: {
    storeId: number;
    storeName: string;
    method: "postal" | "express";
    costCents: number;
    refundedCents: number;
    /** Beijing days (YYYY-MM-DD) of the estimated arrival window. */
    arriveFrom: string;
    arriveBy: string;
  }[];
  /** The estimated import tax, or null when none was charged (not to mainland China, or an older order). */
  tax: { cents: number; refundedCents: number } | null;
}

/**
 * The charges of an order, for the pages that show it. `storeId` limits them to one store's shipping
 * (an owner sees their own; the tax is the marketplace's, not a store's, and is left out). `db`: a
 * transaction to read in (the paid-order emails are queued inside the payment's).
 */
export function orderCharges(
  orderId: number,
  locale: Locale,
  { storeId, db = getDb() }: { storeId?: number; db?: Pick<ReturnType<typeof getDb>, "select"> } = {},
): OrderCharges {
  const shipping = db
    .select({ shipment: orderShipments, store: stores })
    .from(orderShipments)
    .innerJoin(stores, eq(stores.id, orderShipments.storeId))
    .where(eq(orderShipments.orderId, orderId))
    .orderBy(asc(orderShipments.storeId))
    .all()
    .filter(({ shipment }) => storeId === undefined || shipment.storeId === storeId)
    .map(({ shipment, store }) => ({
      storeId: store.id,
      storeName: pick(store, "name", locale),
      method: shipment.method,
      costCents: shipment.costCents,
      refundedCents: shipment.refundedCents,
      arriveFrom: shipment.arriveFrom,
      arriveBy: shipment.arriveBy,
    }));
  const tax =
    storeId === undefined ? db.select().from(orderTaxes).where(eq(orderTaxes.orderId, orderId)).get() : undefined;
  return { shipping, tax: tax ? { cents: tax.taxCents, refundedCents: tax.refundedCents } : null };
}
