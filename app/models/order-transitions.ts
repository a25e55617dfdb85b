import type { OrderActorKind, OrderStatus } from "#db/schema/index.ts";

/**
 * The order lifecycle's transition table (decision 016), after Vendure's order process: the one
 * answer to "may an order in this status become that one". Pure, so pages can ask it too (which
 * buttons to offer) and the server enforces it in `transition` (order-lifecycle.server.ts).
 *
 *   pending_payment → paid | cancelled | expired
 *   paid → partially_fulfilled | fulfilled | partially_refunded | refunded
 *   partially_fulfilled → fulfilled | partially_refunded | refunded
 *   fulfilled → partially_refunded | refunded
 *   partially_refunded → partially_refunded (another refund) | refunded
 *   cancelled, expired, refunded: final — except that the payment provider may report a payment
 *   taken after the reservation ended (a Stripe page left open): cancelled | expired → paid.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ["paid", "cancelled", "expired"],
  paid: ["partially_fulfilled", "fulfilled", "partially_refunded", "refunded"],
  partially_fulfilled: ["fulfilled", "partially_refunded", "refunded"],
  fulfilled: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  cancelled: [],
  expired: [],
  refunded: [],
};

/** Every status, in lifecycle order (filters and pickers). */
export const ORDER_STATUS_LIST = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

/** Who may report a payment that arrived after the order was closed, and from which statuses. */
const LATE_PAYMENT_FROM: readonly OrderStatus[] = ["cancelled", "expired"];

export function canTransition(from: OrderStatus, to: OrderStatus, actor: OrderActorKind): boolean {
  if (ORDER_TRANSITIONS[from].includes(to)) return true;
  return to === "paid" && actor === "payment" && LATE_PAYMENT_FROM.includes(from);
}

/** Statuses in which units are still owed to the shopper or money can still be refunded. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = [
  "paid",
  "partially_fulfilled",
  "fulfilled",
  "partially_refunded",
];

/** Statuses an order cannot leave by anyone's action (only a late payment reopens cancelled/expired). */
export const isFinalStatus = (status: OrderStatus) => ORDER_TRANSITIONS[status].length === 0;

/** The status that follows a refund: all the money paid given back → refunded, else partially refunded. */
export function statusAfterRefund(order: { totalCents: number; refundedCents: number }): OrderStatus {
  return order.refundedCents >= order.totalCents ? "refunded" : "partially_refunded";
}

/**
 * The status that follows a shipment, for an order in a fulfilment status: every line with units
 * left to send (not all refunded) has shipped → fulfilled, else partially fulfilled. A partially
 * refunded order keeps that status (its money state says more than its parcels).
 */
export function statusAfterShipment(
  status: OrderStatus,
  lines: readonly { quantity: number; refundedQuantity: number; shippedAt: Date | string | null }[],
): OrderStatus {
  if (status !== "paid" && status !== "partially_fulfilled") return status;
  const toSend = lines.filter((l) => l.quantity > l.refundedQuantity);
  return toSend.every((l) => l.shippedAt !== null) ? "fulfilled" : "partially_fulfilled";
}

/** What may still be refunded of a line: units and cents paid (after its vouchers), less refunds done and pending. */
export function refundableOf(
  line: {
    quantity: number;
    unitCents: number;
    refundedQuantity: number;
    refundedCents: number;
    discountCents?: number;
  },
  pending?: { quantity: number; amountCents: number },
) {
  return {
    quantity: line.quantity - line.refundedQuantity - (pending?.quantity ?? 0),
    amountCents:
      line.unitCents * line.quantity - (line.discountCents ?? 0) - line.refundedCents - (pending?.amountCents ?? 0),
  };
}

/**
 * What refunding `quantity` units of a line gives back by default: their price, or for a line with
 * vouchers their share of what was paid for it (decision 034) — rounded down, and the last units
 * take what is left, so refunding every unit gives back exactly the line's paid amount.
 */
export function unitsRefundCents(
  line: {
    quantity: number;
    unitCents: number;
    refundedQuantity: number;
    refundedCents: number;
    discountCents?: number;
  },
  quantity: number,
  pending?: { quantity: number; amountCents: number },
): number {
  const discount = line.discountCents ?? 0;
  if (discount === 0) return quantity * line.unitCents;
  const left = refundableOf(line, pending);
  if (quantity >= left.quantity) return left.amountCents;
  const paid = line.unitCents * line.quantity - discount;
  return Math.min(left.amountCents, Math.floor((paid * quantity) / line.quantity));
}
