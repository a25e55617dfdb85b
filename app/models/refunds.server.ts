import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "#app/utils/db.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import type { Tx } from "#db/client.ts";
import { now as clockNow } from "#db/clock.ts";
import {
  orderItems,
  orders,
  paymentEvents,
  payments,
  products,
  refundLines,
  orderShipments,
  orderTaxes,
  refundCharges,
  refunds,
  type RefundStatus,
} from "#db/schema/index.ts";
import type { OwnStore } from "./access.server.ts";
import { releaseLine } from "./inventory.server.ts";
import { recordOrderEvent, transition, type OrderActor } from "./order-lifecycle.server.ts";
import { REFUNDABLE_STATUSES, refundableOf, statusAfterRefund, unitsRefundCents } from "./order-transitions.ts";
import { discountsByLine } from "./vouchers/vouchers.server.ts";
import { notifyRefundSucceeded } from "./notify-events.server.ts";
import { pendingRefundsByLine } from "./orders.server.ts";
import { stripe } from "./payments.server.ts";

/**
 * Refunds (decision 016). Organizers refund any order's lines, owners their own store's lines:
 * units of a line, an amount, or both, with a reason; restocking is a choice per line.
 *
 * A refund is an outbox row. `requestRefund` checks and records it in one transaction (the amount
 * counts against what may still be refunded at once, so two clicks cannot refund twice); `sendRefund`
 * hands it to the provider after commit — Stripe's refunds.create under an idempotency key per
 * refund, so a retry never refunds twice; the demo provider answers at once — and the
 * `refund-sender` job retries with backoff while the provider cannot be reached. The order changes
 * only when the provider says the refund succeeded (`applyRefundOutcome`, also reached from Stripe's
 * refund webhooks), exactly once whatever the order and number of deliveries.
 */

export interface RefundLineRequest {
  lineId: number;
  /** Units of the line given back (0 for an amount alone). */
  quantity: number;
  /** Cents given back for the line; by default the units' price. */
  amountCents?: number | null;
  /** Units go back on sale (unshipped: the reservation is released; shipped: returned to the shelf). */
  restock: boolean;
}

export type RefundRequestError =
  "notFound" | "notRefundable" | "noLines" | "badQuantity" | "badAmount" | "tooMuch" | "noReason";

export type RefundRequestResult = { ok: true; refundId: number } | { ok: false; error: RefundRequestError };

export type RefundRequester =
  { kind: "organizer"; userId: number } | { kind: "owner"; userId: number; store: OwnStore };

/** An order line with its vouchers' total (what it paid is its units' price less that). */
type LineRow = typeof orderItems.$inferSelect & { discountCents: number };

