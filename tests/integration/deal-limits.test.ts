import { shippingDetails } from "#tests/support/addresses.ts";
import { randomUUID } from "node:crypto";
import { createRemixStub } from "@remix-run/testing";
import { and, eq } from "drizzle-orm";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, test, beforeAll } from "vitest";
import CartPage, * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as demoRoute from "#app/routes/($lang).checkout.demo.$id.tsx";
import OrderPage, * as orderRoute from "#app/routes/($lang).account.orders.$id.tsx";
import * as editFestival from "#app/routes/($lang).admin.festivals.$id/route.tsx";
import * as festivalPage from "#app/routes/($lang).festivals.$slug.tsx";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import { changeCart, deliveryLines, type CartView } from "#app/models/cart.server.ts";
import { priceDelivery } from "#app/models/shipping/delivery.server.ts";

/** What the cart page's loader adds to the cart: shipping and tax for a destination. */
const deliveryOf = (cart: CartView) => ({
  delivery: priceDelivery({ destination: "CN", lines: deliveryLines(cart) }),
  countries: [{ code: "CN", name: "China" }],
  destinationName: "China",
});
import { cancelUnpaidOrder, expireReservations, placeOrder } from "#app/models/checkout.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { auditLog, festivalDeals, orderItems, orders, products } from "#db/schema/index.ts";
import { loadProductDocuments } from "#search/indexer.ts";
import { cookieFor, newShopper, organizer } from "#tests/support/auth.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, callRoute, routeArgs, runLoader, type RouteFn } from "#tests/support/loaders.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

const db = () => getDb();
const DAY = 86_400_000;
const SHIPPING = {
  email: "amara.diallo@example.com",
  name: "Amara Diallo",
  address: "12 Rue Carnot",
  city: "Dakar",
  country: "SN",
  phone: "+221 77 555 01 00",
  postcode: "12500",
};

afterEach(() => {
  setClock(null);
  resetRateLimits();
});

/** A live, published festival with one deal on the product; the deal's limit per shopper set directly. */
function liveDeal(
  productId: number,
  terms: { dealPriceCents?: number; discountPercent?: number; dealStock?: number | null },
  perShopperLimit: number | null = null,
  { published = true }: { published?: boolean } = {},
) {
  const festival = createFestival(db(), {
    startsAt: new Date(Date.now() - DAY),
    endsAt: new Date(Date.now() + DAY),
    published,
    deals: [{ productId, ...terms }],
  });
  db().update(festivalDeals).set({ perShopperLimit }).where(eq(festivalDeals.festivalId, festival.id)).run();
  const deal = () => db().select().from(festivalDeals).where(eq(festivalDeals.festivalId, festival.id)).get()!;
  return { festival, deal };
}

/** Adds to the cart through the cart route; returns the cookie to keep using (a guest's first add sets the cart cookie). */
async function addToCart(cookie: string | null, productId: number, quantity: number) {
  const result = await callAs(cartRoute.action as RouteFn, cookie, "/cart.data", {
    intent: "add",
    productId: String(productId),
    quantity: String(quantity),
  });
  expect(result.status).toBe(200);
  const set = result.headers.get("Set-Cookie");
  return set ? [cookie, set.split(";")[0]].filter(Boolean).join("; ") : cookie!;
}

async function cartOf(cookie: string) {
  const { cart } = await cartRoute.loader(
    await routeArgs(new Request("http://localhost:3000/cart", { headers: { Cookie: cookie } })),
  );
  return cart;
}

