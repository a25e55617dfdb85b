/**
 * The 秒杀 race (issue 16, decision 035): 200 buyers in four worker processes over one SQLite file
 * check out at the same moment for 10 slot units with a limit of one per shopper.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import { flashSlotItems, orderItems, orders, products } from "#db/schema/index.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { createFlashSlot } from "#tests/support/flash-slots.ts";

const script = path.resolve(import.meta.dirname, "../support/worker-process.ts");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function startWorker() {
  const child = fork(script, {
    execArgv: ["--import", "tsx"],
    env: { ...process.env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return (cmd: string, args: Record<string, unknown>) =>
    new Promise<number[]>((resolve, reject) => {
      child.on("message", (m: { id?: number; result?: number[]; error?: string }) => {
        if (m.id !== 1) return;
        if (m.error) reject(new Error(m.error));
        else resolve(m.result!);
      });
      child.send({ id: 1, cmd, ...args });
    });
}

test(
  "200 buyers for 10 slot units: exactly 10 orders at the slot price, nobody past the limit",
  { timeout: 600_000 },
  async () => {
    const db = getDb();
    freeShipping(db);
    // The workers run on the real clock: the festival and the slot are live now.
    const now = Date.now();
    const product = createProduct(db, { priceCents: 3000, stock: 1000 });
    const festival = createFestival(db, {
      startsAt: new Date(now - 3_600_000),
      endsAt: new Date(now + 6 * 3_600_000),
      deals: [{ productId: product.id, dealPriceCents: 2000 }],
    });
    const { items } = createFlashSlot(db, {
      festivalId: festival.id,
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 3 * 3_600_000),
      items: [{ productId: product.id, slotPriceCents: 990, slotStock: 10, perShopperLimit: 1 }],
    });
    const slotItemId = items[0]!.id;
    // 200 buyers: 40 shoppers (emails) with five carts each, each cart asking for 2 units.
    const buyers = Array.from({ length: 200 }, (_, i) => ({
      token: `race-${process.pid}-${i}`,
      email: `shopper${i % 40}@example.com`,
    }));
    const workers = await Promise.all(Array.from({ length: 4 }, () => startWorker()));
    const startAt = Date.now() + 2_000;
    const placed = (
      await Promise.all(
        workers.map((call, w) =>
          call("slotCheckout", {
            productId: product.id,
            quantity: 2,
            buyers: buyers.filter((_, i) => i % 4 === w),
            startAt,
          }),
        ),
      )
    ).flat();
    // Product stock was plentiful: every buyer got an order; only 10 of them have units at the slot price.
    expect(placed).toHaveLength(200);
    const slotLines = db
      .select({
        orderId: orderItems.orderId,
        quantity: orderItems.quantity,
        unitCents: orderItems.unitCents,
        email: orders.email,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(eq(orderItems.flashSlotItemId, slotItemId))
      .all();
    expect(new Set(slotLines.map((l) => l.orderId)).size).toBe(10);
    expect(slotLines.reduce((n, l) => n + l.quantity, 0)).toBe(10);
    expect(slotLines.every((l) => l.unitCents === 990 && l.quantity === 1)).toBe(true);
    // 限购 1: ten different shoppers.
    expect(new Set(slotLines.map((l) => l.email)).size).toBe(10);
    // The other units went at the deal price; none created or lost.
    const all = db.select().from(orderItems).where(inArray(orderItems.orderId, placed)).all();
    expect(all.reduce((n, l) => n + l.quantity, 0)).toBe(400);
    expect(all.filter((l) => l.flashSlotItemId === null).every((l) => l.unitCents === 2000)).toBe(true);
    expect(db.select().from(flashSlotItems).where(eq(flashSlotItems.id, slotItemId)).get()).toMatchObject({
      reservedCount: 10,
      soldCount: 0,
    });
    expect(
      db.select({ reserved: products.reserved }).from(products).where(eq(products.id, product.id)).get()!.reserved,
    ).toBe(400);
  },
);
