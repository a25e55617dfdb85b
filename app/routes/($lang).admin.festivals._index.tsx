import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.festivalsTitle"));

export default function AdminFestivals() {
  const { festivals } = useLoaderData<typeof loader>();
  const t = useT();
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
    </>
  );
}
