import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { ShortOfReserved } from "#app/utils/inventory.ts";
import type { Tx } from "#db/client.ts";
import { orderIsSold, productIsListed } from "#db/rules.ts";
import { festivalDeals, flashSlotItems, orderItems, orders, products } from "#db/schema/index.ts";

/**
 * Inventory, after Medusa's inventory levels: a product's units ON HAND (what is on the shelf) and
 * units RESERVED (held by open order lines) are kept apart, and what shoppers may buy is derived:
 * `products.stock` is the generated column on_hand − reserved (decision 014).
 *
 * - placing an order reserves (only where available ≥ quantity, in one conditional UPDATE);
 * - the reservation stays through payment until the line ships, when on hand and reserved both go
 *   down by the line's quantity;
 * - cancellation and expiry (and, once they exist, refunds before shipping) release it;
 * - owners (form, inline edit, CSV) only ever set on hand, and never below what is reserved.
 *
 * A festival deal's cap has the same shape: units reserved at the deal price (pending orders) and
 * units sold at it (paid) are counted apart, and the cap counts both.
 *
 * Every function here runs inside the caller's transaction. A trigger (migration 0006) refuses any
 * write that would leave reserved units below zero or above the units on hand.
 */

/** Order lines that hold units: every line of a pending order, and the unshipped lines of a paid one. */
export const lineHoldsUnits: SQL = or(
  eq(orders.status, "pending_payment"),
  and(orderIsSold, isNull(orderItems.shippedAt), sql`${orderItems.quantity} > ${orderItems.refundedQuantity}`),
)!;

/**
 * Reserves `quantity` units of a product if that many are available; false (nothing written) if
 * not. `listedOnly` also requires an active listing (checkout; a payment arriving after its
 * reservation was released takes the units again whatever the listing's status).
 */
export function reserveUnits(tx: Tx, productId: number, quantity: number, { listedOnly = true } = {}): boolean {
  const result = tx
    .update(products)
    .set({ reserved: sql`${products.reserved} + ${quantity}` })
    .where(
      and(
        eq(products.id, productId),
        listedOnly ? productIsListed : undefined,
        sql`${products.onHand} - ${products.reserved} >= ${quantity}`,
      ),
    )
    .run();
  return result.changes === 1;
}

/**
 * Reserves `quantity` units at a deal's price if its cap (units sold and reserved together) still
 * covers them; false (nothing written) if not.
 */
export function reserveDealUnits(tx: Tx, dealId: number, quantity: number): boolean {
  const result = tx
    .update(festivalDeals)
    .set({ reservedCount: sql`${festivalDeals.reservedCount} + ${quantity}` })
    .where(
      and(
        eq(festivalDeals.id, dealId),
        sql`(${festivalDeals.dealStock} IS NULL OR ${festivalDeals.soldCount} + ${festivalDeals.reservedCount} + ${quantity} <= ${festivalDeals.dealStock})`,
      ),
    )
    .run();
  return result.changes === 1;
}

/**
 * Reserves `quantity` units at a flash-sale slot's price (decision 035) if its slot stock (units sold
 * and reserved together) still covers them; false (nothing written) if not. One conditional UPDATE:
 * under concurrent checkouts the write lock serialises these, so the stock is never oversold.
 */
export function reserveSlotUnits(tx: Tx, slotItemId: number, quantity: number): boolean {
  const result = tx
    .update(flashSlotItems)
    .set({ reservedCount: sql`${flashSlotItems.reservedCount} + ${quantity}` })
    .where(
      and(
        eq(flashSlotItems.id, slotItemId),
        sql`${flashSlotItems.soldCount} + ${flashSlotItems.reservedCount} + ${quantity} <= ${flashSlotItems.slotStock}`,
      ),
    )
    .run();
  return result.changes === 1;
}

type Line = Pick<typeof orderItems.$inferSelect, "productId" | "quantity" | "dealId"> & {
  /** A line at a flash-sale slot's price holds that slot item's units (decision 035). */
  flashSlotItemId?: number | null;
};

/** A slot line's units move: reserved → sold (payment), +sold (late payment), −reserved or −sold (release). */
function moveSlotUnits(tx: Tx, line: Line, move: "sell" | "resell" | "release-reserved" | "release-sold") {
  if (line.flashSlotItemId === null || line.flashSlotItemId === undefined) return;
  const q = line.quantity;
  const set =
    move === "sell"
      ? {
          reservedCount: sql`${flashSlotItems.reservedCount} - ${q}`,
          soldCount: sql`${flashSlotItems.soldCount} + ${q}`,
        }
      : move === "resell"
        ? { soldCount: sql`${flashSlotItems.soldCount} + ${q}` }
        : move === "release-reserved"
          ? { reservedCount: sql`${flashSlotItems.reservedCount} - ${q}` }
          : { soldCount: sql`${flashSlotItems.soldCount} - ${q}` };
  tx.update(flashSlotItems).set(set).where(eq(flashSlotItems.id, line.flashSlotItemId)).run();
}

