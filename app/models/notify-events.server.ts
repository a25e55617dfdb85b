import { orderAddressLines } from "./order-address.server.ts";
import { and, eq, lte, sql } from "drizzle-orm";
import type { EmailLine, EmailShipping } from "#app/emails/templates.tsx";
import type { Locale } from "#app/i18n/locales.ts";
import { beijingDay } from "#app/utils/datetime.ts";
import { trackingUrl } from "#app/utils/tracking.ts";
import type { Tx } from "#db/client.ts";
import { now as clockNow } from "#db/clock.ts";
import { productIsListed } from "#db/rules.ts";
import { orderItems, orders, products, refunds, stores, users } from "#db/schema/index.ts";
import { enqueueNotification } from "./notifications.server.ts";
import { tokenOrderPath } from "./order-tokens.server.ts";
import { pick } from "./localize.ts";
import { orderCharges } from "./shipping/order-charges.server.ts";

/**
 * What each event tells whom (decision 021). Each function runs inside the transaction of its event
 * and queues its emails there, with a dedupe key per event, so a replayed webhook or a repeated click
 * queues nothing more. Emails carry a snapshot of what was true at the event.
 */

/** Available units at or below this make the owner's daily low-stock notice. */
export const LOW_STOCK_THRESHOLD = 5;

type Order = typeof orders.$inferSelect;

/** The order's page: a guest's link carries the order's access token (there is no account to sign in to). */
function orderPath(order: Pick<Order, "id" | "userId">): string {
  return order.userId === null ? tokenOrderPath(order.id) : `/account/orders/${order.id}`;
}

/** A store and its owner (the recipient of the store's notices). */
function storeWithOwner(tx: Tx, storeId: number) {
  return tx
    .select({ store: stores, owner: users })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerId))
    .where(eq(stores.id, storeId))
    .get();
}

function linesOf(tx: Tx, orderId: number) {
  return tx
    .select({ line: orderItems, product: products, store: stores, owner: users })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .innerJoin(users, eq(users.id, stores.ownerId))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.id)
    .all();
}

/** A line's title in the reader's language (the catalog's), falling back to the one frozen at checkout. */
const titleIn = (row: { line: { title: string }; product: object }, locale: Locale) =>
  pick(row.product, "title", locale) || row.line.title;

/**
 * Order paid: the shopper's confirmation (in the language they checked out in) and one "new order"
 * email per store, in its owner's language, holding only that store's lines and where to ship them.
 */
export function notifyOrderPaid(tx: Tx, orderId: number): void {
  const order = tx.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return;
  const rows = linesOf(tx, orderId);
  const byStore = new Map<number, typeof rows>();
  for (const row of rows) byStore.set(row.store.id, [...(byStore.get(row.store.id) ?? []), row]);
  const emailLine = (row: (typeof rows)[number], locale: Locale): EmailLine => ({
    title: titleIn(row, locale),
    quantity: row.line.quantity,
    unitCents: row.line.unitCents,
  });
  // What the total is made of (decision 025): each store's shipping and the estimated import tax.
  const charges = orderCharges(order.id, order.locale, { db: tx });
  const parcelOf = (storeId: number): EmailShipping | null => {
    const s = charges.shipping.find((c) => c.storeId === storeId);
    return s ? { method: s.method, costCents: s.costCents, arriveFrom: s.arriveFrom, arriveBy: s.arriveBy } : null;
  };
  enqueueNotification(tx, {
    kind: "order_confirmation",
    to: order.email,
    userId: order.userId,
    locale: order.locale,
    dedupeKey: `order-paid:${order.id}:shopper`,
    payload: {
      orderId: order.id,
      currency: order.currency,
      totalCents: order.totalCents,
      goodsCents: rows.reduce((sum, r) => sum + r.line.unitCents * r.line.quantity, 0),
      taxCents: charges.tax?.cents ?? null,
      orderPath: orderPath(order),
      stores: [...byStore.values()].map((storeRows) => ({
        storeName: pick(storeRows[0]!.store, "name", order.locale),
        lines: storeRows.map((r) => emailLine(r, order.locale)),
        shipping: parcelOf(storeRows[0]!.store.id),
      })),
    },
  });
  for (const storeRows of byStore.values()) {
    const { store, owner } = storeRows[0]!;
    const lines = storeRows.map((r) => emailLine(r, owner.locale));
    enqueueNotification(tx, {
      kind: "store_new_order",
      to: owner.email,
      userId: owner.id,
      locale: owner.locale,
      dedupeKey: `order-paid:${order.id}:store:${store.id}`,
      payload: {
        orderId: order.id,
        storeName: pick(store, "name", owner.locale),
        currency: order.currency,
        lines,
        subtotalCents: lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0),
        shipping: parcelOf(store.id),
        shipTo: {
          name: order.shipName,
          address: order.shipAddress,
          city: order.shipCity,
          postalCode: order.shipPostcode,
          country: order.shipCountry,
          // Formatted for the destination; never the customs details (decision 026).
          lines: orderAddressLines(order, owner.locale),
        },
      },
    });
    notifyLowStock(tx, store.id);
  }
}

