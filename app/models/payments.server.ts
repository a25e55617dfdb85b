import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { localizePath, type Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { loadEnv, paymentMode } from "#app/utils/env.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { orderItems, orders, orderShipments, orderTaxes, paymentEvents, payments, stores } from "#db/schema/index.ts";
import { createTranslator } from "#app/i18n/translate.ts";
import { pick } from "./localize.ts";
import { releaseLine, reserveUnits, resellDealUnits } from "./inventory.server.ts";
import { PAYMENT_PROVIDER, recordOrderEvent, transition } from "./order-lifecycle.server.ts";
import { orderAccessToken } from "./orders.server.ts";
import { discountsByLine } from "./vouchers/vouchers.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";

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

export type PaymentStart = { ok: true; redirectTo: string } | { ok: false; error: "notPayable" | "reservationEnded" };

/**
 * Where to send the shopper to pay an unpaid order, the first time and on every retry: the demo
 * payment page, or a Stripe Checkout Session (line items in the shopper's language, amounts in
 * cents, the order id as metadata and client_reference_id). A session still open is reused (the
 * shopper may try another card on it); otherwise a new one is created, with an idempotency key
 * naming the session it replaces, so a double click or a retried request never opens two.
 * Throws when Stripe cannot be reached (the order stays unpaid with its reservation).
 */
export async function startPayment(orderId: number, origin: string): Promise<PaymentStart> {
  const db = getDb();
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new Error(`order ${orderId} not found`);
  if (order.status !== "pending_payment") return { ok: false, error: "notPayable" };
  if (order.reservedUntil.getTime() <= clockNow().getTime()) return { ok: false, error: "reservationEnded" };
  const token = orderAccessToken(order.id);
  const locale = order.locale;
  if (order.provider === "demo")
    return { ok: true, redirectTo: `${localizePath(`/checkout/demo/${order.id}`, locale)}?token=${token}` };

  if (order.checkoutSessionId) {
    const previous = await stripe().checkout.sessions.retrieve(order.checkoutSessionId);
    if (previous.status === "open" && previous.url) return { ok: true, redirectTo: previous.url };
  }
  const lines = db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(orderItems.id).all();
  const charges = orderCharges(order.id, locale);
  const discounts = discountsByLine(
    db,
    lines.map((l) => l.id),
  );
  const methods = loadEnv().STRIPE_PAYMENT_METHODS.split(",") as ("card" | "alipay" | "wechat_pay")[];
  const reservationEnds = Math.ceil(order.reservedUntil.getTime() / 1000);
  const nowSeconds = Math.floor(clockNow().getTime() / 1000);
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      line_items: lines
        .map((line) => {
          // A line with vouchers is charged what it costs after them (decision 034): per unit when
          // that divides evenly, else as one amount for all its units.
          const paid = line.unitCents * line.quantity - (discounts.get(line.id) ?? 0);
          const even = paid % line.quantity === 0;
          return {
            quantity: even ? line.quantity : 1,
            price_data: {
              currency: order.currency.toLowerCase(),
              unit_amount: even ? paid / line.quantity : paid,
              product_data: {
                name: even ? line.title : `${line.title} × ${line.quantity}`,
                metadata: { productId: String(line.productId) },
              },
            },
          };
        })
        .concat(
          // Shipping per store and the import tax are amounts of their own (decision 025).
          charges.map((c) => ({
            quantity: 1,
            price_data: {
              currency: order.currency.toLowerCase(),
              unit_amount: c.amountCents,
              product_data: { name: c.name, metadata: c.metadata as never },
            },
          })),
        ),
      allowed_payment_method_types: methods,
      ...(methods.includes("wechat_pay") ? { payment_method_options: { wechat_pay: { client: "web" as const } } } : {}),
      client_reference_id: String(order.id),
      metadata: { orderId: String(order.id) },
      payment_intent_data: { metadata: { orderId: String(order.id) } },
      customer_email: order.email,
      locale: STRIPE_LOCALE[locale],
      success_url: `${origin}${localizePath("/checkout/success", locale)}?order=${order.id}&token=${token}`,
      // Leaving the payment page changes nothing: the order page offers to pay again or cancel.
      cancel_url: `${origin}${localizePath(`/account/orders/${order.id}`, locale)}?token=${token}&payment=left`,
      // Stripe accepts 30 minutes to 24 hours; the session should not outlive our reservation by much.
      ...(reservationEnds - nowSeconds >= 1800 ? { expires_at: Math.min(reservationEnds, nowSeconds + 86_000) } : {}),
    },
    { idempotencyKey: `silk-road-order-${order.id}-checkout-after-${order.checkoutSessionId ?? "none"}` },
  );
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  db.transaction((tx) => {
    tx.update(orders)
      .set({ checkoutSessionId: session.id, updatedAt: clockNow() })
      .where(eq(orders.id, order.id))
      .run();
    recordOrderEvent(tx, order.id, "payment_started", {
      actor: { kind: "shopper", userId: order.userId },
      detail: { session: session.id },
    });
  });
  return { ok: true, redirectTo: session.url };
}

