import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { DB } from "./client.ts";
import type { SlotTerms } from "./flash-slots.ts";
import { festivals, flashSlotItems, flashSlots } from "./schema/index.ts";

type Reader = Pick<DB, "select">;

export interface LiveSlotRow extends SlotTerms {
  productId: number;
}

/**
 * Items of flash-sale slots live at `at` (published festivals only) for these products, in one
 * query; `productIds` undefined means every product (search's fallback, a few dozen rows).
 */
export function liveSlotRows(
  productIds: readonly number[] | undefined,
  at: Date,
  db: Reader,
): Map<number, LiveSlotRow[]> {
  const byProduct = new Map<number, LiveSlotRow[]>();
  if (productIds?.length === 0) return byProduct;
  const rows = productIds
    ? preparedFor(db).all({ ids: JSON.stringify([...new Set(productIds)]), at: at.getTime() })
    : db
        .select(slotColumns)
        .from(flashSlotItems)
        .innerJoin(flashSlots, eq(flashSlots.id, flashSlotItems.slotId))
        .innerJoin(festivals, eq(festivals.id, flashSlots.festivalId))
        .where(and(eq(festivals.published, true), lte(flashSlots.startsAt, at), gt(flashSlots.endsAt, at)))
        .all();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);
  return byProduct;
}

const slotColumns = {
  slotItemId: flashSlotItems.id,
  slotId: flashSlots.id,
  productId: flashSlotItems.productId,
  festivalId: flashSlots.festivalId,
  published: festivals.published,
  startsAt: flashSlots.startsAt,
  endsAt: flashSlots.endsAt,
  slotPriceCents: flashSlotItems.slotPriceCents,
  slotStock: flashSlotItems.slotStock,
  perShopperLimit: flashSlotItems.perShopperLimit,
  soldCount: flashSlotItems.soldCount,
  reservedCount: flashSlotItems.reservedCount,
};

/**
 * The query for given products, prepared once per connection (every listing and product page asks
 * it): the ids go in as a JSON array, the time in ms.
 */
function prepareFor(db: Reader) {
  return db
    .select(slotColumns)
    .from(flashSlotItems)
    .innerJoin(flashSlots, eq(flashSlots.id, flashSlotItems.slotId))
    .innerJoin(festivals, eq(festivals.id, flashSlots.festivalId))
    .where(
      and(
        sql`${flashSlotItems.productId} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`,
        eq(festivals.published, true),
        lte(flashSlots.startsAt, sql.placeholder("at")),
        gt(flashSlots.endsAt, sql.placeholder("at")),
      ),
    )
    .prepare();
}

const prepared = new WeakMap<Reader, ReturnType<typeof prepareFor>>();

function preparedFor(db: Reader) {
  let query = prepared.get(db);
  if (!query) {
    query = prepareFor(db);
    prepared.set(db, query);
  }
  return query;
}
