import type { Vars } from "#app/i18n/translate.ts";

/** What the models say when an owner's count of units on hand is below the units reserved. */
export interface ShortOfReserved {
  /** Units held by open orders: the least the owner may enter. */
  reserved: number;
  /** The orders holding them (oldest first, at most ten), and how many hold units in all. */
  orderIds: number[];
  orderCount: number;
}

/** The variables of the "inventory.belowReserved" message: the units held and the orders named (#12, #15 +3). */
export function belowReservedVars(short: ShortOfReserved): Vars {
  const named = short.orderIds.map((id) => `#${id}`).join(", ");
  const more = short.orderCount - short.orderIds.length;
  return { count: short.reserved, orders: more > 0 ? `${named} +${more}` : named };
}
