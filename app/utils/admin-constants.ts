import type { StoreStatus } from "#db/rules.ts";

/** Values the organizer console's pages and its server models share (pages cannot import .server modules). */

/** The store statuses (db/schema's STORE_STATUSES, which pages cannot import), one review tab each. */
export const STORE_FILTERS = ["pending", "approved", "rejected", "suspended"] as const satisfies readonly StoreStatus[];
export type StoreFilter = (typeof STORE_FILTERS)[number];
// Fails to compile if a store status is added without a tab.
const _everyStatusHasATab: [Exclude<StoreStatus, StoreFilter>] extends [never] ? true : never = true;

export const AUDIT_ACTIONS = [
  "store.approve",
  "store.reject",
  "store.suspend",
  "featured.add",
  "featured.remove",
  "featured.move",
  "featured.reorder",
  "festival.create",
  "festival.update",
  "festival.publish",
  "festival.unpublish",
  "festival.deal.add",
  "festival.deal.update",
  "festival.deal.remove",
  "festival.deal.move",
  "festival.deal.reorder",
  "festival.stores",
  "festival.session.add",
  "festival.session.remove",
  "festival.reorder",
  "festival.slot.add",
  "festival.slot.remove",
  "festival.slot.item.add",
  "festival.slot.item.remove",
  "festival.voucher.add",
  "festival.voucher.stop",
  "synonyms.add",
  "synonyms.update",
  "synonyms.remove",
  "product.bulkEdit",
  "review.hide",
  "review.restore",
  "tax.class.update",
  "tax.category.update",
  "fx.rate.set",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the dashboard's Africa map colours countries by. */
export const MAP_METRICS = ["stores", "products"] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
