import { BEIJING_FORM } from "#tests/support/addresses.ts";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as cancelRoute from "#app/routes/($lang).checkout.cancel.tsx";
import * as demoRoute from "#app/routes/($lang).checkout.demo.$id.tsx";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import * as editRoute from "#app/routes/($lang).sell.products.$id.tsx";
import * as listingsRoute from "#app/routes/($lang).sell.products._index.tsx";
import * as storeOrders from "#app/routes/($lang).sell.orders.tsx";
import { expireReservations } from "#app/models/checkout.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { festivalDeals, orderItems, orders, products } from "#db/schema/index.ts";
import { cookieFor, ownerOf } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { confirmImport, uploadCsv, viewImport } from "#tests/support/import.ts";
import { toCsv } from "#app/utils/csv.ts";
import { callAs, callRoute, routeArgs, runLoader, type RouteFn, type RouteResult } from "#tests/support/loaders.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

// The demo payment provider: the checkout action redirects to the demo page, whose buttons pay or fail.
useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, CHECKOUT_RESERVATION_MINUTES: "30" });

const db = () => getDb();
const STORE = "yirga-highlands-coffee";
const DAY = 86_400_000;
const SHIPPING: Record<string, string> = { email: "chen.jing@example.com", ...BEIJING_FORM, postcode: "100004" };

let owner: string;
beforeAll(async () => {
  owner = await cookieFor(ownerOf(STORE).user.id);
});
afterEach(() => {
  setClock(null);
  resetRateLimits();
});

/** A product's units as stored: on hand, reserved, and available (the generated `stock`). */
function units(productId: number) {
  const row = db()
    .select({ onHand: products.onHand, reserved: products.reserved, available: products.stock })
    .from(products)
    .where(eq(products.id, productId))
    .get()!;
  return row;
}

/** What a shopper is told is left: the product page's stock (its badge and quantity cap). */
async function shopperSees(slug: string): Promise<number> {
  return (await runLoader(productPage.loader, `/products/${slug}`, { slug })).product.stock;
}

