import { asc, eq } from "drizzle-orm";
import { HttpResponse } from "msw";
import Stripe from "stripe";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as adminOrder from "#app/routes/($lang).admin.orders.$id.tsx";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as webhook from "#app/routes/webhooks.stripe.ts";
import { findOwnStore } from "#app/models/access.server.ts";
import { markLineShipped } from "#app/models/orders.server.ts";
import { sendDueRefunds } from "#app/models/refunds.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { orderEvents, orderItems, orders, paymentEvents, payments, products, refunds } from "#db/schema/index.ts";
import { cookieFor, organizer, ownerOf } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, callRoute, routeArgs, type RouteFn, type RouteResult } from "#tests/support/loaders.ts";
import { useStripeInterceptor, type CapturedRequest } from "#tests/support/stripe.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

/**
 * Refunds against Stripe, intercepted at the HTTP layer (msw): the exact refunds.create request,
 * refunds Stripe settles later through signed webhooks (applied once, whatever the order and the
 * number of deliveries), refusals, and outages retried by the refund-sender job under the same
 * idempotency key.
 */
const WEBHOOK_SECRET = "whsec_test_silk_road_refunds_0123456789";
useEnv({
  STRIPE_SECRET_KEY: "sk_test_silk_road",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_PAYMENT_METHODS: "card",
  CHECKOUT_RESERVATION_MINUTES: "30",
});
const stripeApi = useStripeInterceptor();
const db = () => getDb();
const REFUNDS_URL = "https://api.stripe.com/v1/refunds";
const SHIPPING = {
  email: "kwame.mensah@example.com",
  name: "Kwame Mensah",
  address: "7 Independence Avenue",
  city: "Accra",
  country: "GH",
  phone: "+233 24 555 0100",
};

let organizerCookie: string;
beforeAll(async () => {
  organizerCookie = await cookieFor(organizer().id);
});
afterEach(() => {
  setClock(null);
  resetRateLimits();
  stripeApi.answerRefundsWith(null);
});

// ——— A paid Stripe order: cart and checkout through the routes, then Stripe's signed webhook ———

let ip = 0;
async function paidOrder(quantity = 2, priceCents = 2450, other?: { quantity: number; priceCents: number }) {
  ip += 1;
  const clientIp = `203.0.113.${ip}`;
  const product = createProduct(db(), { stock: 10, priceCents });
  const second = other ? createProduct(db(), { stock: 10, priceCents: other.priceCents }) : null;
  let cookie: string | null = null;
  for (const [id, q] of [[product.id, quantity], ...(second ? [[second.id, other!.quantity]] : [])] as const) {
    const added: RouteResult = await callRoute(
      cartRoute.action as never,
      await routeArgs(
        new Request("http://localhost:3000/cart.data", {
          method: "POST",
          body: new URLSearchParams({ intent: "add", productId: String(id), quantity: String(q) }),
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
        }),
        {},
        { clientIp },
      ),
    );
    cookie ??= added.headers.get("Set-Cookie")!.split(";")[0]!;
  }
  const placed = await callRoute(
    checkoutRoute.action as never,
    await routeArgs(
      new Request("http://localhost:3000/checkout", {
        method: "POST",
        body: new URLSearchParams(SHIPPING),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie! },
      }),
      {},
      { clientIp },
    ),
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(302);
  const order = db().select().from(orders).orderBy(asc(orders.id)).all().at(-1)!;
  expect(order).toMatchObject({
    status: "pending_payment",
    provider: "stripe",
    totalCents: quantity * priceCents + (other ? other.quantity * other.priceCents : 0),
  });
  const paid = await deliver({
    id: evtId(),
    object: "event",
    type: "checkout.session.completed",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: order.checkoutSessionId,
        object: "checkout.session",
        client_reference_id: String(order.id),
        metadata: { orderId: String(order.id) },
        amount_total: order.totalCents,
        currency: "usd",
        payment_status: "paid",
        payment_intent: `pi_test_refunds_${order.id}`,
      },
    },
  });
  expect(paid).toEqual({ status: 200, body: { received: true, outcome: "paid" } });
  const lineOf = (productId: number) =>
    db()
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .all()
      .find((l) => l.productId === productId)!;
  stripeApi.captured.length = 0;
  return { product, order: orderRow(order.id), line: lineOf(product.id), otherLine: second ? lineOf(second.id) : null };
}

