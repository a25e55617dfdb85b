import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { orderAccessToken } from "#app/models/order-tokens.server.ts";
import { getOrderForViewer } from "#app/models/orders.server.ts";
import { orderCharges } from "#app/models/shipping/order-charges.server.ts";
import { shippingDetails, TEST_RESIDENT_ID } from "#tests/support/addresses.ts";
import { applyPaymentEvent, startPayment } from "#app/models/payments.server.ts";
import { requestRefund, sendRefund } from "#app/models/refunds.server.ts";
import { fenToUsdCents, usdCentsToFen } from "#app/models/shipping/fx.ts";
import { partTax } from "#app/models/shipping/tax.ts";
import { getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import {
  orderItems,
  orders,
  orderShipments,
  orderTaxes,
  products,
  refunds,
  shippingProfiles,
  stores,
} from "#db/schema/index.ts";
import * as sellShipping from "#app/routes/($lang).sell.shipping.tsx";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { callAs, type RouteFn } from "#tests/support/loaders.ts";
import { useEnv } from "#tests/support/env.ts";
import { createProduct, setShipping } from "#tests/support/factories.ts";
import { useStripeInterceptor } from "#tests/support/stripe.ts";

useEnv({
  STRIPE_SECRET_KEY: "sk_test_silk_road",
  STRIPE_WEBHOOK_SECRET: "whsec_test_silk_road_0123456789",
  STRIPE_PAYMENT_METHODS: "card",
});
const stripeApi = useStripeInterceptor();
const db = () => getDb();
const A = "yirga-highlands-coffee";
const B = "tamale-shea-collective";
const RATE = 7_118_600; // the seeded US$1 = ¥7.1186
const AT = new Date("2026-12-01T02:00:00Z"); // 10:00 in Beijing

const rate = (firstCents: number, additionalCents: number, minDays: number, maxDays: number) => ({
  firstCents,
  additionalCents,
  minDays,
  maxDays,
});
let storeA: { id: number };
let storeB: { id: number };
let expressA = 0;

beforeAll(() => {
  storeA = setShipping(db(), A, [
    {
      method: "postal",
      pricing: "item",
      freeOverCents: 10_000,
      rates: { cn: rate(1000, 300, 12, 25), africa: rate(500, 200, 5, 12), europe: rate(1200, 400, 10, 20) },
    },
    { method: "express", pricing: "weight", freeOverCents: null, rates: { cn: rate(2500, 900, 4, 7) } },
  ]);
  storeB = setShipping(db(), B, [
    { method: "postal", pricing: "item", freeOverCents: null, rates: { cn: rate(800, 200, 12, 20) } },
  ]);
  expressA = db()
    .select()
    .from(shippingProfiles)
    .all()
    .find((p) => p.storeId === storeA.id && p.method === "express")!.id;
});

afterEach(() => setClock(null));

let n = 0;
const SHANGHAI = shippingDetails({
  email: "li.wei@example.com",
  name: "李伟",
  phone: "13800138000",
  provinceCode: "310000",
  cityCode: "310100",
  districtCode: "310115",
  address: "世纪大道 88 号",
  city: "上海市",
  postcode: "200120",
  country: "CN",
  customs: { name: "李伟", idNumber: TEST_RESIDENT_ID },
});

function cartWith(lines: { productId: number; quantity: number }[]) {
  n += 1;
  const owner = { token: `ship${n}x${process.pid}`.padEnd(24, "0") };
  for (const l of lines) expect(changeCart(owner, l.productId, l.quantity, "add").ok).toBe(true);
  return owner;
}

function place(
  lines: { productId: number; quantity: number }[],
  opts: { country?: string; email?: string; choices?: Map<number, number>; provider?: "demo" | "stripe" } = {},
) {
  return placeOrder({
    owner: cartWith(lines),
    userId: null,
    shipping: { ...SHANGHAI, country: opts.country ?? "CN", email: opts.email ?? SHANGHAI.email },
    locale: "zh",
    provider: opts.provider ?? "demo",
    shippingChoices: opts.choices,
    at: AT,
  });
}

const orderOf = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const shipmentsOf = (id: number) =>
  db().select().from(orderShipments).where(eq(orderShipments.orderId, id)).orderBy(orderShipments.storeId).all();
const taxOf = (id: number) => db().select().from(orderTaxes).where(eq(orderTaxes.orderId, id)).get();
const counts = () => ({
  orders: db().select().from(orders).all().length,
  shipments: db().select().from(orderShipments).all().length,
  taxes: db().select().from(orderTaxes).all().length,
});

function pay(orderId: number) {
  const order = orderOf(orderId);
  expect(
    applyPaymentEvent({
      id: `demo_paid_${orderId}`,
      type: "paid",
      orderId,
      provider: "demo",
      amountCents: order.totalCents,
      currency: "USD",
    }),
  ).toBe("paid");
}

/** The expected tax of general goods (VAT 13 %) on these dutiable USD amounts, charged in cents. */
const generalTaxCents = (...cents: number[]) =>
  fenToUsdCents(
    cents.reduce(
      (n, c) => n + partTax({ dutiableFen: usdCentsToFen(c, RATE), vatBp: 1300, consumptionBp: 0 }).vatFen,
      0,
    ),
    RATE,
  );

describe("shipping per store to mainland China", () => {
  test("two stores: each store's shipping, arrival dates from the clock, the tax on goods + shipping, the total", () => {
    const a = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 10 });
    const b = createProduct(db(), { storeSlug: B, priceCents: 1500, stock: 10 });
    const placed = place([
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 1 },
    ]);
    expect(placed.ok).toBe(true);
    const id = (placed as { orderId: number }).orderId;
    expect(shipmentsOf(id).map((s) => [s.storeId, s.method, s.costCents, s.arriveFrom, s.arriveBy])).toEqual([
      [storeA.id, "postal", 1000 + 300, "2026-12-13", "2026-12-26"],
      [storeB.id, "postal", 800, "2026-12-13", "2026-12-21"],
    ]);
    // Dutiable: goods plus the store's shipping (one line per store here); general goods, 13 % × 70 %.
    const tax = generalTaxCents(4000 + 1300, 1500 + 800);
    expect(tax).toBeGreaterThan(0);
    expect(taxOf(id)).toMatchObject({ taxCents: tax, rateMicros: RATE, email: SHANGHAI.email, year: 2026 });
    expect(orderOf(id).totalCents).toBe(4000 + 1500 + 1300 + 800 + tax);

    // The order page shows what the total is made of: lines, each store's shipping, the tax.
    const page = getOrderForViewer(id, { userId: null, token: orderAccessToken(id) }, "zh")!;
    const lineSum = page.lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);
    const shippingSum = page.charges.shipping.reduce((sum, c) => sum + c.costCents, 0);
    expect(page.charges.shipping.map((c) => [c.storeId, c.method, c.arriveFrom, c.arriveBy])).toEqual([
      [storeA.id, "postal", "2026-12-13", "2026-12-26"],
      [storeB.id, "postal", "2026-12-13", "2026-12-21"],
    ]);
    expect(page.charges.tax).toEqual({ cents: tax, refundedCents: 0 });
    expect(lineSum + shippingSum + page.charges.tax!.cents).toBe(page.totalCents);
    // A store owner sees their own shipping only, and not the tax (it is not theirs).
    expect(orderCharges(id, "en", { storeId: storeB.id })).toEqual({
      shipping: [expect.objectContaining({ storeId: storeB.id, costCents: 800 })],
      tax: null,
    });
  });

  test("free at the store's threshold ($100 of goods), charged a cent below it", () => {
    const below = createProduct(db(), { storeSlug: A, priceCents: 9999, stock: 5 });
    const at = createProduct(db(), { storeSlug: A, priceCents: 10_000, stock: 5 });
    const first = place([{ productId: below.id, quantity: 1 }]) as { orderId: number };
    const second = place([{ productId: at.id, quantity: 1 }]) as { orderId: number };
    expect(shipmentsOf(first.orderId)[0]!.costCents).toBe(1000);
    expect(shipmentsOf(second.orderId)[0]!.costCents).toBe(0);
  });

  test("the shopper's express choice is priced by weight (first 500 g, then each 500 g started)", () => {
    const heavy = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 5, shippingGrams: 700 });
    const placed = place([{ productId: heavy.id, quantity: 2 }], { choices: new Map([[storeA.id, expressA]]) }) as {
      orderId: number;
    };
    // 1,400 g: the first 500 g and two more steps.
    expect(shipmentsOf(placed.orderId)[0]).toMatchObject({ method: "express", costCents: 2500 + 2 * 900, minDays: 4 });
  });

  test("a store that does not ship to the destination blocks the order, and nothing is written", () => {
    const a = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 5 });
    const b = createProduct(db(), { storeSlug: B, priceCents: 1500, stock: 5 });
    const before = counts();
    const placed = place(
      [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 1 },
      ],
      { country: "France" },
    );
    expect(placed).toEqual({ ok: false, error: "notShipped", productIds: [b.id] });
    expect(counts()).toEqual(before);
    const stock = db().select({ reserved: products.reserved }).from(products).where(eq(products.id, b.id)).get()!;
    expect(stock.reserved).toBe(0);
    expect(place([{ productId: a.id, quantity: 1 }], { country: "Atlantis" })).toEqual({
      ok: false,
      error: "destination",
    });
  });

  test("Africa is priced as its own zone, with no import tax outside mainland China", () => {
    const a = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 5 });
    const placed = place([{ productId: a.id, quantity: 3 }], { country: "Nigeria" }) as { orderId: number };
    expect(shipmentsOf(placed.orderId)[0]).toMatchObject({ zone: "africa", costCents: 500 + 2 * 200 });
    expect(taxOf(placed.orderId)).toBeUndefined();
    expect(orderOf(placed.orderId).totalCents).toBe(6000 + 900);
  });
});

