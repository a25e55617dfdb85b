import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { localizePath, type Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { loadEnv, paymentMode } from "#app/utils/env.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { orderItems, orders, paymentEvents, payments } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { releaseOrder } from "./checkout.server.ts";
import { releaseLine, reserveUnits, resellDealUnits, sellDealUnits } from "./inventory.server.ts";
import { orderAccessToken } from "./orders.server.ts";

/**
 * Payments: Stripe Checkout when STRIPE_SECRET_KEY is set, the labelled local demo provider
 * otherwise (never in production). Both end in `applyPaymentEvent`, the one place an order's
 * payment state changes, so the demo exercises exactly the code the Stripe webhook runs.
 */
let client: Stripe | undefined;

export function stripe(): Stripe {
  const env = loadEnv();
  // Webhook verification needs no API key; a placeholder keeps the SDK happy when only that is used.
  client ??= new Stripe(env.STRIPE_SECRET_KEY ?? "sk_test_webhook_verification_only", {
    maxNetworkRetries: 1,
    timeout: 15_000,
  });
  return client;
}

/** For tests that change the environment between cases. */
export function resetStripeClient() {
  client = undefined;
}

const STRIPE_LOCALE: Record<Locale, "en" | "zh" | "fr"> = { en: "en", zh: "zh", fr: "fr" };

export interface PaymentStart {
  redirectTo: string;
}

/**
 * Where to send the shopper to pay: a Stripe Checkout Session (line items in the shopper's language,
 * amounts in cents, the order id as metadata and client_reference_id, an idempotency key derived
 * from the order so a retried request never creates a second session) or the demo payment page.
 */
export async function startPayment(orderId: number, origin: string): Promise<PaymentStart> {
  const db = getDb();
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new Error(`order ${orderId} not found`);
  const token = orderAccessToken(order.id);
  const locale = order.locale;
  if (order.provider === "demo")
    return { redirectTo: `${localizePath(`/checkout/demo/${order.id}`, locale)}?token=${token}` };

  const lines = db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(orderItems.id).all();
  const methods = loadEnv().STRIPE_PAYMENT_METHODS.split(",") as ("card" | "alipay" | "wechat_pay")[];
  const reservationEnds = Math.ceil(order.reservedUntil.getTime() / 1000);
  const nowSeconds = Math.floor(clockNow().getTime() / 1000);
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      line_items: lines.map((line) => ({
        quantity: line.quantity,
        price_data: {
          currency: order.currency.toLowerCase(),
          unit_amount: line.unitCents,
          product_data: { name: line.title, metadata: { productId: String(line.productId) } },
        },
      })),
      allowed_payment_method_types: methods,
      ...(methods.includes("wechat_pay") ? { payment_method_options: { wechat_pay: { client: "web" as const } } } : {}),
      client_reference_id: String(order.id),
      metadata: { orderId: String(order.id) },
      payment_intent_data: { metadata: { orderId: String(order.id) } },
      customer_email: order.email,
      locale: STRIPE_LOCALE[locale],
      success_url: `${origin}${localizePath("/checkout/success", locale)}?order=${order.id}&token=${token}`,
      cancel_url: `${origin}${localizePath("/checkout/cancel", locale)}?order=${order.id}&token=${token}`,
      // Stripe accepts 30 minutes to 24 hours; the session should not outlive our reservation by much.
      ...(reservationEnds - nowSeconds >= 1800 ? { expires_at: Math.min(reservationEnds, nowSeconds + 86_000) } : {}),
    },
    { idempotencyKey: `silk-road-order-${order.id}-checkout` },
  );
  db.update(orders).set({ checkoutSessionId: session.id, updatedAt: new Date() }).where(eq(orders.id, order.id)).run();
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  return { redirectTo: session.url };
}

export type PaymentEventType = "paid" | "failed" | "expired" | "awaiting";

export interface PaymentEvent {
  /** Unique per event (Stripe's event id, or the demo's): a second delivery changes nothing. */
  id: string;
  type: PaymentEventType;
  orderId: number;
  provider: "stripe" | "demo";
  amountCents?: number;
  currency?: string;
  providerRef?: string;
}

export type PaymentOutcome =
  "duplicate" | "paid" | "already-paid" | "flagged" | "cancelled" | "ignored" | "unknown-order" | "awaiting";

/**
 * Applies one payment event in one transaction, idempotently: the event id is recorded first (a
 * replay stops there), then the order moves only along allowed transitions — pending → paid
 * (amount and currency must match, else the order is flagged and not paid; deal units move from
 * reserved to sold; the product units stay reserved until shipped), pending → cancelled (failed or
 * expired: reservation released). Paid is final here; a late "failed" or "expired" is ignored, and a
 * payment for an order already cancelled reserves its units again if it can, or is flagged.
 */