export function requestRefund(
  requester: RefundRequester,
  input: { orderId: number; lines: RefundLineRequest[]; reason: string },
): RefundRequestResult {
  const reason = input.reason.trim().slice(0, 500);
  if (!reason) return { ok: false, error: "noReason" };
  const asked = input.lines.filter((l) => l.quantity > 0 || (l.amountCents ?? 0) > 0);
  if (asked.length === 0) return { ok: false, error: "noLines" };
  if (new Set(asked.map((l) => l.lineId)).size !== asked.length) return { ok: false, error: "badQuantity" };
  for (const l of asked) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 0) return { ok: false, error: "badQuantity" };
    if (l.amountCents != null && (!Number.isSafeInteger(l.amountCents) || l.amountCents < 0))
      return { ok: false, error: "badAmount" };
  }
  const at = clockNow();
  return getDb().transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, input.orderId)).get();
      if (!order) return { ok: false, error: "notFound" } as const;
      const rows = tx
        .select()
        .from(orderItems)
        .where(
          and(
            eq(orderItems.orderId, order.id),
            inArray(
              orderItems.id,
              asked.map((l) => l.lineId),
            ),
            // An owner refunds only their own store's lines; another store's line is "not found".
            requester.kind === "owner" ? eq(orderItems.storeId, requester.store.id) : undefined,
          ),
        )
        .all();
      // A line's vouchers lower what it paid, and so what it can give back (decision 034).
      const discounts = discountsByLine(
        tx,
        rows.map((l) => l.id),
      );
      const lines = rows.map((l) => ({ ...l, discountCents: discounts.get(l.id) ?? 0 }));
      if (lines.length !== asked.length) return { ok: false, error: "notFound" } as const;
      if (!REFUNDABLE_STATUSES.includes(order.status)) return { ok: false, error: "notRefundable" } as const;
      const pending = pendingRefundsByLine(
        tx,
        lines.map((l) => l.id),
      );
      const planned: { line: LineRow; quantity: number; amountCents: number; restock: boolean }[] = [];
      for (const request of asked) {
        const line = lines.find((l) => l.id === request.lineId)!;
        const left = refundableOf(line, pending.get(line.id));
        if (request.quantity > left.quantity) return { ok: false, error: "tooMuch" } as const;
        const amountCents = request.amountCents ?? unitsRefundCents(line, request.quantity, pending.get(line.id));
        if (amountCents > left.amountCents) return { ok: false, error: "tooMuch" } as const;
        if (amountCents === 0) return { ok: false, error: "badAmount" } as const;
        planned.push({ line, quantity: request.quantity, amountCents, restock: request.restock });
      }
      const charges = chargesWithRefund(tx, order, planned);
      const amountCents =
        planned.reduce((n, p) => n + p.amountCents, 0) + charges.reduce((n, c) => n + c.amountCents, 0);
      // Never more than was paid, less what was refunded or is being refunded, for the whole order.
      const pendingForOrder =
        tx
          .select({ n: sql<number>`coalesce(sum(${refunds.amountCents}), 0)` })
          .from(refunds)
          .where(and(eq(refunds.orderId, order.id), eq(refunds.status, "pending")))
          .get()?.n ?? 0;
      if (amountCents > order.totalCents - order.refundedCents - pendingForOrder)
        return { ok: false, error: "tooMuch" } as const;
      const [refund] = tx
        .insert(refunds)
        .values({
          orderId: order.id,
          amountCents,
          currency: order.currency,
          reason,
          actorKind: requester.kind,
          actorUserId: requester.userId,
          storeId: requester.kind === "owner" ? requester.store.id : null,
          provider: order.provider,
          createdAt: at,
          nextAttemptAt: at,
        })
        .returning({ id: refunds.id })
        .all();
      tx.insert(refundLines)
        .values(
          planned.map((p) => ({
            refundId: refund!.id,
            orderItemId: p.line.id,
            quantity: p.quantity,
            amountCents: p.amountCents,
            restock: p.restock,
          })),
        )
        .run();
      if (charges.length > 0)
        tx.insert(refundCharges)
          .values(charges.map((c) => ({ ...c, refundId: refund!.id })))
          .run();
      recordOrderEvent(tx, order.id, "refund_requested", {
        actor: { kind: requester.kind, userId: requester.userId },
        reason,
        detail: { refundId: refund!.id, amountCents },
        at,
      });
      return { ok: true, refundId: refund!.id } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * What a refund of these lines gives back beyond them (decision 025): a store's shipping once every
 * line of that store in the order has all its money back (with this refund and those pending), and
 * the import tax in proportion to the goods and shipping refunded — all of what is left of it when
 * the whole order is then refunded, so the shares add up to the tax exactly.
 */
