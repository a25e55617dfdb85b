import { and, eq, lte } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import type { CartOwner } from "#app/models/cart.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { isVisibleProduct } from "#db/rules.ts";
import {
  cartItems,
  carts,
  orderEvents,
  orderItems,
  orders,
  orderShipments,
  orderTaxes,
  products,
  stores,
} from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { AddressValue, CustomsValue } from "#app/utils/address-form.server.ts";
import { seal } from "#app/utils/secret-box.server.ts";
import { customsIdAad } from "./customs.server.ts";
import { reserveDealUnits, reserveSlotUnits, reserveUnits } from "./inventory.server.ts";
import { slotUnitsBought } from "./flash-slot-pricing.server.ts";
import { SYSTEM, transition, TransitionRefused, type OrderActor } from "./order-lifecycle.server.ts";
import { pick } from "./localize.ts";
import { priceDelivery } from "./shipping/delivery.server.ts";
import { destinationCode } from "./shipping/zones.ts";
import { dealUnitsBought, quotePrices, splitSlotQuote, type DealShopper, type PriceQuote } from "./pricing.server.ts";
import type { VoucherChoice } from "./vouchers/combine.ts";
import { festivalIdsOf, planVouchers, recordVoucherUse } from "./vouchers/vouchers.server.ts";

/**
 * Where an order goes (decision 026): a validated address (`country` is the ISO 3166-1 alpha-2
 * destination, CN = mainland China, which shipping and import tax are computed from), who to
 * tell, and for mainland China the payer's customs details (the ID number is sealed before it is
 * written and never stored in plain).
 */
export interface ShippingDetails extends AddressValue {
  email: string;
  customs: CustomsValue | null;
}

export type PlaceOrderResult =
  /** `superseded`: unpaid orders from the same cart this one replaced (their payment pages may still be open). */
  | { ok: true; orderId: number; totalCents: number; superseded: number[] }
  | { ok: false; error: "empty" }
  | { ok: false; error: "destination" }
  | { ok: false; error: "unavailable" | "notShipped"; productIds: number[] }
  | { ok: false; error: "taxLimit"; limit: "perTransactionLimit" | "annualLimit"; remainingFen: number };

class Unavailable extends Error {
  constructor(readonly productIds: number[]) {
    super("unavailable");
  }
}

/** Refusals found once the order is priced: thrown so the transaction writes nothing. */
class Refused extends Error {
  constructor(readonly result: Extract<PlaceOrderResult, { ok: false }>) {
    super(result.error);
  }
}

/**
 * Turns the cart into a pending order in ONE transaction: prices recomputed from the catalog and
 * live deals at this instant, stock reserved with conditional updates (`stock >= quantity`), so
 * concurrent buyers can never take stock below zero — whoever comes second gets "unavailable" and
 * nothing of their attempt is written. The units are reserved (on hand stays) until the line
 * ships or the order is released (inventory.server.ts). A deal applies to a line only if its cap
 * still covers the whole quantity; its units are counted as reserved at the deal price until paid.
 *
 * The cart stays as it is until the order is paid (order-lifecycle.server.ts), so a failed or
 * abandoned payment loses nothing. An unpaid order placed earlier from the same cart is cancelled
 * first ("superseded"): checking out again replaces it rather than holding the units twice.
 */