let ip = 0;
/** A guest adds `quantity` to a new cart and checks out through the real actions; returns the pending order id. */
async function placeThroughCheckout(productId: number, quantity: number): Promise<number> {
  ip += 1;
  const clientIp = `198.51.100.${ip}`;
  const added = await callRoute(
    cartRoute.action as never,
    await routeArgs(
      new Request("http://localhost:3000/cart.data", {
        method: "POST",
        body: new URLSearchParams({ intent: "add", productId: String(productId), quantity: String(quantity) }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
      {},
      { clientIp },
    ),
  );
  const cookie = added.headers.get("Set-Cookie")!.split(";")[0]!;
  const placed = await callRoute(
    checkoutRoute.action as never,
    await routeArgs(
      new Request("http://localhost:3000/checkout", {
        method: "POST",
        body: new URLSearchParams(SHIPPING),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      {},
      { clientIp },
    ),
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(302);
  const match = /\/checkout\/demo\/(\d+)\?token=([\w-]+)/.exec(placed.location ?? "");
  expect(match, placed.location ?? "").not.toBeNull();
  const orderId = Number(match![1]);
  tokens.set(orderId, match![2]!);
  return orderId;
}
const tokens = new Map<number, string>();

/** The shopper presses "pay" or "fail" on the demo payment page (the same payment-event code as Stripe's webhook). */
async function demoPayment(orderId: number, intent: "pay" | "fail") {
  const result = await callAs(
    demoRoute.action as RouteFn,
    null,
    `/checkout/demo/${orderId}?token=${tokens.get(orderId)}`,
    { intent },
    { id: String(orderId) },
  );
  expect(result.status).toBe(302);
}

function demoPaymentRefused(orderId: number, intent: "pay" | "fail") {
  return callAs(
    demoRoute.action as RouteFn,
    null,
    `/checkout/demo/${orderId}?token=${tokens.get(orderId)}`,
    { intent },
    { id: String(orderId) },
  );
}

/** The shopper's buttons on the order page (a guest, through the signed link). */
function orderPageAction(orderId: number, intent: "pay" | "cancel") {
  return callAs(
    orderPage.action as RouteFn,
    null,
    `/account/orders/${orderId}?token=${tokens.get(orderId)}`,
    { intent },
    { id: String(orderId) },
  );
}

/** The owner's inline edit of the units on hand on /sell/products (optionally in another language). */
function ownerSetsOnHand(productId: number, onHand: string, lang?: "zh" | "fr"): Promise<RouteResult> {
  return callAs(
    listingsRoute.action as RouteFn,
    owner,
    lang ? `/${lang}/sell/products` : "/sell/products",
    { intent: "stock", id: String(productId), stock: onHand },
    lang ? { lang } : {},
  );
}

/** Runs the reservation sweeper as the background job does, with the clock past every reservation. */
function expireAll() {
  setClock(new Date(Date.now() + 31 * 60_000));
  expireReservations();
}

function orderStatus(orderId: number) {
  return db().select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).get()!.status;
}

describe("on hand and reserved are kept apart", () => {
  test("an unpaid checkout holds units; the owner counts the shelf; expiry gives the units back, never creates them", async () => {
    const product = createProduct(db(), { stock: 5 });
    const orderId = await placeThroughCheckout(product.id, 3);
    expect(await shopperSees(product.slug)).toBe(2);

    // The owner has 5 on the shelf and types 5: that is the count on hand, not what is left to sell.
    const edit = await ownerSetsOnHand(product.id, "5");
    expect(edit.status).toBe(200);
    expect(await shopperSees(product.slug)).toBe(2);
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 3, available: 2 });

    // Nobody pays: the hold expires. 5 are on the shelf and 5 can be bought — not 8.
    expireAll();
    expect(orderStatus(orderId)).toBe("expired");
    expect(await shopperSees(product.slug)).toBe(5);
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  test("the edit form sets on hand too, and shows reserved and available", async () => {
    const product = createProduct(db(), { stock: 6 });
    await placeThroughCheckout(product.id, 2);
    const path = `/sell/products/${product.id}`;
    const page = await callAs(editRoute.loader as RouteFn, owner, path, undefined, { id: String(product.id) });
    expect(page.body).toMatchObject({
      product: { inventory: { onHand: 6, reserved: 2, available: 4 }, values: { stock: "6" } },
    });
    const values = (page.body as { product: { values: Record<string, string> } }).product.values;
    const saved = await callAs(
      editRoute.action as RouteFn,
      owner,
      path,
      { ...values, stock: "9" },
      {
        id: String(product.id),
      },
    );
    expect(saved.status).toBe(302);
    expect(units(product.id)).toEqual({ onHand: 9, reserved: 2, available: 7 });
    expireAll();
    expect(await shopperSees(product.slug)).toBe(9);
  });

  test("the listing table shows on hand, reserved and available", async () => {
    const product = createProduct(db(), { stock: 4, titleEn: `Inventory columns ${Date.now()}` });
    await placeThroughCheckout(product.id, 1);
    const list = await callAs(listingsRoute.loader as RouteFn, owner, `/sell/products?q=${product.sku}`);
    expect((list.body as { listing: { items: unknown[] } }).listing.items).toEqual([
      expect.objectContaining({ id: product.id, onHand: 4, reserved: 1, available: 3 }),
    ]);
  });
});

describe("an owner's count below the units reserved", () => {
  test("is refused in the owner's language, naming the orders that hold the units; nothing is written", async () => {
    const product = createProduct(db(), { stock: 5 });
    const first = await placeThroughCheckout(product.id, 2);
    const second = await placeThroughCheckout(product.id, 1);
    const before = db().select().from(products).where(eq(products.id, product.id)).get()!;

    const refused = await ownerSetsOnHand(product.id, "2");
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      ok: false,
      error: "inventory.belowReserved",
      message: `3 units are held by orders not yet shipped (#${first}, #${second}): ship them, or enter at least 3. Unpaid orders release their units when their checkout expires.`,
    });
    const zh = await ownerSetsOnHand(product.id, "0", "zh");
    expect(zh.status).toBe(409);
    expect((zh.body as { message: string }).message).toContain(`有3件被尚未发货的订单占用（#${first}, #${second}）`);
    const fr = await ownerSetsOnHand(product.id, "1", "fr");
    expect((fr.body as { message: string }).message).toContain(`3 unités sont retenues`);
    expect(db().select().from(products).where(eq(products.id, product.id)).get()).toEqual(before);

    // The edit form says the same beside the field, and writes nothing either (not even the title).
    const path = `/sell/products/${product.id}`;
    const page = await callAs(editRoute.loader as RouteFn, owner, path, undefined, { id: String(product.id) });
    const values = (page.body as { product: { values: Record<string, string> } }).product.values;
    const form = await callAs(
      editRoute.action as RouteFn,
      owner,
      path,
      { ...values, titleEn: "Renamed", stock: "2" },
      { id: String(product.id) },
    );
    expect(form.status).toBe(409);
    expect(JSON.stringify(form.body)).toContain(`(#${first}, #${second})`);
    expect(db().select().from(products).where(eq(products.id, product.id)).get()).toEqual(before);

    // Exactly the units reserved is accepted: nothing left to sell, nothing lost.
    expect((await ownerSetsOnHand(product.id, "3")).status).toBe(200);
    expect(units(product.id)).toEqual({ onHand: 3, reserved: 3, available: 0 });
  });

  test("bad quantities get a 400 in the owner's language and change nothing", async () => {
    const product = createProduct(db(), { stock: 5 });
    for (const bad of ["-1", "abc", "1.5", "9999999", "", " 1e3"]) {
      const result = await ownerSetsOnHand(product.id, bad);
      expect(result.status, bad).toBe(400);
      expect(result.body, bad).toMatchObject({ ok: false, error: "form.stock" });
    }
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });
});

describe("CSV import sets units on hand", () => {
  const header = ["sku", "title_en", "title_zh", "title_fr", "category", "tags", "price_usd", "stock", "status"];
  const csvFor = (product: typeof products.$inferSelect, onHand: number) =>
    toCsv([
      header,
      [
        product.sku,
        product.titleEn,
        product.titleZh,
        product.titleFr,
        "crafts-home-decor",
        "",
        (product.priceCents / 100).toFixed(2),
        String(onHand),
        "active",
      ],
    ]);
  /** Uploads and confirms, as the owner would: the job's counts after the import. */
  async function importCsv(csv: string) {
    const jobId = (await uploadCsv(owner, csv)).jobId!;
    expect((await confirmImport(owner, jobId)).status).toBe(302);
    return (await viewImport(owner, jobId)).view.job;
  }

  test("the oversell scenario through the import: a count of 5 with 3 held leaves 2 to sell, and 5 after expiry", async () => {
    const product = createProduct(db(), { stock: 5 });
    await placeThroughCheckout(product.id, 3);
    const upload = await uploadCsv(owner, csvFor(product, 5));
    expect((await viewImport(owner, upload.jobId!)).view.job).toMatchObject({ unchangedCount: 1, changedCount: 0 });
    expect(await shopperSees(product.slug)).toBe(2);
    // A new count is written as on hand; what is held stays held.
    expect(await importCsv(csvFor(product, 7))).toMatchObject({ updatedCount: 1 });
    expect(units(product.id)).toEqual({ onHand: 7, reserved: 3, available: 4 });
    expireAll();
    expect(await shopperSees(product.slug)).toBe(7);
    expect(units(product.id)).toEqual({ onHand: 7, reserved: 0, available: 7 });
  });

  test("a row below the units reserved is refused at the preview and skipped at the import, naming the orders", async () => {
    const product = createProduct(db(), { stock: 5 });
    const orderId = await placeThroughCheckout(product.id, 3);
    const before = db().select().from(products).where(eq(products.id, product.id)).get()!;
    const upload = await uploadCsv(owner, csvFor(product, 2));
    const belowReserved = {
      column: "stock",
      key: "inventory.belowReserved",
      vars: { count: 3, orders: `#${orderId}` },
    };
    const preview = (await viewImport(owner, upload.jobId!)).view;
    expect(preview.job).toMatchObject({ errorCount: 1, changedCount: 0, newCount: 0 });
    expect(preview.rows).toEqual([expect.objectContaining({ line: 2, sku: product.sku, errors: [belowReserved] })]);
    expect(db().select().from(products).where(eq(products.id, product.id)).get()).toEqual(before);
  });

  test("an order placed between the check and the confirmation: the row is skipped, never oversold", async () => {
    const product = createProduct(db(), { stock: 5 });
    const upload = await uploadCsv(owner, csvFor(product, 2));
    expect((await viewImport(owner, upload.jobId!)).view.job).toMatchObject({ changedCount: 1, errorCount: 0 });
    const orderId = await placeThroughCheckout(product.id, 3);
    const before = db().select().from(products).where(eq(products.id, product.id)).get()!;
    expect((await confirmImport(owner, upload.jobId!)).status).toBe(302);
    const done = (await viewImport(owner, upload.jobId!)).view;
    expect(done.job).toMatchObject({ updatedCount: 0, skippedCount: 1 });
    expect(done.rows).toEqual([
      expect.objectContaining({
        line: 2,
        sku: product.sku,
        errors: [{ column: "stock", key: "inventory.belowReserved", vars: { count: 3, orders: `#${orderId}` } }],
      }),
    ]);
    expect(db().select().from(products).where(eq(products.id, product.id)).get()).toEqual(before);
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 3, available: 2 });
  });
});

describe("the reservation lasts until the line ships", () => {
  test("paying keeps the units reserved; shipping takes them off the shelf, once", async () => {
    const product = createProduct(db(), { stock: 5 });
    const orderId = await placeThroughCheckout(product.id, 3);
    await demoPayment(orderId, "pay");
    expect(orderStatus(orderId)).toBe("paid");
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 3, available: 2 });
    // Paid but not shipped: the units are still on the shelf, and still not the owner's to count away.
    const refused = await ownerSetsOnHand(product.id, "1");
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toContain(`(#${orderId})`);

    const line = db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).get()!;
    const ship = (tracking: string) =>
      callAs(storeOrders.action as RouteFn, owner, "/sell/orders", {
        lineId: String(line.id),
        carrier: "China Post / EMS",
        tracking,
      });
    expect((await ship("EE123456789CN")).status).toBe(200);
    expect(orderStatus(orderId)).toBe("fulfilled");
    expect(units(product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
    // Correcting the tracking number ships nothing more.
    expect((await ship("EE987654321CN")).status).toBe(200);
    expect(units(product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
    expect(await shopperSees(product.slug)).toBe(2);
    // Expiry does not touch a paid order.
    expireAll();
    expect(units(product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  test("leaving the payment page and a failed payment keep the units held; cancelling and expiry release them, once", async () => {
    const product = createProduct(db(), { stock: 4 });
    const cancelled = await placeThroughCheckout(product.id, 1);
    const failed = await placeThroughCheckout(product.id, 1);
    const expired = await placeThroughCheckout(product.id, 2);
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 4, available: 0 });

    // The old cancel link (a GET) only leads to the order page: nothing changes.
    const back = await callAs(
      cancelRoute.loader as RouteFn,
      null,
      `/checkout/cancel?order=${cancelled}&token=${tokens.get(cancelled)}`,
    );
    expect(back.status).toBe(302);
    expect(back.headers.get("Location")).toBe(
      `/account/orders/${cancelled}?token=${tokens.get(cancelled)}&payment=left`,
    );
    expect(orderStatus(cancelled)).toBe("pending_payment");
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 4, available: 0 });
    // Cancelling is a POST on the order page.
    expect((await orderPageAction(cancelled, "cancel")).status).toBe(200);
    expect(orderStatus(cancelled)).toBe("cancelled");
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 3, available: 1 });

    await demoPayment(failed, "fail");
    expect(orderStatus(failed)).toBe("pending_payment");
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 3, available: 1 });

    expireAll();
    expect(orderStatus(failed)).toBe("expired");
    expect(orderStatus(expired)).toBe("expired");
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    // Released once: the sweeper again, a second cancel or a late failure gives nothing more back.
    expireReservations();
    expect((await orderPageAction(cancelled, "cancel")).status).toBe(409);
    expect((await orderPageAction(expired, "cancel")).status).toBe(409);
    expect((await demoPaymentRefused(expired, "fail")).status).toBe(409);
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
  });
});

