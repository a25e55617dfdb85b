import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { SortableList } from "#app/components/admin/sortable-list.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import type { MessageKey } from "#app/i18n/translate.ts";
import { moveFestivalTo, parseOrder, reorderFestivals } from "#app/models/admin/reorder.server.ts";
import { formId } from "#app/utils/intent.ts";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { FestivalTime } from "#app/components/festival-time.tsx";
import { buttonClass } from "#app/components/ui/button.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { listFestivalsForAdmin } from "#app/models/admin/festivals.server.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const user = requireOrganizer({ request, context });
  return { festivals: listFestivalsForAdmin(user, locale) };
}

const INTENT = { reorder: "reorder", moveTo: "move-to" } as const;

const orderActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(INTENT.reorder), order: z.string().max(20_000) }),
    z.object({
      intent: z.literal(INTENT.moveTo),
      festivalId: formId("admin.errorBadRequest"),
      position: formId("admin.errorBadRequest"),
    }),
  ],
  { error: "admin.errorBadRequest" },
);

/** The home page's order of live festivals (decision 036): the whole order in one POST, or one move without JavaScript. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const submission = parseWithZod(await request.formData(), { schema: orderActionSchema });
  if (submission.status !== "success")
    return data({ ok: false, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const input = submission.value;
  const order = input.intent === INTENT.reorder ? parseOrder(input.order) : null;
  if (input.intent === INTENT.reorder && !order)
    return data({ ok: false, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const moved =
    input.intent === INTENT.reorder
      ? reorderFestivals(user, order!)
      : moveFestivalTo(user, input.festivalId, input.position);
  if (!moved.ok)
    return data(
      { ok: false, message: (moved.error === "stale" ? "org.errorStaleOrder" : "admin.errorNotFound") as MessageKey },
      { status: 409 },
    );
  return { ok: true, message: "org.orderSaved" as MessageKey };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.festivalsTitle"));

export default function AdminFestivals() {
  const { festivals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const ordered = [...festivals].sort(
    (a, b) => a.position - b.position || a.startsAt.localeCompare(b.startsAt) || a.id - b.id,
  );
  const href = useHref();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageHeading title={t("admin.festivalsTitle")} />
        <Link to={href("/admin/festivals/new")} className={buttonClass()}>
          {t("admin.newFestival")}
        </Link>
      </div>
      {festivals.length === 0 ? (
        <EmptyState title={t("festivals.none")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="admin-festivals">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">
                  {t("admin.name")}
                </th>
                <th scope="col" className="pr-3">
                  {t("admin.status")}
                </th>
                <th scope="col" className="pr-3">
                  {t("admin.startsAt")}
                </th>
                <th scope="col" className="pr-3">
                  {t("admin.endsAt")}
                </th>
                <th scope="col" className="pr-3">
                  {t("festivals.dealsTitle")}
                </th>
              </tr>
            </thead>
            <tbody>
              {festivals.map((f) => (
                <tr key={f.id} className="border-b border-stone-200">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    <Link to={href(`/admin/festivals/${f.id}`)} className="text-clay-700 underline">
                      {f.name}
                    </Link>
                  </th>
                  <td className="pr-3">
                    {t(
                      f.status === "live"
                        ? "festivals.statusLive"
                        : f.status === "upcoming"
                          ? "festivals.statusUpcoming"
                          : "festivals.statusEnded",
                    )}
                    {f.published ? "" : ` · ${t("admin.draft")}`}
                  </td>
                  <td className="pr-3">
                    <FestivalTime iso={f.startsAt} />
                  </td>
                  <td className="pr-3">
                    <FestivalTime iso={f.endsAt} />
                  </td>
                  <td className="pr-3">{f.dealCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {festivals.length > 1 ? (
        <section aria-labelledby="festival-order-heading" className="mt-8 space-y-3">
          <h2 id="festival-order-heading" className="text-lg font-semibold text-clay-900">
            {t("reminders.homeOrderTitle")}
          </h2>
          <p className="text-sm text-stone-700">{t("reminders.homeOrderIntro")}</p>
          {result ? <Notice tone={result.ok ? "success" : "error"}>{t(result.message)}</Notice> : null}
          <SortableList
            testId="festival-order"
            reorderIntent={INTENT.reorder}
            moveIntent={INTENT.moveTo}
            idField="festivalId"
            items={ordered.map((f) => ({
              id: f.id,
              label: f.name,
              content: (
                <>
                  <span className="font-medium">{f.name}</span>{" "}
                  <span className="text-stone-600">
                    ·{" "}
                    {t(
                      f.status === "live"
                        ? "festivals.statusLive"
                        : f.status === "upcoming"
                          ? "festivals.statusUpcoming"
                          : "festivals.statusEnded",
                    )}
                    {f.published ? "" : ` · ${t("admin.draft")}`}
                  </span>
                </>
              ),
            }))}
          />
        </section>
      ) : null}
    </>
  );
}
