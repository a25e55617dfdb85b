import { shippingDetails } from "#tests/support/addresses.ts";
import { eq } from "drizzle-orm";
import { describe, expect, test, beforeAll } from "vitest";
import * as adminDashboard from "#app/routes/($lang).admin._index.tsx";
import * as myOrders from "#app/routes/($lang).account.orders._index.tsx";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import * as storeOrders from "#app/routes/($lang).sell.orders.tsx";
import * as success from "#app/routes/($lang).checkout.success.tsx";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { orderAccessToken } from "#app/models/orders.server.ts";
import { applyPaymentEvent } from "#app/models/payments.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { orderItems, orders } from "#db/schema/index.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, type RouteFn } from "#tests/support/loaders.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

const db = () => getDb();
const SHIPPING = shippingDetails({
  email: "amina@example.com",
  name: "Amina Diallo",
  phone: "+33612345678",
  address: "12 rue de la Paix",
  city: "Paris",
  postcode: "75002",
  country: "FR",
});

/** A paid order by a signed-in shopper: one line from each of two stores (the first at a festival price). */
async function paidOrder() {
  const shopper = await newShopper();
  const a = createProduct(db(), { priceCents: 2000, stock: 20, storeSlug: "tamale-shea-collective" });
  const b = createProduct(db(), { priceCents: 1500, stock: 20, storeSlug: "yirga-highlands-coffee" });
  const festival = createFestival(db(), {
    startsAt: new Date(Date.now() - 86_400_000),
    endsAt: new Date(Date.now() + 86_400_000),
    deals: [{ productId: a.id, discountPercent: 25 }],
  });
  changeCart({ userId: shopper.id }, a.id, 2, "add");
  changeCart({ userId: shopper.id }, b.id, 1, "add");
  const placed = placeOrder({
    owner: { userId: shopper.id },
    userId: shopper.id,
    shipping: SHIPPING,
    locale: "fr",
    provider: "demo",
  });
  if (!placed.ok) throw new Error("order not placed");
  expect(
    applyPaymentEvent({
      id: `demo_${placed.orderId}_pay`,
      type: "paid",
      orderId: placed.orderId,
      provider: "demo",
      amountCents: placed.totalCents,
      currency: "USD",
    }),
  ).toBe("paid");
  const lines = db().select().from(orderItems).where(eq(orderItems.orderId, placed.orderId)).all();
  return {
    shopper,
    orderId: placed.orderId,
    a,
    b,
    festival,
    lineA: lines.find((l) => l.productId === a.id)!,
    lineB: lines.find((l) => l.productId === b.id)!,
  };
}

