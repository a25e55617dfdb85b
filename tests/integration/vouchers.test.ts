/**
 * Vouchers (decision 034) on real SQLite: claiming (limits, codes, 50 claims racing from three
 * processes for 10 vouchers), the best combination applied by placeOrder with its allocation per
 * line, claims returned on cancel and expiry, refunds giving back a line's paid share, who funds a
 * festival voucher in what each store is owed, and Stripe receiving the discounted amounts.
 */
import { fork } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { findOwnStore } from "#app/models/access.server.ts";
import { changeCart, getCartView } from "#app/models/cart.server.ts";
import { cancelUnpaidOrder, expireReservations, placeOrder } from "#app/models/checkout.server.ts";
import { applyPaymentEvent, resetStripeClient, startPayment } from "#app/models/payments.server.ts";
import { requestRefund, sendRefund } from "#app/models/refunds.server.ts";
import { cartVouchers } from "#app/models/vouchers/cart.server.ts";
import type { VoucherInput } from "#app/models/vouchers/form.ts";
import {
  claimVoucher,
  issueFestivalVoucher,
  issueStoreVoucher,
  orderVouchers,
  storeShare,
} from "#app/models/vouchers/vouchers.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import { auditLog, orderItems, orderLineDiscounts, orders, voucherClaims, vouchers } from "#db/schema/index.ts";
import { shippingDetails } from "#tests/support/addresses.ts";
import { newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { useStripeInterceptor } from "#tests/support/stripe.ts";

beforeAll(() => freeShipping(getDb()));
useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, CHECKOUT_RESERVATION_MINUTES: "30" });

const db = () => getDb();
const DAY = 86_400_000;
const STORE_A = "yirga-highlands-coffee";
const STORE_B = "tamale-shea-collective";
const SHIPPING = shippingDetails({
  email: "amina.okafor@example.com",
  name: "Amina Okafor",
  address: "12 Marina Road",
  city: "Lagos",
  country: "NG",
  phone: "+234 803 555 0101",
  postcode: "101001",
});

afterEach(() => setClock(null));