/** Payment received: a line's deal (or slot) units move from reserved to sold (the cap counts them either way). */
export function sellDealUnits(tx: Tx, line: Line) {
  moveSlotUnits(tx, line, "sell");
  if (line.dealId === null) return;
  tx.update(festivalDeals)
    .set({
      reservedCount: sql`${festivalDeals.reservedCount} - ${line.quantity}`,
      soldCount: sql`${festivalDeals.soldCount} + ${line.quantity}`,
    })
    .where(eq(festivalDeals.id, line.dealId))
    .run();
}

/**
 * A payment for an order whose reservation was already released: its deal units count as sold
 * again, whatever the cap says now (the shopper paid the deal price; refusing would lose the sale).
 */
export function resellDealUnits(tx: Tx, line: Line) {
  moveSlotUnits(tx, line, "resell");
  if (line.dealId === null) return;
  tx.update(festivalDeals)
    .set({ soldCount: sql`${festivalDeals.soldCount} + ${line.quantity}` })
    .where(eq(festivalDeals.id, line.dealId))
    .run();
}

/**
 * Gives an unshipped line's units back: reserved goes down, on hand stays (the units never left
 * the shelf), and its deal units return to the cap — from `reserved` for a pending order, from
 * `sold` for a paid one (a refund before shipping). The one release path for cancellation, expiry
 * and refunds; the caller makes sure a line is released once (order status change in the same
 * transaction). A shipped line cannot be released: its units left with the parcel.
 */
export function releaseLine(
  tx: Tx,
  line: Line & Pick<typeof orderItems.$inferSelect, "shippedAt">,
  dealUnits: "reserved" | "sold",
) {
  if (line.shippedAt !== null) throw new Error("a shipped line's units cannot be released");
  tx.update(products)
    .set({ reserved: sql`${products.reserved} - ${line.quantity}` })
    .where(eq(products.id, line.productId))
    .run();
  moveSlotUnits(tx, line, dealUnits === "reserved" ? "release-reserved" : "release-sold");
  if (line.dealId === null) return;
  tx.update(festivalDeals)
    .set(
      dealUnits === "reserved"
        ? { reservedCount: sql`${festivalDeals.reservedCount} - ${line.quantity}` }
        : { soldCount: sql`${festivalDeals.soldCount} - ${line.quantity}` },
    )
    .where(eq(festivalDeals.id, line.dealId))
    .run();
}

/** A line ships: its units leave the shelf, so on hand and reserved both go down by its quantity. */
export function commitShippedLine(tx: Tx, line: Line) {
  tx.update(products)
    .set({
      onHand: sql`${products.onHand} - ${line.quantity}`,
      reserved: sql`${products.reserved} - ${line.quantity}`,
    })
    .where(eq(products.id, line.productId))
    .run();
}

/** At most this many order numbers are named when an owner's count is refused. */
const NAMED_ORDERS = 10;

/** The orders whose open lines hold units of this product, for an owner told why a count was refused. */
export function ordersHoldingUnits(tx: Pick<Tx, "select" | "selectDistinct">, productId: number): ShortOfReserved {
  const rows = tx
    .selectDistinct({ id: orders.id })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(orderItems.productId, productId), lineHoldsUnits))
    .orderBy(asc(orders.id))
    .all();
  const product = tx.select({ reserved: products.reserved }).from(products).where(eq(products.id, productId)).get();
  return {
    reserved: product?.reserved ?? 0,
    orderIds: rows.slice(0, NAMED_ORDERS).map((r) => r.id),
    orderCount: rows.length,
  };
}

/**
 * Sets a product's units on hand — the owner's physical count — unless reserved units exceed it:
 * then nothing is written and the caller gets the orders holding them (decision 014). `where`
 * narrows the row (the owner's store); `set` carries the other columns of the same write.
 */
export function setOnHand(
  tx: Tx,
  where: SQL,
  onHand: number,
  set: Partial<typeof products.$inferInsert> = {},
): { ok: true } | { ok: false; error: "notFound" } | ({ ok: false; error: "belowReserved" } & ShortOfReserved) {
  const updated = tx
    .update(products)
    .set({ ...set, onHand })
    .where(and(where, sql`${products.reserved} <= ${onHand}`))
    .run();
  if (updated.changes === 1) return { ok: true };
  const row = tx.select({ id: products.id }).from(products).where(where).get();
  if (!row) return { ok: false, error: "notFound" };
  return { ok: false, error: "belowReserved", ...ordersHoldingUnits(tx, row.id) };
}
