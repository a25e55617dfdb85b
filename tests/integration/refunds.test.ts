import { asc, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as adminOrder from "#app/routes/($lang).admin.orders.$id.tsx";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import * as storeOrder from "#app/routes/($lang).sell.orders_.$id.tsx";
import * as storeOrders from "#app/routes/($lang).sell.orders.tsx";
import { en } from "#app/i18n/messages/en.ts";
import { fr } from "#app/i18n/messages/fr.ts";
import { zh } from "#app/i18n/messages/zh.ts";
import { getSales } from "#app/models/orders.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { festivalDeals, orderEvents, orderItems, orders, products, refundLines, refunds } from "#db/schema/index.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, type RouteFn, type RouteResult } from "#tests/support/loaders.ts";
import { payDemo, placeGuestOrder } from "#tests/support/shop.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

/**
 * Refunds with the demo payment provider, through the organizer's and the owner's order pages:
 * what a refund does to the order, its lines, the units on the shelf and the deal caps, and bad
 * input refused with the right status and message and nothing written. Stripe is in
 * refunds-stripe.test.ts.
 */
useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, CHECKOUT_RESERVATION_MINUTES: "30" });

const db = () => getDb();
const STORE = "yirga-highlands-coffee";
const OTHER_STORE = "tamale-shea-collective";
const DAY = 86_400_000;
const SHIPPING = {
  email: "amina.okafor@example.com",
  name: "Amina Okafor",
  phone: "+234 803 555 0101",
  address: "12 Marina Road",
  city: "Lagos",
  postcode: "101001",
  country: "NG",
};

let organizerCookie: string;
let ownerCookie: string;
let otherOwnerCookie: string;
beforeAll(async () => {
  organizerCookie = await cookieFor(organizer().id);
  ownerCookie = await cookieFor(ownerOf(STORE).user.id);
  otherOwnerCookie = await cookieFor(ownerOf(OTHER_STORE).user.id);
});
afterEach(() => {
  setClock(null);
  resetRateLimits();
});

// ——— Placing and paying through the shopper's routes ———

const tokens = new Map<number, string>();

/** A guest puts these lines in a new cart and checks out through the real actions; the pending order's id. */
async function place(lines: { productId: number; quantity: number }[]): Promise<number> {
  const { orderId, token } = await placeGuestOrder(lines, { shipping: SHIPPING });
  tokens.set(orderId, token);
  return orderId;
}

/** The shopper presses "pay" on the demo payment page. */
async function pay(orderId: number) {
  await payDemo(orderId, tokens.get(orderId)!);
  expect(orderRow(orderId).status).toBe("paid");
}

async function placePaid(lines: { productId: number; quantity: number }[]): Promise<number> {
  const orderId = await place(lines);
  await pay(orderId);
  return orderId;
}

// ——— Reading what is stored ———

const orderRow = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const linesOf = (orderId: number) =>
  db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id)).all();
const lineOf = (orderId: number, productId: number) => linesOf(orderId).find((l) => l.productId === productId)!;
const refundsOf = (orderId: number) =>
  db().select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id)).all();
const eventsOf = (orderId: number) =>
  db().select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)).all();

/** A product's units: on hand, reserved, and available (the generated `stock`). */
function units(productId: number) {
  return db()
    .select({ onHand: products.onHand, reserved: products.reserved, available: products.stock })
    .from(products)
    .where(eq(products.id, productId))
    .get()!;
}

/** Everything a refund could write for this order: the order, its lines, refunds, events, units, deals. */
function everything(orderId: number) {
  const lines = linesOf(orderId);
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const refundRows = refundsOf(orderId);
  return {
    order: orderRow(orderId),
    lines,
    refunds: refundRows,
    refundLines:
      refundRows.length === 0
        ? []
        : db()
            .select()
            .from(refundLines)
            .where(
              inArray(
                refundLines.refundId,
                refundRows.map((r) => r.id),
              ),
            )
            .all(),
    events: eventsOf(orderId),
    products: db().select().from(products).where(inArray(products.id, productIds)).all(),
    deals: db().select().from(festivalDeals).where(inArray(festivalDeals.productId, productIds)).all(),
    allRefunds: db().select({ id: refunds.id }).from(refunds).all().length,
  };
}