describe("cross-border limits", () => {
  test("over CNY 5,000 for one order (goods + shipping) is refused, and nothing is written", () => {
    // $700.00 + $10.00 shipping = ¥5,054.21.
    const dear = createProduct(db(), { storeSlug: B, priceCents: 70_000, stock: 3 });
    const before = counts();
    const placed = place([{ productId: dear.id, quantity: 1 }]);
    expect(placed).toMatchObject({ ok: false, error: "taxLimit", limit: "perTransactionLimit" });
    expect(counts()).toEqual(before);
  });

  test("the annual CNY 26,000 counts paid orders to China of the same email this year", () => {
    const email = "annual.limit@example.com";
    // $640 + $8 shipping ≈ ¥4,612.85 each: five paid orders are ¥23,064; a sixth would pass ¥26,000.
    const item = createProduct(db(), { storeSlug: B, priceCents: 64_000, stock: 10 });
    for (let i = 0; i < 5; i++) {
      const placed = place([{ productId: item.id, quantity: 1 }], { email }) as { ok: boolean; orderId: number };
      expect(placed.ok).toBe(true);
      pay(placed.orderId);
    }
    // An unpaid order does not count: the sixth is refused because of the five paid ones.
    expect(place([{ productId: item.id, quantity: 1 }], { email })).toMatchObject({
      ok: false,
      error: "taxLimit",
      limit: "annualLimit",
    });
    // Another shopper is not affected.
    expect(place([{ productId: item.id, quantity: 1 }], { email: "someone.else@example.com" }).ok).toBe(true);
  });
});