const window = () => ({ startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY) });
function input(overrides: Partial<VoucherInput> = {}): VoucherInput {
  return {
    kind: "spend",
    tiers: [{ minCents: 5_000, offCents: 500 }],
    percentOff: null,
    capCents: null,
    minCents: 5_000,
    ...window(),
    totalQuantity: 100,
    perShopperLimit: 1,
    code: null,
    funder: "campaign",
    ...overrides,
  };
}
function storeVoucher(slug: string, overrides: Partial<VoucherInput> = {}) {
  const { user } = ownerOf(slug);
  const store = findOwnStore(user)!;
  const result = issueStoreVoucher(store, user.id, input({ ...overrides, funder: "store" }));
  if (!result.ok) throw new Error(result.error);
  return result.id;
}
function festivalVoucher(festivalId: number, overrides: Partial<VoucherInput> = {}) {
  const result = issueFestivalVoucher(organizer(), festivalId, input(overrides));
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

/** Two stores' products, both in a live festival at their regular price (a deal of 0 % off). */
function shop() {
  const a = createProduct(db(), { storeSlug: STORE_A, priceCents: 6_000, stock: 20 });
  const b = createProduct(db(), { storeSlug: STORE_B, priceCents: 4_000, stock: 20 });
  const festival = createFestival(db(), {
    ...window(),
    deals: [
      { productId: a.id, dealPriceCents: 6_000 },
      { productId: b.id, dealPriceCents: 4_000 },
    ],
  });
  return { a, b, festival };
}

function place(userId: number, lines: [number, number][], voucherChoice = {}) {
  for (const [productId, quantity] of lines) changeCart({ userId }, productId, quantity, "set");
  const placed = placeOrder({
    owner: { userId },
    userId,
    shipping: SHIPPING,
    locale: "en",
    provider: "demo",
    voucherChoice,
  });
  if (!placed.ok) throw new Error(JSON.stringify(placed));
  return placed;
}
const claimsOf = (userId: number) =>
  db().select().from(voucherClaims).where(eq(voucherClaims.userId, userId)).orderBy(voucherClaims.id).all();
const discountsOf = (orderId: number) =>
  db().select().from(orderLineDiscounts).where(eq(orderLineDiscounts.orderId, orderId)).all();
const linesOf = (orderId: number) =>
  db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(orderItems.id).all();

describe("claiming", () => {
  test("once per shopper by default; a voucher with a code only by its code; an ended one not at all", async () => {
    const shopper = await newShopper();
    const open = storeVoucher(STORE_A);
    expect(claimVoucher(shopper.id, { voucherId: open })).toMatchObject({ ok: true });
    expect(claimVoucher(shopper.id, { voucherId: open })).toEqual({ ok: false, error: "limit" });
    const coded = storeVoucher(STORE_A, { code: `SILK-${process.pid}` });
    expect(claimVoucher(shopper.id, { voucherId: coded })).toEqual({ ok: false, error: "needsCode" });
    expect(claimVoucher(shopper.id, { code: `silk-${process.pid}` })).toMatchObject({ ok: true, voucherId: coded });
    expect(claimVoucher(shopper.id, { code: "NO-SUCH-CODE" })).toEqual({ ok: false, error: "notFound" });
    const ended = storeVoucher(STORE_A, {
      startsAt: new Date(Date.now() - 3 * DAY),
      endsAt: new Date(Date.now() - DAY),
    });
    expect(claimVoucher(shopper.id, { voucherId: ended })).toEqual({ ok: false, error: "over" });
    expect(claimsOf(shopper.id)).toHaveLength(2);
  });

  test("the quantity: when all are claimed, the next shopper is told so", async () => {
    const id = storeVoucher(STORE_A, { totalQuantity: 1 });
    const [first, second] = [await newShopper(), await newShopper()];
    expect(claimVoucher(first.id, { voucherId: id }).ok).toBe(true);
    expect(claimVoucher(second.id, { voucherId: id })).toEqual({ ok: false, error: "soldOut" });
  });

  test("50 claims racing from three processes for 10 vouchers: exactly 10 claimed, no shopper over the limit", async () => {
    const id = storeVoucher(STORE_B, { totalQuantity: 10, perShopperLimit: 1 });
    // 25 shoppers, each claiming twice (from two different processes).
    const shoppers = await Promise.all(Array.from({ length: 25 }, () => newShopper()));
    const ids = shoppers.map((s) => s.id);
    const script = path.resolve(import.meta.dirname, "../support/voucher-claimer.ts");
    const children = [0, 1, 2].map(() =>
      fork(script, {
        execArgv: ["--import", "tsx"],
        env: { ...process.env },
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      }),
    );
    try {
      await Promise.all(children.map((c) => new Promise((resolve) => c.once("message", resolve))));
      const startAt = Date.now() + 300;
      // Process 0 takes shoppers 0–16, process 1 shoppers 8–24, process 2 the first 16 again: 50 claims.
      const batches = [ids.slice(0, 17), ids.slice(8, 25), ids.slice(0, 16)];
      expect(batches.flat()).toHaveLength(50);
      const outcomes = await Promise.all(
        children.map(
          (child, i) =>
            new Promise<string[]>((resolve) => {
              child.once("message", (m: { result: string[] }) => resolve(m.result));
              child.send({ id: 1, voucherId: id, userIds: batches[i], startAt });
            }),
        ),
      );
      const all = outcomes.flat();
      expect(all.filter((o) => o === "ok")).toHaveLength(10);
      expect(all.every((o) => o === "ok" || o === "soldOut" || o === "limit")).toBe(true);
    } finally {
      for (const child of children) child.kill("SIGKILL");
    }
    const claims = db().select().from(voucherClaims).where(eq(voucherClaims.voucherId, id)).all();
    expect(claims).toHaveLength(10);
    expect(new Set(claims.map((c) => c.userId)).size).toBe(10);
    expect(db().select().from(vouchers).where(eq(vouchers.id, id)).get()!.claimedCount).toBe(10);
  });
});

describe("at checkout", () => {
  test("the best combination applies, is allocated per line to the cent, and its claims are used", async () => {
    const { a, b, festival } = shop();
    const shopper = await newShopper();
    const storeA = storeVoucher(STORE_A, {
      tiers: [
        { minCents: 10_000, offCents: 1_000 },
        { minCents: 15_000, offCents: 2_000 },
      ],
    });
    const storeA2 = storeVoucher(STORE_A, { tiers: [{ minCents: 5_000, offCents: 300 }] });
    const fest = festivalVoucher(festival.id, { tiers: [{ minCents: 20_000, offCents: 2_500 }] });
    for (const v of [storeA, storeA2, fest]) expect(claimVoucher(shopper.id, { voucherId: v }).ok).toBe(true);
    // A: 3 × 60 = 180 → store voucher 20 off (the 150 tier) → 160; B: 2 × 40 = 80; festival base 240 → 25 off.
    changeCart({ userId: shopper.id }, a.id, 3, "set");
    changeCart({ userId: shopper.id }, b.id, 2, "set");
    const shown = cartVouchers(shopper.id, getCartView({ userId: shopper.id }, "en"), {}, "en");
    expect(shown.discountCents).toBe(4_500);
    expect(shown.applied.map((x) => x.voucherId)).toEqual([storeA, fest]);
    const placed = place(shopper.id, []);
    expect(placed.totalCents).toBe(26_000 - 4_500);
    const order = db().select().from(orders).where(eq(orders.id, placed.orderId)).get()!;
    expect(order.totalCents).toBe(21_500);
    const lines = linesOf(placed.orderId);
    const discounts = discountsOf(placed.orderId);
    expect(discounts.reduce((n, d) => n + d.amountCents, 0)).toBe(4_500);
    const lineA = lines.find((l) => l.productId === a.id)!;
    const lineB = lines.find((l) => l.productId === b.id)!;
    // The festival's 25 over what is left of A (160) and B (80): 16.67 and 8.33 → 1,667 and 833.
    expect(
      discounts
        .filter((d) => d.orderItemId === lineA.id)
        .map((d) => d.amountCents)
        .sort(),
    ).toEqual([1_667, 2_000]);
    expect(discounts.filter((d) => d.orderItemId === lineB.id).map((d) => d.amountCents)).toEqual([833]);
    expect(discounts.find((d) => d.voucherId === fest)!.funder).toBe("campaign");
    const claims = claimsOf(shopper.id);
    expect(
      claims
        .filter((c) => c.status === "used")
        .map((c) => c.voucherId)
        .sort(),
    ).toEqual([storeA, fest].sort());
    expect(claims.find((c) => c.voucherId === storeA2)!.status).toBe("claimed");
    expect(orderVouchers(placed.orderId, "en").map((v) => [v.scope, v.discountCents])).toEqual([
      ["store", 2_000],
      ["festival", 2_500],
    ]);
  });

  test("the shopper's choice is kept: another store voucher, or none at all", async () => {
    const { a } = shop();
    const shopper = await newShopper();
    const big = storeVoucher(STORE_A, { tiers: [{ minCents: 5_000, offCents: 1_000 }] });
    const small = storeVoucher(STORE_A, { tiers: [{ minCents: 5_000, offCents: 200 }] });
    for (const v of [big, small]) claimVoucher(shopper.id, { voucherId: v });
    const storeId = ownerOf(STORE_A).store.id;
    const chosen = place(shopper.id, [[a.id, 1]], { stores: new Map([[storeId, small]]) });
    expect(chosen.totalCents).toBe(6_000 - 200);
    cancelUnpaidOrder(chosen.orderId, { kind: "shopper", userId: shopper.id }, "shopper");
    const none = place(shopper.id, [[a.id, 1]], { stores: new Map([[storeId, null]]), festival: null });
    expect(none.totalCents).toBe(6_000);
    expect(discountsOf(none.orderId)).toEqual([]);
  });

  test("a cancelled or expired unpaid order gives its vouchers back, usable on the next order", async () => {
    const { a } = shop();
    const shopper = await newShopper();
    const v = storeVoucher(STORE_A);
    claimVoucher(shopper.id, { voucherId: v });
    const first = place(shopper.id, [[a.id, 1]]);
    expect(first.totalCents).toBe(5_500);
    expect(claimsOf(shopper.id)[0]).toMatchObject({ status: "used", orderId: first.orderId });
    expect(cancelUnpaidOrder(first.orderId, { kind: "shopper", userId: shopper.id }, "shopper")).toEqual({ ok: true });
    expect(claimsOf(shopper.id)[0]).toMatchObject({ status: "returned", orderId: null });
    // Used again by the next order, which then expires unpaid: returned again.
    const second = place(shopper.id, []);
    expect(second.totalCents).toBe(5_500);
    expect(claimsOf(shopper.id)[0]).toMatchObject({ status: "used", orderId: second.orderId });
    expect(expireReservations(new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(db().select().from(orders).where(eq(orders.id, second.orderId)).get()!.status).toBe("expired");
    expect(claimsOf(shopper.id)[0]).toMatchObject({ status: "returned", orderId: null });
    // Checking out again supersedes nothing now, and the voucher applies once more.
    const third = place(shopper.id, []);
    expect(third.totalCents).toBe(5_500);
    // A late payment for the expired order takes the claim back only if the shopper has not reused it.
    expect(claimsOf(shopper.id)).toHaveLength(1);
  });

  test("a refunded line gives back what it paid after vouchers; the whole order refunds to its total", async () => {
    const { a, b, festival } = shop();
    const shopper = await newShopper();
    const fest = festivalVoucher(festival.id, {
      kind: "percent",
      tiers: [],
      percentOff: 10,
      capCents: null,
      minCents: 0,
    });
    claimVoucher(shopper.id, { voucherId: fest });
    const placed = place(shopper.id, [
      [a.id, 3],
      [b.id, 1],
    ]);
    // 10 % of 220 = 22: A's 180 gets 18, B's 40 gets 4.
    expect(placed.totalCents).toBe(22_000 - 2_200);
    expect(
      applyPaymentEvent({
        id: `evt-${placed.orderId}`,
        type: "paid",
        orderId: placed.orderId,
        provider: "demo",
        amountCents: placed.totalCents,
        currency: "USD",
      }),
    ).toBe("paid");
    const [lineA, lineB] = [a, b].map((p) => linesOf(placed.orderId).find((l) => l.productId === p.id)!);
    const refunder = { kind: "organizer" as const, userId: organizer().id };
    // One unit of A: a third of what A paid (162) → 54.
    const one = requestRefund(refunder, {
      orderId: placed.orderId,
      lines: [{ lineId: lineA!.id, quantity: 1, restock: true }],
      reason: "damaged",
    });
    expect(one.ok).toBe(true);
    await sendRefund((one as { refundId: number }).refundId);
    expect(db().select().from(orderItems).where(eq(orderItems.id, lineA!.id)).get()!.refundedCents).toBe(5_400);
    // Asking for more than a line paid is refused.
    expect(
      requestRefund(refunder, {
        orderId: placed.orderId,
        lines: [{ lineId: lineB!.id, quantity: 0, amountCents: 3_601, restock: false }],
        reason: "x",
      }),
    ).toEqual({ ok: false, error: "tooMuch" });
    // The rest: A's last two units (108) and B (36) → the order is refunded to the cent.
    const rest = requestRefund(refunder, {
      orderId: placed.orderId,
      lines: [
        { lineId: lineA!.id, quantity: 2, restock: true },
        { lineId: lineB!.id, quantity: 1, restock: true },
      ],
      reason: "cancelled",
    });
    expect(rest.ok).toBe(true);
    await sendRefund((rest as { refundId: number }).refundId);
    const order = db().select().from(orders).where(eq(orders.id, placed.orderId)).get()!;
    expect(order.refundedCents).toBe(order.totalCents);
    expect(order.status).toBe("refunded");
  });

  test("what each store is owed follows who funds the festival voucher", async () => {
    const { a, b, festival } = shop();
    const run = async (funder: "campaign" | "stores") => {
      const shopper = await newShopper();
      const fest = festivalVoucher(festival.id, { tiers: [{ minCents: 10_000, offCents: 1_000 }], funder });
      claimVoucher(shopper.id, { voucherId: fest });
      const placed = place(shopper.id, [
        [a.id, 1],
        [b.id, 1],
      ]);
      const lines = linesOf(placed.orderId);
      const discounts = discountsOf(placed.orderId).map((d) => ({
        lineId: d.orderItemId,
        cents: d.amountCents,
        funder: d.funder,
      }));
      const share = (productId: number) =>
        storeShare(
          lines.filter((l) => l.productId === productId),
          discounts,
        );
      return { a: share(a.id), b: share(b.id) };
    };
    // 10 off 100: A (60) bears 6, B (40) bears 4 — or the campaign pays them.
    const campaign = await run("campaign");
    expect(campaign.a).toMatchObject({
      goodsCents: 6_000,
      campaignFundedCents: 600,
      storeFundedCents: 0,
      owedCents: 6_000,
    });
    expect(campaign.b.owedCents).toBe(4_000);
    const stores = await run("stores");
    expect(stores.a).toMatchObject({ storeFundedCents: 600, campaignFundedCents: 0, owedCents: 5_400 });
    expect(stores.b.owedCents).toBe(3_600);
  });

  test("organizers' festival vouchers are audited", () => {
    const { festival } = shop();
    const id = festivalVoucher(festival.id, { code: `AUDIT-${process.pid}` });
    const row = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "festival.voucher.add"), eq(auditLog.entityId, String(festival.id))))
      .get();
    expect(row?.after).toMatchObject({ voucher: id, code: `AUDIT-${process.pid}` });
  });
});