/** A line shipped (the first time; a corrected tracking number is not news): the shopper, with a tracking link. */
export function notifyLineShipped(tx: Tx, lineId: number): void {
  const row = tx
    .select({ line: orderItems, order: orders, product: products, store: stores })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .where(eq(orderItems.id, lineId))
    .get();
  if (!row || !row.line.carrier || !row.line.trackingNumber) return;
  const locale = row.order.locale;
  enqueueNotification(tx, {
    kind: "line_shipped",
    to: row.order.email,
    userId: row.order.userId,
    locale,
    dedupeKey: `line-shipped:${lineId}`,
    payload: {
      orderId: row.order.id,
      title: titleIn(row, locale),
      quantity: row.line.quantity - row.line.refundedQuantity,
      storeName: pick(row.store, "name", locale),
      carrier: row.line.carrier,
      trackingNumber: row.line.trackingNumber,
      trackingUrl: trackingUrl(row.line.carrier, row.line.trackingNumber),
      orderPath: orderPath(row.order),
    },
  });
}

/** A refund went through: the shopper, with the amount and the reason given. */
export function notifyRefundSucceeded(tx: Tx, refundId: number): void {
  const row = tx
    .select({ refund: refunds, order: orders })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId))
    .get();
  if (!row) return;
  enqueueNotification(tx, {
    kind: "refund_issued",
    to: row.order.email,
    userId: row.order.userId,
    locale: row.order.locale,
    dedupeKey: `refund:${refundId}`,
    payload: {
      orderId: row.order.id,
      currency: row.order.currency,
      amountCents: row.refund.amountCents,
      reason: row.refund.reason,
      orderPath: orderPath(row.order),
    },
  });
}

/** A store approved, rejected or suspended: its owner, with the reason. */
export function notifyStoreDecision(
  tx: Tx,
  storeId: number,
  decision: "approved" | "rejected" | "suspended",
  reason: string,
  auditKey: string,
): void {
  const row = storeWithOwner(tx, storeId);
  if (!row) return;
  enqueueNotification(tx, {
    kind: "store_decision",
    to: row.owner.email,
    userId: row.owner.id,
    locale: row.owner.locale,
    dedupeKey: `store-decision:${storeId}:${auditKey}`,
    payload: { storeName: pick(row.store, "name", row.owner.locale), decision, reason: reason || null },
  });
}

/**
 * When any of the store's listed products has LOW_STOCK_THRESHOLD or fewer units available, the owner
 * gets one notice that day listing all of them (non-transactional: it can be unsubscribed from).
 */
export function notifyLowStock(tx: Tx, storeId: number): void {
  const low = tx
    .select({ product: products, available: sql<number>`${products.onHand} - ${products.reserved}` })
    .from(products)
    .where(
      and(
        eq(products.storeId, storeId),
        productIsListed,
        lte(sql`${products.onHand} - ${products.reserved}`, LOW_STOCK_THRESHOLD),
      ),
    )
    .orderBy(sql`${products.onHand} - ${products.reserved}`, products.id)
    .limit(50)
    .all();
  if (low.length === 0) return;
  const row = storeWithOwner(tx, storeId);
  if (!row) return;
  const locale = row.owner.locale;
  enqueueNotification(tx, {
    kind: "low_stock",
    to: row.owner.email,
    userId: row.owner.id,
    locale,
    dedupeKey: `low-stock:${storeId}:${beijingDay(clockNow())}`, // one notice per store per Beijing day
    payload: {
      storeName: pick(row.store, "name", locale),
      threshold: LOW_STOCK_THRESHOLD,
      products: low.map(({ product, available }) => ({
        id: product.id,
        title: pick(product, "title", locale),
        available: Math.max(0, available),
      })),
    },
  });
}