describe("Stripe and refunds", () => {
  test("Stripe Checkout receives each store's shipping and the import tax as their own line items", async () => {
    const a = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 5, titleZh: "咖啡豆" });
    const b = createProduct(db(), { storeSlug: B, priceCents: 1500, stock: 5, titleZh: "乳木果油" });
    const placed = place(
      [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 1 },
      ],
      { provider: "stripe" },
    ) as { orderId: number };
    setClock(null);
    // The reservation is counted from the fixed clock; pay before it ends.
    setClock(new Date(AT.getTime() + 60_000));
    const started = await startPayment(placed.orderId, "http://localhost:3000");
    expect(started.ok).toBe(true);
    const params = stripeApi.captured.at(-1)!.params;
    const tax = taxOf(placed.orderId)!.taxCents;
    const items = [0, 1, 2, 3].map((i) => [
      params.get(`line_items[${i}][price_data][product_data][name]`),
      params.get(`line_items[${i}][price_data][unit_amount]`),
      params.get(`line_items[${i}][quantity]`),
    ]);
    expect(items).toEqual([
      ["咖啡豆", "2000", "1"],
      ["乳木果油", "1500", "1"],
      [expect.stringMatching(/运费（邮政小包 \/ EMS）$/), "1000", "1"],
      [expect.stringMatching(/运费（邮政小包 \/ EMS）$/), "800", "1"],
    ]);
    expect(params.get("line_items[4][price_data][product_data][name]")).toBe("预估进口税（跨境电商综合税）");
    expect(params.get("line_items[4][price_data][unit_amount]")).toBe(String(tax));
    const sum = [0, 1, 2, 3, 4].reduce(
      (n, i) => n + Number(params.get(`line_items[${i}][price_data][unit_amount]`)),
      0,
    );
    expect(sum).toBe(orderOf(placed.orderId).totalCents);
  });

  test("refunding every line of a store gives back its shipping and a share of the tax; the rest gives back all", async () => {
    const a = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 5 });
    const b = createProduct(db(), { storeSlug: B, priceCents: 1500, stock: 5 });
    const placed = place([
      { productId: a.id, quantity: 1 },
      { productId: b.id, quantity: 2 },
    ]) as { orderId: number };
    setClock(new Date(AT.getTime() + 60_000));
    pay(placed.orderId);
    const order = orderOf(placed.orderId);
    const tax = taxOf(order.id)!.taxCents;
    const lines = db().select().from(orderItems).where(eq(orderItems.orderId, order.id)).all();
    const lineB = lines.find((l) => l.productId === b.id)!;
    const lineA = lines.find((l) => l.productId === a.id)!;
    const me = { kind: "organizer" as const, userId: organizer().id };

    const first = requestRefund(me, {
      orderId: order.id,
      lines: [{ lineId: lineB.id, quantity: 2, restock: true }],
      reason: "lost in transit",
    });
    expect(first.ok).toBe(true);
    const firstId = (first as { refundId: number }).refundId;
    // Store B's goods (3000) and shipping (800 + 200), and the tax in proportion to what comes back.
    const goodsAndShipping = order.totalCents - tax;
    const share = Math.floor((tax * (3000 + 1000)) / goodsAndShipping);
    expect(db().select().from(refunds).where(eq(refunds.id, firstId)).get()!.amountCents).toBe(3000 + 1000 + share);
    await sendRefund(firstId);
    expect(shipmentsOf(order.id).find((s) => s.storeId === storeB.id)!.refundedCents).toBe(1000);
    expect(orderOf(order.id).status).toBe("partially_refunded");

    const second = requestRefund(me, {
      orderId: order.id,
      lines: [{ lineId: lineA.id, quantity: 1, restock: true }],
      reason: "changed mind",
    }) as { ok: true; refundId: number };
    await sendRefund(second.refundId);
    const after = orderOf(order.id);
    expect(after.refundedCents).toBe(after.totalCents);
    expect(after.status).toBe("refunded");
    expect(taxOf(order.id)!.refundedCents).toBe(tax);
  });
});

