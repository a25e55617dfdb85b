import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import type { DB } from "#db/client.ts";
import { auditLog, users } from "#db/schema/index.ts";
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

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export function listAudit(filter: { action?: string; actor?: string; entityType?: string; page: number }): {
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
    .map((r) => ({ ...r, at: r.at.toISOString() }));
  const actors = db
    .selectDistinct({ email: users.email })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .all()
    .map((r) => r.email)
    .sort();
  return { items, pagination, actors };
}
