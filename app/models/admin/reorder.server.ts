import { and, asc, eq } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { featuredProducts, festivalDeals, festivals } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";

/**
 * Reordering the organizers' ordered lists, featured products and a festival's deals (decision 030):
 * the page sends the whole new order in one POST (drag and drop, the keyboard, or "move to position
 * N" without JavaScript), and it is written in one transaction with one audit row holding the order
 * before and after.
 */
export type ReorderResult = { ok: true; changed: boolean } | { ok: false; error: "notFound" | "stale" };

/** `order` with `id` moved to 1-based `position` (clamped to the list). Pure. */
export function moveToPosition(order: readonly number[], id: number, position: number): number[] {
  const from = order.indexOf(id);
  if (from === -1) return [...order];
  const rest = order.filter((x) => x !== id);
  const to = Math.min(Math.max(1, Math.trunc(position) || 1), order.length) - 1;
  rest.splice(to, 0, id);
  return rest;
}

/** "12, 7,3" → [12, 7, 3]; null when anything but positive whole numbers, or a repeat, is in it. */
export function parseOrder(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 1000 || !parts.every((p) => /^\d{1,9}$/.test(p))) return null;
  const ids = parts.map(Number);
  return new Set(ids).size === ids.length && ids.every((n) => n > 0) ? ids : null;
}

const sameMembers = (a: readonly number[], b: readonly number[]) => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
};
const sameOrder = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x === b[i]);

function featuredOrder(tx: Tx): number[] {
  return tx
    .select({ id: featuredProducts.productId })
    .from(featuredProducts)
    .orderBy(asc(featuredProducts.position), asc(featuredProducts.productId))
    .all()
    .map((r) => r.id);
}

function writeFeatured(tx: Tx, actor: Actor, before: number[], after: number[]): ReorderResult {
  if (sameOrder(before, after)) return { ok: true, changed: false };
  after.forEach((productId, i) =>
    tx
      .update(featuredProducts)
      .set({ position: i + 1 })
      .where(eq(featuredProducts.productId, productId))
      .run(),
  );
  recordAudit(tx, actor, "featured.reorder", { type: "featured", id: "products" }, { order: before }, { order: after });
  return { ok: true, changed: true };
}

/**
 * Sets the featured products' order to `productIds`, which must hold exactly the featured products
 * (a list changed meanwhile in another tab is refused as stale, not half applied).
 */
export function reorderFeatured(actor: Actor, productIds: number[]): ReorderResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = featuredOrder(tx);
    if (!sameMembers(before, productIds)) return { ok: false, error: "stale" } as const;
    return writeFeatured(tx, actor, before, productIds);
  });
}

/** Moves one featured product to 1-based `position` (the form that works without JavaScript). */
export function moveFeaturedTo(actor: Actor, productId: number, position: number): ReorderResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = featuredOrder(tx);
    if (!before.includes(productId)) return { ok: false, error: "notFound" } as const;
    return writeFeatured(tx, actor, before, moveToPosition(before, productId, position));
  });
}

function dealOrder(tx: Tx, festivalId: number): number[] {
  return tx
    .select({ id: festivalDeals.id })
    .from(festivalDeals)
    .where(eq(festivalDeals.festivalId, festivalId))
    .orderBy(asc(festivalDeals.position), asc(festivalDeals.id))
    .all()
    .map((r) => r.id);
}

function writeDeals(tx: Tx, actor: Actor, festivalId: number, before: number[], after: number[]): ReorderResult {
  if (sameOrder(before, after)) return { ok: true, changed: false };
  after.forEach((id, position) =>
    tx
      .update(festivalDeals)
      .set({ position })
      .where(and(eq(festivalDeals.id, id), eq(festivalDeals.festivalId, festivalId)))
      .run(),
  );
  recordAudit(
    tx,
    actor,
    "festival.deal.reorder",
    { type: "festival", id: festivalId },
    { order: before },
    { order: after },
  );
  return { ok: true, changed: true };
}

const festivalExists = (tx: Tx, festivalId: number) =>
  tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get() !== undefined;

/** Sets the order of a festival's deals (deal ids, exactly the festival's deals). */
export function reorderFestivalDeals(actor: Actor, festivalId: number, dealIds: number[]): ReorderResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    if (!festivalExists(tx, festivalId)) return { ok: false, error: "notFound" } as const;
    const before = dealOrder(tx, festivalId);
    if (!sameMembers(before, dealIds)) return { ok: false, error: "stale" } as const;
    return writeDeals(tx, actor, festivalId, before, dealIds);
  });
}

export function moveFestivalDealTo(actor: Actor, festivalId: number, dealId: number, position: number): ReorderResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = dealOrder(tx, festivalId);
    if (!before.includes(dealId)) return { ok: false, error: "notFound" } as const;
    return writeDeals(tx, actor, festivalId, before, moveToPosition(before, dealId, position));
  });
}

/**
 * The organizers' order of festivals (decision 036): every festival, drafts and past ones included,
 * so an order set now still holds when they go live. The home page lists the live ones in it.
 */
export function festivalsOrder(tx: Tx): number[] {
  return tx
    .select({ id: festivals.id })
    .from(festivals)
    .orderBy(asc(festivals.position), asc(festivals.startsAt), asc(festivals.id))
    .all()
    .map((r) => r.id);
}

function writeFestivals(tx: Tx, actor: Actor, before: number[], after: number[]): ReorderResult {
  if (sameOrder(before, after)) return { ok: true, changed: false };
  after.forEach((id, i) =>
    tx
      .update(festivals)
      .set({ position: i + 1 })
      .where(eq(festivals.id, id))
      .run(),
  );
  recordAudit(tx, actor, "festival.reorder", { type: "festival", id: "order" }, { order: before }, { order: after });
  return { ok: true, changed: true };
}

/** Sets the order of the festivals (ids, exactly every festival; a list changed meanwhile is stale). */
export function reorderFestivals(actor: Actor, festivalIds: number[]): ReorderResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = festivalsOrder(tx);
    if (!sameMembers(before, festivalIds)) return { ok: false, error: "stale" } as const;
    return writeFestivals(tx, actor, before, festivalIds);
  });
}

/** Moves one festival to 1-based `position` (the form that works without JavaScript). */
export function moveFestivalTo(actor: Actor, festivalId: number, position: number): ReorderResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = festivalsOrder(tx);
    if (!before.includes(festivalId)) return { ok: false, error: "notFound" } as const;
    return writeFestivals(tx, actor, before, moveToPosition(before, festivalId, position));
  });
}