/**
 * An order's amounts beyond its lines, as Stripe line items show them: each store's shipping (even
 * when free, so the shopper sees it) and the estimated import tax.
 */
export function orderCharges(orderId: number, locale: Locale) {
  const db = getDb();
  const t = createTranslator(locale);
  const shipments = db
    .select({ shipment: orderShipments, store: stores })
    .from(orderShipments)
    .innerJoin(stores, eq(stores.id, orderShipments.storeId))
    .where(eq(orderShipments.orderId, orderId))
    .orderBy(orderShipments.storeId)
    .all();
  const tax = db.select().from(orderTaxes).where(eq(orderTaxes.orderId, orderId)).get();
  return [
    ...shipments
      .filter(({ shipment }) => shipment.costCents > 0)
      .map(({ shipment, store }) => ({
        kind: "shipping" as const,
        name: t("shipping.orderShipping", {
          method: t(`shipping.method.${shipment.method}`),
          store: pick(store, "name", locale),
        }),
        amountCents: shipment.costCents,
        metadata: { kind: "shipping", storeId: String(store.id) },
      })),
    ...(tax && tax.taxCents > 0
      ? [{ kind: "tax" as const, name: t("tax.line"), amountCents: tax.taxCents, metadata: { kind: "tax" } }]
      : []),
  ];
}

/**
 * After an order is cancelled: its Stripe Checkout Session, if still open, is expired so the shopper
 * cannot pay a cancelled order there. Best effort: if Stripe cannot be reached, a payment made anyway
 * goes through the late-payment path (units taken again, or the order flagged for a refund).
 */
export async function closePaymentPage(orderId: number): Promise<void> {
  const order = getDb().select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order || order.provider !== "stripe" || !order.checkoutSessionId) return;
  try {
    const session = await stripe().checkout.sessions.retrieve(order.checkoutSessionId);
    if (session.status === "open") await stripe().checkout.sessions.expire(order.checkoutSessionId);
  } catch (error) {
    logger.warn({ orderId }, `could not expire the Checkout Session of a cancelled order: ${errorMessage(error)}`);
  }
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
  | "duplicate"
  | "paid"
  | "already-paid"
  | "flagged"
  | "failed"
  | "session-expired"
  | "ignored"
  | "unknown-order"
  | "awaiting";

/**
 * Applies one payment event in one transaction, idempotently: the event id is recorded first (a
 * replay stops there), then:
 * - paid: the amount and currency must match (else the order is flagged, not paid); an unpaid
 *   order becomes paid through the lifecycle (deal units sold, cart lines out); an order already
 *   cancelled or expired takes its units again if it can and becomes paid, or is flagged for a refund;
 * - failed (a payment attempt refused) and expired (a Checkout Session ran out): written on the
 *   order's timeline; the order stays unpaid with its reservation, and the shopper can pay again
 *   until the reservation ends (then the expiry job closes it).
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
            if (order.status !== "pending_payment") return "ignored";
            recordOrderEvent(tx, order.id, event.type === "failed" ? "payment_failed" : "payment_session_expired", {
              actor: PAYMENT_PROVIDER,
              at,
            });
            return event.type === "failed" ? "failed" : "session-expired";
          case "paid": {
            if (order.status !== "pending_payment" && order.status !== "cancelled" && order.status !== "expired")
              return "already-paid";
            if (event.amountCents !== order.totalCents || (event.currency ?? "").toUpperCase() !== order.currency) {
              const flag = `payment mismatch: received ${event.amountCents ?? "?"} ${(event.currency ?? "?").toUpperCase()}, expected ${order.totalCents} ${order.currency}`;
              tx.update(orders).set({ flag, updatedAt: at }).where(eq(orders.id, order.id)).run();
              recordOrderEvent(tx, order.id, "payment_flagged", {
                actor: PAYMENT_PROVIDER,
                reason: "amount-mismatch",
                at,
              });
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
            const lines = tx.select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
            if (order.status !== "pending_payment" && !reserveAgain(tx, lines)) {
              tx.update(orders)
                .set({
                  flag: "paid after its reservation was released and the stock is gone: refund needed",
                  updatedAt: at,
                })
                .where(eq(orders.id, order.id))
                .run();
              recordOrderEvent(tx, order.id, "payment_flagged", {
                actor: PAYMENT_PROVIDER,
                reason: "late-no-stock",
                at,
              });
              return "flagged";
            }
            transition(tx, order, "paid", {
              actor: PAYMENT_PROVIDER,
              reason: order.status === "pending_payment" ? null : "late-payment",
              at,
            });
            tx.update(orders).set({ flag: null }).where(eq(orders.id, order.id)).run();
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
      for (const done of lines.slice(0, i))
        releaseLine(tx, { ...done, dealId: null, flashSlotItemId: null }, "reserved");
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
