import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { SOLD_ORDER_STATUSES } from "#db/rules.ts";
import { orderItems, orders } from "#db/schema/index.ts";
import type { DealShopper } from "./pricing.server.ts";

type Reader = Pick<DB, "select">;

/** Orders whose slot units count against 限购: pending payment or sold. */
const COUNTED = ["pending_payment", ...SOLD_ORDER_STATUSES] as const;

/**
 * Units a shopper already bought at these slot items (限购), as deal limits count them (decision
 * 017): quantity less refunded units of their lines at each item, in orders pending or sold; a
 * signed-in shopper by user id, a guest by the order email (case-insensitive), nobody yet: none.
 */
export function slotUnitsBought(db: Reader, shopper: DealShopper, slotItemIds: readonly number[]): Map<number, number> {
  const bought = new Map<number, number>();
  if (!shopper || slotItemIds.length === 0) return bought;
  const whose: SQL =
    "userId" in shopper
      ? eq(orders.userId, shopper.userId)
      : sql`lower(${orders.email}) = ${shopper.email.trim().toLowerCase()}`;
  const rows = db
    .select({
      slotItemId: orderItems.flashSlotItemId,
      units: sql<number>`coalesce(sum(${orderItems.quantity} - ${orderItems.refundedQuantity}), 0)`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(inArray(orderItems.flashSlotItemId, [...new Set(slotItemIds)]), inArray(orders.status, [...COUNTED]), whose),
    )
    .groupBy(orderItems.flashSlotItemId)
    .all();
  for (const row of rows) if (row.slotItemId !== null) bought.set(row.slotItemId, Math.max(0, row.units));
  return bought;
}
