import { flashSlotItems, flashSlots } from "#db/schema/index.ts";
import type { DB } from "#db/client.ts";

/** A flash-sale slot in a festival with its items (decision 035), written directly. */
export function createFlashSlot(
  db: DB,
  options: {
    festivalId: number;
    startsAt: Date;
    endsAt: Date;
    items: { productId: number; slotPriceCents: number; slotStock: number; perShopperLimit?: number | null }[];
  },
) {
  return db.transaction((tx) => {
    const [slot] = tx
      .insert(flashSlots)
      .values({ festivalId: options.festivalId, startsAt: options.startsAt, endsAt: options.endsAt })
      .returning()
      .all();
    const items = tx
      .insert(flashSlotItems)
      .values(
        options.items.map((item, position) => ({
          slotId: slot!.id,
          perShopperLimit: null,
          ...item,
          position,
        })),
      )
      .returning()
      .all();
    return { slot: slot!, items };
  });
}
