import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { Countdown, FestivalTime, SentenceWithTime } from "#app/components/festival-time.tsx";
import { EmptyState } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { ProductCard, ProductGrid } from "#app/components/product-card.tsx";
import { SearchHitCard } from "#app/components/search-hit-card.tsx";
import { StoreGrid } from "#app/components/store-card.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { getCountryNames } from "#app/models/catalog.server.ts";
import { getFestivalPage } from "#app/models/festivals.server.ts";
import { parseSearchParams, searchCatalog } from "#app/models/search.server.ts";
import { searchRateLimitWait, tooManyRequests } from "#app/utils/rate-limit.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { paginate, parsePage } from "#app/utils/params.ts";
import { VoucherClaim } from "#app/components/voucher-claim.tsx";
import { voucherClaimData } from "#app/models/vouchers/claim-data.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get("page"));
  // Organizers preview unpublished festivals; for everyone else they do not exist.
  const user = context.user;
  const data = getFestivalPage(params.slug ?? "", locale, { page, includeUnpublished: user?.role === "organizer" });
  if (!data) notFound();

  // Search within the festival: the discovery engine, filtered to this festival's deals.
  const { params: searchParams } = parseSearchParams(
    new URLSearchParams({ q: url.searchParams.get("q") ?? "", page: String(page) }),
  );
  if (searchParams.q) {
    const wait = await searchRateLimitWait(context.clientIp);
    if (wait) throw tooManyRequests(wait);
  }
  const search = searchParams.q ? await searchCatalog({ ...searchParams, festival: data.festival.id }, locale) : null;
  return {
    ...data,
    search: search && {
      query: search.query,
      hits: search.hits,
      pagination: paginate(search.page, search.totalHits, search.hitsPerPage),
      engine: search.engine,
    },
    countries: search ? getCountryNames(locale) : {},
    ...voucherClaimData(context, { festivalId: data.festival.id }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data ? pageMeta(location, data.festival.name, data.festival.tagline) : [];

export default function FestivalPage() {
  const { festival, deals, stores, sessions, search, countries } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const priceLabel =
    festival.status === "live"
      ? t("deal.festivalPrice")
      : festival.status === "upcoming"
        ? t("deal.upcomingPrice")
        : t("deal.pastPrice");
  return (
    <div className="space-y-10">
      {!festival.published ? (
        <Notice tone="warning" data-testid="preview-notice">
          {t("festivals.previewNotice")}
        </Notice>
      ) : null}
      <section
        className="rounded-2xl px-6 py-10 text-white sm:px-10"
        style={{
          backgroundColor: festival.themeColor,
          ...(festival.bannerUrl ? { backgroundImage: `url(${festival.bannerUrl})`, backgroundSize: "cover" } : {}),
        }}
      >
        <p className="text-sm font-semibold tracking-wide uppercase" data-testid="festival-status">
          {t(
            festival.status === "live"
              ? "festivals.statusLive"
              : festival.status === "upcoming"
                ? "festivals.statusUpcoming"
                : "festivals.statusEnded",
          )}
        </p>
        <h1 className="mt-2 max-w-3xl text-3xl font-bold sm:text-4xl">{festival.name}</h1>
        <p className="mt-3 max-w-2xl">{festival.tagline}</p>
        <p className="mt-5 text-sm">
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
        {festival.status !== "ended" ? (
          <div className="mt-2">
            <Countdown
              target={festival.status === "upcoming" ? festival.startsAt : festival.endsAt}
              label={festival.status === "upcoming" ? t("festivals.startsIn") : t("festivals.endsIn")}
            />
          </div>
        ) : null}
      </section>
      <VoucherClaim />

      <section aria-labelledby="deals-heading">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <h2 id="deals-heading" className="text-xl font-bold text-clay-900">
            {t("festivals.dealsTitle")}{" "}
            <span className="text-base font-normal text-stone-600">
              ({t("festivals.deals", { count: festival.dealCount })})
            </span>
          </h2>
          <Form method="get" role="search" className="flex w-full gap-2 sm:w-auto">
            <label htmlFor="festival-q" className="sr-only">
              {t("festivals.searchWithin")}
            </label>
            <Input
              compact
              id="festival-q"
              type="search"
              name="q"
              defaultValue={search?.query ?? ""}
              key={search?.query ?? ""}
              maxLength={200}
              placeholder={t("festivals.searchWithin")}
              className="w-full min-w-0 sm:w-64"
            />
            <Button size="sm">{t("search.submit")}</Button>
          </Form>
        </div>
        {festival.status === "ended" ? (
          <p className="mb-4 text-sm text-stone-700">{t("festivals.pastNotice")}</p>
        ) : null}
        {festival.status === "upcoming" ? (
          <p className="mb-4 text-sm text-stone-700">{t("festivals.upcomingNotice")}</p>
        ) : null}
        {search ? (
          <>
            <p className="mb-3 text-sm text-stone-700" aria-live="polite" data-testid="festival-search-count">
              {t("festivals.searchResults", { count: search.pagination.total, query: search.query })} ·{" "}
              <Link to={href(`/festivals/${festival.slug}`)} className="text-clay-700 underline">
                {t("festivals.clearSearch")}
              </Link>
            </p>
            {search.hits.length > 0 ? (
              <ul
                className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
                role="list"
                data-testid="festival-search-results"
              >
                {search.hits.map((hit) => (
                  <li key={hit.id} className="flex">
                    <SearchHitCard hit={hit} countryName={countries[hit.countryCode] ?? hit.countryCode} />
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title={t("festivals.noDeals")} />
            )}
            <Pagination pagination={search.pagination} />
          </>
        ) : deals.items.length > 0 ? (
          <>
            <ul
              className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
              role="list"
              data-testid="festival-deals"
            >
              {deals.items.map((p) => (
                <li key={p.id} className="flex">
                  {/* Live: the card shows the price that applies now (the best deal); otherwise this festival's price, labelled. */}
                  <ProductCard
                    product={p}
                    {...(festival.status === "live"
                      ? {}
                      : { festivalPrice: { ...p.festivalPrice, label: priceLabel } })}
                  />
                </li>
              ))}
            </ul>
            <Pagination pagination={deals.pagination} />
          </>
        ) : (
          <EmptyState title={t("festivals.noDeals")} />
        )}
      </section>

      {stores.length > 0 ? (
        <section aria-labelledby="stores-heading">
          <h2 id="stores-heading" className="mb-4 text-xl font-bold text-clay-900">
            {t("festivals.featuredStores")}
          </h2>
          <StoreGrid stores={stores} />
        </section>
      ) : null}

      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading" className="mb-4 text-xl font-bold text-clay-900">
          {t("festivals.schedule")}
        </h2>
        {sessions.length > 0 ? (
          <ol className="space-y-4" data-testid="festival-schedule">
            {sessions.map((s) => (
              <li
                key={s.id}
                className={`rounded-xl border bg-white p-4 ${s.onNow ? "border-red-600 ring-2 ring-red-600" : "border-stone-200"}`}
                data-on-now={s.onNow || undefined}
              >
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  {s.onNow ? (
                    <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-bold text-white uppercase">
                      {t("festivals.onNow")}
                    </span>
                  ) : null}
                  <h3 className="font-semibold text-clay-900">{s.title}</h3>
                </div>
                <p className="mt-1 text-sm text-stone-700">
                  <FestivalTime iso={s.startsAt} /> ·{" "}
                  <Link to={href(`/stores/${s.store.slug}`)} className="text-clay-700 underline">
                    {s.store.name}
                  </Link>
                </p>
                {s.products.length > 0 ? (
                  <div className="mt-3">
                    <h4 className="sr-only">{t("festivals.products")}</h4>
                    <ProductGrid products={s.products} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-stone-600">{t("festivals.noSessions")}</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