export function applyPaymentEvent(event: PaymentEvent, at: Date = clockNow()): PaymentOutcome {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const fresh = tx
        .insert(paymentEvents)
        .values({ id: event.id, type: event.type, orderId: event.orderId, outcome: "processing", receivedAt: at })
        .onConflictDoNothing()
        .run();
      if (fresh.changes === 0) return "duplicate";
      const outcome = ((): PaymentOutcome => {
        const order = tx.select().from(orders).where(eq(orders.id, event.orderId)).get();
        if (!order) return "unknown-order";
        switch (event.type) {
          case "awaiting":
            return "awaiting";
          case "failed":
          case "expired":
            return releaseOrder(tx, order.id, event.type === "failed" ? "payment-failed" : "checkout-expired", at)
              ? "cancelled"
              : "ignored";
          case "paid": {
            if (order.status !== "pending_payment" && order.status !== "cancelled") return "already-paid";
            if (event.amountCents !== order.totalCents || (event.currency ?? "").toUpperCase() !== order.currency) {
              tx.update(orders)
                .set({
                  flag: `payment mismatch: received ${event.amountCents ?? "?"} ${(event.currency ?? "?").toUpperCase()}, expected ${order.totalCents} ${order.currency}`,
                  updatedAt: at,
                })
                .where(eq(orders.id, order.id))
                .run();
              return "flagged";
            }
            const lines = tx.select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
            if (order.status === "cancelled" && !reserveAgain(tx, lines)) {
              tx.insert(payments)
                .values({
                  orderId: order.id,
                  provider: event.provider,
                  providerRef: event.providerRef ?? event.id,
                  amountCents: order.totalCents,
                  currency: order.currency,
                  createdAt: at,
                })
                .onConflictDoNothing()
                .run();
              tx.update(orders)
                .set({
                  flag: "paid after its reservation was released and the stock is gone: refund needed",
                  updatedAt: at,
                })
                .where(eq(orders.id, order.id))
                .run();
              return "flagged";
            }
            const recorded = tx
              .insert(payments)
              .values({
                orderId: order.id,
                provider: event.provider,
                providerRef: event.providerRef ?? event.id,
                amountCents: order.totalCents,
                currency: order.currency,
                createdAt: at,
              })
              .onConflictDoNothing()
              .run();
            if (recorded.changes === 0) return "already-paid";
            // Units reserved at a deal price are sold at it now (a re-reserved order counted them already).
            if (order.status === "pending_payment") for (const line of lines) sellDealUnits(tx, line);
            tx.update(orders)
              .set({ status: "paid", paidAt: at, cancelledAt: null, cancelReason: null, flag: null, updatedAt: at })
              .where(eq(orders.id, order.id))
              .run();
            // Units sold raise popularity in the index.
            enqueueSearchSync(
              tx,
              "product",
              lines.map((l) => l.productId),
            );
            return "paid";
          }
        }
      })();
      tx.update(paymentEvents).set({ outcome }).where(eq(paymentEvents.id, event.id)).run();
      return outcome;
    },
    { behavior: "immediate" },
  );
}

/**
 * Reserves a cancelled order's units again (all or nothing), for a payment that arrived after its
 * reservation was released; its deal units count as sold again.
 */
function reserveAgain(tx: Tx, lines: (typeof orderItems.$inferSelect)[]): boolean {
  for (const [i, line] of lines.entries()) {
    if (!reserveUnits(tx, line.productId, line.quantity, { listedOnly: false })) {
      // Release the lines already reserved in this loop; the transaction continues to flag the order.
      for (const done of lines.slice(0, i)) releaseLine(tx, { ...done, dealId: null }, "reserved");
      return false;
    }
  }
  for (const line of lines) resellDealUnits(tx, line);
  return true;
}

export class WebhookSignatureError extends Error {}

/** Verifies a Stripe webhook (raw body + Stripe-Signature, 5-minute tolerance) and returns the event. */
export function verifyStripeWebhook(rawBody: string, signature: string | null): Stripe.Event {
  const secret = loadEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) throw new WebhookSignatureError("missing signature or webhook secret");
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, secret, 300);
  } catch {
    throw new WebhookSignatureError("signature verification failed");
  }
}

const HANDLED = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
] as const;

/** The internal payment event a Stripe event stands for, or null for events we do not handle. */
export function fromStripeEvent(event: Stripe.Event): PaymentEvent | null {
  if (!(HANDLED as readonly string[]).includes(event.type)) return null;
  const session = event.data.object as Stripe.Checkout.Session;
  const orderId = Number(session.metadata?.orderId ?? session.client_reference_id);
  if (!Number.isSafeInteger(orderId) || orderId <= 0) return null;
  const type: PaymentEventType =
    event.type === "checkout.session.expired"
      ? "expired"
      : event.type === "checkout.session.async_payment_failed"
        ? "failed"
        : event.type === "checkout.session.async_payment_succeeded" ||
            session.payment_status === "paid" ||
            session.payment_status === "no_payment_required"
          ? "paid"
          : "awaiting";
  return {
    id: event.id,
    type,
    orderId,
    provider: "stripe",
    amountCents: session.amount_total ?? undefined,
    currency: session.currency ?? undefined,
    providerRef:
      typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? session.id),
  };
}

export { paymentMode };
