import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { orderEvents, orderItems, orders } from "#db/schema/index.ts";

/**
 * Customs clearance details of mainland China orders (decision 026). The resident ID number is
 * sealed (AES-256-GCM, app/utils/secret-box.server.ts) before it is written, shown only masked, and
 * deleted CUSTOMS_ID_RETENTION_DAYS after the order is finished: every line shipped or refunded,
 * or the order cancelled, expired or refunded — counted from the last of those events.
 */
export const CUSTOMS_ID_RETENTION_DAYS = 30;

/** Binds a sealed customs ID number to its order: copied to another row it does not open. */
export const customsIdAad = (orderId: number) => `order:${orderId}:customs-id`;

/** Nulls the sealed ID numbers due for deletion; returns the orders it cleared. */
export function purgeCustomsIds(at: Date = clockNow()): number[] {
  const cutoff = at.getTime() - CUSTOMS_ID_RETENTION_DAYS * 24 * 60 * 60_000;
  const db = getDb();
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: orders.id })
        .from(orders)
        .where(
          and(
            isNotNull(orders.customsIdSealed),
            sql`(
              ${orders.status} IN ('fulfilled', 'refunded', 'cancelled', 'expired')
              OR (${orders.status} = 'partially_refunded' AND NOT EXISTS (
                SELECT 1 FROM ${orderItems} WHERE ${orderItems.orderId} = ${orders.id}
                  AND ${orderItems.shippedAt} IS NULL AND ${orderItems.refundedQuantity} < ${orderItems.quantity}))
            )`,
            sql`coalesce((SELECT max(${orderEvents.at}) FROM ${orderEvents} WHERE ${orderEvents.orderId} = ${orders.id}), ${orders.updatedAt}) <= ${cutoff}`,
            sql`coalesce((SELECT max(${orderItems.shippedAt}) FROM ${orderItems} WHERE ${orderItems.orderId} = ${orders.id}), 0) <= ${cutoff}`,
          ),
        )
        .all()
        .map((r) => r.id);
      if (due.length > 0)
        tx.update(orders).set({ customsIdSealed: null, customsIdPurgedAt: at }).where(inArray(orders.id, due)).run();
      return due;
    },
    { behavior: "immediate" },
  );
}