// ——— The staff pages' actions ———

type RefundForm = { lineId?: string; quantity?: string; amount?: string; restock?: "on"; reason?: string };

/** The refund form posted to the organizer's order page (/admin/orders/:id). */
function organizerRefunds(orderId: number, form: RefundForm, cookie: string | null = organizerCookie) {
  return callAs(adminOrder.action as RouteFn, cookie, `/admin/orders/${orderId}`, form as Record<string, string>, {
    id: String(orderId),
  });
}

/** The refund form posted to the owner's order page (/sell/orders/:id). */
function ownerRefunds(orderId: number, form: RefundForm, cookie: string | null = ownerCookie) {
  return callAs(storeOrder.action as RouteFn, cookie, `/sell/orders/${orderId}`, form as Record<string, string>, {
    id: String(orderId),
  });
}

/** The owner marks a line shipped on /sell/orders. */
function ship(lineId: number, cookie = ownerCookie) {
  return callAs(storeOrders.action as RouteFn, cookie, "/sell/orders", {
    lineId: String(lineId),
    carrier: "China Post / EMS",
    tracking: `EE${lineId}00CN`,
  });
}

const form = (lineId: number, fields: Omit<RefundForm, "lineId">): RefundForm => ({
  lineId: String(lineId),
  reason: "The shopper asked",
  ...fields,
});

function expectRefused(result: RouteResult, status: number, message: string) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toMatchObject({ ok: false, message });
  // The key is translated in every language the pages speak.
  for (const messages of [en, zh, fr]) expect(messages, message).toHaveProperty([message]);
}