describe("deal caps count units reserved and units sold", () => {
  test("reserved at placement, sold on payment, released on failure and expiry; the cap counts both", async () => {
    const product = createProduct(db(), { stock: 10, priceCents: 4000 });
    const festival = createFestival(db(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + 10 * DAY),
      deals: [{ productId: product.id, dealPriceCents: 3000, dealStock: 3 }],
    });
    const deal = () =>
      db()
        .select({ sold: festivalDeals.soldCount, reserved: festivalDeals.reservedCount })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festival.id))
        .get()!;
    // The goods of the order (its total adds the import tax to China; shipping is free in this file).
    const total = (orderId: number) =>
      db()
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, orderId))
        .all()
        .reduce((n, l) => n + l.unitCents * l.quantity, 0);
    const unitsLeft = async () =>
      (await runLoader(productPage.loader, `/products/${product.slug}`, { slug: product.slug })).product.deal
        ?.unitsLeft ?? 0;

    const a = await placeThroughCheckout(product.id, 2);
    expect(total(a)).toBe(6000);
    expect(deal()).toEqual({ sold: 0, reserved: 2 });
    expect(await unitsLeft()).toBe(1);
    // Two more: the cap has one left (2 reserved of 3), so one unit at the deal price and one at the regular price.
    const b = await placeThroughCheckout(product.id, 2);
    expect(total(b)).toBe(3000 + 4000);
    expect(deal()).toEqual({ sold: 0, reserved: 3 });
    expect(await unitsLeft()).toBe(0);

    await demoPayment(a, "pay");
    expect(deal()).toEqual({ sold: 2, reserved: 1 });
    // b's payment fails: it stays unpaid and keeps its deal unit; cancelling it gives the unit back
    // (only its deal unit returns to the cap; its regular unit never held one).
    await demoPayment(b, "fail");
    expect(deal()).toEqual({ sold: 2, reserved: 1 });
    expect((await orderPageAction(b, "cancel")).status).toBe(200);
    expect(deal()).toEqual({ sold: 2, reserved: 0 });
    expect(await unitsLeft()).toBe(1);

    const c = await placeThroughCheckout(product.id, 1);
    expect(total(c)).toBe(3000);
    expect(deal()).toEqual({ sold: 2, reserved: 1 });
    expect(await unitsLeft()).toBe(0);
    await demoPayment(c, "fail");
    expect(deal()).toEqual({ sold: 2, reserved: 1 });
    expireAll();
    expect(deal()).toEqual({ sold: 2, reserved: 0 });
    setClock(null);
    expect(await unitsLeft()).toBe(1);
    // a is paid and holds its 2 units until shipped.
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 2, available: 8 });
  });
});