function chargesWithRefund(
  tx: Tx,
  order: typeof orders.$inferSelect,
  planned: readonly { line: LineRow; amountCents: number }[],
): { kind: "shipping" | "tax"; storeId: number; amountCents: number }[] {
  const shipments = tx.select().from(orderShipments).where(eq(orderShipments.orderId, order.id)).all();
  const tax = tx.select().from(orderTaxes).where(eq(orderTaxes.orderId, order.id)).get();
  if (shipments.length === 0 && !tax) return [];
  const rows = tx.select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
  const discounts = discountsByLine(
    tx,
    rows.map((l) => l.id),
  );
  const all = rows.map((l) => ({ ...l, discountCents: discounts.get(l.id) ?? 0 }));
  const pendingLines = pendingRefundsByLine(
    tx,
    all.map((l) => l.id),
  );
  const pendingCharges = tx
    .select({ kind: refundCharges.kind, storeId: refundCharges.storeId, amountCents: refundCharges.amountCents })
    .from(refundCharges)
    .innerJoin(refunds, eq(refunds.id, refundCharges.refundId))
    .where(and(eq(refunds.orderId, order.id), eq(refunds.status, "pending")))
    .all();
  const pendingOf = (kind: "shipping" | "tax", storeId: number) =>
    pendingCharges.filter((c) => c.kind === kind && c.storeId === storeId).reduce((n, c) => n + c.amountCents, 0);
  const now = new Map(planned.map((p) => [p.line.id, p.amountCents]));
  const leftAfter = (line: LineRow) =>
    refundableOf(line, pendingLines.get(line.id)).amountCents - (now.get(line.id) ?? 0);
  const charges: { kind: "shipping" | "tax"; storeId: number; amountCents: number }[] = [];
  for (const shipment of shipments) {
    if (!planned.some((p) => p.line.storeId === shipment.storeId)) continue;
    const storeDone = all.filter((l) => l.storeId === shipment.storeId).every((l) => leftAfter(l) <= 0);
    const left = shipment.costCents - shipment.refundedCents - pendingOf("shipping", shipment.storeId);
    if (storeDone && left > 0) charges.push({ kind: "shipping", storeId: shipment.storeId, amountCents: left });
  }
  if (tax) {
    const taxLeft = tax.taxCents - tax.refundedCents - pendingOf("tax", 0);
    const everythingBack =
      all.every((l) => leftAfter(l) <= 0) &&
      shipments.every(
        (s) =>
          s.costCents -
            s.refundedCents -
            pendingOf("shipping", s.storeId) -
            charges.filter((c) => c.storeId === s.storeId).reduce((n, c) => n + c.amountCents, 0) <=
          0,
      );
    const base = order.totalCents - tax.taxCents;
    const refunded = planned.reduce((n, p) => n + p.amountCents, 0) + charges.reduce((n, c) => n + c.amountCents, 0);
    const share = everythingBack ? taxLeft : base > 0 ? Math.floor((tax.taxCents * refunded) / base) : 0;
    const amountCents = Math.min(taxLeft, share);
    if (amountCents > 0) charges.push({ kind: "tax", storeId: 0, amountCents });
  }
  return charges;
}

export type RefundOutcome = "succeeded" | "failed" | "duplicate" | "unknown-refund" | "ignored";

/**
 * The provider's word on a refund, applied once: succeeded → each line's units and cents are
 * counted refunded, units released or restocked as asked, the order's refunded total rises and it
 * becomes partially refunded or refunded; failed → the refund is marked failed (its amount may be
 * asked again). A refund already settled stays as it is (a late or repeated word changes nothing).
 */
