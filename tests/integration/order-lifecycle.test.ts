import { BEIJING_FORM, shippingDetails } from "#tests/support/addresses.ts";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test, vi, beforeAll } from "vitest";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as signup from "#app/routes/($lang).signup.tsx";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { transition, TransitionRefused } from "#app/models/order-lifecycle.server.ts";
import { orderAccessToken } from "#app/models/orders.server.ts";
import { applyPaymentEvent } from "#app/models/payments.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { orderEvents, orders, products } from "#db/schema/index.ts";
import { cookieFor } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, callRoute, routeArgs, runAction, unwrap, type RouteFn } from "#tests/support/loaders.ts";
import { useStripeInterceptor } from "#tests/support/stripe.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

/**
 * The order lifecycle (decision 016) through the routes, against intercepted Stripe: one writer of
 * status with its timeline, paying again after a failure or a page left, the cart kept until paid,
 * cancelling by POST, and guest orders joining an account only with proof.
 */
useEnv({
  STRIPE_SECRET_KEY: "sk_test_silk_road",
  STRIPE_WEBHOOK_SECRET: "whsec_test_lifecycle_0123456789",
  STRIPE_PAYMENT_METHODS: "card",
  CHECKOUT_RESERVATION_MINUTES: "30",
});
const stripeApi = useStripeInterceptor();
const db = () => getDb();
const SHIPPING = { email: "wang.fang@example.com", ...BEIJING_FORM, postcode: "100022" };

afterEach(() => {
  setClock(null);
  resetRateLimits();
});

let ip = 0;
async function addToCart(cookie: string | null, productId: number, quantity: number) {
  const result = await unwrap(
    await runAction(
      cartRoute.action,
      "/cart.data",
      { intent: "add", productId: String(productId), quantity: String(quantity) },
      { cookie: cookie ?? undefined },
    ),
  );
  const set = result.headers.get("Set-Cookie");
  return set ? [cookie, set.split(";")[0]].filter(Boolean).join("; ") : cookie!;
}

