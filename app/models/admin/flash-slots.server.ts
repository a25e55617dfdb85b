import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { slotUnitsLeft } from "#db/flash-slots.ts";
import { festivalDeals, festivals, flashSlotItems, flashSlots, products } from "#db/schema/index.ts";
import { dealPriceFor } from "#db/pricing.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { pick } from "../localize.ts";

/**
 * Flash-sale slots for organizers (秒杀, decision 035): slots inside the festival's window that never
 * overlap, each with products at a slot price below the regular price (and below the festival's deal
 * price when the product has one), a slot stock and an optional limit per shopper. Every change is
 * audited in its transaction and re-indexes the products concerned through the outbox.
 */
export type SlotEditError =
  "notFound" | "outsideFestival" | "overlap" | "productNotFound" | "duplicate" | "priceNotBelow" | "hasOrders";
export type SlotEditResult = { ok: true } | { ok: false; error: SlotEditError };

type Reader = Pick<ReturnType<typeof getDb>, "select">;

function festivalOf(tx: Reader, festivalId: number) {
  return tx.select().from(festivals).where(eq(festivals.id, festivalId)).get() ?? null;
}

function slotOf(tx: Reader, festivalId: number, slotId: number) {
  return (
    tx
      .select()
      .from(flashSlots)
      .where(and(eq(flashSlots.id, slotId), eq(flashSlots.festivalId, festivalId)))
      .get() ?? null
  );
}

export function addFlashSlot(
  actor: Actor,
  festivalId: number,
  input: { startsAt: Date; endsAt: Date },
): SlotEditResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const festival = festivalOf(tx, festivalId);
    if (!festival) return { ok: false, error: "notFound" } as const;
    if (input.startsAt < festival.startsAt || input.endsAt > festival.endsAt || input.endsAt <= input.startsAt)
      return { ok: false, error: "outsideFestival" } as const;
    // Half-open windows [start, end): touching slots (10:00–12:00, 12:00–14:00) do not overlap.
    const clash = tx
      .select()
      .from(flashSlots)
      .where(eq(flashSlots.festivalId, festivalId))
      .all()
      .some((s) => s.startsAt < input.endsAt && input.startsAt < s.endsAt);
    if (clash) return { ok: false, error: "overlap" } as const;
    const [row] = tx
      .insert(flashSlots)
      .values({ festivalId, ...input })
      .returning()
      .all();
    recordAudit(tx, actor, "festival.slot.add", { type: "festival", id: festivalId }, null, {
      slotId: row!.id,
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
    });
    return { ok: true } as const;
  });
}

/** Units of a slot's items held or sold: such a slot (or item) is not removed (its order lines point to it). */
const engaged = (item: { soldCount: number; reservedCount: number }) => item.soldCount + item.reservedCount > 0;

export function removeFlashSlot(actor: Actor, festivalId: number, slotId: number): SlotEditResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const slot = slotOf(tx, festivalId, slotId);
    if (!slot) return { ok: false, error: "notFound" } as const;
    const items = tx.select().from(flashSlotItems).where(eq(flashSlotItems.slotId, slotId)).all();
    if (items.some(engaged)) return { ok: false, error: "hasOrders" } as const;
    tx.delete(flashSlots).where(eq(flashSlots.id, slotId)).run();
    recordAudit(
      tx,
      actor,
      "festival.slot.remove",
      { type: "festival", id: festivalId },
      {
        slotId,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        productIds: items.map((i) => i.productId),
      },
      null,
    );
    enqueueSearchSync(
      tx,
      "product",
      items.map((i) => i.productId),
    );
    return { ok: true } as const;
  });
}