export function applyRefundOutcome(
  tx: Tx,
  refundId: number,
  outcome: "succeeded" | "failed",
  detail: { providerRef?: string | null; failureReason?: string | null } = {},
  at: Date = clockNow(),
): RefundOutcome {
  const refund = tx.select().from(refunds).where(eq(refunds.id, refundId)).get();
  if (!refund) return "unknown-refund";
  const settled = tx
    .update(refunds)
    .set({
      status: outcome,
      settledAt: at,
      ...(detail.providerRef ? { providerRef: detail.providerRef } : {}),
      ...(outcome === "failed" ? { failureReason: detail.failureReason ?? "refused by the payment provider" } : {}),
    })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, "pending")))
    .run();
  if (settled.changes === 0) return "duplicate";
  const actor: OrderActor = { kind: "payment" };
  if (outcome === "failed") {
    recordOrderEvent(tx, refund.orderId, "refund_failed", {
      actor,
      reason: detail.failureReason ?? null,
      detail: { refundId, amountCents: refund.amountCents },
      at,
    });
    return "failed";
  }
  const lines = tx
    .select({ request: refundLines, line: orderItems })
    .from(refundLines)
    .innerJoin(orderItems, eq(orderItems.id, refundLines.orderItemId))
    .where(eq(refundLines.refundId, refundId))
    .all();
  for (const { request, line } of lines) {
    tx.update(orderItems)
      .set({
        refundedQuantity: sql`${orderItems.refundedQuantity} + ${request.quantity}`,
        refundedCents: sql`${orderItems.refundedCents} + ${request.amountCents}`,
      })
      .where(eq(orderItems.id, line.id))
      .run();
    if (request.quantity === 0) continue;
    if (line.shippedAt === null) {
      // Units that will not ship: the reservation (and the deal's sold units) go back.
      releaseLine(tx, { ...line, quantity: request.quantity }, "sold");
      // Not restocked (damaged, lost): they leave the shelf as well.
      if (!request.restock)
        tx.update(products)
          .set({ onHand: sql`${products.onHand} - ${request.quantity}` })
          .where(eq(products.id, line.productId))
          .run();
    } else if (request.restock) {
      // Shipped units sent back and put on the shelf again.
      tx.update(products)
        .set({ onHand: sql`${products.onHand} + ${request.quantity}` })
        .where(eq(products.id, line.productId))
        .run();
    }
  }
  // Shipping and import tax given back with the lines (chargesWithRefund).
  for (const charge of tx.select().from(refundCharges).where(eq(refundCharges.refundId, refundId)).all()) {
    if (charge.kind === "shipping")
      tx.update(orderShipments)
        .set({ refundedCents: sql`${orderShipments.refundedCents} + ${charge.amountCents}` })
        .where(and(eq(orderShipments.orderId, refund.orderId), eq(orderShipments.storeId, charge.storeId)))
        .run();
    else
      tx.update(orderTaxes)
        .set({ refundedCents: sql`${orderTaxes.refundedCents} + ${charge.amountCents}` })
        .where(eq(orderTaxes.orderId, refund.orderId))
        .run();
  }
  tx.update(orders)
    .set({ refundedCents: sql`${orders.refundedCents} + ${refund.amountCents}` })
    .where(eq(orders.id, refund.orderId))
    .run();
  recordOrderEvent(tx, refund.orderId, "refund_succeeded", {
    actor,
    detail: { refundId, amountCents: refund.amountCents },
    at,
  });
  notifyRefundSucceeded(tx, refundId);
  const order = tx.select().from(orders).where(eq(orders.id, refund.orderId)).get()!;
  const next = statusAfterRefund(order);
  if (next === "refunded") {
    // All the money is back, so nothing more ships (a refunded order is not sold): units still owed
    // on unshipped lines (an amount refunded without its units) stop being held, or they would stay
    // reserved for ever. They never left the shelf, so on hand stays.
    const unshipped = tx
      .select()
      .from(orderItems)
      .where(and(eq(orderItems.orderId, order.id), isNull(orderItems.shippedAt)))
      .all();
    for (const line of unshipped) {
      const owed = line.quantity - line.refundedQuantity;
      if (owed > 0) releaseLine(tx, { ...line, quantity: owed }, "sold");
    }
  }
  transition(tx, order, next, { actor, reason: refund.reason, at });
  return "succeeded";
}

/** A provider's refund event (Stripe webhook, or the demo), applied once per event id. */
export function applyRefundEvent(event: {
  id: string;
  refundId: number | null;
  providerRef: string | null;
  status: "succeeded" | "failed" | "pending";
  failureReason?: string | null;
}): RefundOutcome {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const refund = tx
        .select({ id: refunds.id, orderId: refunds.orderId })
        .from(refunds)
        .where(
          or(
            event.refundId !== null ? eq(refunds.id, event.refundId) : undefined,
            event.providerRef ? eq(refunds.providerRef, event.providerRef) : undefined,
          ) ?? sql`0`,
        )
        .get();
      const fresh = tx
        .insert(paymentEvents)
        .values({
          id: event.id,
          type: `refund.${event.status}`,
          orderId: refund?.orderId ?? null,
          outcome: "processing",
        })
        .onConflictDoNothing()
        .run();
      if (fresh.changes === 0) return "duplicate";
      const outcome: RefundOutcome = !refund
        ? "unknown-refund"
        : event.status === "pending"
          ? "ignored"
          : applyRefundOutcome(tx, refund.id, event.status, {
              providerRef: event.providerRef,
              failureReason: event.failureReason,
            });
      tx.update(paymentEvents).set({ outcome }).where(eq(paymentEvents.id, event.id)).run();
      return outcome;
    },
    { behavior: "immediate" },
  );
}

