import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { changeCart, getCartView } from "#app/models/cart.server.ts";
import { cancelUnpaidOrder, expireReservations, placeOrder } from "#app/models/checkout.server.ts";
import { applyPaymentEvent } from "#app/models/payments.server.ts";
import { quotePrices } from "#app/models/pricing.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import { flashSlotItems, orderItems, orders } from "#db/schema/index.ts";
import { shippingDetails } from "#tests/support/addresses.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { createFlashSlot } from "#tests/support/flash-slots.ts";

/** Flash-sale slots (秒杀, decision 035): the slot price by the clock, slot stock and 限购 at checkout, units moved by every path. */
beforeAll(() => freeShipping(getDb()));
afterEach(() => setClock(null));

const db = () => getDb();
const HOUR = 3_600_000;
const T0 = new Date("2031-06-18T02:00:00Z"); // 10:00 Beijing time
const shipping = (email: string) =>
  shippingDetails({ email, name: "Lin Test", address: "1 Test Road", city: "Nairobi", country: "KE" });

/** A festival live from T0 − 2 h to T0 + 12 h with a deal at 20.00 on a 30.00 product, and a slot 10:00–12:00 Beijing at 9.90. */
function slotSetup({ slotStock = 5, perShopperLimit = null as number | null, stock = 50 } = {}) {
  const product = createProduct(db(), { priceCents: 3000, stock });
  const festival = createFestival(db(), {
    startsAt: new Date(T0.getTime() - 2 * HOUR),
    endsAt: new Date(T0.getTime() + 12 * HOUR),
    deals: [{ productId: product.id, dealPriceCents: 2000 }],
  });
  const { slot, items } = createFlashSlot(db(), {
    festivalId: festival.id,
    startsAt: T0,
    endsAt: new Date(T0.getTime() + 2 * HOUR),
    items: [{ productId: product.id, slotPriceCents: 990, slotStock, perShopperLimit }],
  });
  const item = () => db().select().from(flashSlotItems).where(eq(flashSlotItems.id, items[0]!.id)).get()!;
  return { product, festival, slot, item };
}

const priceAt = (productId: number, at: Date) => {
  const quote = quotePrices([{ productId, regularCents: 3000 }], { at }).get(productId)!;
  return quote.slot?.priceCents ?? quote.unitCents;
};

function buy(productId: number, quantity: number, email: string, at: Date) {
  const owner = { token: `slot-${email}-${Math.random()}` };
  changeCart(owner, productId, quantity, "add");
  const placed = placeOrder({ owner, userId: null, shipping: shipping(email), locale: "zh", provider: "demo", at });
  if (!placed.ok) throw new Error(JSON.stringify(placed));
  return placed.orderId;
}