export function addFlashSlotItem(
  actor: Actor,
  festivalId: number,
  input: { slotId: number; product: string; price: number; stock: number; perShopperLimit: number | null },
): SlotEditResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const slot = slotOf(tx, festivalId, input.slotId);
    if (!slot) return { ok: false, error: "notFound" } as const;
    const product = tx
      .select({ id: products.id, priceCents: products.priceCents })
      .from(products)
      .where(
        /^\d{1,9}$/.test(input.product) ? eq(products.id, Number(input.product)) : eq(products.slug, input.product),
      )
      .get();
    if (!product) return { ok: false, error: "productNotFound" } as const;
    const deal = tx
      .select()
      .from(festivalDeals)
      .where(and(eq(festivalDeals.festivalId, festivalId), eq(festivalDeals.productId, product.id)))
      .get();
    const ceiling = deal ? Math.min(product.priceCents, dealPriceFor(product.priceCents, deal)) : product.priceCents;
    if (input.price >= ceiling) return { ok: false, error: "priceNotBelow" } as const;
    const duplicate = tx
      .select({ id: flashSlotItems.id })
      .from(flashSlotItems)
      .where(and(eq(flashSlotItems.slotId, slot.id), eq(flashSlotItems.productId, product.id)))
      .get();
    if (duplicate) return { ok: false, error: "duplicate" } as const;
    const last =
      tx
        .select({ n: max(flashSlotItems.position) })
        .from(flashSlotItems)
        .where(eq(flashSlotItems.slotId, slot.id))
        .get()?.n ?? -1;
    const [row] = tx
      .insert(flashSlotItems)
      .values({
        slotId: slot.id,
        productId: product.id,
        slotPriceCents: input.price,
        slotStock: input.stock,
        perShopperLimit: input.perShopperLimit,
        position: last + 1,
      })
      .returning()
      .all();
    recordAudit(tx, actor, "festival.slot.item.add", { type: "festival", id: festivalId }, null, {
      slotId: slot.id,
      itemId: row!.id,
      productId: product.id,
      slotPriceCents: input.price,
      slotStock: input.stock,
      perShopperLimit: input.perShopperLimit,
    });
    enqueueSearchSync(tx, "product", [product.id]);
    return { ok: true } as const;
  });
}

export function removeFlashSlotItem(actor: Actor, festivalId: number, itemId: number): SlotEditResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const row = tx
      .select({ item: flashSlotItems })
      .from(flashSlotItems)
      .innerJoin(flashSlots, eq(flashSlots.id, flashSlotItems.slotId))
      .where(and(eq(flashSlotItems.id, itemId), eq(flashSlots.festivalId, festivalId)))
      .get();
    if (!row) return { ok: false, error: "notFound" } as const;
    if (engaged(row.item)) return { ok: false, error: "hasOrders" } as const;
    tx.delete(flashSlotItems).where(eq(flashSlotItems.id, itemId)).run();
    recordAudit(tx, actor, "festival.slot.item.remove", { type: "festival", id: festivalId }, row.item, null);
    enqueueSearchSync(tx, "product", [row.item.productId]);
    return { ok: true } as const;
  });
}

export interface SlotEditorRow {
  id: number;
  startsAt: string;
  endsAt: string;
  items: {
    id: number;
    productId: number;
    slug: string;
    title: string;
    regularCents: number;
    slotPriceCents: number;
    slotStock: number;
    unitsLeft: number;
    soldCount: number;
    reservedCount: number;
    perShopperLimit: number | null;
  }[];
}

/** The festival's slots and their items, for the editor. */
export function flashSlotsForEdit(actor: Actor, festivalId: number, locale: Locale): SlotEditorRow[] {
  assertOrganizer(actor);
  const db = getDb();
  const slots = db
    .select()
    .from(flashSlots)
    .where(eq(flashSlots.festivalId, festivalId))
    .orderBy(asc(flashSlots.startsAt))
    .all();
  const items =
    slots.length === 0
      ? []
      : db
          .select({ item: flashSlotItems, product: products })
          .from(flashSlotItems)
          .innerJoin(products, eq(products.id, flashSlotItems.productId))
          .where(
            inArray(
              flashSlotItems.slotId,
              slots.map((s) => s.id),
            ),
          )
          .orderBy(asc(flashSlotItems.position))
          .all();
  return slots.map((s) => ({
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    items: items
      .filter((i) => i.item.slotId === s.id)
      .map(({ item, product }) => ({
        id: item.id,
        productId: product.id,
        slug: product.slug,
        title: pick(product, "title", locale),
        regularCents: product.priceCents,
        slotPriceCents: item.slotPriceCents,
        slotStock: item.slotStock,
        unitsLeft: slotUnitsLeft(item),
        soldCount: item.soldCount,
        reservedCount: item.reservedCount,
        perShopperLimit: item.perShopperLimit,
      })),
  }));
}
