import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SentenceWithTime } from "#app/components/festival-time.tsx";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { listFestivals, type FestivalSummary } from "#app/models/festivals.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context;
  return { festivals: listFestivals(locale) };
}

export const meta: MetaFunction<typeof loader> = ({ location }) =>
  pageMeta(location, (t) => t("festivals.title"), undefined);

export default function Festivals() {
  const { festivals } = useLoaderData<typeof loader>();
  const t = useT();
  const none = festivals.live.length + festivals.upcoming.length + festivals.ended.length === 0;
  return (
    <>
      <PageHeading title={t("festivals.title")} subtitle={t("festivals.intro")} />
      {none ? (
        <EmptyState title={t("festivals.none")} />
      ) : (
        <div className="space-y-10">
          {(
            [
              ["live", t("festivals.live")],
              ["upcoming", t("festivals.upcoming")],
              ["ended", t("festivals.ended")],
            ] as const
          ).map(([status, title]) => (
            <section key={status} aria-labelledby={`festivals-${status}`} data-testid={`festivals-${status}`}>
              <h2 id={`festivals-${status}`} className="mb-4 text-xl font-bold text-clay-900">
                {title}
              </h2>
              {festivals[status].length > 0 ? (
                <ul className="grid gap-4 md:grid-cols-2" role="list">
                  {festivals[status].map((f) => (
                    <li key={f.id}>
                      <FestivalTile festival={f} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-stone-600">{t("festivals.noneInGroup")}</p>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}

function FestivalTile({ festival }: { festival: FestivalSummary }) {
  const t = useT();
  const href = useHref();
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
      <div className="h-2" style={{ backgroundColor: festival.themeColor }} />
      <div className="flex flex-1 flex-col gap-2 p-5">
        <h3 className="text-lg font-bold text-clay-900">
          <Link to={href(`/festivals/${festival.slug}`)} className="hover:underline">
            {festival.name}
          </Link>
        </h3>
        <p className="text-sm text-stone-700">{festival.tagline}</p>
        <p className="text-sm text-stone-700">
          <SentenceWithTime
            message={(date) =>
              t(
                festival.status === "upcoming"
                  ? "festivals.startsAt"
                  : festival.status === "live"
                    ? "festivals.endsAt"
                    : "festivals.endedAt",
                { date },
              )
            }
            iso={festival.status === "upcoming" ? festival.startsAt : festival.endsAt}
          />
        </p>
        <p className="mt-auto text-sm font-medium text-stone-800">
          {t("festivals.deals", { count: festival.dealCount })}
        </p>
      </div>
    </article>
  );
}