let ip = 0;
/** Checks out through the route (demo payments); returns the new order's id and its signed link's token. */
async function checkout(cookie: string, shipping: Record<string, string> = SHIPPING) {
  ip += 1;
  const placed = await callRoute(
    checkoutRoute.action as never,
    await routeArgs(
      new Request("http://localhost:3000/checkout", {
        method: "POST",
        body: new URLSearchParams(shipping),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      {},
      { clientIp: `198.51.100.${ip}` },
    ),
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(302);
  const match = /\/checkout\/demo\/(\d+)\?token=([\w-]+)/.exec(placed.location ?? "");
  expect(match, placed.location ?? "").not.toBeNull();
  return { orderId: Number(match![1]), token: match![2]! };
}

async function pay(order: { orderId: number; token: string }) {
  const result = await callAs(
    demoRoute.action as RouteFn,
    null,
    `/checkout/demo/${order.orderId}?token=${order.token}`,
    { intent: "pay" },
    { id: String(order.orderId) },
  );
  expect(result.status).toBe(302);
}

const orderOf = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const linesOf = (id: number) =>
  db()
    .select({
      productId: orderItems.productId,
      unitCents: orderItems.unitCents,
      regularCents: orderItems.regularCents,
      quantity: orderItems.quantity,
      dealId: orderItems.dealId,
      festivalId: orderItems.festivalId,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, id))
    .orderBy(orderItems.id)
    .all();
const reservedOf = (productId: number) =>
  db().select({ reserved: products.reserved }).from(products).where(eq(products.id, productId)).get()!.reserved;

/** Renders a real route component with the data its loader returned (as the server would send it). */
function render(path: string, pattern: string, Component: ComponentType, data: unknown) {
  const Stub = createRemixStub([{ id: "page", path: pattern, Component, loader: () => data as object }]);
  return renderToString(
    createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: data } } }),
  ).replace(/<!-- -->/g, "");
}

