import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Select } from "#app/components/ui/input.tsx";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { listAudit } from "#app/models/audit.server.ts";
import { AUDIT_ACTIONS } from "#app/utils/admin-constants.ts";
import { assertOrganizer, requireOrganizer } from "#app/models/access.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";

const ENTITY_TYPES = ["store", "product", "festival", "synonyms"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  assertOrganizer(user);
  const url = new URL(request.url);
  const action = parseEnum(url.searchParams.get("action"), ["", ...AUDIT_ACTIONS] as const, "");
  const entityType = parseEnum(url.searchParams.get("entity"), ["", ...ENTITY_TYPES] as const, "");
  const actor = (url.searchParams.get("actor") ?? "").trim().toLowerCase().slice(0, 254);
  const log = listAudit({
    action: action || undefined,
    entityType: entityType || undefined,
    actor: actor || undefined,
    page: parsePage(url.searchParams.get("page")),
  });
  return { ...log, filter: { action, entityType, actor } };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.auditTitle"));

const show = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 1));

export default function AuditLog() {
  const { items, pagination, actors, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
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
                {a}
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
            {ENTITY_TYPES.map((e) => (
              <option key={e} value={e}>
                {e}
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
          <table className="w-full text-left text-sm" data-testid="audit-log">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2">
                  {t("admin.when")}
                </th>
                <th scope="col">{t("admin.actor")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.entity")}</th>
                <th scope="col">{t("admin.before")}</th>
                <th scope="col">{t("admin.after")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-2 whitespace-nowrap">
                    <time dateTime={e.at}>{formatDateTime(e.at, locale, CHINA_TIME_ZONE)}</time>
                  </td>
                  <td className="pr-2">{e.actor}</td>
                  <td className="pr-2 font-mono text-xs">{e.action}</td>
                  <td className="pr-2">
                    {e.entityType} #{e.entityId}
                  </td>
                  <td className="max-w-xs pr-2">
                    <pre className="text-xs break-all whitespace-pre-wrap">{show(e.before)}</pre>
                  </td>
                  <td className="max-w-xs">
                    <pre className="text-xs break-all whitespace-pre-wrap">{show(e.after)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