describe("Stripe", () => {
  useEnv({ STRIPE_SECRET_KEY: "sk_test_silk_road", STRIPE_WEBHOOK_SECRET: "whsec_test_silk_road_0123456789" });
  const stripeApi = useStripeInterceptor();
  beforeAll(() => resetStripeClient());
  afterAll(() => resetStripeClient());

  test("the Checkout Session charges the discounted amounts, summing to the order's total", async () => {
    const { a, b, festival } = shop();
    const shopper = await newShopper();
    const fest = festivalVoucher(festival.id, { tiers: [{ minCents: 10_000, offCents: 1_000 }] });
    claimVoucher(shopper.id, { voucherId: fest });
    for (const [p, q] of [
      [a.id, 3],
      [b.id, 1],
    ] as const)
      changeCart({ userId: shopper.id }, p, q, "set");
    const placed = placeOrder({
      owner: { userId: shopper.id },
      userId: shopper.id,
      shipping: SHIPPING,
      locale: "en",
      provider: "stripe",
    });
    expect(placed.ok).toBe(true);
    const { orderId, totalCents } = placed as { orderId: number; totalCents: number };
    expect(totalCents).toBe(22_000 - 1_000);
    stripeApi.captured.length = 0;
    expect((await startPayment(orderId, "http://localhost:3000")).ok).toBe(true);
    const params = stripeApi.captured.find(
      (r) => r.url.endsWith("/v1/checkout/sessions") && r.method === "POST",
    )!.params;
    const items: { quantity: number; amount: number; name: string }[] = [];
    for (let i = 0; params.has(`line_items[${i}][quantity]`); i++)
      items.push({
        quantity: Number(params.get(`line_items[${i}][quantity]`)),
        amount: Number(params.get(`line_items[${i}][price_data][unit_amount]`)),
        name: params.get(`line_items[${i}][price_data][product_data][name]`)!,
      });
    // A: 180 − 8.18… → 171.82 for 3 units does not divide: one amount; B: 40 − 1.82 = 38.18 × 1.
    expect(items.reduce((n, i) => n + i.quantity * i.amount, 0)).toBe(totalCents);
    expect(items[0]).toMatchObject({ quantity: 1, amount: 18_000 - 818 });
    expect(items[0]!.name).toMatch(/× 3$/);
    expect(items[1]).toMatchObject({ quantity: 1, amount: 4_000 - 182 });
  });
});