describe("orders for shoppers", () => {
  test("history and detail for the shopper; another shopper gets 404; a guest with the signed link sees it", async () => {
    const { shopper, orderId } = await paidOrder();
    const mine = await cookieFor(shopper.id);
    const list = await callAs(myOrders.loader as RouteFn, mine, "/account/orders");
    expect((list.body as { items: { id: number; status: string }[] }).items[0]).toMatchObject({
      id: orderId,
      status: "paid",
    });
    const detail = await callAs(orderPage.loader as RouteFn, mine, `/fr/account/orders/${orderId}`, undefined, {
      lang: "fr",
      id: String(orderId),
    });
    expect(detail.body).toMatchObject({
      order: { id: orderId, status: "paid", totalCents: 2 * 1500 + 1500, shipping: { city: "Paris" } },
    });

    const stranger = await cookieFor((await newShopper()).id);
    expect(
      (
        await callAs(orderPage.loader as RouteFn, stranger, `/account/orders/${orderId}`, undefined, {
          id: String(orderId),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callAs(orderPage.loader as RouteFn, null, `/account/orders/${orderId}`, undefined, {
          id: String(orderId),
        })
      ).status,
    ).toBe(302);
    const token = orderAccessToken(orderId);
    expect(
      (
        await callAs(orderPage.loader as RouteFn, null, `/account/orders/${orderId}?token=${token}`, undefined, {
          id: String(orderId),
        })
      ).status,
    ).toBe(200);
    // A token is for one order only, and cannot be made up.
    const other = await paidOrder();
    expect(
      (
        await callAs(orderPage.loader as RouteFn, null, `/account/orders/${other.orderId}?token=${token}`, undefined, {
          id: String(other.orderId),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callAs(
          orderPage.loader as RouteFn,
          null,
          `/account/orders/${orderId}?token=${"A".repeat(32)}`,
          undefined,
          {
            id: String(orderId),
          },
        )
      ).status,
    ).toBe(404);
    expect(
      (await callAs(orderPage.loader as RouteFn, mine, "/account/orders/abc", undefined, { id: "abc" })).status,
    ).toBe(404);
  });

  test("the success page shows the state the payment events recorded, and marks nothing paid itself", async () => {
    const shopper = await newShopper();
    const product = createProduct(db(), { priceCents: 1000, stock: 5 });
    changeCart({ userId: shopper.id }, product.id, 1, "add");
    const placed = placeOrder({
      owner: { userId: shopper.id },
      userId: shopper.id,
      shipping: SHIPPING,
      locale: "en",
      provider: "demo",
    });
    if (!placed.ok) throw new Error("order not placed");
    const token = orderAccessToken(placed.orderId);
    const page = await callAs(
      success.loader as RouteFn,
      null,
      `/checkout/success?order=${placed.orderId}&token=${token}`,
    );
    expect(page.body).toMatchObject({ order: { status: "pending_payment" } });
    expect(db().select().from(orders).where(eq(orders.id, placed.orderId)).get()!.status).toBe("pending_payment");
    expect(
      (await callAs(success.loader as RouteFn, null, `/checkout/success?order=${placed.orderId}&token=nope`)).status,
    ).toBe(404);
  });
});

describe("orders for store owners", () => {
  test("each owner sees only their store's lines, with the shipping details; marks them shipped", async () => {
    const { orderId, lineA, lineB } = await paidOrder();
    const ownerA = await cookieFor(ownerOf("tamale-shea-collective").user.id);
    const ownerB = await cookieFor(ownerOf("yirga-highlands-coffee").user.id);
    const seenByA = (await callAs(storeOrders.loader as RouteFn, ownerA, "/sell/orders")).body as {
      items: { lineId: number; orderId: number; shipping: { address: string } }[];
    };
    expect(seenByA.items.filter((i) => i.orderId === orderId).map((i) => i.lineId)).toEqual([lineA.id]);
    expect(seenByA.items.find((i) => i.lineId === lineA.id)!.shipping.address).toBe("12 rue de la Paix");
    const seenByB = (await callAs(storeOrders.loader as RouteFn, ownerB, "/sell/orders")).body as typeof seenByA;
    expect(seenByB.items.filter((i) => i.orderId === orderId).map((i) => i.lineId)).toEqual([lineB.id]);

    // B cannot ship A's line.
    expect(
      (
        await callAs(storeOrders.action as RouteFn, ownerB, "/sell/orders", {
          lineId: String(lineA.id),
          carrier: "DHL",
          tracking: "JD014600003828",
        })
      ).status,
    ).toBe(404);
    expect(db().select().from(orderItems).where(eq(orderItems.id, lineA.id)).get()!.shippedAt).toBeNull();
    expect(
      (
        await callAs(storeOrders.action as RouteFn, ownerA, "/sell/orders", {
          lineId: String(lineA.id),
          carrier: "DHL",
          tracking: "<script>",
        })
      ).status,
    ).toBe(400);

    expect(
      (
        await callAs(storeOrders.action as RouteFn, ownerA, "/sell/orders", {
          lineId: String(lineA.id),
          carrier: "DHL",
          tracking: "JD014600003828",
        })
      ).status,
    ).toBe(200);
    expect(db().select().from(orders).where(eq(orders.id, orderId)).get()!.status).toBe("partially_fulfilled");
    expect(
      (
        await callAs(storeOrders.action as RouteFn, ownerB, "/sell/orders", {
          lineId: String(lineB.id),
          carrier: "SF Express",
          tracking: "SF1234567890",
        })
      ).status,
    ).toBe(200);
    expect(db().select().from(orders).where(eq(orders.id, orderId)).get()!.status).toBe("fulfilled");
  });

  test("shoppers, organizers and anonymous visitors cannot reach /sell/orders", async () => {
    const { lineA } = await paidOrder();
    expect((await callAs(storeOrders.loader as RouteFn, null, "/sell/orders")).status).toBe(302);
    expect(
      (await callAs(storeOrders.loader as RouteFn, await cookieFor((await newShopper()).id), "/sell/orders")).status,
    ).toBe(403);
    expect(
      (
        await callAs(storeOrders.action as RouteFn, await cookieFor(organizer().id), "/sell/orders", {
          lineId: String(lineA.id),
          carrier: "DHL",
          tracking: "JD0146",
        })
      ).status,
    ).toBe(403);
    expect(db().select().from(orderItems).where(eq(orderItems.id, lineA.id)).get()!.shippedAt).toBeNull();
  });

  test("unpaid orders are not shown to owners", async () => {
    const shopper = await newShopper();
    const product = createProduct(db(), { priceCents: 1000, stock: 5, storeSlug: "tamale-shea-collective" });
    changeCart({ userId: shopper.id }, product.id, 1, "add");
    const placed = placeOrder({
      owner: { userId: shopper.id },
      userId: shopper.id,
      shipping: SHIPPING,
      locale: "en",
      provider: "demo",
    });
    if (!placed.ok) throw new Error("order not placed");
    const seen = (
      await callAs(
        storeOrders.loader as RouteFn,
        await cookieFor(ownerOf("tamale-shea-collective").user.id),
        "/sell/orders?show=all",
      )
    ).body as { items: { orderId: number }[] };
    expect(seen.items.map((i) => i.orderId)).not.toContain(placed.orderId);
  });
});

describe("sales for organizers", () => {
  test("by festival, store and country on the campaign dashboard", async () => {
    const { festival } = await paidOrder();
    const data = (await callAs(adminDashboard.loader as RouteFn, await cookieFor(organizer().id), "/admin"))
      .body as Awaited<ReturnType<typeof adminDashboard.loader>>;
    const sales = data.sales;
    expect(sales.orders).toBeGreaterThanOrEqual(1);
    const inFestival = sales.byFestival.find((r) => r.key === String(festival.id))!;
    expect(inFestival).toMatchObject({ units: 2, revenueCents: 3000, orders: 1 });
    expect(sales.byStore.find((r) => r.key === "tamale-shea-collective")!.revenueCents).toBeGreaterThanOrEqual(3000);
    expect(sales.byCountry.find((r) => r.key === "GH")!.units).toBeGreaterThanOrEqual(2);
    expect(sales.byCountry.find((r) => r.key === "ET")!.units).toBeGreaterThanOrEqual(1);
  });
});