let evt = 0;
const evtId = () => `evt_refunds_${process.pid}_${++evt}`;

async function deliver(event: object) {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const response = await webhook.action(
    await routeArgs(
      new Request("http://localhost:3000/webhooks/stripe", {
        method: "POST",
        body: payload,
        headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
      }),
      {},
    ),
  );
  return { status: response.status, body: (await response.json()) as { received?: boolean; outcome?: unknown } };
}

interface RefundObject {
  id: string;
  status: "pending" | "succeeded" | "failed" | "canceled";
  amount: number;
  orderId: number;
  refundId: number | null;
  failureReason?: string;
}

const refundObject = (r: RefundObject) => ({
  id: r.id,
  object: "refund",
  status: r.status,
  amount: r.amount,
  currency: "usd",
  payment_intent: `pi_test_refunds_${r.orderId}`,
  failure_reason: r.failureReason ?? null,
  metadata: r.refundId === null ? {} : { orderId: String(r.orderId), refundId: String(r.refundId) },
});

/** A signed refund.created / refund.updated / refund.failed event about one refund. */
const refundEvent = (type: string, r: RefundObject, id = evtId()) => ({
  id,
  object: "event",
  type,
  created: Math.floor(Date.now() / 1000),
  data: { object: refundObject(r) },
});

/** A signed charge.refunded event listing the charge's refunds. */
const chargeRefunded = (list: RefundObject[]) => ({
  id: evtId(),
  object: "event",
  type: "charge.refunded",
  created: Math.floor(Date.now() / 1000),
  data: {
    object: {
      id: `ch_test_${list[0]!.orderId}`,
      object: "charge",
      refunded: true,
      refunds: { object: "list", data: list.map(refundObject), has_more: false },
    },
  },
});

/** Stripe's answer to refunds.create: this status, this id. */
const stripeRefund = (status: RefundObject["status"], id: string) => (request: CapturedRequest) =>
  HttpResponse.json({
    ...refundObject({
      id,
      status,
      amount: Number(request.params.get("amount")),
      orderId: Number(request.params.get("metadata[orderId]")),
      refundId: Number(request.params.get("metadata[refundId]")),
    }),
    payment_intent: request.params.get("payment_intent"),
  });

const stripeError = (status: number, type: string, message: string) => () =>
  HttpResponse.json({ error: { type, message } }, { status, headers: { "Stripe-Should-Retry": "false" } });

// ——— Reading what is stored ———

const orderRow = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const lineRow = (id: number) => db().select().from(orderItems).where(eq(orderItems.id, id)).get()!;
const refundsOf = (orderId: number) =>
  db().select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)).all();
const eventKinds = (orderId: number) =>
  db()
    .select({ kind: orderEvents.kind, to: orderEvents.toStatus })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id))
    .all()
    .map((e) => (e.kind === "status" ? `status:${e.to}` : e.kind));
const units = (productId: number) =>
  db()
    .select({ onHand: products.onHand, reserved: products.reserved, available: products.stock })
    .from(products)
    .where(eq(products.id, productId))
    .get()!;
const refundCalls = () => stripeApi.captured.filter((r) => r.url === REFUNDS_URL);

/** The organizer's refund form on /admin/orders/:id. */
function organizerRefunds(orderId: number, fields: Record<string, string>, cookie = organizerCookie) {
  return callAs(
    adminOrder.action as RouteFn,
    cookie,
    `/admin/orders/${orderId}`,
    { reason: "Arrived damaged", ...fields },
    { id: String(orderId) },
  );
}