describe("a line asking for more than the deal has left at its price", () => {
  test("at the cap: the cart says how many get the festival price, the order records both prices, deal units reserved only for the deal part", async () => {
    const product = createProduct(db(), { priceCents: 4000, stock: 10 });
    const { festival, deal } = liveDeal(product.id, { dealPriceCents: 3000, dealStock: 3 });
    const cookie = await addToCart(null, product.id, 5);

    const [line] = (await cartOf(cookie)).lines;
    expect(line).toMatchObject({
      quantity: 5,
      dealUnits: 3,
      regularUnits: 2,
      unitCents: 3000,
      lineCents: 3 * 3000 + 2 * 4000,
      deal: { limitedBy: "cap", priceCents: 3000 },
    });
    const cart = await cartOf(cookie);
    expect(cart.totalCents).toBe(17_000);
    // The page says so, in each language.
    const en = render("/cart", "/:lang?/cart", CartPage, { cart, unpaid: [], ...deliveryOf(cart) });
    expect(en).toContain("3 at the festival price, 2 at the regular price");
    expect(en).toMatch(/data-testid="line-total">\$170\.00</);
    const zh = render("/zh/cart", "/:lang?/cart", CartPage, { cart, unpaid: [], ...deliveryOf(cart) });
    expect(zh).toContain("3件按购物节价，2件按原价");
    const fr = render("/fr/cart", "/:lang?/cart", CartPage, { cart, unpaid: [], ...deliveryOf(cart) });
    expect(fr).toContain("3 au prix festival, 2 au prix habituel");

    const placed = await checkout(cookie);
    expect(linesOf(placed.orderId)).toEqual([
      {
        productId: product.id,
        unitCents: 3000,
        regularCents: 4000,
        quantity: 3,
        dealId: deal().id,
        festivalId: festival.id,
      },
      { productId: product.id, unitCents: 4000, regularCents: 4000, quantity: 2, dealId: null, festivalId: null },
    ]);
    expect(orderOf(placed.orderId).totalCents).toBe(17_000);
    // The product's five units are reserved once; the deal holds only its three.
    expect(reservedOf(product.id)).toBe(5);
    expect(deal()).toMatchObject({ reservedCount: 3, soldCount: 0 });

    // The order page shows the two lines, the festival named on the deal line only.
    const orderData = await orderRoute.loader(
      await routeArgs(new Request(`http://localhost:3000/account/orders/${placed.orderId}?token=${placed.token}`), {
        id: String(placed.orderId),
      }),
    );
    expect(orderData.order.lines).toMatchObject([
      { quantity: 3, unitCents: 3000, festivalName: festival.nameEn },
      { quantity: 2, unitCents: 4000, festivalName: null },
    ]);
    const html = render(`/account/orders/${placed.orderId}`, "/:lang?/account/orders/:id", OrderPage, orderData);
    expect(html.match(new RegExp(festival.nameEn, "g"))).toHaveLength(1);
    expect(html).toContain("$170.00");

    // Paid: the deal part moves to sold; the cap is used up, so the next shopper pays the regular price.
    await pay(placed);
    expect(deal()).toMatchObject({ reservedCount: 0, soldCount: 3 });
    const next = await cartOf(await addToCart(null, product.id, 1));
    expect(next.lines[0]).toMatchObject({ dealUnits: 0, regularUnits: 1, lineCents: 4000, deal: null });
  });

  test("at the limit per shopper, signed in: a second order is limited by the first; a cancelled or expired order does not count", async () => {
    const product = createProduct(db(), { priceCents: 2000, stock: 20 });
    const { deal } = liveDeal(product.id, { discountPercent: 25 }, 2);
    const shopper = await newShopper();
    const cookie = await cookieFor(shopper.id);
    await addToCart(cookie, product.id, 5);

    const cart = await cartOf(cookie);
    expect(cart.lines[0]).toMatchObject({
      dealUnits: 2,
      regularUnits: 3,
      lineCents: 2 * 1500 + 3 * 2000,
      deal: { limitedBy: "shopper", perShopperLimit: 2, percentOff: 25 },
    });
    const html = render("/cart", "/:lang?/cart", CartPage, { cart, unpaid: [], ...deliveryOf(cart) });
    expect(html).toContain("2 at the festival price, 3 at the regular price");
    expect(html).toContain("Limit 2 per shopper at the festival price");
    expect(render("/zh/cart", "/:lang?/cart", CartPage, { cart, unpaid: [], ...deliveryOf(cart) })).toContain(
      "购物节价每人限购2件",
    );

    const first = await checkout(cookie, { ...SHIPPING, email: shopper.email });
    expect(linesOf(first.orderId).map((l) => [l.quantity, l.unitCents, l.dealId])).toEqual([
      [2, 1500, deal().id],
      [3, 2000, null],
    ]);
    expect(orderOf(first.orderId).totalCents).toBe(9000);
    expect(deal().reservedCount).toBe(2);

    // The cart keeps its lines until the order is paid, and that order of its own does not count
    // against it (checking out again would replace the order, freeing its units).
    expect((await cartOf(cookie)).lines[0]).toMatchObject({ dealUnits: 2, regularUnits: 3 });
    // Paid: the lines leave the cart, and the paid order counts against the limit.
    await pay(first);
    expect((await cartOf(cookie)).lines).toEqual([]);
    await addToCart(cookie, product.id, 2);
    const again = await cartOf(cookie);
    expect(again.lines[0]).toMatchObject({
      dealUnits: 0,
      regularUnits: 2,
      unitCents: 2000,
      lineCents: 4000,
      deal: { limitedBy: "shopper" },
    });
    expect(render("/cart", "/:lang?/cart", CartPage, { cart: again, unpaid: [], ...deliveryOf(again) })).toContain(
      "You have already ordered the 2 units allowed per shopper at the festival price",
    );
    // Another email on the order changes nothing: the account is the shopper.
    const second = await checkout(cookie, { ...SHIPPING, email: "someone.else@example.com" });
    expect(linesOf(second.orderId)).toMatchObject([{ quantity: 2, unitCents: 2000, dealId: null }]);
    expect(deal()).toMatchObject({ soldCount: 2, reservedCount: 0 });

    // Another shopper: an unpaid order placed elsewhere (another browser's cart, signed in) holds
    // their 2 deal units and counts; once cancelled, or expired, it no longer does.
    const other = await newShopper();
    const otherCookie = await cookieFor(other.id);
    const elsewhere = { token: randomUUID() };
    const placeElsewhere = (quantity: number) => {
      expect(changeCart(elsewhere, product.id, quantity, "set")).toMatchObject({ ok: true });
      const placed = placeOrder({
        owner: elsewhere,
        userId: other.id,
        shipping: shippingDetails({ ...SHIPPING }),
        locale: "en",
        provider: "demo",
      });
      expect(placed.ok).toBe(true);
      return (placed as { orderId: number }).orderId;
    };
    const cancelled = placeElsewhere(2);
    expect(linesOf(cancelled)).toMatchObject([{ quantity: 2, dealId: deal().id }]);
    await addToCart(otherCookie, product.id, 1);
    expect((await cartOf(otherCookie)).lines[0]).toMatchObject({ dealUnits: 0, regularUnits: 1 });
    expect(cancelUnpaidOrder(cancelled, { kind: "shopper" }, "cancelled-by-shopper")).toEqual({ ok: true });
    expect((await cartOf(otherCookie)).lines[0]).toMatchObject({ dealUnits: 1, regularUnits: 0 });
    const expiring = placeElsewhere(1);
    expect(linesOf(expiring)).toMatchObject([{ quantity: 1, dealId: deal().id }]);
    await addToCart(otherCookie, product.id, 1);
    expect((await cartOf(otherCookie)).lines[0]).toMatchObject({ dealUnits: 1, regularUnits: 1 });
    setClock(new Date(Date.now() + 2 * 60 * 60_000));
    expect(expireReservations()).toBeGreaterThanOrEqual(1);
    expect(orderOf(expiring).status).toBe("expired");
    expect((await cartOf(otherCookie)).lines[0]).toMatchObject({ dealUnits: 2, regularUnits: 0 });
  });

  test("a guest is known by the order email (any case): a second guest order with that email is limited by the first, another email is not", async () => {
    const product = createProduct(db(), { priceCents: 5000, stock: 20 });
    const { deal } = liveDeal(product.id, { dealPriceCents: 3500 }, 2);

    const firstCart = await addToCart(null, product.id, 2);
    const first = await checkout(firstCart, { ...SHIPPING, email: "Amara.Diallo@Example.com" });
    expect(linesOf(first.orderId)).toMatchObject([{ quantity: 2, unitCents: 3500, dealId: deal().id }]);

    // Another browser, the same address: its cart knows no email yet, so only the cart counts there…
    const secondCart = await addToCart(null, product.id, 3);
    expect((await cartOf(secondCart)).lines[0]).toMatchObject({ dealUnits: 2, regularUnits: 1 });
    // …so checkout, which learns the address, says the total changed and places nothing…
    const ordersBefore = db().select().from(orders).all().length;
    ip += 1;
    const refused = await callRoute(
      checkoutRoute.action as never,
      await routeArgs(
        new Request("http://localhost:3000/checkout", {
          method: "POST",
          body: new URLSearchParams({ ...SHIPPING, email: "amara.diallo@example.com" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: secondCart },
        }),
        {},
        { clientIp: `198.51.100.${ip}` },
      ),
    );
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("checkout.limitUsed");
    expect((refused.body as { priced: { totalCents: number } }).priced.totalCents).toBe(15_000);
    expect(db().select().from(orders).all()).toHaveLength(ordersBefore);
    // …until the shopper accepts the new total: the order is limited by the first order.
    const second = await checkout(secondCart, { ...SHIPPING, email: "amara.diallo@example.com", acceptTotal: "15000" });
    expect(linesOf(second.orderId)).toMatchObject([{ quantity: 3, unitCents: 5000, dealId: null }]);
    expect(orderOf(second.orderId).totalCents).toBe(15_000);
    // The model compares addresses case-insensitively even when given one as typed.
    const owner = { token: randomUUID() };
    expect(changeCart(owner, product.id, 1, "add")).toMatchObject({ ok: true });
    const typed = placeOrder({
      owner,
      userId: null,
      shipping: shippingDetails({ ...SHIPPING, email: "  AMARA.DIALLO@EXAMPLE.COM " }),
      locale: "en",
      provider: "demo",
    });
    expect(typed).toMatchObject({ ok: true, totalCents: 5000 });
    expect(deal().reservedCount).toBe(2);

    // Someone else is not limited by Amara's orders.
    const third = await checkout(await addToCart(null, product.id, 2), { ...SHIPPING, email: "kofi@example.com" });
    expect(linesOf(third.orderId)).toMatchObject([{ quantity: 2, unitCents: 3500, dealId: deal().id }]);
    expect(deal().reservedCount).toBe(4);
  });
});

describe("the organizer's limit per shopper", () => {
  async function editor() {
    const product = createProduct(db(), { priceCents: 3000, stock: 10 });
    const { festival, deal } = liveDeal(product.id, { discountPercent: 20, dealStock: 50 });
    const id = String(festival.id);
    const cookie = await cookieFor(organizer().id);
    const post = (form: Record<string, string>) =>
      callAs(editFestival.action as RouteFn, cookie, `/admin/festivals/${id}`, form, { id });
    const audits = () =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "festival"), eq(auditLog.entityId, id)))
        .all();
    return { product, festival, deal, post, audits, cookie, id };
  }

  test("set, shown and cleared through the deal form, audited before and after", async () => {
    const { deal, post, audits, cookie, id } = await editor();
    const update = (perShopperLimit: string) =>
      post({
        intent: "update-deal",
        dealId: String(deal().id),
        mode: "percent",
        percent: "20",
        dealStock: "50",
        perShopperLimit,
      });
    expect((await update(" 2 ")).status).toBe(200);
    expect(deal()).toMatchObject({ perShopperLimit: 2, discountPercent: 20, dealStock: 50 });
    expect(audits().at(-1)).toMatchObject({
      action: "festival.deal.update",
      before: { dealId: deal().id, perShopperLimit: null },
      after: { dealId: deal().id, perShopperLimit: 2, dealStock: 50 },
    });
    const page = await callAs(editFestival.loader as RouteFn, cookie, `/admin/festivals/${id}`, undefined, { id });
    expect((page.body as { deals: { id: number; perShopperLimit: number | null }[] }).deals).toEqual([
      expect.objectContaining({ id: deal().id, perShopperLimit: 2 }),
    ]);
    expect((await update("")).status).toBe(200);
    expect(deal().perShopperLimit).toBeNull();
    expect(audits().at(-1)).toMatchObject({ before: { perShopperLimit: 2 }, after: { perShopperLimit: null } });
  });

  test("malformed limits are refused with a translated 400 and nothing is written, on the edit and the add forms", async () => {
    const { product, festival, deal, post, audits } = await editor();
    expect(
      (
        await post({
          intent: "update-deal",
          dealId: String(deal().id),
          mode: "percent",
          percent: "20",
          perShopperLimit: "3",
        })
      ).status,
    ).toBe(200);
    const before = deal();
    const auditCount = audits().length;
    for (const bad of ["0", "-1", "abc", "1.5", "2e3", "12345678", "٣"]) {
      // A changed percentage alongside: it must not be written either.
      const result = await post({
        intent: "update-deal",
        dealId: String(deal().id),
        mode: "percent",
        percent: "40",
        dealStock: "50",
        perShopperLimit: bad,
      });
      expect(result.status, bad).toBe(400);
      expect(result.body, bad).toMatchObject({ ok: false, message: "admin.errorLimitRange" });
    }
    expect(deal()).toEqual(before);
    expect(audits()).toHaveLength(auditCount);

    // The add form: another product, a bad limit: no deal is created; a good one is stored and audited.
    const other = createProduct(db(), { priceCents: 3000, stock: 10 });
    const add = (perShopperLimit: string) =>
      post({ intent: "add-deal", productId: String(other.id), mode: "price", price: "25.00", perShopperLimit });
    const refused = await add("none");
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ message: "admin.errorLimitRange" });
    const dealsOf = () =>
      db()
        .select()
        .from(festivalDeals)
        .where(and(eq(festivalDeals.festivalId, festival.id), eq(festivalDeals.productId, other.id)))
        .all();
    expect(dealsOf()).toEqual([]);
    expect(audits()).toHaveLength(auditCount);
    expect((await add("4")).status).toBe(200);
    expect(dealsOf()).toMatchObject([{ dealPriceCents: 2500, perShopperLimit: 4 }]);
    expect(audits().at(-1)).toMatchObject({
      action: "festival.deal.add",
      after: { productId: other.id, perShopperLimit: 4 },
    });
    expect(product.id).not.toBe(other.id);
  });

  test("the refusal reads in the organizer's language", async () => {
    const { deal } = await editor();
    const cookie = await cookieFor(organizer().id);
    const id = String(deal().festivalId);
    const result = await callAs(
      editFestival.action as RouteFn,
      cookie,
      `/zh/admin/festivals/${id}`,
      { intent: "update-deal", dealId: String(deal().id), mode: "percent", percent: "20", perShopperLimit: "x" },
      { lang: "zh", id },
    );
    expect(result.status).toBe(400);
    const { translate } = await import("#app/i18n/translate.ts");
    const key = (result.body as { message: "admin.errorLimitRange" }).message;
    expect(translate("zh", key)).toBe("每人限购须为不小于1的整数，或留空表示不限购。");
    expect(translate("fr", key)).toContain("La limite par client");
  });
});

