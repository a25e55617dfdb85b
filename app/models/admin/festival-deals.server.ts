import { and, asc, eq, max, notInArray } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { categories, festivalDeals, festivals, products, stores } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { productIsVisible } from "#db/rules.ts";

/**
 * A festival's deals: a percentage off or a fixed festival price per product, an optional stock cap,
 * an optional limit per shopper (限购), and their order on the festival page. Each change re-indexes the product through the outbox.
 */
/** Ids of the products a festival has deals on (re-indexed when its dates or visibility change). */
export const dealProducts = (tx: Pick<ReturnType<typeof getDb>, "select">, festivalId: number) =>
  tx
    .select({ id: festivalDeals.productId })
    .from(festivalDeals)
    .where(eq(festivalDeals.festivalId, festivalId))
    .all()
    .map((r) => r.id);

export type DealTermsInput = { mode: "percent"; percent: number } | { mode: "price"; priceCents: number };
export type DealResult =
  | { ok: true; added?: number; skipped?: number }
  | {
      ok: false;
      error:
        | "notFound"
        | "duplicate"
        | "priceNotBelow"
        | "priceNotPositive"
        | "percentRange"
        | "nothingToAdd"
        | "capRange"
        | "limitRange";
    };

function checkTerms(regularCents: number, terms: DealTermsInput): DealResult | null {
  if (terms.mode === "percent")
    return Number.isInteger(terms.percent) && terms.percent >= 1 && terms.percent <= 90
      ? null
      : { ok: false, error: "percentRange" };
  if (!Number.isInteger(terms.priceCents) || terms.priceCents <= 0) return { ok: false, error: "priceNotPositive" };
  if (terms.priceCents >= regularCents) return { ok: false, error: "priceNotBelow" };
  return null;
}

const inRange = (n: number | null) => n === null || (Number.isInteger(n) && n >= 1 && n <= 9_999_999);

/** The cap and the limit per shopper (限购): each empty (null) or a whole number from 1. */
function checkLimits(dealStock: number | null, perShopperLimit: number | null): DealResult | null {
  if (!inRange(dealStock) || (dealStock !== null && dealStock > 1_000_000)) return { ok: false, error: "capRange" };
  if (!inRange(perShopperLimit)) return { ok: false, error: "limitRange" };
  return null;
}

const termColumns = (terms: DealTermsInput) =>
  terms.mode === "percent"
    ? { dealPriceCents: null, discountPercent: terms.percent }
    : { dealPriceCents: terms.priceCents, discountPercent: null };

export function addDeal(
  actor: Actor,
  festivalId: number,
  productId: number,
  terms: DealTermsInput,
  dealStock: number | null = null,
  perShopperLimit: number | null = null,
): DealResult {
  assertOrganizer(actor);
  const outOfRange = checkLimits(dealStock, perShopperLimit);
  if (outOfRange) return outOfRange;
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const product = tx
      .select({ id: products.id, priceCents: products.priceCents })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), productIsVisible))
      .get();
    if (!product) return { ok: false, error: "notFound" } as const;
    const invalid = checkTerms(product.priceCents, terms);
    if (invalid) return invalid;
    if (
      tx
        .select({ id: festivalDeals.id })
        .from(festivalDeals)
        .where(and(eq(festivalDeals.festivalId, festivalId), eq(festivalDeals.productId, productId)))
        .get()
    ) {
      return { ok: false, error: "duplicate" } as const;
    }
    const last =
      tx
        .select({ p: max(festivalDeals.position) })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festivalId))
        .get()?.p ?? -1;
    const [deal] = tx
      .insert(festivalDeals)
      .values({ festivalId, productId, ...termColumns(terms), dealStock, perShopperLimit, position: last + 1 })
      .returning()
      .all();
    enqueueSearchSync(tx, "product", [productId]);
    recordAudit(tx, actor, "festival.deal.add", { type: "festival", id: festivalId }, null, {
      dealId: deal!.id,
      productId,
      ...termColumns(terms),
      dealStock,
      perShopperLimit,
    });
    return { ok: true, added: 1 } as const;
  });
}

