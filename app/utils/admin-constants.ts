/** Values the organizer console's pages and its server models share (pages cannot import .server modules). */
export const STORE_FILTERS = ["pending", "approved", "rejected", "suspended"] as const;
export type StoreFilter = (typeof STORE_FILTERS)[number];

export const AUDIT_ACTIONS = [
  "store.approve",
  "store.reject",
  "store.suspend",
  "featured.add",
  "featured.remove",
  "featured.move",
  "festival.create",
  "festival.update",
  "festival.publish",
  "festival.unpublish",
  "festival.deal.add",
  "festival.deal.update",
  "festival.deal.remove",
  "festival.deal.move",
  "festival.stores",
  "festival.session.add",
  "festival.session.remove",
  "synonyms.add",
  "synonyms.update",
  "synonyms.remove",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
