import { SHANGHAI_FORM, shippingDetails } from "#tests/support/addresses.ts";
import { eq } from "drizzle-orm";
import { routeArgs, callRoute, runAction, thrownResponse, unwrap } from "#tests/support/loaders.ts";
import Stripe from "stripe";
import { afterEach, describe, expect, test, vi, beforeAll } from "vitest";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as demoRoute from "#app/routes/($lang).checkout.demo.$id.tsx";
import * as loginRoute from "#app/routes/($lang).login.tsx";
import * as webhook from "#app/routes/webhooks.stripe.ts";
import { getCartView } from "#app/models/cart.server.ts";
import { expireReservations, placeOrder } from "#app/models/checkout.server.ts";
import { paymentMode } from "#app/models/payments.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import {
  festivalDeals,
  orderEvents,
  orderItems,
  orders,
  paymentEvents,
  payments,
  products,
  searchOutbox,
} from "#db/schema/index.ts";
import { loadProductDocuments } from "#search/indexer.ts";
import { cookieFor, newShopper } from "#tests/support/auth.ts";
import { setEnv, useEnv } from "#tests/support/env.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { useStripeInterceptor } from "#tests/support/stripe.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

const WEBHOOK_SECRET = "whsec_test_silk_road_0123456789";
useEnv({
  STRIPE_SECRET_KEY: "sk_test_silk_road",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_PAYMENT_METHODS: "card,alipay,wechat_pay",
  CHECKOUT_RESERVATION_MINUTES: "30",
});
const stripeApi = useStripeInterceptor();
const db = () => getDb();
const DAY = 86_400_000;
const SHIPPING: Record<string, string> = { email: "li.wei@example.com", ...SHANGHAI_FORM };

afterEach(() => {
  setClock(null);
  resetRateLimits();
});

type Args = Parameters<typeof cartRoute.action>[0];

/** Adds to the cart as a visitor; returns the cookie header to keep using (the guest cart cookie on first use). */
async function addToCart(
  cookie: string | null,
  productId: number,
  quantity: number | string,
  extra: Record<string, string> = {},
) {
  const result = await unwrap(
    await runAction(
      cartRoute.action,
      "/cart.data",
      { intent: "add", productId: String(productId), quantity: String(quantity), ...extra },
      { cookie: cookie ?? undefined },
    ),
  );
  const set = result.headers.get("Set-Cookie");
  const next = set ? [cookie, set.split(";")[0]].filter(Boolean).join("; ") : cookie;
  return { result, cookie: next };
}

async function checkout(
  cookie: string | null,
  locale: "en" | "zh" = "en",
  shipping: Record<string, string> = SHIPPING,
  clientIp = "203.0.113.9",
) {
  const path = locale === "en" ? "/checkout" : `/${locale}/checkout`;
  return callRoute(
    checkoutRoute.action as never,
    (await routeArgs(
      new Request(`http://localhost:3000${path}`, {
        method: "POST",
        body: new URLSearchParams(shipping),
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
      }),
      locale === "en" ? {} : { lang: locale },
      { clientIp: clientIp },
    )) as Args,
  );
}

/** The cart page's data for a visitor. */
async function cartOf(cookie: string | null) {
  const result = await cartRoute.loader(
    await routeArgs(new Request("http://localhost:3000/cart", { headers: cookie ? { Cookie: cookie } : {} }), {}),
  );
  return result.cart;
}

const stockOf = (id: number) =>
  db().select({ stock: products.stock }).from(products).where(eq(products.id, id)).get()!.stock;
const orderById = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const latestOrder = () => db().select().from(orders).orderBy(orders.id).all().at(-1)!;
/** What an order's lines cost (its total adds shipping, free in this file, and the import tax to China). */
const goodsOf = (orderId: number) =>
  db()
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .all()
    .reduce((n, l) => n + l.unitCents * l.quantity, 0);

