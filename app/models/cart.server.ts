import { and, eq, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb, preparedQuery } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { cartItems, carts, categories, countries, orderItems, orders, products, stores } from "#db/schema/index.ts";
import { pick } from "./localize.ts";
import { placeholderArt } from "./products.server.ts";
import { dealUnitsBought, quotePrices, splitSlotQuote } from "./pricing.server.ts";
import { slotUnitsBought } from "./flash-slot-pricing.server.ts";
import { dealPercentOff } from "#db/pricing.ts";
import { isVisibleProduct, productIsVisible } from "#db/rules.ts";

import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "#app/utils/cart-limits.ts";

/** Whose cart: a signed-in shopper's, or a guest's (by the token in the cart cookie). */
export type CartOwner = { userId: number } | { token: string };

type Db = ReturnType<typeof getDb>;
type Reader = Pick<Db, "select">;

const ownerCondition = (owner: CartOwner) =>
  "userId" in owner ? eq(carts.userId, owner.userId) : eq(carts.token, owner.token);

function findCartId(db: Reader, owner: CartOwner): number | null {
  return db.select({ id: carts.id }).from(carts).where(ownerCondition(owner)).get()?.id ?? null;
}

/** Units (by product) and deal units (by deal) held by unpaid orders placed from this cart. */
function unitsHeldByCart(db: Reader, cartId: number) {
  const rows = db
    .select({
      productId: orderItems.productId,
      dealId: orderItems.dealId,
      slotItemId: orderItems.flashSlotItemId,
      quantity: orderItems.quantity,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(orders.cartId, cartId), eq(orders.status, "pending_payment")))
    .all();
  const byProduct = new Map<number, number>();
  const byDeal = new Map<number, number>();
  const bySlotItem = new Map<number, number>();
  for (const r of rows) {
    byProduct.set(r.productId, (byProduct.get(r.productId) ?? 0) + r.quantity);
    if (r.dealId !== null) byDeal.set(r.dealId, (byDeal.get(r.dealId) ?? 0) + r.quantity);
    if (r.slotItemId !== null) bySlotItem.set(r.slotItemId, (bySlotItem.get(r.slotItemId) ?? 0) + r.quantity);
  }
  return { byProduct, byDeal, bySlotItem };
}

/** The id of the owner's cart, if they have one. */
export function cartIdOf(owner: CartOwner | null): number | null {
  return owner ? findCartId(getDb(), owner) : null;
}

function ensureCartId(db: Db, owner: CartOwner): number {
  const existing = findCartId(db, owner);
  if (existing !== null) return existing;
  const [row] = db
    .insert(carts)
    .values("userId" in owner ? { userId: owner.userId } : { token: owner.token })
    .returning({ id: carts.id })
    .all();
  return row!.id;
}

export type CartChange =
  | { ok: true; quantity: number; limited?: boolean }
  | { ok: false; error: "notFound" | "soldOut" | "cartFull" | "badQuantity" };

/** What shoppers may buy: what they can see. */
function buyable(db: Reader, productId: number) {
  return db
    .select({ id: products.id, stock: products.stock })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(eq(products.id, productId), productIsVisible))
    .get();
}

/**
 * Adds to (mode "add") or sets (mode "set") a line's quantity, capped at what is in stock and at 99;
 * quantity 0 with "set" removes the line. One transaction per change.
 */
export function changeCart(owner: CartOwner, productId: number, quantity: number, mode: "add" | "set"): CartChange {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > 10_000 || (mode === "add" && quantity === 0))
    return { ok: false, error: "badQuantity" };
  const db = getDb();
  return db.transaction((tx) => {
    if (mode === "set" && quantity === 0) {
      const cartId = findCartId(tx, owner);
      if (cartId !== null)
        tx.delete(cartItems)
          .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
          .run();
      return { ok: true, quantity: 0 } as const;
    }
    const product = buyable(tx, productId);
    if (!product) return { ok: false, error: "notFound" } as const;
    if (product.stock <= 0) return { ok: false, error: "soldOut" } as const;
    const cartId = ensureCartId(tx as unknown as Db, owner);
    const line = tx
      .select()
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
      .get();
    if (!line) {
      const lines =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(cartItems)
          .where(eq(cartItems.cartId, cartId))
          .get()?.n ?? 0;
      if (lines >= MAX_CART_LINES) return { ok: false, error: "cartFull" } as const;
    }
    const wanted = mode === "add" ? (line?.quantity ?? 0) + quantity : quantity;
    const capped = Math.min(wanted, product.stock, MAX_LINE_QUANTITY);
    if (line)
      tx.update(cartItems)
        .set({ quantity: capped })
        .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
        .run();
    else tx.insert(cartItems).values({ cartId, productId, quantity: capped }).run();
    tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId)).run();
    return { ok: true, quantity: capped, ...(capped < wanted ? { limited: true } : {}) } as const;
  });
}