describe("a refund through the organizer's order page (demo provider)", () => {
  test("a whole unshipped line with restock: units released, the order refunded in full, the timeline says who and why", async () => {
    const product = createProduct(db(), { stock: 5, priceCents: 1500 });
    const orderId = await placePaid([{ productId: product.id, quantity: 2 }]);
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    const line = lineOf(orderId, product.id);
    const eventsBefore = eventsOf(orderId).length;

    const result = await organizerRefunds(
      orderId,
      form(line.id, { quantity: "2", restock: "on", reason: "Roastery ran out" }),
    );
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: true, lineId: line.id, message: "refund.done", amountCents: 3000 });

    // Never shipped, put back on sale: the reservation goes, the shelf keeps its units.
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", totalCents: 3000, refundedCents: 3000 });
    expect(lineOf(orderId, product.id)).toMatchObject({ refundedQuantity: 2, refundedCents: 3000 });
    const [refund] = refundsOf(orderId);
    expect(refundsOf(orderId)).toHaveLength(1);
    expect(refund).toMatchObject({
      status: "succeeded",
      amountCents: 3000,
      reason: "Roastery ran out",
      actorKind: "organizer",
      actorUserId: organizer().id,
      storeId: null,
      provider: "demo",
    });

    const added = eventsOf(orderId).slice(eventsBefore);
    expect(added.map((e) => [e.kind, e.actorKind, e.fromStatus, e.toStatus])).toEqual([
      ["refund_requested", "organizer", null, null],
      ["refund_succeeded", "payment", null, null],
      ["status", "payment", "paid", "refunded"],
    ]);
    expect(added[0]).toMatchObject({
      actorUserId: organizer().id,
      reason: "Roastery ran out",
      detail: { refundId: refund!.id, amountCents: 3000 },
    });
    expect(added[1]!.detail).toEqual({ refundId: refund!.id, amountCents: 3000 });
    expect(added[2]!.reason).toBe("Roastery ran out");

    // The page shows it: refunded in full, nothing left to refund, the timeline with the organizer's name.
    const page = await callAs(adminOrder.loader as RouteFn, organizerCookie, `/admin/orders/${orderId}`, undefined, {
      id: String(orderId),
    });
    expect(page.body).toMatchObject({
      order: {
        status: "refunded",
        refundedCents: 3000,
        refundable: false,
        lines: [{ id: line.id, refundedQuantity: 2, refundable: { quantity: 0, amountCents: 0 } }],
      },
    });
    const timeline = (page.body as { events: { kind: string; reason: string | null }[] }).events;
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["refund_requested", "refund_succeeded"]));

    // A refunded order ships nothing.
    expectRefused(await ship(line.id), 409, "sell.shipNotPaid");
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  test("units of a line at a festival deal price go back to the deal: its sold count goes down", async () => {
    const product = createProduct(db(), { stock: 10, priceCents: 4000 });
    const festival = createFestival(db(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + 10 * DAY),
      deals: [{ productId: product.id, dealPriceCents: 3000, dealStock: 5 }],
    });
    const deal = () =>
      db()
        .select({ sold: festivalDeals.soldCount, reserved: festivalDeals.reservedCount })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festival.id))
        .get()!;
    const orderId = await placePaid([{ productId: product.id, quantity: 3 }]);
    const line = lineOf(orderId, product.id);
    expect(line).toMatchObject({ unitCents: 3000, quantity: 3 });
    expect(deal()).toEqual({ sold: 3, reserved: 0 });

    const result = await organizerRefunds(orderId, form(line.id, { quantity: "2", restock: "on" }));
    expect(result.body).toMatchObject({ ok: true, message: "refund.done", amountCents: 6000 });
    expect(deal()).toEqual({ sold: 1, reserved: 0 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 1, available: 9 });
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 6000 });
  });

  test("an amount alone (0 units, 5.00) gives money back and keeps the units owed", async () => {
    const product = createProduct(db(), { stock: 4, priceCents: 1500 });
    const orderId = await placePaid([{ productId: product.id, quantity: 2 }]);
    const line = lineOf(orderId, product.id);
    const result = await organizerRefunds(orderId, form(line.id, { quantity: "0", amount: "5.00" }));
    expect(result.body).toEqual({ ok: true, lineId: line.id, message: "refund.done", amountCents: 500 });
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 500 });
    expect(lineOf(orderId, product.id)).toMatchObject({ refundedQuantity: 0, refundedCents: 500 });
    expect(refundsOf(orderId)).toEqual([expect.objectContaining({ amountCents: 500, status: "succeeded" })]);
    // The units are still owed to the shopper: still reserved, and they ship.
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 2, available: 2 });
    expect((await ship(line.id)).status).toBe(200);
    expect(units(product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  test("units and a smaller amount together (a partial credit for each unit)", async () => {
    const product = createProduct(db(), { stock: 4, priceCents: 1500 });
    const orderId = await placePaid([{ productId: product.id, quantity: 2 }]);
    const line = lineOf(orderId, product.id);
    const result = await organizerRefunds(orderId, form(line.id, { quantity: "1", amount: "10.00", restock: "on" }));
    expect(result.body).toMatchObject({ ok: true, amountCents: 1000 });
    expect(lineOf(orderId, product.id)).toMatchObject({ refundedQuantity: 1, refundedCents: 1000 });
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 1, available: 3 });
    // What is left of the line: one unit and 20.00 (30.00 paid less 10.00).
    const page = await callAs(adminOrder.loader as RouteFn, organizerCookie, `/admin/orders/${orderId}`, undefined, {
      id: String(orderId),
    });
    expect(page.body).toMatchObject({ order: { lines: [{ refundable: { quantity: 1, amountCents: 2000 } }] } });
  });

  test("money given back in full without the units: the order is refunded and its unshipped units are released", async () => {
    const product = createProduct(db(), { stock: 5, priceCents: 1500 });
    const dealProduct = createProduct(db(), { stock: 5, priceCents: 4000 });
    const festival = createFestival(db(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + 10 * DAY),
      deals: [{ productId: dealProduct.id, dealPriceCents: 3000, dealStock: 4 }],
    });
    const deal = () =>
      db()
        .select({ sold: festivalDeals.soldCount, reserved: festivalDeals.reservedCount })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festival.id))
        .get()!;
    const orderId = await placePaid([
      { productId: product.id, quantity: 2 },
      { productId: dealProduct.id, quantity: 1 },
    ]);
    const line = lineOf(orderId, product.id);
    const dealLine = lineOf(orderId, dealProduct.id);
    expect(deal()).toEqual({ sold: 1, reserved: 0 });
    // Goodwill: the deal line's money back, its unit still to ship; the order stays open.
    expect((await organizerRefunds(orderId, form(dealLine.id, { quantity: "0", amount: "30.00" }))).status).toBe(200);
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 3000 });
    expect(units(dealProduct.id)).toEqual({ onHand: 5, reserved: 1, available: 4 });
    expect(deal()).toEqual({ sold: 1, reserved: 0 });

    const result = await organizerRefunds(orderId, form(line.id, { quantity: "0", amount: "30.00" }));
    expect(result.body).toMatchObject({ ok: true, amountCents: 3000 });
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 6000, totalCents: 6000 });
    // A refunded order never ships, so nothing may stay reserved for it (else the units are stuck for
    // ever): the units go back on sale, the deal's unit back to its cap.
    expectRefused(await ship(line.id), 409, "sell.shipNotPaid");
    expect(units(product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(units(dealProduct.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(deal()).toEqual({ sold: 0, reserved: 0 });
  });
});

