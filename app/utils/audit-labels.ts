import type { MessageKey } from "#app/i18n/translate.ts";
import { AUDIT_ACTIONS, type AuditAction } from "./admin-constants.ts";

/**
 * The translated name of every audit action (decision 030). A Record over AuditAction: a new action
 * code without a name here does not compile, and tests/unit/audit-labels.test.ts checks each name
 * exists in Chinese, English and French.
 */
export const AUDIT_LABELS = Object.fromEntries(
  AUDIT_ACTIONS.map((action) => [action, `org.audit.${action}` as MessageKey]),
) as Record<AuditAction, MessageKey>;

/** The entity kinds the audit log names, each with its own translated word. */
export const AUDIT_ENTITY_TYPES = [
  "store",
  "product",
  "festival",
  "synonyms",
  "featured",
  "order",
  "review",
  "taxClass",
  "category",
  "exchangeRate",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
export const AUDIT_ENTITY_LABELS = Object.fromEntries(
  AUDIT_ENTITY_TYPES.map((e) => [e, `org.entity.${e}` as MessageKey]),
) as Record<AuditEntityType, MessageKey>;

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const show = (value: unknown): string =>
  value === null || value === undefined
    ? "—"
    : typeof value === "string"
      ? value
      : Array.isArray(value) && value.every((v) => typeof v !== "object")
        ? value.join(", ")
        : JSON.stringify(value);

/** Before and after, field by field (only the fields that differ, or all when one side is empty). Pure. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isRecord(before) && !isRecord(after)) {
    return show(before) === show(after) ? [] : [{ field: "", before: show(before), after: show(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const oneSided = !isRecord(before) || !isRecord(after);
  return fields
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((c) => oneSided || c.before !== c.after);
}