/** At sign-in: the guest cart's lines join the account's cart (quantities add up, capped by stock). */
export function mergeGuestCart(token: string, userId: number) {
  const db = getDb();
  db.transaction((tx) => {
    const guestId = findCartId(tx, { token });
    if (guestId === null) return;
    const lines = tx.select().from(cartItems).where(eq(cartItems.cartId, guestId)).all();
    const userCartId = ensureCartId(tx as unknown as Db, { userId });
    for (const line of lines) {
      const product = buyable(tx, line.productId);
      if (!product) continue;
      const existing = tx
        .select()
        .from(cartItems)
        .where(and(eq(cartItems.cartId, userCartId), eq(cartItems.productId, line.productId)))
        .get();
      const quantity = Math.min(
        (existing?.quantity ?? 0) + line.quantity,
        Math.max(product.stock, 1),
        MAX_LINE_QUANTITY,
      );
      if (existing)
        tx.update(cartItems)
          .set({ quantity })
          .where(and(eq(cartItems.cartId, userCartId), eq(cartItems.productId, line.productId)))
          .run();
      else tx.insert(cartItems).values({ cartId: userCartId, productId: line.productId, quantity }).run();
    }
    // Unpaid orders placed from the guest cart now belong to the account's: paying them takes their lines out of it.
    tx.update(orders).set({ cartId: userCartId }).where(eq(orders.cartId, guestId)).run();
    tx.delete(carts).where(eq(carts.id, guestId)).run();
  });
}

/** Items in a cart, by who owns it: read on every page a shopper with a cart opens, so prepared once. */
const cartCountWhere = (ownerColumn: typeof carts.userId | typeof carts.token) =>
  preparedQuery((db) =>
    db
      .select({ n: sql<number>`coalesce(sum(${cartItems.quantity}), 0)` })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(eq(ownerColumn, sql.placeholder("owner")))
      .prepare(),
  );
const cartCountBy = { userId: cartCountWhere(carts.userId), token: cartCountWhere(carts.token) };

export function cartCount(owner: CartOwner | null): number {
  if (!owner) return 0;
  const row =
    "userId" in owner
      ? cartCountBy.userId().get({ owner: owner.userId })
      : cartCountBy.token().get({ owner: owner.token });
  return row?.n ?? 0;
}

export type LineProblem = "unavailable" | "soldOut" | "notEnoughStock";

export interface CartLine {
  productId: number;
  storeId: number;
  categoryId: number;
  /** One unit's packed weight (shipping by weight). */
  shippingGrams: number;
  slug: string;
  title: string;
  imageUrl: string;
  store: { slug: string; name: string };
  countryName: string;
  quantity: number;
  stock: number;
  problem: LineProblem | null;
  /** The deal price while some units get it, else the regular price. */
  unitCents: number;
  regularCents: number;
  /** Units of the quantity at the deal price and at the regular price (a deal's cap or 限购 may split a line). */
  dealUnits: number;
  regularUnits: number;
  /**
   * The live deal on the product, even when none of the line's units get its price (the shopper's
   * limit is used up), so the line can say why; `limitedBy` is what kept units off the deal price.
   */
  deal: {
    percentOff: number;
    priceCents: number;
    festival: { slug: string; name: string; color: string };
    perShopperLimit: number | null;
    limitedBy: "cap" | "shopper" | null;
  } | null;
  /** Units at a live flash-sale slot's price (秒杀, decision 035), before the deal and regular units. */
  slotUnits: number;
  slot: {
    priceCents: number;
    endsAt: string;
    perShopperLimit: number | null;
    limitedBy: "cap" | "shopper" | null;
  } | null;
  /** What the line costs: slot units at the slot price, deal units at the deal price, the rest at the regular price. */
  lineCents: number;
}

export interface CartView {
  lines: CartLine[];
  stores: { id: number; slug: string; name: string; lines: CartLine[]; subtotalCents: number }[];
  count: number;
  totalCents: number;
  currency: "USD";
  canCheckout: boolean;
}

/**
 * The cart as the shopper sees it now: prices recomputed from the catalog and live deals, problems
 * flagged. `guestEmail` prices a guest's cart as checkout will, counting earlier orders placed with
 * that address against per-shopper deal limits.
 */