describe("the owner's shipping editor", () => {
  const KENYA = "kisii-stone-and-sisal";
  const profilesOfStore = (storeId: number) =>
    db().select().from(shippingProfiles).where(eq(shippingProfiles.storeId, storeId)).all();

  test("an owner saves their own store's profiles; zones left empty are not shipped to", async () => {
    const owner = ownerOf(KENYA);
    const cookie = await cookieFor(owner.user.id);
    const saved = await callAs(sellShipping.action as RouteFn, cookie, "/sell/shipping", {
      "postal.offer": "on",
      "postal.pricing": "item",
      "postal.freeOver": "80",
      "postal.cn.first": "9.90",
      "postal.cn.additional": "3",
      "postal.cn.min": "12",
      "postal.cn.max": "25",
      "express.pricing": "weight",
    });
    expect(saved.status).toBe(200);
    const store = db().select().from(stores).where(eq(stores.slug, KENYA)).get()!;
    const rows = profilesOfStore(store.id);
    expect(rows.map((r) => [r.method, r.freeOverCents, r.rates])).toEqual([
      ["postal", 8000, { cn: { firstCents: 990, additionalCents: 300, minDays: 12, maxDays: 25 } }],
    ]);
    // Other stores' profiles are untouched.
    expect(profilesOfStore(storeB.id)).toHaveLength(1);
  });

  test("bad amounts and days are refused with a message, and nothing changes", async () => {
    const owner = ownerOf(KENYA);
    const cookie = await cookieFor(owner.user.id);
    const store = db().select().from(stores).where(eq(stores.slug, KENYA)).get()!;
    const before = profilesOfStore(store.id);
    const refused = await callAs(sellShipping.action as RouteFn, cookie, "/sell/shipping", {
      "postal.offer": "on",
      "postal.cn.first": "-2",
      "postal.cn.min": "12",
      "postal.cn.max": "25",
      "postal.europe.first": "12",
      "postal.europe.min": "20",
      "postal.europe.max": "10",
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: Record<string, string> }).errors).toEqual({
      "postal.cn": "shipping.errorAmount",
      "postal.europe": "shipping.errorDays",
    });
    expect(profilesOfStore(store.id)).toEqual(before);
    const nothing = await callAs(sellShipping.action as RouteFn, cookie, "/sell/shipping", {});
    expect((nothing.body as { formError: string }).formError).toBe("shipping.console.needOne");
  });

  test("a shopper is refused", async () => {
    const shopper = await newShopper();
    const refused = await callAs(sellShipping.action as RouteFn, await cookieFor(shopper.id), "/sell/shipping", {
      "postal.offer": "on",
      "postal.cn.first": "1",
      "postal.cn.min": "1",
      "postal.cn.max": "2",
    });
    expect(refused.status).toBe(403);
  });
});