describe("a refund through the owner's order page (demo provider)", () => {
  test("1 of 3 units → partially refunded; the other 2 → refunded", async () => {
    const product = createProduct(db(), { stock: 6, priceCents: 1500 });
    const orderId = await placePaid([{ productId: product.id, quantity: 3 }]);
    const line = lineOf(orderId, product.id);

    const first = await ownerRefunds(orderId, form(line.id, { quantity: "1", restock: "on", reason: "Chipped mug" }));
    expect(first.body).toEqual({ ok: true, lineId: line.id, message: "refund.done", amountCents: 1500 });
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 1500 });
    expect(units(product.id)).toEqual({ onHand: 6, reserved: 2, available: 4 });
    expect(refundsOf(orderId)[0]).toMatchObject({
      actorKind: "owner",
      actorUserId: ownerOf(STORE).user.id,
      storeId: ownerOf(STORE).store.id,
    });
    const page = await callAs(storeOrder.loader as RouteFn, ownerCookie, `/sell/orders/${orderId}`, undefined, {
      id: String(orderId),
    });
    expect(page.body).toMatchObject({
      order: {
        status: "partially_refunded",
        refundable: true,
        lines: [{ refundedQuantity: 1, refundable: { quantity: 2, amountCents: 3000 } }],
      },
    });

    const second = await ownerRefunds(orderId, form(line.id, { quantity: "2", restock: "on" }));
    expect(second.body).toMatchObject({ ok: true, amountCents: 3000 });
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 4500, totalCents: 4500 });
    expect(units(product.id)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    expect(
      eventsOf(orderId)
        .filter((e) => e.kind === "status")
        .map((e) => [e.fromStatus, e.toStatus]),
    ).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "paid"],
      ["paid", "partially_refunded"],
      ["partially_refunded", "refunded"],
    ]);
  });

  test("unshipped units not restocked leave the shelf too (damaged, lost)", async () => {
    const product = createProduct(db(), { stock: 5 });
    const orderId = await placePaid([{ productId: product.id, quantity: 2 }]);
    const line = lineOf(orderId, product.id);
    expect((await ownerRefunds(orderId, form(line.id, { quantity: "1" }))).status).toBe(200);
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 1, available: 3 });
  });

  test("shipped units: restocked come back on the shelf; not restocked, the shelf is unchanged", async () => {
    const product = createProduct(db(), { stock: 5, priceCents: 1500 });
    const orderId = await placePaid([{ productId: product.id, quantity: 2 }]);
    const line = lineOf(orderId, product.id);
    expect((await ship(line.id)).status).toBe(200);
    expect(orderRow(orderId).status).toBe("fulfilled");
    expect(units(product.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });

    expect((await ownerRefunds(orderId, form(line.id, { quantity: "1", restock: "on" }))).status).toBe(200);
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 1500 });

    expect((await ownerRefunds(orderId, form(line.id, { quantity: "1" }))).status).toBe(200);
    expect(units(product.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 3000 });
    expect(
      eventsOf(orderId)
        .filter((e) => e.kind === "status")
        .map((e) => e.toStatus),
    ).toEqual(["pending_payment", "paid", "fulfilled", "partially_refunded", "refunded"]);
  });

  test("a partly refunded unshipped line ships only the units left; a line refunded in full ships nothing", async () => {
    const partly = createProduct(db(), { stock: 6, priceCents: 1500 });
    const whole = createProduct(db(), { stock: 4, priceCents: 1000 });
    const orderId = await placePaid([
      { productId: partly.id, quantity: 3 },
      { productId: whole.id, quantity: 2 },
    ]);
    const partlyLine = lineOf(orderId, partly.id);
    const wholeLine = lineOf(orderId, whole.id);
    expect((await ownerRefunds(orderId, form(partlyLine.id, { quantity: "1", restock: "on" }))).status).toBe(200);
    expect((await ownerRefunds(orderId, form(wholeLine.id, { quantity: "2", restock: "on" }))).status).toBe(200);
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 1500 + 2000 });
    expect(units(partly.id)).toEqual({ onHand: 6, reserved: 2, available: 4 });
    expect(units(whole.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });

    const before = everything(orderId);
    expectRefused(await ship(wholeLine.id), 409, "sell.shipRefunded");
    expect(everything(orderId)).toEqual(before);

    expect((await ship(partlyLine.id)).status).toBe(200);
    // The 2 units still owed leave the shelf; the refunded one was released already.
    expect(units(partly.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect(units(whole.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    // The money state says more than the parcels: still partially refunded.
    expect(orderRow(orderId).status).toBe("partially_refunded");
  });

  test("in an order with two stores' lines, the owner refunds only their own", async () => {
    const mine = createProduct(db(), { stock: 5, priceCents: 1500, storeSlug: STORE });
    const theirs = createProduct(db(), { stock: 5, priceCents: 2500, storeSlug: OTHER_STORE });
    const orderId = await placePaid([
      { productId: mine.id, quantity: 1 },
      { productId: theirs.id, quantity: 1 },
    ]);
    const theirLine = lineOf(orderId, theirs.id);
    const myLine = lineOf(orderId, mine.id);

    const before = everything(orderId);
    expectRefused(
      await ownerRefunds(orderId, form(theirLine.id, { quantity: "1", restock: "on" })),
      404,
      "admin.errorNotFound",
    );
    expect(everything(orderId)).toEqual(before);
    // The owner's page does not show the other store's line either.
    const page = await callAs(storeOrder.loader as RouteFn, ownerCookie, `/sell/orders/${orderId}`, undefined, {
      id: String(orderId),
    });
    expect((page.body as { order: { lines: { id: number }[] } }).order.lines.map((l) => l.id)).toEqual([myLine.id]);

    expect((await ownerRefunds(orderId, form(myLine.id, { quantity: "1", restock: "on" }))).status).toBe(200);
    expect(orderRow(orderId)).toMatchObject({ status: "partially_refunded", refundedCents: 1500 });
    expect(units(theirs.id)).toEqual({ onHand: 5, reserved: 1, available: 4 });
    // The other store's owner refunds theirs; the organizer could have too.
    expect(
      (await ownerRefunds(orderId, form(theirLine.id, { quantity: "1", restock: "on" }), otherOwnerCookie)).status,
    ).toBe(200);
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 4000 });
  });
});