/** Adds every listed product of a store or a category (not yet in the festival) at a percentage off. */
export function bulkAddDeals(
  actor: Actor,
  festivalId: number,
  scope: { store?: string; category?: string },
  percent: number,
): DealResult {
  assertOrganizer(actor);
  const invalid = checkTerms(Infinity, { mode: "percent", percent });
  if (invalid) return invalid;
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const existing = dealProducts(tx, festivalId);
    const scopeCondition = scope.store
      ? eq(stores.slug, scope.store)
      : scope.category
        ? eq(categories.slug, scope.category)
        : undefined;
    if (!scopeCondition) return { ok: false, error: "notFound" } as const;
    const candidates = tx
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(productIsVisible, scopeCondition, existing.length > 0 ? notInArray(products.id, existing) : undefined))
      .orderBy(asc(products.id))
      .all()
      .map((r) => r.id);
    if (candidates.length === 0) return { ok: false, error: "nothingToAdd" } as const;
    let position =
      (tx
        .select({ p: max(festivalDeals.position) })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festivalId))
        .get()?.p ?? -1) + 1;
    tx.insert(festivalDeals)
      .values(
        candidates.map((productId) => ({
          festivalId,
          productId,
          dealPriceCents: null,
          discountPercent: percent,
          position: position++,
        })),
      )
      .run();
    enqueueSearchSync(tx, "product", candidates);
    recordAudit(tx, actor, "festival.deal.add", { type: "festival", id: festivalId }, null, {
      bulk: scope,
      percent,
      productIds: candidates,
    });
    return { ok: true, added: candidates.length, skipped: existing.length } as const;
  });
}

function getDealWithPrice(tx: Pick<ReturnType<typeof getDb>, "select">, festivalId: number, dealId: number) {
  return tx
    .select({ deal: festivalDeals, priceCents: products.priceCents })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .where(and(eq(festivalDeals.id, dealId), eq(festivalDeals.festivalId, festivalId)))
    .get();
}

export function updateDeal(
  actor: Actor,
  festivalId: number,
  dealId: number,
  terms: DealTermsInput,
  dealStock: number | null,
  perShopperLimit: number | null = null,
): DealResult {
  assertOrganizer(actor);
  const outOfRange = checkLimits(dealStock, perShopperLimit);
  if (outOfRange) return outOfRange;
  return getDb().transaction((tx) => {
    const found = getDealWithPrice(tx, festivalId, dealId);
    if (!found) return { ok: false, error: "notFound" } as const;
    const invalid = checkTerms(found.priceCents, terms);
    if (invalid) return invalid;
    tx.update(festivalDeals)
      .set({ ...termColumns(terms), dealStock, perShopperLimit })
      .where(eq(festivalDeals.id, dealId))
      .run();
    enqueueSearchSync(tx, "product", [found.deal.productId]);
    recordAudit(
      tx,
      actor,
      "festival.deal.update",
      { type: "festival", id: festivalId },
      {
        dealId,
        dealPriceCents: found.deal.dealPriceCents,
        discountPercent: found.deal.discountPercent,
        dealStock: found.deal.dealStock,
        perShopperLimit: found.deal.perShopperLimit,
      },
      { dealId, ...termColumns(terms), dealStock, perShopperLimit },
    );
    return { ok: true } as const;
  });
}

export function removeDeal(actor: Actor, festivalId: number, dealId: number): DealResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const found = getDealWithPrice(tx, festivalId, dealId);
    if (!found) return { ok: false, error: "notFound" } as const;
    tx.delete(festivalDeals).where(eq(festivalDeals.id, dealId)).run();
    enqueueSearchSync(tx, "product", [found.deal.productId]);
    recordAudit(
      tx,
      actor,
      "festival.deal.remove",
      { type: "festival", id: festivalId },
      { dealId, productId: found.deal.productId },
      null,
    );
    return { ok: true } as const;
  });
}

export function moveDeal(actor: Actor, festivalId: number, dealId: number, direction: "up" | "down"): DealResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const order = tx
      .select({ id: festivalDeals.id })
      .from(festivalDeals)
      .where(eq(festivalDeals.festivalId, festivalId))
      .orderBy(asc(festivalDeals.position), asc(festivalDeals.id))
      .all()
      .map((r) => r.id);
    const from = order.indexOf(dealId);
    if (from === -1) return { ok: false, error: "notFound" } as const;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { ok: true } as const;
    [order[from], order[to]] = [order[to]!, order[from]!];
    order.forEach((id, position) => tx.update(festivalDeals).set({ position }).where(eq(festivalDeals.id, id)).run());
    recordAudit(
      tx,
      actor,
      "festival.deal.move",
      { type: "festival", id: festivalId },
      { dealId, position: from },
      { dealId, position: to },
    );
    return { ok: true } as const;
  });
}