const linesOf = (orderId: number) =>
  db()
    .select({
      unitCents: orderItems.unitCents,
      quantity: orderItems.quantity,
      dealId: orderItems.dealId,
      flashSlotItemId: orderItems.flashSlotItemId,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.id)
    .all();

describe("slot boundaries by the injectable clock", () => {
  test("the slot price applies from the start (inclusive) to the end (exclusive), the deal price around it", () => {
    const { product } = slotSetup();
    const end = new Date(T0.getTime() + 2 * HOUR);
    expect(priceAt(product.id, new Date(T0.getTime() - 1))).toBe(2000); // a millisecond before: the deal
    expect(priceAt(product.id, T0)).toBe(990); // at the start
    expect(priceAt(product.id, new Date(T0.getTime() + HOUR))).toBe(990); // inside
    expect(priceAt(product.id, new Date(end.getTime() - 1))).toBe(990);
    expect(priceAt(product.id, end)).toBe(2000); // at the end: over
    expect(priceAt(product.id, new Date(end.getTime() + HOUR))).toBe(2000); // after
  });

  test("an order placed at the start gets the slot price; one placed at the end the deal price", () => {
    const { product } = slotSetup();
    const inSlot = buy(product.id, 1, "start@example.com", T0);
    expect(linesOf(inSlot)).toMatchObject([{ unitCents: 990, quantity: 1, dealId: null }]);
    const after = buy(product.id, 1, "end@example.com", new Date(T0.getTime() + 2 * HOUR));
    expect(linesOf(after)).toMatchObject([{ unitCents: 2000, quantity: 1, flashSlotItemId: null }]);
  });

  test("an unpublished festival's slot does not apply", () => {
    const product = createProduct(db(), { priceCents: 3000 });
    const festival = createFestival(db(), {
      startsAt: new Date(T0.getTime() - HOUR),
      endsAt: new Date(T0.getTime() + HOUR),
      published: false,
    });
    createFlashSlot(db(), {
      festivalId: festival.id,
      startsAt: T0,
      endsAt: new Date(T0.getTime() + HOUR),
      items: [{ productId: product.id, slotPriceCents: 990, slotStock: 5 }],
    });
    expect(priceAt(product.id, T0)).toBe(3000);
  });
});

describe("slot stock and 限购 at checkout", () => {
  test("units beyond the slot stock fall back to the deal price; sold out the moment the stock is gone", () => {
    const { product, item } = slotSetup({ slotStock: 3 });
    const orderId = buy(product.id, 5, "many@example.com", T0);
    expect(linesOf(orderId)).toMatchObject([
      { unitCents: 990, quantity: 3, flashSlotItemId: item().id },
      { unitCents: 2000, quantity: 2, flashSlotItemId: null },
    ]);
    expect(item()).toMatchObject({ reservedCount: 3, soldCount: 0 });
    // Sold out: the next shopper pays the deal price.
    expect(priceAt(product.id, T0)).toBe(2000);
    const next = buy(product.id, 1, "late@example.com", T0);
    expect(linesOf(next)).toMatchObject([{ unitCents: 2000, flashSlotItemId: null }]);
  });

  test("the per-shopper limit counts a guest's earlier orders by email, case-insensitively", () => {
    const { product } = slotSetup({ slotStock: 10, perShopperLimit: 2 });
    const first = buy(product.id, 1, "Mei@Example.com", T0);
    expect(linesOf(first)).toMatchObject([{ unitCents: 990, quantity: 1 }]);
    const second = buy(product.id, 3, "mei@example.com", T0);
    expect(linesOf(second)).toMatchObject([
      { unitCents: 990, quantity: 1 },
      { unitCents: 2000, quantity: 2 },
    ]);
    const third = buy(product.id, 1, "mei@example.com", T0);
    expect(linesOf(third)).toMatchObject([{ unitCents: 2000, quantity: 1 }]);
  });

  test("the cart shows the same split and total as checkout charges", () => {
    const { product } = slotSetup({ slotStock: 10, perShopperLimit: 2 });
    const owner = { token: `slot-cart-${Math.random()}` };
    changeCart(owner, product.id, 3, "add");
    const cart = getCartView(owner, "zh", { at: T0 });
    expect(cart.lines[0]).toMatchObject({ slotUnits: 2, dealUnits: 1, regularUnits: 0, lineCents: 2 * 990 + 2000 });
    expect(cart.lines[0]!.slot).toMatchObject({ priceCents: 990, perShopperLimit: 2, limitedBy: "shopper" });
  });

  test("expiry and cancellation give slot units back; payment moves them from reserved to sold", () => {
    const { product, item } = slotSetup({ slotStock: 4 });
    const paid = buy(product.id, 2, "paid@example.com", T0);
    const cancelled = buy(product.id, 1, "cancel@example.com", T0);
    const expiring = buy(product.id, 1, "expire@example.com", T0);
    expect(item()).toMatchObject({ reservedCount: 4, soldCount: 0 });
    const order = db().select().from(orders).where(eq(orders.id, paid)).get()!;
    expect(
      applyPaymentEvent({
        id: `slot_pay_${paid}`,
        type: "paid",
        orderId: paid,
        provider: "demo",
        amountCents: order.totalCents,
        currency: "USD",
      }),
    ).toBe("paid");
    expect(item()).toMatchObject({ reservedCount: 2, soldCount: 2 });
    expect(cancelUnpaidOrder(cancelled, { kind: "shopper", userId: null }, "changed-mind").ok).toBe(true);
    expect(item()).toMatchObject({ reservedCount: 1, soldCount: 2 });
    // Only the last one is still pending; its reservation runs out.
    db().update(orders).set({ reservedUntil: T0 }).where(eq(orders.id, expiring)).run();
    expect(expireReservations(new Date(T0.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(item()).toMatchObject({ reservedCount: 0, soldCount: 2 });
    expect(priceAt(product.id, T0)).toBe(990);
  });
});

describe("slot units are never created or lost", () => {
  test("random place / pay / cancel / expire sequences keep the slot's counts equal to its lines", () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant("place" as const),
        quantity: fc.integer({ min: 1, max: 4 }),
        shopper: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({ kind: fc.constant("pay" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("expire" as const), pick: fc.nat() }),
    );
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        run += 1;
        const { product, item } = slotSetup({ slotStock: 6, perShopperLimit: 3, stock: 200 });
        const placed: number[] = [];
        let latePaid = false;
        for (const [n, s] of steps.entries()) {
          if (s.kind === "place") placed.push(buy(product.id, s.quantity, `p${run}-${s.shopper}@example.com`, T0));
          else if (placed.length > 0) {
            const orderId = placed[s.pick % placed.length]!;
            const order = db().select().from(orders).where(eq(orders.id, orderId)).get()!;
            if (s.kind === "pay") {
              const outcome = applyPaymentEvent({
                id: `slot_prop_${run}_${n}`,
                type: "paid",
                orderId,
                provider: "demo",
                amountCents: order.totalCents,
                currency: "USD",
              });
              // A payment after the reservation was released sells again, even past the stock (as deals do).
              if (outcome === "paid" && order.status !== "pending_payment") latePaid = true;
            } else if (s.kind === "cancel") cancelUnpaidOrder(orderId, { kind: "shopper", userId: null }, "prop");
            else if (order.status === "pending_payment") {
              db().update(orders).set({ reservedUntil: T0 }).where(eq(orders.id, orderId)).run();
              expireReservations(new Date(T0.getTime() + 1));
            }
          }
          // Reserved = slot units of pending orders; sold = slot units of paid ones; never past the stock.
          const lines =
            placed.length === 0
              ? []
              : db()
                  .select({ quantity: orderItems.quantity, status: orders.status, email: orders.email })
                  .from(orderItems)
                  .innerJoin(orders, eq(orders.id, orderItems.orderId))
                  .where(inArray(orderItems.orderId, placed))
                  .all();
          const slotLines =
            placed.length === 0
              ? []
              : db()
                  .select({ quantity: orderItems.quantity, status: orders.status, email: orders.email })
                  .from(orderItems)
                  .innerJoin(orders, eq(orders.id, orderItems.orderId))
                  .where(eq(orderItems.flashSlotItemId, item().id))
                  .all();
          const sum = (status: (s: string) => boolean) =>
            slotLines.filter((l) => status(l.status)).reduce((n, l) => n + l.quantity, 0);
          const now = item();
          expect(now.reservedCount).toBe(sum((st) => st === "pending_payment"));
          expect(now.soldCount).toBe(sum((st) => st === "paid"));
          if (!latePaid) expect(now.reservedCount + now.soldCount).toBeLessThanOrEqual(now.slotStock);
          // 限购: no shopper holds more than 3 slot units in open or paid orders (a late payment may re-take them).
          const byEmail = new Map<string, number>();
          for (const l of slotLines)
            if (l.status === "pending_payment" || l.status === "paid")
              byEmail.set(l.email, (byEmail.get(l.email) ?? 0) + l.quantity);
          if (!latePaid) for (const units of byEmail.values()) expect(units).toBeLessThanOrEqual(3);
          // Every unit ordered is on some line: none created or lost by the split.
          expect(lines.reduce((n, l) => n + l.quantity, 0)).toBe(
            steps
              .slice(0, n + 1)
              .filter((x) => x.kind === "place")
              .reduce((m, x) => m + (x.kind === "place" ? x.quantity : 0), 0),
          );
        }
      }),
      { numRuns: 30 },
    );
  });
});