describe("refunds.create", () => {
  test("sends exactly these parameters under the refund's idempotency key; Stripe's immediate success is applied", async () => {
    const { order, line, product } = await paidOrder(2, 2450);
    const payment = db().select().from(payments).where(eq(payments.orderId, order.id)).get()!;
    expect(payment.providerRef).toBe(`pi_test_refunds_${order.id}`);

    const result = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "1", restock: "on" });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: true, lineId: line.id, message: "refund.done", amountCents: 2450 });

    const [refund] = refundsOf(order.id);
    expect(refundCalls()).toHaveLength(1);
    const sent = refundCalls()[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.headers.get("Idempotency-Key")).toBe(`silk-road-refund-${refund!.id}`);
    expect(sent.headers.get("Authorization")).toBe("Bearer sk_test_silk_road");
    expect(Object.fromEntries(sent.params)).toEqual({
      payment_intent: payment.providerRef,
      amount: "2450",
      reason: "requested_by_customer",
      "metadata[orderId]": String(order.id),
      "metadata[refundId]": String(refund!.id),
    });
    // Nothing else was asked of Stripe.
    expect(stripeApi.captured).toHaveLength(1);

    expect(refund).toMatchObject({ status: "succeeded", provider: "stripe", attempts: 1, amountCents: 2450 });
    expect(refund!.providerRef).toMatch(/^re_test_/);
    expect(orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedCents: 2450 });
    expect(lineRow(line.id)).toMatchObject({ refundedQuantity: 1, refundedCents: 2450 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 1, available: 9 });
  });
});

