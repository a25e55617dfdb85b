import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "#app/components/layout.tsx";
import { FlagStripes } from "#app/components/flag-stripes.tsx";
import { ProductGrid } from "#app/components/product-card.tsx";
import { localeFromPath } from "#app/i18n/locales.ts";
import { createTranslator } from "#app/i18n/translate.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { getCampaignProgress, listCategories, listRepresentedCountries } from "#app/models/catalog.server.ts";
import { listFeaturedProducts } from "#app/models/products.server.ts";
import { listLiveFestivals } from "#app/models/festivals.server.ts";
import { Countdown, SentenceWithTime } from "#app/components/festival-time.tsx";

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context;
  const countries = listRepresentedCountries(locale);
  return {
    // Every live festival, in the organizers' order (decision 036); one leads with two rows of deals.
    festivals: listLiveFestivals(locale, 8),
    progress: getCampaignProgress(),
    featured: listFeaturedProducts(locale),
    topCountries: [...countries].sort((a, b) => b.productCount - a.productCount).slice(0, 12),
    categories: listCategories(locale),
  };
}

export const meta: MetaFunction = ({ location }) => {
  const t = createTranslator(localeFromPath(location.pathname));
  return [{ title: `${t("site.name")} · ${t("home.title")}` }, { name: "description", content: t("site.description") }];
};

export default function Home() {
  const { festivals, progress, featured, topCountries, categories } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <div className="space-y-12">
      {festivals.length > 0 ? (
        <div className="space-y-6" data-testid="live-festivals">
          {festivals.length > 1 ? <h2 className="sr-only">{t("reminders.liveFestivals")}</h2> : null}
          {festivals.map((festival, i) => (
            <section key={festival.id} aria-labelledby={`festival-heading-${festival.id}`} data-testid="live-festival">
              <div
                className={`rounded-2xl px-5 text-white sm:px-10 ${i === 0 ? "py-6 sm:py-8" : "py-5 sm:py-6"}`}
                style={{ backgroundColor: festival.themeColor }}
              >
                <p className="text-sm font-semibold tracking-wide uppercase">{t("home.liveFestival")}</p>
                {/* With several live festivals the first is the page's lead; each is a heading of its own. */}
                {i === 0 && festivals.length === 1 ? (
                  <h2 id={`festival-heading-${festival.id}`} className="mt-1 text-2xl font-bold sm:text-3xl">
                    {festival.name}
                  </h2>
                ) : (
                  <h3
                    id={`festival-heading-${festival.id}`}
                    className={`mt-1 font-bold ${i === 0 ? "text-2xl sm:text-3xl" : "text-xl sm:text-2xl"}`}
                  >
                    {festival.name}
                  </h3>
                )}
                <p className="mt-2 max-w-2xl text-sm sm:text-base">{festival.tagline}</p>
                <p className="mt-3 text-sm">
                  <SentenceWithTime message={(date) => t("festivals.endsAt", { date })} iso={festival.endsAt} />
                </p>
                <Countdown target={festival.endsAt} label={t("festivals.endsIn")} />
                <Link
                  to={href(`/festivals/${festival.slug}`)}
                  className="mt-4 inline-block rounded bg-white px-4 py-2 font-semibold text-stone-900 hover:bg-amber-100"
                >
                  {t("home.festivalDeals")}
                </Link>
              </div>
              {festival.deals.length > 0 ? (
                <div
                  className={`mt-3 ${
                    // The lead festival shows two rows on a wide screen, one row (of two) on a phone;
                    // the others one row.
                    i === 0
                      ? "max-sm:[&_li:nth-child(n+5)]:hidden"
                      : "max-sm:[&_li:nth-child(n+3)]:hidden [&_li:nth-child(n+5)]:hidden"
                  }`}
                >
                  <ProductGrid products={festival.deals} />
                </div>
              ) : null}
            </section>
          ))}
        </div>
      ) : null}
      <section className="rounded-2xl bg-gradient-to-br from-clay-700 to-clay-900 px-6 py-10 text-white sm:px-10">
        <p className="text-sm font-semibold tracking-wide text-amber-200 uppercase">{t("home.heroKicker")}</p>
        <h1 className="mt-2 max-w-3xl text-3xl font-bold sm:text-4xl">{t("home.title")}</h1>
        <p className="mt-4 max-w-2xl text-clay-100">{t("home.heroText")}</p>
        <h2 className="sr-only">{t("home.progressTitle")}</h2>
        <dl className="mt-8 grid gap-4 sm:grid-cols-3" data-testid="campaign-progress">
          <ProgressStat
            label={t("home.progressStores")}
            value={progress.approvedStores}
            target={progress.targets.stores}
            testId="progress-stores"
          />
          <ProgressStat
            label={t("home.progressProducts")}
            value={progress.activeProducts}
            target={progress.targets.products}
            testId="progress-products"
          />
          <div className="rounded-lg bg-white/10 p-4">
            <dt className="text-sm text-clay-100">{t("home.progressCountries")}</dt>
            <dd className="mt-1 text-3xl font-bold" data-testid="progress-countries">
              {progress.countries}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-bold text-clay-900">
          {t("home.featured")}
        </h2>
        {featured.length > 0 ? <ProductGrid products={featured} /> : <EmptyState title={t("home.noFeatured")} />}
      </section>

      <section aria-labelledby="countries-heading">
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="countries-heading" className="text-xl font-bold text-clay-900">
            {t("home.byCountry")}
          </h2>
          <Link to={href("/countries")} className="text-sm font-medium text-clay-700 hover:underline">
            {t("home.allCountries")}
          </Link>
        </div>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" role="list">
          {topCountries.map((c) => (
            <li key={c.code}>
              <Link
                to={href(`/countries/${c.code}`)}
                className="flex items-center gap-3 rounded-lg border border-stone-200 bg-white p-3 hover:shadow-md"
              >
                <FlagStripes colors={c.colors} />
                <span>
                  <span className="block font-medium">{c.name}</span>
                  <span className="block text-xs text-stone-600">
                    {t("common.products", { count: c.productCount })}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-bold text-clay-900">
          {t("home.byCategory")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" role="list">
          {categories.map((c) => (
            <li key={c.slug}>
              <Link
                to={href(`/categories/${c.slug}`)}
                className="block rounded-lg border border-stone-200 bg-white p-3 hover:shadow-md"
              >
                <span className="block font-medium">{c.name}</span>
                <span className="block text-xs text-stone-600">{t("common.products", { count: c.productCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-6">
          <Link to={href("/stores")} className="font-medium text-clay-700 hover:underline">
            {t("home.browseStores")} →
          </Link>
        </p>
      </section>
    </div>
  );
}

function ProgressStat({
  label,
  value,
  target,
  testId,
}: {
  label: string;
  value: number;
  target: number;
  testId: string;
}) {
  const t = useT();
  const percent = Math.min(100, Math.round((value / target) * 100));
  return (
    <div className="rounded-lg bg-white/10 p-4">
      <dt className="text-sm text-clay-100">{label}</dt>
      <dd className="mt-1">
        <span className="text-3xl font-bold" data-testid={testId}>
          {t("home.progressOf", { value, target })}
        </span>
        <span
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={target}
          aria-valuenow={Math.min(value, target)}
          className="mt-2 block h-2 overflow-hidden rounded bg-white/20"
        >
          <span className="block h-full bg-amber-300" style={{ width: `${percent}%` }} />
        </span>
      </dd>
    </div>
  );
}