async function checkout(cookie: string, email = SHIPPING.email) {
  ip += 1;
  const response = await callRoute(
    checkoutRoute.action as never,
    await routeArgs(
      new Request("http://localhost:3000/checkout", {
        method: "POST",
        body: new URLSearchParams({ ...SHIPPING, email }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      {},
      { clientIp: `198.51.100.${ip}` },
    ),
  );
  expect(response.status).toBe(302);
  return db().select().from(orders).orderBy(orders.id).all().at(-1)!;
}

async function cartLines(cookie: string) {
  const { cart } = await cartRoute.loader(
    await routeArgs(new Request("http://localhost:3000/cart", { headers: { Cookie: cookie } }), {}),
  );
  return cart.lines.map((l) => [l.productId, l.quantity]);
}

function orderAction(orderId: number, intent: string, cookie: string | null = null) {
  return callAs(
    orderPage.action as RouteFn,
    cookie,
    `/account/orders/${orderId}?token=${orderAccessToken(orderId)}`,
    { intent },
    { id: String(orderId) },
  );
}

const orderById = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const stockOf = (id: number) =>
  db().select({ stock: products.stock }).from(products).where(eq(products.id, id)).get()!.stock;
const eventsOf = (id: number) =>
  db()
    .select({
      kind: orderEvents.kind,
      from: orderEvents.fromStatus,
      to: orderEvents.toStatus,
      reason: orderEvents.reason,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, id))
    .orderBy(orderEvents.id)
    .all();

function pay(order: { id: number; totalCents: number }) {
  return applyPaymentEvent({
    id: `evt_${randomUUID()}`,
    type: "paid",
    orderId: order.id,
    provider: "stripe",
    amountCents: order.totalCents,
    currency: "usd",
    providerRef: `pi_test_${order.id}`,
  });
}

describe("one writer of order status", () => {
  test("a status written behind the lifecycle's back is refused by the database; through it, the timeline has the change", async () => {
    const product = createProduct(db(), { priceCents: 1500, stock: 5 });
    const order = await checkout(await addToCart(null, product.id, 1));
    expect(() => db().update(orders).set({ status: "paid" }).where(eq(orders.id, order.id)).run()).toThrow(
      /order lifecycle/,
    );
    expect(orderById(order.id).status).toBe("pending_payment");
    // A transition the table forbids writes nothing at all.
    expect(() =>
      db().transaction((tx) => transition(tx, order, "refunded", { actor: { kind: "organizer" }, reason: "test" })),
    ).toThrow(TransitionRefused);
    expect(eventsOf(order.id).map((e) => e.kind)).toEqual(["status", "payment_started"]);
    expect(pay(order)).toBe("paid");
    expect(eventsOf(order.id)).toEqual([
      { kind: "status", from: null, to: "pending_payment", reason: "placed" },
      { kind: "payment_started", from: null, to: null, reason: null },
      { kind: "status", from: "pending_payment", to: "paid", reason: null },
    ]);
  });
});

describe("paying again", () => {
  test("an open Stripe page is reused; once it has expired a new one is created, keyed on the one it replaces", async () => {
    const product = createProduct(db(), { priceCents: 2600, stock: 5 });
    const order = await checkout(await addToCart(null, product.id, 2));
    const first = orderById(order.id).checkoutSessionId!;
    stripeApi.captured.length = 0;

    // The shopper came back from Stripe's page without paying: it is still open, so it is reused.
    const again = await orderAction(order.id, "pay");
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(`https://checkout.stripe.com/c/pay/${first}`);
    expect(stripeApi.captured.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /v1/checkout/sessions/${first}`,
    ]);

    // The page ran out: a new session, whose idempotency key names the one it replaces (a double
    // click sends the same key, so Stripe answers with the same session).
    stripeApi.setSessionStatus(first, "expired");
    stripeApi.captured.length = 0;
    const fresh = await orderAction(order.id, "pay");
    expect(fresh.status).toBe(302);
    const created = stripeApi.captured.find((r) => r.method === "POST")!;
    expect(created.headers.get("Idempotency-Key")).toBe(`silk-road-order-${order.id}-checkout-after-${first}`);
    expect(created.params.get("line_items[0][price_data][unit_amount]")).toBe("2600");
    expect(created.params.get("line_items[0][quantity]")).toBe("2");
    const second = orderById(order.id).checkoutSessionId!;
    expect(second).not.toBe(first);
    expect(fresh.headers.get("Location")).toBe(`https://checkout.stripe.com/c/pay/${second}`);
    expect(eventsOf(order.id).filter((e) => e.kind === "payment_started")).toHaveLength(2);
    // Still one reservation: 2 units held, whatever the number of pages.
    expect(stockOf(product.id)).toBe(3);
  });

  test("refused with 409 once the order is paid, cancelled or its reservation has run out; nothing is sent to Stripe", async () => {
    const product = createProduct(db(), { priceCents: 900, stock: 5 });
    const late = await checkout(await addToCart(null, product.id, 1));
    setClock(new Date(late.reservedUntil.getTime() + 1));
    stripeApi.captured.length = 0;
    const ended = await orderAction(late.id, "pay");
    expect(ended.status).toBe(409);
    expect(ended.body).toMatchObject({ ok: false, message: "order.reservationEnded" });
    setClock(null);

    const paid = await checkout(await addToCart(null, product.id, 1));
    expect(pay(paid)).toBe("paid");
    const cancelled = await checkout(await addToCart(null, product.id, 1));
    expect((await orderAction(cancelled.id, "cancel")).status).toBe(200);
    stripeApi.captured.length = 0;
    for (const id of [paid.id, cancelled.id]) {
      const refused = await orderAction(id, "pay");
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ message: "order.cannotPay" });
    }
    expect(stripeApi.captured).toEqual([]);
    // Cancelling a paid order is refused too (a refund is the way back).
    expect((await orderAction(paid.id, "cancel")).status).toBe(409);
    expect(orderById(paid.id).status).toBe("paid");
    expect((await orderAction(paid.id, "ship")).status).toBe(400);
  });

  test("Stripe down while paying again: 502, the order stays payable with its reservation", async () => {
    const product = createProduct(db(), { priceCents: 1200, stock: 5 });
    const order = await checkout(await addToCart(null, product.id, 1));
    stripeApi.setSessionStatus(order.checkoutSessionId!, "expired");
    stripeApi.answerWith(
      () => new Response(JSON.stringify({ error: { type: "api_error", message: "down" } }), { status: 500 }),
    );
    try {
      const down = await orderAction(order.id, "pay");
      expect(down.status).toBe(502);
      expect(down.body).toMatchObject({ message: "checkout.providerDown" });
    } finally {
      stripeApi.answerWith(null);
    }
    // Logged once, without the secret key.
    const errors = vi.mocked(console.error);
    expect(errors.mock.calls.map((c) => String(c[0])).join()).toContain("could not start payment");
    expect(errors.mock.calls.map((c) => String(c[0])).join()).not.toContain("sk_test");
    errors.mockClear();
    expect(orderById(order.id).status).toBe("pending_payment");
    expect(stockOf(product.id)).toBe(4);
    expect((await orderAction(order.id, "pay")).status).toBe(302);
  });
});

describe("the cart is kept until the order is paid", () => {
  test("an unpaid order leaves the cart whole; paying takes out what was ordered and keeps what was added since", async () => {
    const product = createProduct(db(), { priceCents: 1800, stock: 10 });
    const other = createProduct(db(), { priceCents: 700, stock: 10 });
    let cookie = await addToCart(null, product.id, 2);
    cookie = await addToCart(cookie, other.id, 1);
    const order = await checkout(cookie);
    expect(await cartLines(cookie)).toEqual([
      [product.id, 2],
      [other.id, 1],
    ]);
    // The cart page lists the unpaid order with its signed link.
    const page = await cartRoute.loader(
      await routeArgs(new Request("http://localhost:3000/cart", { headers: { Cookie: cookie } }), {}),
    );
    expect(page.unpaid).toEqual([
      expect.objectContaining({
        id: order.id,
        path: `/account/orders/${order.id}?token=${orderAccessToken(order.id)}`,
      }),
    ]);
    // The cart's own order does not make its lines look short of stock.
    expect(page.cart.canCheckout).toBe(true);
    cookie = await addToCart(cookie, product.id, 1);
    expect(pay(order)).toBe("paid");
    expect(await cartLines(cookie)).toEqual([[product.id, 1]]);
  });

  test("checking out again replaces the unpaid order from the same cart: its units are released, never held twice", async () => {
    const product = createProduct(db(), { priceCents: 1800, stock: 3 });
    const cookie = await addToCart(null, product.id, 3);
    const first = await checkout(cookie);
    expect(stockOf(product.id)).toBe(0);
    stripeApi.captured.length = 0;
    const second = await checkout(cookie);
    expect(orderById(first.id)).toMatchObject({ status: "cancelled", cancelReason: "superseded" });
    // The replaced order's Stripe page is closed before the new one opens.
    expect(stripeApi.captured.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /v1/checkout/sessions/${first.checkoutSessionId}`,
      `POST /v1/checkout/sessions/${first.checkoutSessionId}/expire`,
      "POST /v1/checkout/sessions",
    ]);
    expect(orderById(second.id).status).toBe("pending_payment");
    expect(stockOf(product.id)).toBe(0);
    stripeApi.captured.length = 0;
    expect((await orderAction(second.id, "cancel")).status).toBe(200);
    expect(stockOf(product.id)).toBe(3);
    // Its Stripe page is closed too, so a cancelled order cannot be paid there.
    const session = orderById(second.id).checkoutSessionId!;
    expect(stripeApi.captured.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /v1/checkout/sessions/${session}`,
      `POST /v1/checkout/sessions/${session}/expire`,
    ]);
  });
});

describe("guest orders and accounts", () => {
  async function signUp(cookie: string | null, email: string) {
    const response = await unwrap(
      await runAction(
        signup.action,
        "/signup",
        { email, password: "baobab-sunrise-42" },
        { cookie: cookie ?? undefined },
      ),
    );
    expect(response.status).toBe(302);
    return db().select().from(orders);
  }

  test("a guest order joins the account signed up for its address from the browser that placed it, and only then", async () => {
    const product = createProduct(db(), { priceCents: 1100, stock: 10 });
    const email = `guest-${randomUUID().slice(0, 8)}@example.com`;
    const cookie = await addToCart(null, product.id, 1);
    const order = await checkout(cookie, email.toUpperCase());
    expect(pay(order)).toBe("paid");

    // Another browser signing up with the same address proves nothing: the order stays a guest's.
    await signUp(null, email);
    expect(orderById(order.id).userId).toBeNull();
  });

  test("the same browser with the order's address: attached, on the timeline; another address from that browser: not", async () => {
    const product = createProduct(db(), { priceCents: 1100, stock: 10 });
    const email = `guest-${randomUUID().slice(0, 8)}@example.com`;
    const mine = await checkout(await addToCart(null, product.id, 1), email);
    let cookie = await addToCart(null, product.id, 1);
    const theirs = await checkout(cookie, `someone-else-${randomUUID().slice(0, 8)}@example.com`);
    // The same browser also placed an order with the new account's address.
    cookie = await addToCart(cookie, product.id, 1);
    const alsoMine = await checkout(cookie, ` ${email.toUpperCase()} `);
    await signUp(cookie, email);
    const account = db().select().from(orders).where(eq(orders.id, alsoMine.id)).get()!.userId;
    expect(account).not.toBeNull();
    expect(eventsOf(alsoMine.id).at(-1)).toMatchObject({ kind: "attached_to_account" });
    // Placed with another address, or from another browser: not attached.
    expect(orderById(theirs.id).userId).toBeNull();
    expect(orderById(mine.id).userId).toBeNull();
    // Superseded by the later checkout from the same cart, the first order of that browser stays cancelled and unattached.
    expect(orderById(theirs.id).status).toBe("cancelled");
    // The account now sees the attached order without the link.
    const seen = await callAs(
      orderPage.loader as RouteFn,
      await cookieFor(account!),
      `/account/orders/${alsoMine.id}`,
      undefined,
      { id: String(alsoMine.id) },
    );
    expect(seen.status).toBe(200);
  });
});

describe("a guest order placed without a cart cookie of its own", () => {
  test("placeOrder records the cart it came from", () => {
    const product = createProduct(db(), { priceCents: 500, stock: 2 });
    const owner = { token: randomUUID() };
    expect(changeCart(owner, product.id, 1, "add")).toMatchObject({ ok: true });
    const placed = placeOrder({
      owner,
      userId: null,
      shipping: shippingDetails({
        email: SHIPPING.email,
        name: "Wang Fang",
        address: "88 Jianguo Road",
        city: "Beijing",
        country: "CN",
      }),
      locale: "en",
      provider: "demo",
    });
    expect(placed.ok).toBe(true);
    expect(orderById((placed as { orderId: number }).orderId).cartId).not.toBeNull();
  });
});
