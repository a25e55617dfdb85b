import { and, asc, eq, lte, sql } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { now as clockNow } from "#db/clock.ts";
import {
  cartItems,
  orderEvents,
  orderItems,
  orders,
  users,
  type OrderActorKind,
  type OrderStatus,
} from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { releaseLine, sellDealUnits } from "./inventory.server.ts";
import { notifyOrderPaid } from "./notify-events.server.ts";
import { canTransition } from "./order-transitions.ts";
import { returnOrderVouchers, reuseOrderVouchers } from "./vouchers/vouchers.server.ts";

/**
 * The one writer of order status (decision 016). `transition` checks the table in
 * order-transitions.ts, writes the timeline event (who, when, from, to, why), changes the status
 * and does what follows in the same transaction: units released on cancel and expiry, deal units
 * counted as sold and the ordered lines taken out of the cart on payment, the search index told
 * (stock and popularity change). A trigger (migration 0010) refuses any status change that did
 * not write its event first, so nothing else can change a status behind the timeline's back.
 */

export interface OrderActor {
  kind: OrderActorKind;
  userId?: number | null;
}

export const SYSTEM: OrderActor = { kind: "system" };
export const PAYMENT_PROVIDER: OrderActor = { kind: "payment" };

/** Things that happen to an order without changing its status, shown on its timeline. */
export type OrderEventKind =
  | "status"
  | "payment_started"
  | "payment_failed"
  | "payment_session_expired"
  | "payment_flagged"
  | "line_shipped"
  | "refund_requested"
  | "refund_succeeded"
  | "refund_failed"
  | "attached_to_account";

export class TransitionRefused extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`order status cannot go from ${from} to ${to}`);
  }
}

type OrderRow = typeof orders.$inferSelect;

interface EventOptions {
  actor: OrderActor;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
  at?: Date;
}

export function recordOrderEvent(
  tx: Tx,
  orderId: number,
  kind: Exclude<OrderEventKind, "status">,
  options: EventOptions,
) {
  tx.insert(orderEvents)
    .values({
      orderId,
      kind,
      actorKind: options.actor.kind,
      actorUserId: options.actor.userId ?? null,
      reason: options.reason ?? null,
      detail: options.detail ?? null,
      at: options.at ?? clockNow(),
    })
    .run();
}

/**
 * Moves an order from its current status to `to`, or throws TransitionRefused (nothing written).
 * The order must have been read in this transaction; the update is conditional on the status read,
 * so two writers can never both move the same order.
 */
export function transition(
  tx: Tx,
  order: Pick<OrderRow, "id" | "status" | "cartId">,
  to: OrderStatus,
  options: EventOptions,
) {
  const from = order.status;
  if (!canTransition(from, to, options.actor.kind)) throw new TransitionRefused(from, to);
  const at = options.at ?? clockNow();
  tx.insert(orderEvents)
    .values({
      orderId: order.id,
      kind: "status",
      fromStatus: from,
      toStatus: to,
      actorKind: options.actor.kind,
      actorUserId: options.actor.userId ?? null,
      reason: options.reason ?? null,
      detail: options.detail ?? null,
      at,
    })
    .run();
  const closing = to === "cancelled" || to === "expired";
  const changed = tx
    .update(orders)
    .set({
      status: to,
      updatedAt: at,
      ...(to === "paid" ? { paidAt: at, cancelledAt: null, cancelReason: null } : {}),
      ...(closing ? { cancelledAt: at, cancelReason: options.reason ?? to } : {}),
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, from)))
    .run();
  if (changed.changes !== 1) throw new TransitionRefused(from, to);

  const lines = tx.select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
  if (from === "pending_payment" && closing) for (const line of lines) releaseLine(tx, line, "reserved");
  // Vouchers go back to the shopper with an unpaid order's close, and are used again by a late payment.
  if (from === "pending_payment" && closing) returnOrderVouchers(tx, order.id);
  if (to === "paid" && from !== "pending_payment") reuseOrderVouchers(tx, order.id, at);
  if (from === "pending_payment" && to === "paid") for (const line of lines) sellDealUnits(tx, line);
  if (to === "paid" && order.cartId !== null) takeOrderedLinesOutOfCart(tx, order.cartId, lines);
  // The shopper's confirmation and each store's "new order" email are queued with the payment.
  if (to === "paid") notifyOrderPaid(tx, order.id);
  // Stock (release) and popularity (payment) are in the search documents.
  if (closing || to === "paid" || to === "refunded" || to === "partially_refunded")
    enqueueSearchSync(
      tx,
      "product",
      lines.map((l) => l.productId),
    );
}

/**
 * The cart keeps what was ordered until the order is paid (a failed or abandoned payment leaves it
 * as it was); then the ordered quantities leave it. Units added since stay.
 */
function takeOrderedLinesOutOfCart(tx: Tx, cartId: number, lines: readonly { productId: number; quantity: number }[]) {
  const byProduct = new Map<number, number>();
  for (const line of lines) byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  for (const [productId, quantity] of byProduct) {
    const where = and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId));
    tx.update(cartItems)
      .set({ quantity: sql`${cartItems.quantity} - ${quantity}` })
      .where(where)
      .run();
    tx.delete(cartItems)
      .where(and(where, lte(cartItems.quantity, 0)))
      .run();
  }
}

export interface TimelineEntry {
  id: number;
  kind: OrderEventKind;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: OrderActorKind;
  /** The acting person's display name for staff views; null for shoppers' own view. */
  actorName: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  at: string;
}

/** An order's timeline, oldest first. `withNames` adds who acted (owners' and organizers' views). */
export function listOrderEvents(orderId: number, { withNames = false } = {}): TimelineEntry[] {
  return getDb()
    .select({ event: orderEvents, name: users.displayName })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorUserId))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id))
    .all()
    .map(({ event, name }) => ({
      id: event.id,
      kind: event.kind as OrderEventKind,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actorKind: event.actorKind,
      actorName: withNames && name ? name : null,
      reason: event.reason,
      detail: event.detail ?? null,
      at: event.at.toISOString(),
    }));
}