describe("the organizer's preview and the percentage shown", () => {
  test("a draft live festival's preview shows its deal prices exactly as shoppers see them once published", async () => {
    const product = createProduct(db(), { priceCents: 1001, stock: 10 });
    const { festival } = liveDeal(product.id, { discountPercent: 25 }, null, { published: false });
    const cookie = await cookieFor(organizer().id);
    const previewAs = async (who: string | null) =>
      callAs(festivalPage.loader as RouteFn, who, `/festivals/${festival.slug}`, undefined, { slug: festival.slug });

    const preview = (await previewAs(cookie)).body as Awaited<ReturnType<typeof festivalPage.loader>>;
    expect(preview.festival.published).toBe(false);
    const card = preview.deals.items.find((d) => d.id === product.id)!;
    expect(card.deal).toMatchObject({ priceCents: 751, percentOff: 25, festival: { slug: festival.slug } });
    // Not a price for shoppers yet: the draft is a 404 and the product page has no deal.
    expect((await previewAs(null)).status).toBe(404);
    const before = await runLoader(productPage.loader, `/products/${product.slug}`, { slug: product.slug });
    expect(before.product.deal).toBeNull();

    const id = String(festival.id);
    const published = await callAs(
      editFestival.action as RouteFn,
      cookie,
      `/admin/festivals/${id}`,
      { intent: "publish" },
      { id },
    );
    expect(published.status).toBe(200);
    const shopper = (await previewAs(null)).body as Awaited<ReturnType<typeof festivalPage.loader>>;
    expect(shopper.deals.items.find((d) => d.id === product.id)!.deal).toEqual(card.deal);
    const after = await runLoader(productPage.loader, `/products/${product.slug}`, { slug: product.slug });
    expect(after.product.deal).toMatchObject({ priceCents: 751, percentOff: 25 });
  });

  test("a 25 % deal reads 25 everywhere, though its rounded cents save 24.98 %", async () => {
    const product = createProduct(db(), { priceCents: 1001, stock: 10 });
    const { festival } = liveDeal(product.id, { discountPercent: 25 });
    const page = await runLoader(festivalPage.loader, `/festivals/${festival.slug}`, { slug: festival.slug });
    const card = page.deals.items.find((d) => d.id === product.id)!;
    expect(card.festivalPrice).toMatchObject({ priceCents: 751, percentOff: 25 });
    expect(card.deal).toMatchObject({ priceCents: 751, percentOff: 25 });
    const cart = await cartOf(await addToCart(null, product.id, 1));
    expect(cart.lines[0]!.deal).toMatchObject({ percentOff: 25 });
    expect(render("/cart", "/:lang?/cart", CartPage, { cart, unpaid: [], ...deliveryOf(cart) })).toContain("−25%");
    const [doc] = loadProductDocuments(db(), [product.id]);
    expect(doc).toMatchObject({ effectivePriceCents: 751, effectiveDiscountPercent: 25 });
    const editorPage = await callAs(
      editFestival.loader as RouteFn,
      await cookieFor(organizer().id),
      `/admin/festivals/${festival.id}`,
      undefined,
      { id: String(festival.id) },
    );
    expect((editorPage.body as { deals: { percentOff: number }[] }).deals[0]!.percentOff).toBe(25);
  });
});
