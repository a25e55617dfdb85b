import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Select } from "#app/components/ui/input.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { listAudit } from "#app/models/audit.server.ts";
import { AUDIT_ACTIONS, type AuditAction } from "#app/utils/admin-constants.ts";
import {
  AUDIT_ENTITY_LABELS,
  AUDIT_ENTITY_TYPES,
  AUDIT_LABELS,
  auditChanges,
  type AuditEntityType,
} from "#app/utils/audit-labels.ts";
import { assertOrganizer, requireOrganizer } from "#app/models/access.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  assertOrganizer(user);
  const url = new URL(request.url);
  const action = parseEnum(url.searchParams.get("action"), ["", ...AUDIT_ACTIONS] as const, "");
  const entityType = parseEnum(url.searchParams.get("entity"), ["", ...AUDIT_ENTITY_TYPES] as const, "");
  const actor = (url.searchParams.get("actor") ?? "").trim().toLowerCase().slice(0, 254);
  const log = listAudit({
    action: action || undefined,
    entityType: entityType || undefined,
    actor: actor || undefined,
    page: parsePage(url.searchParams.get("page")),
    locale: context.locale,
  });
  return { ...log, filter: { action, entityType, actor } };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.auditTitle"));

const actionLabel = (action: string) =>
  (AUDIT_ACTIONS as readonly string[]).includes(action) ? AUDIT_LABELS[action as AuditAction] : null;
const entityLabel = (type: string) =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(type) ? AUDIT_ENTITY_LABELS[type as AuditEntityType] : null;

export default function AuditLog() {
  const { items, pagination, actors, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  return (
    <>
      <PageHeading title={t("admin.auditTitle")} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium text-stone-800">
            {t("admin.action")}
          </label>
          <Select compact id="audit-action" name="action" defaultValue={filter.action}>
            <option value="">{t("sell.all")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(AUDIT_LABELS[a])}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-entity" className="block text-sm font-medium text-stone-800">
            {t("admin.entity")}
          </label>
          <Select compact id="audit-entity" name="entity" defaultValue={filter.entityType}>
            <option value="">{t("sell.all")}</option>
            {AUDIT_ENTITY_TYPES.map((e) => (
              <option key={e} value={e}>
                {t(AUDIT_ENTITY_LABELS[e])}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="block text-sm font-medium text-stone-800">
            {t("admin.actor")}
          </label>
          <Select compact id="audit-actor" name="actor" defaultValue={filter.actor}>
            <option value="">{t("sell.all")}</option>
            {actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <Button size="sm">{t("admin.apply")}</Button>
      </Form>
      {items.length === 0 ? (
        <EmptyState title={t("admin.noAudit")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="audit-log">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2">
                  {t("admin.when")}
                </th>
                <th scope="col">{t("admin.actor")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.entity")}</th>
                <th scope="col">{t("org.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const label = actionLabel(e.action);
                const kind = entityLabel(e.entityType);
                const changes = auditChanges(e.before, e.after);
                return (
                  <tr key={e.id} className="border-b border-stone-200 align-top" data-audit-action={e.action}>
                    <td className="py-2 pr-2 whitespace-nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at, locale, CHINA_TIME_ZONE)}</time>
                    </td>
                    <td className="pr-2 break-all">{e.actor}</td>
                    <td className="pr-2">{label ? t(label) : <code className="text-xs">{e.action}</code>}</td>
                    <td className="pr-2">
                      <span className="block text-xs text-stone-600">{kind ? t(kind) : e.entityType}</span>
                      {e.link ? (
                        <Link to={href(e.link.path)} className="underline">
                          {e.link.name || (kind ? t(kind) : e.entityType)}
                        </Link>
                      ) : (
                        `#${e.entityId}`
                      )}
                    </td>
                    <td className="py-2">
                      {changes.length === 0 ? (
                        "—"
                      ) : (
                        <dl className="space-y-1 text-xs">
                          {changes.map((c) => (
                            <div key={c.field} className="flex flex-wrap gap-1">
                              {c.field ? <dt className="font-semibold text-stone-800">{c.field}:</dt> : null}
                              <dd className="break-all">
                                <del className="text-red-800">{c.before}</del> <span aria-hidden="true">→</span>
                                <span className="sr-only">{t("org.changedTo")}</span>{" "}
                                <ins className="text-green-800 no-underline">{c.after}</ins>
                              </dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