describe("refunds Stripe settles later, through its webhooks", () => {
  test("pending: nothing changes until a signed refund.updated says succeeded; then applied once, whatever is replayed", async () => {
    const { order, line, product } = await paidOrder(2, 2450);
    stripeApi.answerRefundsWith(stripeRefund("pending", "re_test_pending_1"));
    const result = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "2", restock: "on" });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, message: "refund.sent", amountCents: 4900 });

    const [refund] = refundsOf(order.id);
    expect(refund).toMatchObject({ status: "pending", providerRef: "re_test_pending_1", attempts: 1 });
    const untouched = { status: "paid", refundedCents: 0 };
    expect(orderRow(order.id)).toMatchObject(untouched);
    expect(lineRow(line.id)).toMatchObject({ refundedQuantity: 0, refundedCents: 0 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 2, available: 8 });

    // While it is pending it counts as given: no second refund of the same units or money.
    const again = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "1" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, message: "refund.tooMuch" });
    expect((await organizerRefunds(order.id, { lineId: String(line.id), amount: "0.01" })).status).toBe(409);
    expect(refundsOf(order.id)).toHaveLength(1);
    // Stripe has it: the job does not send it again.
    expect(await sendDueRefunds(new Date(Date.now() + 86_400_000))).toBe(0);
    expect(refundCalls()).toHaveLength(1);
    // Units being refunded do not leave in a parcel meanwhile: shipping the line waits for the refund.
    const store = findOwnStore({ id: ownerOf("yirga-highlands-coffee").user.id, role: "owner" })!;
    expect(markLineShipped(store, line.id, { carrier: "EMS", trackingNumber: "EE123456789CN" })).toEqual({
      ok: false,
      error: "refundPending",
    });
    expect(lineRow(line.id).shippedAt).toBeNull();

    const about = { id: "re_test_pending_1", amount: 4900, orderId: order.id, refundId: refund!.id };
    // refund.created (still pending) changes nothing.
    expect((await deliver(refundEvent("refund.created", { ...about, status: "pending" }))).body).toEqual({
      received: true,
      outcome: "ignored",
    });
    expect(orderRow(order.id)).toMatchObject(untouched);

    const succeeded = refundEvent("refund.updated", { ...about, status: "succeeded" });
    expect(await deliver(succeeded)).toEqual({ status: 200, body: { received: true, outcome: "succeeded" } });
    const applied = { status: "refunded", refundedCents: 4900 };
    expect(orderRow(order.id)).toMatchObject(applied);
    expect(refundsOf(order.id)[0]).toMatchObject({ status: "succeeded", providerRef: "re_test_pending_1" });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    // The same event again, the same refund in a new event, and charge.refunded listing it: no second application.
    expect((await deliver(succeeded)).body).toEqual({ received: true, outcome: "duplicate" });
    expect((await deliver(refundEvent("refund.updated", { ...about, status: "succeeded" }))).body.outcome).toBe(
      "duplicate",
    );
    expect((await deliver(chargeRefunded([{ ...about, status: "succeeded" }]))).body.outcome).toBe("duplicate");
    // Matched by Stripe's refund id alone (no metadata), too.
    expect(
      (await deliver(refundEvent("refund.updated", { ...about, refundId: null, status: "succeeded" }))).body.outcome,
    ).toBe("duplicate");

    expect(orderRow(order.id)).toMatchObject(applied);
    expect(lineRow(line.id)).toMatchObject({ refundedQuantity: 2, refundedCents: 4900 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(eventKinds(order.id).filter((k) => k.startsWith("refund_") || k === "status:refunded")).toEqual([
      "refund_requested",
      "refund_succeeded",
      "status:refunded",
    ]);
    expect(db().select().from(paymentEvents).where(eq(paymentEvents.id, succeeded.id)).get()).toMatchObject({
      orderId: order.id,
      outcome: "succeeded",
    });
  });

  test("a pending refund counts against its own line even while the order has money left", async () => {
    const { order, line, otherLine } = await paidOrder(2, 2450, { quantity: 1, priceCents: 9000 });
    stripeApi.answerRefundsWith(stripeRefund("pending", "re_test_line_1"));
    expect((await organizerRefunds(order.id, { lineId: String(line.id), quantity: "2" })).status).toBe(200);
    stripeApi.answerRefundsWith(null);
    for (const fields of [{ quantity: "1" }, { quantity: "0", amount: "0.01" }] as Record<string, string>[]) {
      const refused = await organizerRefunds(order.id, { lineId: String(line.id), ...fields });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ ok: false, message: "refund.tooMuch" });
    }
    expect(refundsOf(order.id)).toHaveLength(1);
    // The other line's money is still there to refund.
    expect((await organizerRefunds(order.id, { lineId: String(otherLine!.id), quantity: "1" })).status).toBe(200);
    expect(orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedCents: 9000 });
  });

  test("charge.refunded alone settles a pending refund it lists", async () => {
    const { order, line } = await paidOrder(2, 2450);
    stripeApi.answerRefundsWith(stripeRefund("pending", "re_test_charge_1"));
    expect((await organizerRefunds(order.id, { lineId: String(line.id), quantity: "1" })).status).toBe(200);
    const [refund] = refundsOf(order.id);
    const listed = {
      id: "re_test_charge_1",
      amount: 2450,
      orderId: order.id,
      refundId: refund!.id,
      status: "succeeded" as const,
    };
    const event = chargeRefunded([listed]);
    expect((await deliver(event)).body).toEqual({ received: true, outcome: "succeeded" });
    expect((await deliver(event)).body).toEqual({ received: true, outcome: "duplicate" });
    expect((await deliver(refundEvent("refund.updated", listed))).body.outcome).toBe("duplicate");
    expect(orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedCents: 2450 });
  });

  test("out of order: refund.updated arrives before refunds.create has answered (matched by metadata.refundId)", async () => {
    const { order, line, product } = await paidOrder(2, 2450);
    const early: { outcome?: unknown }[] = [];
    // Stripe makes the refund and sends its webhook, which lands before the API's answer is stored.
    stripeApi.answerRefundsWith((async (request: CapturedRequest) => {
      const refundId = Number(request.params.get("metadata[refundId]"));
      expect(db().select().from(refunds).where(eq(refunds.id, refundId)).get()!.providerRef).toBeNull();
      const delivered = await deliver(
        refundEvent("refund.updated", {
          id: "re_test_early_1",
          status: "succeeded",
          amount: Number(request.params.get("amount")),
          orderId: order.id,
          refundId,
        }),
      );
      early.push(delivered.body);
      return stripeRefund("succeeded", "re_test_early_1")(request);
    }) as never);

    const result = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "1", restock: "on" });
    expect(result.body).toMatchObject({ ok: true, message: "refund.done", amountCents: 2450 });
    expect(early).toEqual([{ received: true, outcome: "succeeded" }]);
    expect(refundsOf(order.id)).toEqual([
      expect.objectContaining({ status: "succeeded", providerRef: "re_test_early_1", attempts: 1 }),
    ]);
    expect(orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedCents: 2450 });
    expect(lineRow(line.id)).toMatchObject({ refundedQuantity: 1, refundedCents: 2450 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 1, available: 9 });
    expect(eventKinds(order.id).filter((k) => k === "refund_succeeded")).toHaveLength(1);
  });

  test("an event about a refund we never asked for changes nothing", async () => {
    const { order } = await paidOrder(1, 2450);
    const stranger = {
      id: "re_test_stranger",
      amount: 2450,
      orderId: order.id,
      refundId: null,
      status: "succeeded" as const,
    };
    expect((await deliver(refundEvent("refund.updated", stranger))).body.outcome).toBe("unknown-refund");
    expect(orderRow(order.id)).toMatchObject({ status: "paid", refundedCents: 0 });
  });

  test("refund.failed: the refund fails, the order is unchanged, and the amount may be asked again", async () => {
    const { order, line, product } = await paidOrder(2, 2450);
    stripeApi.answerRefundsWith(stripeRefund("pending", "re_test_fails_1"));
    expect((await organizerRefunds(order.id, { lineId: String(line.id), quantity: "2", restock: "on" })).status).toBe(
      200,
    );
    const [refund] = refundsOf(order.id);
    const about = { id: "re_test_fails_1", amount: 4900, orderId: order.id, refundId: refund!.id };
    const failed = refundEvent("refund.failed", {
      ...about,
      status: "failed",
      failureReason: "expired_or_canceled_card",
    });
    expect((await deliver(failed)).body).toEqual({ received: true, outcome: "failed" });
    expect(refundsOf(order.id)[0]).toMatchObject({ status: "failed", failureReason: "expired_or_canceled_card" });
    expect(orderRow(order.id)).toMatchObject({ status: "paid", refundedCents: 0 });
    expect(lineRow(line.id)).toMatchObject({ refundedQuantity: 0, refundedCents: 0 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 2, available: 8 });
    expect(eventKinds(order.id)).toContain("refund_failed");
    // A late success for the failed refund changes nothing: it is settled.
    expect((await deliver(refundEvent("refund.updated", { ...about, status: "succeeded" }))).body.outcome).toBe(
      "duplicate",
    );
    expect(orderRow(order.id)).toMatchObject({ status: "paid", refundedCents: 0 });

    // The page offers the whole line again, and the same refund goes through this time.
    const page = await callAs(adminOrder.loader as RouteFn, organizerCookie, `/admin/orders/${order.id}`, undefined, {
      id: String(order.id),
    });
    expect(page.body).toMatchObject({ order: { lines: [{ refundable: { quantity: 2, amountCents: 4900 } }] } });
    stripeApi.answerRefundsWith(null);
    const again = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "2", restock: "on" });
    expect(again.body).toMatchObject({ ok: true, message: "refund.done", amountCents: 4900 });
    const second = refundsOf(order.id)[1]!;
    expect(refundCalls().at(-1)!.headers.get("Idempotency-Key")).toBe(`silk-road-refund-${second.id}`);
    expect(orderRow(order.id)).toMatchObject({ status: "refunded", refundedCents: 4900 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });
});