/** Stripe's refund events: refund.created / refund.updated / refund.failed, and charge.refunded. */
export function fromStripeRefundEvent(event: Stripe.Event) {
  const toEvent = (refund: Stripe.Refund, id: string) => {
    const refundId = Number(refund.metadata?.refundId);
    return {
      id,
      refundId: Number.isSafeInteger(refundId) && refundId > 0 ? refundId : null,
      providerRef: refund.id,
      status:
        refund.status === "succeeded"
          ? ("succeeded" as const)
          : refund.status === "failed" || refund.status === "canceled"
            ? ("failed" as const)
            : ("pending" as const),
      failureReason: refund.failure_reason ?? null,
    };
  };
  if (event.type === "refund.created" || event.type === "refund.updated" || event.type === "refund.failed")
    return [toEvent(event.data.object, event.id)];
  if (event.type === "charge.refunded") {
    // The charge lists its refunds (when the API version includes them); each is reconciled on its own.
    const list = (event.data.object as Stripe.Charge).refunds?.data ?? [];
    return list.map((refund) => toEvent(refund, `${event.id}:${refund.id}`));
  }
  return null;
}

const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Hands one pending refund to its provider (after the request committed; again from the job until
 * the provider has it). Demo: succeeds at once through the same event path as Stripe's webhook.
 * Stripe: refunds.create with the refund's idempotency key; an immediate answer is applied, a
 * pending one waits for the webhook; an outage schedules another attempt; a refusal fails the refund.
 */
export async function sendRefund(refundId: number): Promise<void> {
  const db = getDb();
  const refund = db.select().from(refunds).where(eq(refunds.id, refundId)).get();
  if (!refund || refund.status !== "pending" || refund.providerRef) return;
  if (refund.provider === "demo") {
    applyRefundEvent({ id: `demo_refund_${refund.id}`, refundId: refund.id, providerRef: null, status: "succeeded" });
    return;
  }
  const payment = db.select().from(payments).where(eq(payments.orderId, refund.orderId)).get();
  if (!payment) {
    db.transaction((tx) =>
      applyRefundOutcome(tx, refund.id, "failed", { failureReason: "no payment recorded for the order" }),
    );
    return;
  }
  try {
    const created = await stripe().refunds.create(
      {
        payment_intent: payment.providerRef,
        amount: refund.amountCents,
        reason: "requested_by_customer",
        metadata: { orderId: String(refund.orderId), refundId: String(refund.id) },
      },
      { idempotencyKey: `silk-road-refund-${refund.id}` },
    );
    db.transaction((tx) => {
      tx.update(refunds)
        .set({ providerRef: created.id, attempts: sql`${refunds.attempts} + 1` })
        .where(eq(refunds.id, refund.id))
        .run();
      if (created.status === "succeeded") applyRefundOutcome(tx, refund.id, "succeeded");
      else if (created.status === "failed" || created.status === "canceled")
        applyRefundOutcome(tx, refund.id, "failed", { failureReason: created.failure_reason ?? created.status });
    });
  } catch (error) {
    const refused = (error as { type?: string }).type === "StripeInvalidRequestError";
    if (refused) {
      db.transaction((tx) => applyRefundOutcome(tx, refund.id, "failed", { failureReason: errorMessage(error) }));
      return;
    }
    const attempts = refund.attempts + 1;
    const wait = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** (attempts - 1));
    db.update(refunds)
      .set({ attempts, nextAttemptAt: new Date(clockNow().getTime() + wait) })
      .where(eq(refunds.id, refund.id))
      .run();
    logger.warn({ refundId: refund.id, attempts }, `refund: provider unreachable, retrying: ${errorMessage(error)}`);
  }
}

/** Where a refund stands (after `sendRefund`, to tell the person who asked). */
export function refundState(refundId: number): { status: RefundStatus; amountCents: number } | null {
  return (
    getDb()
      .select({ status: refunds.status, amountCents: refunds.amountCents })
      .from(refunds)
      .where(eq(refunds.id, refundId))
      .get() ?? null
  );
}

/** The refund-sender job: every pending refund the provider does not have yet and whose time has come. */
export async function sendDueRefunds(at: Date = clockNow()): Promise<number> {
  const due = getDb()
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.status, "pending"), isNull(refunds.providerRef), lte(refunds.nextAttemptAt, at)))
    .limit(50)
    .all();
  for (const { id } of due) await sendRefund(id);
  return due.length;
}
