import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { Countdown, SentenceWithTime } from "#app/components/festival-time.tsx";
import { EmptyState } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { ProductCard } from "#app/components/product-card.tsx";
import { SearchHitCard } from "#app/components/search-hit-card.tsx";
import { StoreCard } from "#app/components/store-card.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { getCountryNames } from "#app/models/catalog.server.ts";
import { DEALS_PREVIEW, getFestivalPage } from "#app/models/festivals.server.ts";
import { reminderStates } from "#app/models/reminders.server.ts";
import { RemindButton } from "#app/components/remind-button.tsx";
import { FestivalSchedule } from "#app/components/festival-schedule.tsx";
import { FlashSaleBlock } from "#app/components/flash-sale.tsx";
import { festivalFlashSale } from "#app/models/flash-sale.server.ts";
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
  // The page itself shows a first few deals; "see all" (`?view=deals`) pages through every one.
  const view = url.searchParams.get("view") === "deals" ? "deals" : "overview";
  // Organizers preview unpublished festivals; for everyone else they do not exist.
  const user = context.user;
  const data = getFestivalPage(params.slug ?? "", locale, {
    page: view === "deals" ? page : 1,
    dealsPerPage: view === "deals" ? undefined : DEALS_PREVIEW,
    includeUnpublished: user?.role === "organizer",
  });
  if (!data) notFound();
  const flashSale = festivalFlashSale(data.festival.id, locale);
  // "Remind me" (decision 036): null for guests (a sign-in link), else what this shopper asked for.
  const reminders = user
    ? {
        festival: reminderStates(user.id, "festival", [data.festival.id]),
        slot: reminderStates(user.id, "slot", flashSale?.next ? [flashSale.next.id] : []),
        session: reminderStates(
          user.id,
          "session",
          data.sessions.map((s) => s.id),
        ),
      }
    : null;
  const reminderError = url.searchParams.get("reminder-error");

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
    view,
    reminders,
    reminderError:
      reminderError === "notFound" || reminderError === "started" || reminderError === "alreadySent"
        ? reminderError
        : null,
    flashSale,
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
  const { festival, deals, stores, sessions, search, countries, view, reminders, reminderError } =
    useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const festivalPath = href(`/festivals/${festival.slug}`);
  const priceLabel =
    festival.status === "live"
      ? t("deal.festivalPrice")
      : festival.status === "upcoming"
        ? t("deal.upcomingPrice")
        : t("deal.pastPrice");
  const sessionStates = reminders?.session ?? {};
  return (
    <div className="space-y-8 sm:space-y-10">
      {!festival.published ? (
        <Notice tone="warning" data-testid="preview-notice">
          {t("festivals.previewNotice")}
        </Notice>
      ) : null}
      {reminderError ? (
        <Notice tone="error" data-testid="reminder-error">
          {t(
            reminderError === "started"
              ? "reminders.errorStarted"
              : reminderError === "alreadySent"
                ? "reminders.errorAlreadySent"
                : "reminders.errorNotFound",
          )}
        </Notice>
      ) : null}
      <section
        className={`rounded-2xl text-white ${view === "deals" ? "px-5 py-5 sm:px-8" : "px-5 py-6 sm:px-10 sm:py-10"}`}
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
        {view === "deals" ? (
          <>
            <h1 className="mt-1 text-2xl font-bold sm:text-3xl">
              {t("reminders.allDealsTitle", { festival: festival.name })}
            </h1>
            <p className="mt-2 text-sm">
              <Link to={festivalPath} className="underline" data-testid="back-to-festival">
                ← {t("reminders.backToFestival")}
              </Link>
            </p>
          </>
        ) : (
          <>
            <h1 className="mt-2 max-w-3xl text-2xl font-bold sm:text-4xl">{festival.name}</h1>
            <p className="mt-2 max-w-2xl text-sm sm:mt-3 sm:text-base">{festival.tagline}</p>
            <p className="mt-4 text-sm sm:mt-5">
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
            {festival.status === "upcoming" && festival.published ? (
              <div className="mt-4" data-testid="festival-remind" id="festival-remind">
                <RemindButton
                  kind="festival"
                  targetId={festival.id}
                  title={festival.name}
                  state={reminders ? (reminders.festival[festival.id] ?? "none") : null}
                  anchor="festival-remind"
                  tone="dark"
                />
                <p className="mt-1 text-xs">{t("reminders.hint")}</p>
              </div>
            ) : null}
          </>
        )}
      </section>
      <VoucherClaim />

      {/* Festival vouchers (领券) take their block here, above the deals. */}
      <FlashSaleBlock />
      <section aria-labelledby="deals-heading" id="deals">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <h2 id="deals-heading" className="text-xl font-bold text-clay-900">
            {t("festivals.dealsTitle")}{" "}
            <span className="text-base font-normal text-stone-600">
              ({t("festivals.deals", { count: festival.dealCount })})
            </span>
          </h2>
          <Form method="get" role="search" className="flex w-full gap-2 sm:w-auto">
            {view === "deals" ? <input type="hidden" name="view" value="deals" /> : null}
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
              <Link
                to={view === "deals" ? `${festivalPath}?view=deals` : festivalPath}
                className="text-clay-700 underline"
              >
                {t("festivals.clearSearch")}
              </Link>
            </p>
            {search.hits.length > 0 ? (
              <ul
                className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4"
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
              className={`grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4 ${
                // On a phone the page shows three rows of two; "see all" has the rest.
                view === "overview" ? "max-sm:[&>li:nth-child(n+7)]:hidden" : ""
              }`}
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
            {view === "deals" ? (
              <Pagination pagination={deals.pagination} />
            ) : festival.dealCount > deals.items.length || deals.items.length > 6 ? (
              <p className="mt-4 text-center">
                <Link
                  to={`${festivalPath}?view=deals`}
                  className="text-clay-800 inline-flex min-h-11 items-center rounded-md border border-clay-700 px-5 py-2 font-medium hover:bg-clay-50"
                  data-testid="all-deals"
                >
                  {t("reminders.showAllDeals", { count: festival.dealCount })} →
                </Link>
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState title={t("festivals.noDeals")} />
        )}
      </section>

      {view === "overview" && stores.length > 0 ? (
        <section aria-labelledby="stores-heading">
          <h2 id="stores-heading" className="mb-3 text-xl font-bold text-clay-900">
            {t("festivals.featuredStores")}
          </h2>
          {/* A phone swipes through the stores in one row; wider screens show them as a grid. */}
          <ul
            className="-mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:grid sm:grid-cols-2 sm:gap-4 sm:overflow-visible sm:px-0 sm:pb-0 lg:grid-cols-3"
            role="list"
            aria-label={t("festivals.featuredStores")}
            data-testid="festival-stores"
          >
            {stores.map((s) => (
              <li key={s.id} className="w-72 max-w-[80vw] shrink-0 snap-start sm:w-auto sm:max-w-none">
                <StoreCard store={s} />
              </li>
            ))}
          </ul>
          {stores.length > 1 ? (
            <p className="mt-1 text-xs text-stone-600 sm:hidden">{t("reminders.scrollHint")} →</p>
          ) : null}
        </section>
      ) : null}

      {view === "overview" ? (
        <section aria-labelledby="schedule-heading" id="schedule">
          <h2 id="schedule-heading" className="mb-3 text-xl font-bold text-clay-900">
            {t("festivals.schedule")}
          </h2>
          {sessions.length > 0 ? (
            <FestivalSchedule
              sessions={sessions}
              reminders={reminders ? sessionStates : null}
              canRemind={festival.published}
            />
          ) : (
            <p className="text-sm text-stone-600">{t("festivals.noSessions")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
