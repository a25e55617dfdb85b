import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import type { DB } from "#db/client.ts";
import { auditLog, festivals, products, stores, users } from "#db/schema/index.ts";
import type { Locale } from "#app/i18n/locales.ts";
import { localizedColumns } from "#db/columns.ts";
import { pick } from "./localize.ts";
import { AUDIT_ACTIONS, type AuditAction } from "#app/utils/admin-constants.ts";
import type { Actor } from "./access.server.ts";

type Tx = Pick<DB, "insert">;

export { AUDIT_ACTIONS, type AuditAction };

/** Call inside the action's transaction, so the change and its record commit together. */
export function recordAudit(
  tx: Tx,
  actor: Actor,
  action: AuditAction,
  entity: { type: string; id: string | number },
  before: unknown,
  after: unknown,
) {
  tx.insert(auditLog)
    .values({
      actorId: actor.id,
      action,
      entityType: entity.type,
      entityId: String(entity.id),
      before: before ?? null,
      after: after ?? null,
    })
    .run();
}

/** Where an audit row's entity can be seen: a page path (without language) and its name. */
export interface AuditEntityLink {
  path: string;
  name: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  link: AuditEntityLink | null;
}

export function listAudit(filter: {
  action?: string;
  actor?: string;
  entityType?: string;
  page: number;
  locale?: Locale;
}): {
  items: AuditEntry[];
  pagination: Pagination;
  actors: string[];
} {
  const db = getDb();
  const parts: SQL[] = [];
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  if (filter.entityType) parts.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actor) parts.push(eq(users.email, filter.actor));
  const where = parts.length > 0 ? and(...parts) : undefined;
  const total =
    db.select({ n: count() }).from(auditLog).innerJoin(users, eq(users.id, auditLog.actorId)).where(where).get()?.n ??
    0;
  const pagination = paginate(filter.page, total, 50);
  const items = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.email,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all()
    .map((r) => ({ ...r, at: r.at.toISOString(), link: null as AuditEntityLink | null }));
  resolveLinks(items, filter.locale ?? "en");
  const actors = db
    .selectDistinct({ email: users.email })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .all()
    .map((r) => r.email)
    .sort();
  return { items, pagination, actors };
}

/** Links each row's entity to its page (stores and products to the shop, festivals and orders to the console). */
function resolveLinks(items: AuditEntry[], locale: Locale) {
  const db = getDb();
  const idsOf = (type: string) =>
    [...new Set(items.filter((i) => i.entityType === type).map((i) => Number(i.entityId)))].filter(Number.isInteger);
  const storeIds = idsOf("store");
  const productIds = idsOf("product");
  const festivalIds = idsOf("festival");
  const storeRows = new Map(
    (storeIds.length === 0
      ? []
      : db
          .select({ id: stores.id, slug: stores.slug, ...localizedColumns(stores, "name") })
          .from(stores)
          .where(inArray(stores.id, storeIds))
          .all()
    ).map((r) => [String(r.id), { path: `/stores/${r.slug}`, name: pick(r, "name", locale) }]),
  );
  const productRows = new Map(
    (productIds.length === 0
      ? []
      : db
          .select({ id: products.id, slug: products.slug, ...localizedColumns(products, "title") })
          .from(products)
          .where(inArray(products.id, productIds))
          .all()
    ).map((r) => [String(r.id), { path: `/products/${r.slug}`, name: pick(r, "title", locale) }]),
  );
  const festivalRows = new Map(
    (festivalIds.length === 0
      ? []
      : db
          .select({ id: festivals.id, ...localizedColumns(festivals, "name") })
          .from(festivals)
          .where(inArray(festivals.id, festivalIds))
          .all()
    ).map((r) => [String(r.id), { path: `/admin/festivals/${r.id}`, name: pick(r, "name", locale) }]),
  );
  for (const item of items) {
    item.link =
      item.entityType === "store"
        ? (storeRows.get(item.entityId) ?? null)
        : item.entityType === "product"
          ? (productRows.get(item.entityId) ?? null)
          : item.entityType === "festival"
            ? (festivalRows.get(item.entityId) ?? null)
            : item.entityType === "order"
              ? { path: `/admin/orders/${item.entityId}`, name: `#${item.entityId}` }
              : item.entityType === "featured"
                ? { path: "/admin/featured", name: "" }
                : item.entityType === "synonyms"
                  ? { path: "/admin/insights", name: `#${item.entityId}` }
                  : item.entityType === "taxClass" ||
                      item.entityType === "category" ||
                      item.entityType === "exchangeRate"
                    ? { path: "/admin/tax", name: "" }
                    : null;
  }
}