function sessionEvent(type: string, order: { id: number; totalCents: number }, session: Record<string, unknown> = {}) {
  return {
    id: `evt_${Math.random().toString(36).slice(2, 14)}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `cs_test_${order.id}`,
        object: "checkout.session",
        client_reference_id: String(order.id),
        metadata: { orderId: String(order.id) },
        amount_total: order.totalCents,
        currency: "usd",
        payment_status: "paid",
        payment_intent: `pi_test_${order.id}`,
        ...session,
      },
    },
  };
}

async function deliver(
  event: object | string,
  options: { signature?: string | null; timestamp?: number; secret?: string } = {},
) {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const signature =
    options.signature !== undefined
      ? options.signature
      : Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret ?? WEBHOOK_SECRET,
          ...(options.timestamp ? { timestamp: options.timestamp } : {}),
        });
  const response = await webhook.action(
    await routeArgs(
      new Request("http://localhost:3000/webhooks/stripe", {
        method: "POST",
        body: payload,
        headers: { "Content-Type": "application/json", ...(signature ? { "Stripe-Signature": signature } : {}) },
      }),
      {},
    ),
  );
  return { status: response.status, body: (await response.json()) as { outcome?: string } };
}

async function pendingOrder(priceCents = 2450, quantity = 2) {
  const product = createProduct(db(), { priceCents, stock: 10 });
  const { cookie } = await addToCart(null, product.id, quantity);
  const response = await checkout(cookie);
  expect(response.status).toBe(302);
  return { product, order: latestOrder(), cookie };
}

describe("checkout with Stripe", () => {
  test("creates a pending order, reserves stock and sends exactly these Checkout Session parameters", async () => {
    const live = createProduct(db(), {
      priceCents: 3000,
      stock: 8,
      storeSlug: "tamale-shea-collective",
      titleZh: "塔马利乳木果油 250克",
    });
    const regular = createProduct(db(), {
      priceCents: 1299,
      stock: 4,
      storeSlug: "yirga-highlands-coffee",
      titleZh: "耶加雪菲咖啡豆 250克",
    });
    createFestival(db(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
      deals: [{ productId: live.id, discountPercent: 20 }],
    });
    let { cookie } = await addToCart(null, live.id, 2);
    ({ cookie } = await addToCart(cookie, regular.id, 1));

    const response = await checkout(cookie, "zh");
    expect(response.status).toBe(302);
    const order = latestOrder();
    // To mainland China the estimated import tax is its own amount: general goods (VAT 13 %, at 70 %)
    // at the seeded US$1 = ¥7.1186: ¥341.69 → ¥31.09 and ¥92.47 → ¥8.41, ¥39.50 in all = US$5.55.
    expect(order).toMatchObject({
      status: "pending_payment",
      totalCents: 2 * 2400 + 1299 + 555,
      currency: "USD",
      provider: "stripe",
      locale: "zh",
      email: "li.wei@example.com",
    });
    expect(order.reservedUntil.getTime() - order.createdAt.getTime()).toBe(30 * 60_000);
    expect(stockOf(live.id)).toBe(6);
    expect(stockOf(regular.id)).toBe(3);
    const lines = db().select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
    expect(lines.map((l) => [l.productId, l.unitCents, l.regularCents, l.quantity, l.title])).toEqual([
      [live.id, 2400, 3000, 2, "塔马利乳木果油 250克"],
      [regular.id, 1299, 1299, 1, "耶加雪菲咖啡豆 250克"],
    ]);

    expect(stripeApi.captured).toHaveLength(1);
    const sent = stripeApi.captured[0]!;
    expect(sent.headers.get("Idempotency-Key")).toBe(`silk-road-order-${order.id}-checkout-after-none`);
    expect(sent.headers.get("Authorization")).toBe("Bearer sk_test_silk_road");
    const params = Object.fromEntries(sent.params);
    const token = new URL(
      response.headers.get("Location")!.replace("https://checkout.stripe.com", "http://x"),
    ).searchParams.get("token");
    expect(token).toBeNull(); // the redirect is Stripe's URL, nothing of ours appended
    expect(params).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "2400",
      "line_items[0][price_data][product_data][name]": "塔马利乳木果油 250克",
      "line_items[1][quantity]": "1",
      "line_items[1][price_data][unit_amount]": "1299",
      "line_items[1][price_data][product_data][name]": "耶加雪菲咖啡豆 250克",
      "line_items[2][quantity]": "1",
      "line_items[2][price_data][unit_amount]": "555",
      "line_items[2][price_data][product_data][name]": "预估进口税（跨境电商综合税）",
      "allowed_payment_method_types[0]": "card",
      "allowed_payment_method_types[1]": "alipay",
      "allowed_payment_method_types[2]": "wechat_pay",
      "payment_method_options[wechat_pay][client]": "web",
      client_reference_id: String(order.id),
      "metadata[orderId]": String(order.id),
      "payment_intent_data[metadata][orderId]": String(order.id),
      customer_email: "li.wei@example.com",
      locale: "zh",
    });
    expect(params.success_url).toMatch(
      new RegExp(`^http://localhost:3000/zh/checkout/success\\?order=${order.id}&token=[A-Za-z0-9_-]{32}$`),
    );
    // Leaving Stripe's page leads to the order page (pay again or cancel there), changing nothing.
    expect(params.cancel_url).toMatch(
      new RegExp(`^http://localhost:3000/zh/account/orders/${order.id}\\?token=[A-Za-z0-9_-]{32}&payment=left$`),
    );
    expect(Number(params.expires_at)).toBe(Math.ceil(order.reservedUntil.getTime() / 1000));
    expect(response.headers.get("Location")).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    expect(orderById(order.id).checkoutSessionId).toMatch(/^cs_test_/);
    // The cart keeps the items until the order is paid (a failed or abandoned payment loses nothing).
    expect((await cartOf(cookie)).lines.map((l) => [l.productId, l.quantity])).toEqual([
      [live.id, 2],
      [regular.id, 1],
    ]);
  });

  test("prices typed into the form are ignored: the order is priced from the catalog", async () => {
    const product = createProduct(db(), { priceCents: 5000, stock: 3 });
    const { cookie } = await addToCart(null, product.id, 1, { priceCents: "1", unitCents: "1", price: "0.01" });
    const response = await checkout(cookie, "en", { ...SHIPPING, totalCents: "1", priceCents: "1" });
    expect(response.status).toBe(302);
    expect(goodsOf(latestOrder().id)).toBe(5000);
    expect(stripeApi.captured[0]!.params.get("line_items[0][price_data][unit_amount]")).toBe("5000");
  });

  test("when Stripe cannot be reached: no order stays pending, the stock and the cart come back, the shopper is told", async () => {
    const product = createProduct(db(), { priceCents: 1800, stock: 2 });
    const { cookie } = await addToCart(null, product.id, 2);
    stripeApi.answerWith(
      () =>
        new Response(JSON.stringify({ error: { message: "boom", type: "api_error" } }), {
          status: 500,
          headers: { "Content-Type": "application/json" },
        }),
    );
    const errors = vi.mocked(console.error);
    try {
      const response = await checkout(cookie);
      expect(response.status).toBe(502);
      expect(JSON.stringify(response.body)).toContain("checkout.providerDown");
    } finally {
      stripeApi.answerWith(null);
    }
    // It was logged once, without the secret key.
    expect(errors.mock.calls.map((c) => String(c[0])).join()).not.toContain("sk_test");
    errors.mockClear();
    expect(latestOrder()).toMatchObject({ status: "cancelled", cancelReason: "payment-start-failed" });
    expect(stockOf(product.id)).toBe(2);
    // The cart was never emptied.
    expect((await cartOf(cookie)).lines.map((l) => [l.productId, l.quantity])).toEqual([[product.id, 2]]);
    const again = await checkout(cookie);
    expect(again.status).toBe(302);
  });
});