export function placeOrder(args: {
  owner: CartOwner;
  userId: number | null;
  shipping: ShippingDetails;
  locale: Locale;
  provider: "stripe" | "demo";
  /** The shipping option the shopper chose per store (store id → profile id); else the cheapest. */
  shippingChoices?: ReadonlyMap<number, number>;
  /** The vouchers the shopper chose in the cart; the rest are chosen for them (decision 034). */
  voucherChoice?: VoucherChoice;
  at?: Date;
}): PlaceOrderResult {
  const at = args.at ?? clockNow();
  const db = getDb();
  const destination = destinationCode(args.shipping.country);
  if (destination === null) return { ok: false, error: "destination" };
  try {
    return db.transaction(
      (tx) => {
        const cart = tx
          .select({ id: carts.id })
          .from(carts)
          .where("userId" in args.owner ? eq(carts.userId, args.owner.userId) : eq(carts.token, args.owner.token))
          .get();
        // Supersede first, so the units and deal units it held count as available to this order
        // (if this order cannot be placed, the transaction rolls back and the earlier one stands).
        const earlier = cart
          ? tx
              .select({ id: orders.id, status: orders.status, cartId: orders.cartId })
              .from(orders)
              .where(and(eq(orders.cartId, cart.id), eq(orders.status, "pending_payment")))
              .all()
          : [];
        const shopper: OrderActor = { kind: "shopper", userId: args.userId };
        for (const order of earlier) transition(tx, order, "cancelled", { actor: shopper, reason: "superseded", at });
        const rows = cart
          ? tx
              .select({ line: cartItems, product: products, store: stores })
              .from(cartItems)
              .innerJoin(products, eq(products.id, cartItems.productId))
              .innerJoin(stores, eq(stores.id, products.storeId))
              .where(eq(cartItems.cartId, cart.id))
              .orderBy(cartItems.addedAt)
              .all()
          : [];
        if (rows.length === 0) return { ok: false, error: "empty" } as const;
        const unavailable = rows
          .filter((r) => !isVisibleProduct(r.product, r.store) || r.line.quantity > r.product.stock)
          .map((r) => r.product.id);
        if (unavailable.length > 0) throw new Unavailable(unavailable);

        const quotes = quotePrices(
          rows.map((r) => ({ productId: r.product.id, regularCents: r.product.priceCents })),
          { at, db: tx },
        );
        const lines = orderLines(tx, rows, quotes, {
          shopper: args.userId !== null ? { userId: args.userId } : { email: args.shipping.email },
          locale: args.locale,
        });
        // The signed-in shopper's vouchers: the best combination (or theirs where valid) on these lines.
        const festivalsOf = festivalIdsOf(
          tx,
          lines.map((l) => l.productId),
        );
        const { plan: vouchers } = planVouchers(
          tx,
          args.userId,
          lines.map((l, i) => ({
            key: i,
            storeId: l.storeId,
            festivalIds: festivalsOf.get(l.productId) ?? [],
            amountCents: l.unitCents * l.quantity,
          })),
          args.voucherChoice ?? {},
          at,
        );
        // Shipping per store and the import tax, priced again here from the catalog and the profiles,
        // on what the shopper pays for the goods (after vouchers).
        const productOf = new Map(rows.map((r) => [r.product.id, r.product]));
        const delivery = priceDelivery({
          db: tx,
          destination,
          lines: lines.map((l, i) => ({
            productId: l.productId,
            storeId: l.storeId,
            categoryId: productOf.get(l.productId)!.categoryId,
            quantity: l.quantity,
            lineCents: l.unitCents * l.quantity - (vouchers.byLine.get(i) ?? 0),
            unitGrams: productOf.get(l.productId)!.shippingGrams,
          })),
          choices: args.shippingChoices,
          payer: { userId: args.userId, email: args.shipping.email },
          at,
        });
        if (delivery.zone === null) throw new Refused({ ok: false, error: "destination" });
        if (delivery.blockedProductIds.length > 0)
          throw new Refused({
            ok: false,
            error: "notShipped",
            productIds: [...new Set(delivery.blockedProductIds)],
          });
        if (delivery.tax.kind === "refused")
          throw new Refused({
            ok: false,
            error: "taxLimit",
            limit: delivery.tax.error,
            remainingFen: delivery.tax.remainingFen,
          });
        const totalCents = delivery.totalCents;
        const [order] = tx
          .insert(orders)
          .values({
            userId: args.userId,
            email: args.shipping.email,
            shipName: args.shipping.name,
            shipPhone: args.shipping.phone,
            shipAddress: args.shipping.address,
            shipAddress2: args.shipping.address2,
            shipCity: args.shipping.city,
            shipRegion: args.shipping.region,
            shipDistrict: args.shipping.district,
            shipRegionCodes:
              args.shipping.country === "CN"
                ? [args.shipping.provinceCode, args.shipping.cityCode, args.shipping.districtCode].join(",")
                : null,
            shipPostcode: args.shipping.postcode,
            shipCountry: args.shipping.country,
            customsName: args.shipping.customs?.name ?? null,
            locale: args.locale,
            totalCents,
            cartId: cart!.id,
            currency: "USD",
            provider: args.provider,
            reservedUntil: new Date(at.getTime() + loadEnv().CHECKOUT_RESERVATION_MINUTES * 60_000),
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: orders.id })
          .all();
        if (args.shipping.customs)
          tx.update(orders)
            .set({ customsIdSealed: seal(args.shipping.customs.idNumber, customsIdAad(order!.id)) })
            .where(eq(orders.id, order!.id))
            .run();
        // One insert per line, so each line's id is known for its share of the vouchers.
        const lineIds = new Map(
          lines.map((l, i) => [
            i,
            tx
              .insert(orderItems)
              .values({ ...l, orderId: order!.id })
              .returning({ id: orderItems.id })
              .get().id,
          ]),
        );
        recordVoucherUse(tx, order!.id, vouchers, lineIds, at);
        tx.insert(orderShipments)
          .values(
            delivery.stores.map((s) => ({
              orderId: order!.id,
              storeId: s.storeId,
              method: s.chosen!.method,
              zone: delivery.zone!,
              destination: delivery.destination!,
              costCents: s.chosen!.costCents,
              minDays: s.chosen!.minDays,
              maxDays: s.chosen!.maxDays,
              arriveFrom: s.chosen!.arriveFrom,
              arriveBy: s.chosen!.arriveBy,
            })),
          )
          .run();
        if (delivery.tax.kind === "estimate")
          tx.insert(orderTaxes)
            .values({
              orderId: order!.id,
              taxCents: delivery.tax.taxCents,
              dutiableFen: delivery.tax.dutiableFen,
              taxFen: delivery.tax.taxFen,
              rateMicros: delivery.tax.rateMicros,
              userId: args.userId,
              email: args.shipping.email.trim().toLowerCase(),
              year: delivery.tax.year,
            })
            .run();
        tx.insert(orderEvents)
          .values({
            orderId: order!.id,
            kind: "status",
            fromStatus: null,
            toStatus: "pending_payment",
            actorKind: "shopper",
            actorUserId: args.userId,
            reason: "placed",
            at,
          })
          .run();
        // Stock changed: "in stock" in the index may have too.
        enqueueSearchSync(
          tx,
          "product",
          lines.map((l) => l.productId),
        );
        return { ok: true, orderId: order!.id, totalCents, superseded: earlier.map((o) => o.id) } as const;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof Unavailable) return { ok: false, error: "unavailable", productIds: error.productIds };
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

type CartRow = {
  line: typeof cartItems.$inferSelect;
  product: typeof products.$inferSelect;
  store: typeof stores.$inferSelect;
};

/**
 * The order lines for these cart rows, reserving their units: each product's whole quantity once
 * (reserveUnits), and at its deal price only as many units as the deal's cap and the shopper's limit
 * (限购, counted over their earlier orders) allow (reserveDealUnits). A line asking for more becomes
 * two order lines of the product: one at the deal price with its deal and festival, one at the
 * regular price with none, so the order records both prices. Throws Unavailable when stock is short.
 */
function orderLines(
  tx: Tx,
  rows: readonly CartRow[],
  quotes: ReadonlyMap<number, PriceQuote>,
  { shopper, locale }: { shopper: DealShopper; locale: Locale },
) {
  const bought = dealUnitsBought(
    tx,
    shopper,
    [...quotes.values()].flatMap((q) => (q.dealId === null ? [] : [q.dealId])),
  );
  const slotBought = slotUnitsBought(
    tx,
    shopper,
    [...quotes.values()].flatMap((q) => (q.slot === null ? [] : [q.slot.slotItemId])),
  );
  return rows.flatMap(({ line, product, store }) => {
    if (!reserveUnits(tx, product.id, line.quantity)) throw new Unavailable([product.id]);
    let quote = quotes.get(product.id)!;
    // A live flash-sale slot's price first (decision 035); its stock is checked again by the write
    // itself, and units it no longer covers are priced as if there were no slot.
    let split = splitSlotQuote(quote, line.quantity, bought, slotBought);
    if (split.slotUnits > 0 && !reserveSlotUnits(tx, quote.slot!.slotItemId, split.slotUnits)) {
      quote = { ...quote, slot: null };
      split = splitSlotQuote(quote, line.quantity, bought, slotBought);
    }
    const { slotUnits } = split;
    let { dealUnits } = split;
    // The cap is checked again by the write itself; if it no longer covers the units, none are at the deal price.
    if (dealUnits > 0 && !reserveDealUnits(tx, quote.dealId!, dealUnits)) dealUnits = 0;
    const base = {
      productId: product.id,
      storeId: store.id,
      title: pick(product, "title", locale),
      titleEn: product.titleEn,
      regularCents: product.priceCents,
    };
    const atSlot =
      slotUnits > 0
        ? [
            {
              ...base,
              unitCents: quote.slot!.priceCents,
              quantity: slotUnits,
              dealId: null,
              festivalId: quote.slot!.festivalId,
              flashSlotItemId: quote.slot!.slotItemId,
            },
          ]
        : [];
    const atDeal =
      dealUnits > 0
        ? [
            {
              ...base,
              unitCents: quote.unitCents,
              quantity: dealUnits,
              dealId: quote.dealId,
              festivalId: quote.festivalId,
              flashSlotItemId: null,
            },
          ]
        : [];
    const regularUnits = line.quantity - slotUnits - dealUnits;
    const atRegular =
      regularUnits > 0
        ? [
            {
              ...base,
              unitCents: product.priceCents,
              quantity: regularUnits,
              dealId: null,
              festivalId: null,
              flashSlotItemId: null,
            },
          ]
        : [];
    return [...atSlot, ...atDeal, ...atRegular];
  });
}

/** Every unpaid order whose reservation has run out becomes expired (its units released); returns how many. */
export function expireReservations(at: Date = clockNow()): number {
  const db = getDb();
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending_payment"), lte(orders.reservedUntil, at)))
    .all();
  let n = 0;
  for (const { id } of due) {
    const expired = db.transaction(
      (tx) => {
        // Read again inside the transaction: a payment may have landed since the list was read.
        const order = tx.select().from(orders).where(eq(orders.id, id)).get();
        if (order?.status !== "pending_payment") return false;
        transition(tx, order, "expired", { actor: SYSTEM, reason: "reservation-ended", at });
        return true;
      },
      { behavior: "immediate" },
    );
    if (expired) n++;
  }
  return n;
}

export function getOrderLines(orderId: number) {
  return getDb().select().from(orderItems).where(eq(orderItems.orderId, orderId)).all();
}

export type CancelResult = { ok: true } | { ok: false; error: "notPending" };

/**
 * Cancels an unpaid order (its shopper gave up, or the payment could not start): its reservation is
 * released; the cart was never emptied. Refused once the order is paid, cancelled or expired.
 */
export function cancelUnpaidOrder(orderId: number, actor: OrderActor, reason: string): CancelResult {
  return getDb().transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get();
      if (!order) return { ok: false, error: "notPending" } as const;
      try {
        transition(tx, order, "cancelled", { actor, reason });
      } catch (error) {
        if (error instanceof TransitionRefused) return { ok: false, error: "notPending" } as const;
        throw error;
      }
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