describe("bad input: the right status and message, and nothing written", () => {
  async function paidLine(quantity = 2, priceCents = 1500) {
    const product = createProduct(db(), { stock: 10, priceCents });
    const orderId = await placePaid([{ productId: product.id, quantity }]);
    return { product, orderId, line: lineOf(orderId, product.id) };
  }

  test("an unpaid order and a cancelled one cannot be refunded (409)", async () => {
    const product = createProduct(db(), { stock: 5 });
    const unpaid = await place([{ productId: product.id, quantity: 1 }]);
    const line = lineOf(unpaid, product.id);
    let before = everything(unpaid);
    expectRefused(
      await organizerRefunds(unpaid, form(line.id, { quantity: "1", restock: "on" })),
      409,
      "refund.notRefundable",
    );
    expectRefused(
      await ownerRefunds(unpaid, form(line.id, { quantity: "0", amount: "1.00" })),
      409,
      "refund.notRefundable",
    );
    expect(everything(unpaid)).toEqual(before);

    const cancelled = await place([{ productId: product.id, quantity: 1 }]);
    const cancel = await callAs(
      orderPage.action as RouteFn,
      null,
      `/account/orders/${cancelled}?token=${tokens.get(cancelled)}`,
      { intent: "cancel" },
      { id: String(cancelled) },
    );
    expect(cancel.status).toBe(200);
    expect(orderRow(cancelled).status).toBe("cancelled");
    before = everything(cancelled);
    expectRefused(
      await organizerRefunds(cancelled, form(lineOf(cancelled, product.id).id, { quantity: "1", restock: "on" })),
      409,
      "refund.notRefundable",
    );
    expect(everything(cancelled)).toEqual(before);
  });

  test("more units than are left (409 refund.tooMuch), counting an earlier refund", async () => {
    const { orderId, line } = await paidLine(2);
    let before = everything(orderId);
    expectRefused(await organizerRefunds(orderId, form(line.id, { quantity: "3" })), 409, "refund.tooMuch");
    expect(everything(orderId)).toEqual(before);
    expect((await organizerRefunds(orderId, form(line.id, { quantity: "1", restock: "on" }))).status).toBe(200);
    before = everything(orderId);
    expectRefused(await ownerRefunds(orderId, form(line.id, { quantity: "2" })), 409, "refund.tooMuch");
    expect(everything(orderId)).toEqual(before);
  });

  test("an amount above what is left of the line, counting an earlier refund (409)", async () => {
    const { orderId, line } = await paidLine(2, 1500);
    let before = everything(orderId);
    expectRefused(await organizerRefunds(orderId, form(line.id, { amount: "30.01" })), 409, "refund.tooMuch");
    expect(everything(orderId)).toEqual(before);
    expect((await organizerRefunds(orderId, form(line.id, { quantity: "0", amount: "10.00" }))).status).toBe(200);
    before = everything(orderId);
    expectRefused(
      await organizerRefunds(orderId, form(line.id, { quantity: "0", amount: "20.01" })),
      409,
      "refund.tooMuch",
    );
    // One unit with an amount above what is left, too.
    expectRefused(
      await ownerRefunds(orderId, form(line.id, { quantity: "1", amount: "25.00" })),
      409,
      "refund.tooMuch",
    );
    expect(everything(orderId)).toEqual(before);
    // Exactly what is left is accepted.
    expect((await organizerRefunds(orderId, form(line.id, { quantity: "0", amount: "20.00" }))).status).toBe(200);
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 3000 });
  });

  test("malformed units, amounts, a missing reason or line: 400 with the field's message", async () => {
    const { orderId, line } = await paidLine(2);
    const before = everything(orderId);
    for (const quantity of ["-1", "abc", "1.5", "1e3", "0x1"]) {
      expectRefused(
        await organizerRefunds(orderId, form(line.id, { quantity, restock: "on" })),
        400,
        "refund.badQuantity",
      );
      expectRefused(await ownerRefunds(orderId, form(line.id, { quantity })), 400, "refund.badQuantity");
    }
    for (const amount of ["12.345", "-3", "abc", "1,50", "$5"]) {
      expectRefused(await organizerRefunds(orderId, form(line.id, { quantity: "0", amount })), 400, "refund.badAmount");
      expectRefused(await ownerRefunds(orderId, form(line.id, { quantity: "1", amount })), 400, "refund.badAmount");
    }
    // Units with an amount of nothing, and nothing at all.
    expectRefused(
      await organizerRefunds(orderId, form(line.id, { quantity: "1", amount: "0.00" })),
      400,
      "refund.badAmount",
    );
    expectRefused(await organizerRefunds(orderId, form(line.id, { quantity: "0" })), 400, "refund.nothingAsked");
    expectRefused(await organizerRefunds(orderId, form(line.id, { quantity: "" })), 400, "refund.nothingAsked");
    for (const reason of ["", "   "]) {
      expectRefused(await organizerRefunds(orderId, form(line.id, { quantity: "1", reason })), 400, "refund.noReason");
      expectRefused(await ownerRefunds(orderId, form(line.id, { quantity: "1", reason })), 400, "refund.noReason");
    }
    expectRefused(
      await organizerRefunds(orderId, { lineId: undefined, quantity: "1", reason: "x" } as RefundForm),
      400,
      "admin.errorBadRequest",
    );
    expectRefused(
      await organizerRefunds(orderId, { lineId: "x1", quantity: "1", reason: "x" }),
      400,
      "admin.errorBadRequest",
    );
    expect(everything(orderId)).toEqual(before);
  });

  test("a line of another order, or an order that does not exist: 404", async () => {
    const { orderId, line } = await paidLine(1);
    const { orderId: otherOrder } = await paidLine(1);
    const before = everything(orderId);
    expectRefused(await organizerRefunds(otherOrder, form(line.id, { quantity: "1" })), 404, "admin.errorNotFound");
    expectRefused(await organizerRefunds(999_999, form(line.id, { quantity: "1" })), 404, "admin.errorNotFound");
    expect(everything(orderId)).toEqual(before);
  });

  test("an owner refunding another store's line: 404, nothing written", async () => {
    const theirs = createProduct(db(), { stock: 5, storeSlug: OTHER_STORE });
    const orderId = await placePaid([{ productId: theirs.id, quantity: 1 }]);
    const before = everything(orderId);
    expectRefused(
      await ownerRefunds(orderId, form(lineOf(orderId, theirs.id).id, { quantity: "1", restock: "on" })),
      404,
      "admin.errorNotFound",
    );
    expect(everything(orderId)).toEqual(before);
  });

  test("shoppers and visitors are refused on both pages; an owner is refused on the organizer's", async () => {
    const { orderId, line } = await paidLine(1);
    const shopper = await cookieFor((await newShopper()).id);
    const before = everything(orderId);
    const refund = form(line.id, { quantity: "1", restock: "on" });
    expect((await organizerRefunds(orderId, refund, shopper)).status).toBe(403);
    expect((await ownerRefunds(orderId, refund, shopper)).status).toBe(403);
    expect((await organizerRefunds(orderId, refund, ownerCookie)).status).toBe(403);
    for (const anonymous of [
      await organizerRefunds(orderId, refund, null),
      await ownerRefunds(orderId, refund, null),
    ]) {
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toMatch(/^\/login\?/);
    }
    expect(everything(orderId)).toEqual(before);
  });

  test("a double click: the second of two identical refunds of everything is refused, one refund only", async () => {
    const { orderId, line, product } = await paidLine(2);
    const refund = form(line.id, { quantity: "2", restock: "on" });
    const [first, second] = await Promise.all([organizerRefunds(orderId, refund), organizerRefunds(orderId, refund)]);
    expect([first!.status, second!.status].sort()).toEqual([200, 409]);
    expect(refundsOf(orderId)).toHaveLength(1);
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 3000 });
    expect(units(product.id)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    // In an order that stays open (another line), the second click is "too much" for the line.
    const other = createProduct(db(), { stock: 3 });
    const two = await placePaid([
      { productId: product.id, quantity: 1 },
      { productId: other.id, quantity: 1 },
    ]);
    const again = form(lineOf(two, product.id).id, { quantity: "1", restock: "on" });
    expect((await ownerRefunds(two, again)).status).toBe(200);
    const before = everything(two);
    expectRefused(await ownerRefunds(two, again), 409, "refund.tooMuch");
    expect(everything(two)).toEqual(before);
  });
});