describe("webhooks", () => {
  test("a valid checkout.session.completed pays the order once; a replay changes nothing", async () => {
    const { order, product } = await pendingOrder();
    const event = sessionEvent("checkout.session.completed", order);
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "paid" } });
    expect(orderById(order.id)).toMatchObject({ status: "paid", flag: null });
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect(db().select().from(payments).where(eq(payments.orderId, order.id)).all()).toHaveLength(1);
    expect(db().select().from(paymentEvents).where(eq(paymentEvents.id, event.id)).get()).toMatchObject({
      outcome: "paid",
    });
    // A different event for the same payment does not record a second payment either.
    expect((await deliver(sessionEvent("checkout.session.async_payment_succeeded", order))).body.outcome).toBe(
      "already-paid",
    );
    expect(db().select().from(payments).where(eq(payments.orderId, order.id)).all()).toHaveLength(1);
    // Units sold feed popularity through the outbox.
    expect(db().select().from(searchOutbox).where(eq(searchOutbox.entityId, product.id)).all().length).toBeGreaterThan(
      0,
    );
    expect(loadProductDocuments(db(), [product.id])[0]!.popularity).toBeGreaterThanOrEqual(2000);
  });

  test("bad, missing or stale signatures and a wrong secret: 400 and nothing changes", async () => {
    const { order } = await pendingOrder();
    const event = sessionEvent("checkout.session.completed", order);
    expect((await deliver(event, { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    expect((await deliver(event, { signature: null })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    expect((await deliver(event, { secret: "whsec_someone_else" })).status).toBe(400);
    // A valid signature over different bytes (tampered amount after signing).
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    expect(
      (await deliver(payload.replace(`"amount_total":${order.totalCents}`, '"amount_total":1'), { signature })).status,
    ).toBe(400);
    expect(orderById(order.id).status).toBe("pending_payment");
    expect(db().select().from(paymentEvents).where(eq(paymentEvents.id, event.id)).all()).toEqual([]);
  });

  test("a wrong amount or currency flags the order and does not pay it", async () => {
    const { order } = await pendingOrder();
    expect(
      (await deliver(sessionEvent("checkout.session.completed", order, { amount_total: order.totalCents - 100 }))).body
        .outcome,
    ).toBe("flagged");
    expect(orderById(order.id)).toMatchObject({ status: "pending_payment" });
    expect(orderById(order.id).flag).toMatch(/payment mismatch/);
    expect((await deliver(sessionEvent("checkout.session.completed", order, { currency: "eur" }))).body.outcome).toBe(
      "flagged",
    );
    expect(db().select().from(payments).where(eq(payments.orderId, order.id)).all()).toEqual([]);
  });

  test("out of order: async success before the unpaid completion, expiry after payment — the order ends paid", async () => {
    const { order } = await pendingOrder();
    expect((await deliver(sessionEvent("checkout.session.async_payment_succeeded", order))).body.outcome).toBe("paid");
    expect(
      (await deliver(sessionEvent("checkout.session.completed", order, { payment_status: "unpaid" }))).body.outcome,
    ).toBe("awaiting");
    expect(
      (await deliver(sessionEvent("checkout.session.expired", order, { payment_status: "unpaid" }))).body.outcome,
    ).toBe("ignored");
    expect((await deliver(sessionEvent("checkout.session.async_payment_failed", order))).body.outcome).toBe("ignored");
    expect(orderById(order.id).status).toBe("paid");
  });

  test("the same events in the other order reach the same state", async () => {
    const { order } = await pendingOrder();
    expect(
      (await deliver(sessionEvent("checkout.session.completed", order, { payment_status: "unpaid" }))).body.outcome,
    ).toBe("awaiting");
    expect(orderById(order.id).status).toBe("pending_payment");
    expect((await deliver(sessionEvent("checkout.session.async_payment_succeeded", order))).body.outcome).toBe("paid");
    expect(orderById(order.id).status).toBe("paid");
  });

  test("an expired session or a failed payment keeps the order unpaid and its units held; expiry of the reservation releases them", async () => {
    const a = await pendingOrder(1000, 3);
    expect(stockOf(a.product.id)).toBe(7);
    expect(
      (await deliver(sessionEvent("checkout.session.expired", a.order, { payment_status: "unpaid" }))).body.outcome,
    ).toBe("session-expired");
    expect(orderById(a.order.id)).toMatchObject({ status: "pending_payment", cancelReason: null });
    expect(stockOf(a.product.id)).toBe(7);
    const b = await pendingOrder(1000, 1);
    expect((await deliver(sessionEvent("checkout.session.async_payment_failed", b.order))).body.outcome).toBe("failed");
    expect(orderById(b.order.id).status).toBe("pending_payment");
    expect(stockOf(b.product.id)).toBe(9);
    expect(
      db()
        .select({ kind: orderEvents.kind, actor: orderEvents.actorKind })
        .from(orderEvents)
        .where(eq(orderEvents.orderId, b.order.id))
        .all(),
    ).toEqual([
      { kind: "status", actor: "shopper" },
      { kind: "payment_started", actor: "shopper" },
      { kind: "payment_failed", actor: "payment" },
    ]);
    // The reservation runs out: both expire and give their units back.
    setClock(new Date(orderById(b.order.id).reservedUntil.getTime() + 1));
    try {
      expect(expireReservations()).toBeGreaterThanOrEqual(2);
    } finally {
      setClock(null);
    }
    expect(orderById(a.order.id).status).toBe("expired");
    expect(stockOf(a.product.id)).toBe(10);
    expect(stockOf(b.product.id)).toBe(10);
    // A payment after the units went back takes them again if they are still there.
    expect((await deliver(sessionEvent("checkout.session.async_payment_succeeded", b.order))).body.outcome).toBe(
      "paid",
    );
    expect(orderById(b.order.id).status).toBe("paid");
    expect(stockOf(b.product.id)).toBe(9);
  });

  test("events we do not handle, or for unknown orders, are acknowledged and change nothing", async () => {
    expect(
      (await deliver({ id: "evt_other", object: "event", type: "customer.created", data: { object: {} } })).body
        .outcome,
    ).toBe("ignored");
    expect(
      (await deliver(sessionEvent("checkout.session.completed", { id: 99_999_999, totalCents: 100 }))).body.outcome,
    ).toBe("unknown-order");
    expect(
      (
        await deliver(
          sessionEvent(
            "checkout.session.completed",
            { id: 0, totalCents: 100 },
            { metadata: {}, client_reference_id: "1; DROP TABLE orders" },
          ),
        )
      ).body.outcome,
    ).toBe("ignored");
  });
});

describe("stock under concurrent buyers", () => {
  test("20 simultaneous checkouts for 5 in stock: exactly 5 orders, stock 0, the others told it sold out; expiry returns the stock", async () => {
    setEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });
    try {
      expect(paymentMode()).toBe("demo");
      const product = createProduct(db(), { priceCents: 2200, stock: 5 });
      const buyers = await Promise.all(Array.from({ length: 20 }, () => addToCart(null, product.id, 1)));
      const responses = await Promise.all(
        buyers.map((b, i) => checkout(b.cookie, "en", SHIPPING, `198.51.100.${i + 1}`)),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 302)).toHaveLength(5);
      expect(statuses.filter((s) => s === 409)).toHaveLength(15);
      for (const r of responses.filter((r) => r.status === 409))
        expect(JSON.stringify(r.body)).toContain("checkout.soldOut");
      expect(stockOf(product.id)).toBe(0);
      const held = db().select().from(orderItems).where(eq(orderItems.productId, product.id)).all();
      expect(held.reduce((n, l) => n + l.quantity, 0)).toBe(5);

      // 30 minutes later nobody has paid: the reservations expire and the stock comes back.
      setClock(new Date(Date.now() + 30 * 60_000 + 1000));
      // (Other tests in this file leave pending orders too; all of them are due by now.)
      expect(expireReservations()).toBeGreaterThanOrEqual(5);
      expect(stockOf(product.id)).toBe(5);
      const statusesAfter = held.map((l) => orderById(l.orderId).status);
      expect(statusesAfter).toEqual(["expired", "expired", "expired", "expired", "expired"]);
      expect(expireReservations()).toBe(0);
    } finally {
      setEnv({ STRIPE_SECRET_KEY: "sk_test_silk_road", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    }
  });

  test("a deal's stock cap is never exceeded: the buyer beyond it pays the regular price", async () => {
    const product = createProduct(db(), { priceCents: 4000, stock: 10 });
    const festival = createFestival(db(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
      deals: [{ productId: product.id, dealPriceCents: 3000, dealStock: 2 }],
    });
    const first = await addToCart(null, product.id, 2);
    const second = await addToCart(null, product.id, 1);
    expect((await checkout(first.cookie)).status).toBe(302);
    expect(goodsOf(latestOrder().id)).toBe(6000);
    expect((await checkout(second.cookie)).status).toBe(302);
    expect(goodsOf(latestOrder().id)).toBe(4000);
    // The unpaid order holds the deal's two units as reserved; the cap counts them like units sold.
    expect(db().select().from(festivalDeals).where(eq(festivalDeals.festivalId, festival.id)).get()).toMatchObject({
      soldCount: 0,
      reservedCount: 2,
    });
  });
});

describe("the cart", () => {
  test("bad quantities and products are refused; quantities are capped by stock", async () => {
    const product = createProduct(db(), { priceCents: 900, stock: 3 });
    for (const quantity of ["0", "-1", "abc", "1e3", "999999999999"]) {
      expect((await addToCart(null, product.id, quantity)).result.status, quantity).toBe(400);
    }
    const soldOut = createProduct(db(), { stock: 0 });
    expect((await addToCart(null, soldOut.id, 1)).result.body).toMatchObject({ message: "cart.errorSoldOut" });
    const archived = createProduct(db(), { status: "archived" });
    expect((await addToCart(null, archived.id, 1)).result.body).toMatchObject({ message: "cart.errorUnavailable" });
    expect((await addToCart(null, 99_999_999, 1)).result.status).toBe(400);
    const capped = await addToCart(null, product.id, 7);
    expect(capped.result.body).toMatchObject({ ok: true, quantity: 3, message: "cart.limited" });
    const removed = await unwrap(
      await runAction(
        cartRoute.action,
        "/cart.data",
        { intent: "remove", productId: String(product.id) },
        { cookie: capped.cookie! },
      ),
    );
    expect(removed.body).toMatchObject({ ok: true, quantity: 0 });
  });

  test("a form posted without JavaScript is answered with a redirect to the cart (Post/Redirect/Get), never a page", async () => {
    const product = createProduct(db(), { priceCents: 900, stock: 2 });
    const post = async (path: string, fields: Record<string, string>, cookie?: string) =>
      (await runAction(cartRoute.action, path, fields, {
        cookie,
        params: path.startsWith("/zh") ? { lang: "zh" } : {},
      })) as Response;
    const added = await post("/zh/cart", { intent: "add", productId: String(product.id), quantity: "1" });
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe("/zh/cart?notice=added");
    const cookie = added.headers.get("Set-Cookie")!.split(";")[0]!;
    expect((await cartOf(cookie)).count).toBe(1);
    const capped = await post("/cart", { intent: "add", productId: String(product.id), quantity: "5" }, cookie);
    expect(capped.headers.get("Location")).toBe("/cart?notice=limited");
    expect(capped.headers.get("Set-Cookie")).toBeNull();
    expect((await cartOf(cookie)).count).toBe(2);
    const soldOut = createProduct(db(), { stock: 0 });
    const refused = await post("/cart", { intent: "add", productId: String(soldOut.id), quantity: "1" }, cookie);
    expect([refused.status, refused.headers.get("Location")]).toEqual([303, "/cart?notice=soldOut"]);
    const malformed = await post("/cart", { intent: "add", productId: String(product.id), quantity: "abc" }, cookie);
    expect(malformed.headers.get("Location")).toBe("/cart?notice=badQuantity");
    const removed = await post("/cart", { intent: "remove", productId: String(product.id) }, cookie);
    expect(removed.headers.get("Location")).toBe("/cart?notice=removed");
    expect((await cartOf(cookie)).count).toBe(0);
  });

  test("a product archived after it was added is flagged and blocks checkout", async () => {
    const product = createProduct(db(), { priceCents: 1500, stock: 5 });
    const { cookie } = await addToCart(null, product.id, 1);
    db().update(products).set({ status: "archived" }).where(eq(products.id, product.id)).run();
    const cart = await cartOf(cookie);
    expect(cart.lines[0]!.problem).toBe("unavailable");
    expect(cart.canCheckout).toBe(false);
    const page = await thrownResponse(
      checkoutRoute.loader(
        await routeArgs(new Request("http://localhost:3000/checkout", { headers: { Cookie: cookie! } }), {}),
      ),
    );
    expect(page.headers.get("Location")).toBe("/cart");
    expect((await checkout(cookie)).status).toBe(409);
  });

  test("merged into the account at login", async () => {
    const shopper = await newShopper();
    const a = createProduct(db(), { stock: 10 });
    const b = createProduct(db(), { stock: 10 });
    const userCookie = await cookieFor(shopper.id);
    await addToCart(userCookie, a.id, 1);
    let { cookie: guest } = await addToCart(null, a.id, 2);
    ({ cookie: guest } = await addToCart(guest, b.id, 1));
    const login = await callRoute(
      loginRoute.action as never,
      (await routeArgs(
        new Request("http://localhost:3000/login", {
          method: "POST",
          body: new URLSearchParams({ email: shopper.email, password: "baobab-sunrise-42" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: guest! },
        }),
        {},
        { clientIp: "192.0.2.44" },
      )) as Args,
    );
    expect(login.status).toBe(302);
    const merged = getCartView({ userId: shopper.id }, "en");
    expect(merged.lines.map((l) => [l.productId, l.quantity]).sort()).toEqual(
      [
        [a.id, 3],
        [b.id, 1],
      ].sort(),
    );
    // The guest cart is gone: the old cookie alone now shows an empty cart.
    expect((await cartOf(guest)).lines).toEqual([]);
  });

  test("a deal price never applies after the festival ends, even to a line added while it was live", async () => {
    const product = createProduct(db(), { priceCents: 2000, stock: 5 });
    const end = new Date(Date.now() + 60 * 60_000);
    createFestival(db(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: end,
      deals: [{ productId: product.id, dealPriceCents: 1500 }],
    });
    const shopper = await newShopper();
    await addToCart(await cookieFor(shopper.id), product.id, 1);
    expect(getCartView({ userId: shopper.id }, "en").lines[0]).toMatchObject({ unitCents: 1500 });
    setClock(end);
    expect(getCartView({ userId: shopper.id }, "en").lines[0]).toMatchObject({ unitCents: 2000, deal: null });
    const placed = placeOrder({
      owner: { userId: shopper.id },
      userId: shopper.id,
      shipping: shippingDetails({
        email: "li.wei@example.com",
        name: "Li Wei",
        address: "88 Century Avenue, Pudong",
        city: "Shanghai",
        country: "CN",
      }),
      locale: "en",
      provider: "demo",
      at: end,
    });
    expect(placed).toMatchObject({ ok: true });
    expect(goodsOf((placed as { orderId: number }).orderId)).toBe(2000);
    expect(db().select().from(orderItems).where(eq(orderItems.productId, product.id)).get()).toMatchObject({
      unitCents: 2000,
      dealId: null,
    });
  });
});

describe("demo mode", () => {
  test("is refused in production: checkout is unavailable and the demo page does not exist", async () => {
    setEnv({
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
      NODE_ENV: "production",
      SESSION_SECRET: "production-secret-that-is-long-enough-0123456789",
      PUBLIC_URL: "https://market.example",
      PII_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    try {
      expect(paymentMode()).toBe("unavailable");
      const product = createProduct(db(), { stock: 5 });
      const { cookie } = await addToCart(null, product.id, 1);
      const response = await checkout(cookie);
      expect(response.status).toBe(503);
      expect(stockOf(product.id)).toBe(5);
      const demo = await thrownResponse(
        demoRoute.loader(await routeArgs(new Request("http://localhost:3000/checkout/demo/1?token=x"), { id: "1" })),
      );
      expect(demo.status).toBe(404);
    } finally {
      setEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_silk_road", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    }
  });
});