describe("Stripe unreachable or refusing", () => {
  test("an outage: the refund waits with a backoff; the job retries under the same idempotency key and it goes through", async () => {
    const { order, line, product } = await paidOrder(2, 2450);
    const t0 = new Date("2031-03-01T08:00:00.000Z");
    setClock(t0);
    // Signed in at t0: a session made at the real date would have expired by 2031 (decision 018).
    const cookie = await cookieFor(organizer().id);
    stripeApi.answerRefundsWith(stripeError(500, "api_error", "Stripe is having a bad day"));

    const result = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "1", restock: "on" }, cookie);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, message: "refund.sent", amountCents: 2450 });
    const [refund] = refundsOf(order.id);
    expect(refund).toMatchObject({ status: "pending", providerRef: null, attempts: 1 });
    expect(refund!.nextAttemptAt?.getTime()).toBe(t0.getTime() + 5_000);
    const key = `silk-road-refund-${refund!.id}`;
    const firstCalls = refundCalls();
    expect(firstCalls.length).toBeGreaterThanOrEqual(1);
    for (const call of firstCalls) expect(call.headers.get("Idempotency-Key")).toBe(key);
    expect(orderRow(order.id)).toMatchObject({ status: "paid", refundedCents: 0 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 2, available: 8 });

    // Not yet due: nothing is sent.
    setClock(new Date(t0.getTime() + 4_999));
    expect(await sendDueRefunds()).toBe(0);
    expect(refundCalls()).toHaveLength(firstCalls.length);

    // Due, and Stripe still down: the wait doubles.
    setClock(new Date(t0.getTime() + 5_000));
    expect(await sendDueRefunds()).toBe(1);
    expect(refundsOf(order.id)[0]).toMatchObject({ status: "pending", attempts: 2 });
    expect(refundsOf(order.id)[0]!.nextAttemptAt?.getTime()).toBe(t0.getTime() + 5_000 + 10_000);

    // Stripe is back.
    stripeApi.answerRefundsWith(null);
    setClock(new Date(t0.getTime() + 15_000));
    expect(await sendDueRefunds()).toBe(1);
    const calls = refundCalls();
    expect(calls.length).toBeGreaterThan(firstCalls.length + 1);
    for (const call of calls) {
      expect(call.headers.get("Idempotency-Key")).toBe(key);
      expect(Object.fromEntries(call.params)).toEqual(Object.fromEntries(calls[0]!.params));
    }
    expect(refundsOf(order.id)[0]).toMatchObject({ status: "succeeded", attempts: 3 });
    expect(orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedCents: 2450 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 1, available: 9 });
    // Done: the job has nothing left to send.
    setClock(new Date(t0.getTime() + 3_600_000));
    expect(await sendDueRefunds()).toBe(0);
    expect(refundCalls()).toHaveLength(calls.length);
  });

  test("Stripe made the refund but its answer was lost: the webhook settles it and the job sends nothing more", async () => {
    const { order, line } = await paidOrder(2, 2450);
    stripeApi.answerRefundsWith(stripeError(500, "api_error", "connection reset"));
    expect((await organizerRefunds(order.id, { lineId: String(line.id), quantity: "1" })).status).toBe(200);
    const [refund] = refundsOf(order.id);
    expect(refund).toMatchObject({ status: "pending", providerRef: null });
    const sentBefore = refundCalls().length;
    const event = refundEvent("refund.updated", {
      id: "re_test_lost_1",
      status: "succeeded",
      amount: 2450,
      orderId: order.id,
      refundId: refund!.id,
    });
    expect((await deliver(event)).body.outcome).toBe("succeeded");
    expect(refundsOf(order.id)[0]).toMatchObject({ status: "succeeded", providerRef: "re_test_lost_1" });
    expect(orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedCents: 2450 });
    stripeApi.answerRefundsWith(null);
    expect(await sendDueRefunds(new Date(Date.now() + 86_400_000))).toBe(0);
    expect(refundCalls()).toHaveLength(sentBefore);
  });

  test("Stripe refuses (400 invalid request): the refund fails, the organizer is told, nothing is refunded", async () => {
    const { order, line, product } = await paidOrder(2, 2450);
    stripeApi.answerRefundsWith(stripeError(400, "invalid_request_error", "Charge ch_test has already been refunded."));
    const result = await organizerRefunds(order.id, { lineId: String(line.id), quantity: "2", restock: "on" });
    expect(result.status).toBe(502);
    expect(result.body).toEqual({ ok: false, lineId: line.id, message: "refund.failed", amountCents: 4900 });
    expect(refundCalls()).toHaveLength(1);
    const [refund] = refundsOf(order.id);
    expect(refund).toMatchObject({ status: "failed", providerRef: null });
    expect(refund!.failureReason).toContain("already been refunded");
    expect(orderRow(order.id)).toMatchObject({ status: "paid", refundedCents: 0 });
    expect(lineRow(line.id)).toMatchObject({ refundedQuantity: 0, refundedCents: 0 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 2, available: 8 });
    expect(eventKinds(order.id)).toContain("refund_failed");
    // A refused refund is not retried.
    expect(await sendDueRefunds(new Date(Date.now() + 86_400_000))).toBe(0);
    expect(refundCalls()).toHaveLength(1);
  });
});