describe("the organizer's sales are net of refunds", () => {
  test("totals, revenue by store and by country, and units drop by what was refunded", async () => {
    const actor = organizer();
    // Large enough to be among the top stores whatever else was sold.
    const product = createProduct(db(), { stock: 10, priceCents: 5_000_000, storeSlug: STORE });
    const byStore = () => getSales(actor, "en").byStore.find((r) => r.key === STORE)!;
    const byCountry = (code: string) => getSales(actor, "en").byCountry.find((r) => r.key === code)!;
    const country = ownerOf(STORE).store.countryCode;
    const base = getSales(actor, "en");
    const baseStore = base.byStore.find((r) => r.key === STORE) ?? { units: 0, revenueCents: 0, orders: 0 };
    const baseCountry = base.byCountry.find((r) => r.key === country) ?? { units: 0, revenueCents: 0, orders: 0 };

    const orderId = await placePaid([{ productId: product.id, quantity: 3 }]);
    const paid = getSales(actor, "en");
    expect(paid.totalCents - base.totalCents).toBe(15_000_000);
    expect(paid.orders - base.orders).toBe(1);
    expect(byStore()).toMatchObject({
      units: baseStore.units + 3,
      revenueCents: baseStore.revenueCents + 15_000_000,
    });

    const line = lineOf(orderId, product.id);
    // One unit, and then an amount alone.
    expect((await organizerRefunds(orderId, form(line.id, { quantity: "1", restock: "on" }))).status).toBe(200);
    expect((await organizerRefunds(orderId, form(line.id, { quantity: "0", amount: "1234.56" }))).status).toBe(200);
    const refunded = 5_000_000 + 123_456;
    const after = getSales(actor, "en");
    expect(after.totalCents).toBe(paid.totalCents - refunded);
    expect(after.orders).toBe(paid.orders);
    expect(byStore()).toMatchObject({
      units: baseStore.units + 2,
      revenueCents: baseStore.revenueCents + 15_000_000 - refunded,
    });
    expect(byCountry(country)).toMatchObject({
      units: baseCountry.units + 2,
      revenueCents: baseCountry.revenueCents + 15_000_000 - refunded,
    });

    // Refunded in full: no longer a sale at all.
    expect((await organizerRefunds(orderId, form(line.id, { quantity: "2", amount: "98765.44" }))).status).toBe(200);
    expect(orderRow(orderId)).toMatchObject({ status: "refunded", refundedCents: 15_000_000 });
    const gone = getSales(actor, "en");
    expect(gone.totalCents).toBe(base.totalCents);
    expect(gone.orders).toBe(base.orders);
    expect(byStore()).toMatchObject({ units: baseStore.units, revenueCents: baseStore.revenueCents });
  });
});