export function getCartView(
  owner: CartOwner | null,
  locale: Locale,
  { at = clockNow(), guestEmail }: { at?: Date; guestEmail?: string } = {},
): CartView {
  const empty: CartView = { lines: [], stores: [], count: 0, totalCents: 0, currency: "USD", canCheckout: false };
  if (!owner) return empty;
  const db = getDb();
  const cartId = findCartId(db, owner);
  if (cartId === null) return empty;
  const rows = db
    .select({ line: cartItems, product: products, store: stores, country: countries, categorySlug: categories.slug })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .innerJoin(countries, eq(countries.code, stores.countryCode))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(cartItems.addedAt)
    .all();
  // Units held by an unpaid order placed from this cart are this shopper's own: checking out again
  // supersedes that order, so they count as available here (stock, deal cap and 限购 alike).
  const held = unitsHeldByCart(db, cartId);
  const quotes = new Map(
    [
      ...quotePrices(
        rows.map((r) => ({ productId: r.product.id, regularCents: r.product.priceCents })),
        { at },
      ),
    ].map(([id, quote]) => [
      id,
      {
        ...quote,
        ...(quote.dealId === null ? {} : { dealUnitsLeft: quote.dealUnitsLeft + (held.byDeal.get(quote.dealId) ?? 0) }),
        slot:
          quote.slot === null
            ? null
            : { ...quote.slot, unitsLeft: quote.slot.unitsLeft + (held.bySlotItem.get(quote.slot.slotItemId) ?? 0) },
      },
    ]),
  );
  // 限购: a signed-in shopper's earlier orders count; a guest is known by the order email only at
  // checkout, so until then only the cart itself counts.
  const bought = new Map(
    [
      ...dealUnitsBought(
        db,
        "userId" in owner ? { userId: owner.userId } : guestEmail ? { email: guestEmail } : null,
        [...quotes.values()].flatMap((q) => (q.dealId === null ? [] : [q.dealId])),
      ),
    ].map(([dealId, units]) => [dealId, Math.max(0, units - (held.byDeal.get(dealId) ?? 0))]),
  );
  const slotBought = new Map(
    [
      ...slotUnitsBought(
        db,
        "userId" in owner ? { userId: owner.userId } : guestEmail ? { email: guestEmail } : null,
        [...quotes.values()].flatMap((q) => (q.slot === null ? [] : [q.slot.slotItemId])),
      ),
    ].map(([id, units]) => [id, Math.max(0, units - (held.bySlotItem.get(id) ?? 0))]),
  );
  const lines: CartLine[] = rows.map(({ line, product: listed, store, country }) => {
    const product = { ...listed, stock: listed.stock + (held.byProduct.get(listed.id) ?? 0) };
    const visible = isVisibleProduct(product, store);
    const problem: LineProblem | null = !visible
      ? "unavailable"
      : product.stock <= 0
        ? "soldOut"
        : line.quantity > product.stock
          ? "notEnoughStock"
          : null;
    const quote = quotes.get(product.id)!;
    // As at checkout: units at the deal price as far as its cap and the shopper's limit allow, the rest at the regular price.
    const split = splitSlotQuote(quote, line.quantity, bought, slotBought);
    const deal = quote.deal;
    const unitCents =
      split.slotUnits > 0 ? quote.slot!.priceCents : split.dealUnits > 0 ? quote.unitCents : product.priceCents;
    return {
      productId: product.id,
      storeId: store.id,
      categoryId: product.categoryId,
      shippingGrams: product.shippingGrams,
      slug: product.slug,
      title: pick(product, "title", locale),
      imageUrl: product.images[0] ?? placeholderArt(product.slug),
      store: { slug: store.slug, name: pick(store, "name", locale) },
      countryName: pick(country, "name", locale),
      quantity: line.quantity,
      stock: product.stock,
      problem,
      unitCents,
      regularCents: product.priceCents,
      dealUnits: split.dealUnits,
      regularUnits: split.regularUnits,
      deal: deal
        ? {
            percentOff: dealPercentOff(product.priceCents, deal, quote.unitCents),
            priceCents: quote.unitCents,
            festival: { slug: deal.slug, name: pick(deal, "name", locale), color: deal.themeColor },
            perShopperLimit: quote.perShopperLimit,
            limitedBy: split.limitedBy,
          }
        : null,
      slotUnits: split.slotUnits,
      slot: quote.slot
        ? {
            priceCents: quote.slot.priceCents,
            endsAt: quote.slot.endsAt.toISOString(),
            perShopperLimit: quote.slot.perShopperLimit,
            limitedBy: split.slotLimitedBy,
          }
        : null,
      lineCents:
        split.slotUnits * (quote.slot?.priceCents ?? 0) +
        split.dealUnits * quote.unitCents +
        split.regularUnits * product.priceCents,
    };
  });
  const byStore = new Map<string, CartView["stores"][number]>();
  for (const line of lines) {
    const group = byStore.get(line.store.slug) ?? {
      id: line.storeId,
      slug: line.store.slug,
      name: line.store.name,
      lines: [],
      subtotalCents: 0,
    };
    group.lines.push(line);
    if (!line.problem) group.subtotalCents += line.lineCents;
    byStore.set(line.store.slug, group);
  }
  const payable = lines.filter((l) => !l.problem);
  return {
    lines,
    stores: [...byStore.values()],
    count: lines.reduce((n, l) => n + l.quantity, 0),
    totalCents: payable.reduce((n, l) => n + l.lineCents, 0),
    currency: "USD",
    canCheckout: lines.length > 0 && lines.every((l) => !l.problem),
  };
}

/** The cart's payable lines as shipping and tax see them (lines with a problem are left out). */
export function deliveryLines(cart: CartView) {
  return cart.lines
    .filter((l) => !l.problem)
    .map((l) => ({
      productId: l.productId,
      storeId: l.storeId,
      categoryId: l.categoryId,
      quantity: l.quantity,
      lineCents: l.lineCents,
      unitGrams: l.shippingGrams,
    }));
}
