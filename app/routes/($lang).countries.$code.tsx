import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { FlagStripes } from "#app/components/flag-stripes.tsx";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { ProductGrid } from "#app/components/product-card.tsx";
import { SortForm } from "#app/components/sort-form.tsx";
import { StoreGrid } from "#app/components/store-card.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { getCountry, listStores } from "#app/models/catalog.server.ts";
import { PRODUCT_SORTS, listProducts } from "#app/models/products.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";

const STORES_SHOWN = 12;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const code = params.code ?? "";
  if (!/^[A-Za-z]{2}$/.test(code)) notFound();
  // ISO codes are upper case; /countries/et is sent to its canonical /countries/ET.
  if (code !== code.toUpperCase()) {
    const url = new URL(request.url);
    throw redirect(`${localizePath(`/countries/${code.toUpperCase()}`, locale)}${url.search}`, 301);
  }
  const country = getCountry(code, locale);
  if (!country) notFound();
  const url = new URL(request.url);
  const sort = parseEnum(url.searchParams.get("sort"), PRODUCT_SORTS, "newest");
  const stores = listStores({ locale, countryCode: country.code, page: 1, pageSize: STORES_SHOWN });
  const products = listProducts({
    locale,
    filter: { countryCode: country.code },
    sort,
    page: parsePage(url.searchParams.get("page")),
  });
  return { country, stores, products, sort };
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data ? pageMeta(location, data.country.name) : [];

export default function CountryPage() {
  const { country, stores, products, sort } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <div className="flex items-center gap-3">
        <FlagStripes colors={country.colors} />
        <PageHeading
          title={country.name}
          subtitle={`${t("common.storesCount", { count: stores.pagination.total })} · ${t("common.products", { count: products.pagination.total })}`}
        />
      </div>
      {stores.items.length === 0 ? (
        <EmptyState title={t("country.noStores", { country: country.name })}>
          <Link to={href("/countries")} className="text-clay-700 underline">
            {t("home.allCountries")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="stores-heading" className="mb-10">
            <h2 id="stores-heading" className="mb-4 text-xl font-bold text-clay-900">
              {t("country.stores", { country: country.name })}
            </h2>
            <StoreGrid stores={stores.items} />
            {stores.pagination.total > stores.items.length ? (
              <Link
                to={href(`/stores?country=${country.code}`)}
                className="mt-3 inline-block text-sm font-medium text-clay-700 underline"
              >
                {t("stores.count", { count: stores.pagination.total })} →
              </Link>
            ) : null}
          </section>
          <section aria-labelledby="products-heading">
            <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
              <h2 id="products-heading" className="text-xl font-bold text-clay-900">
                {t("country.products", { country: country.name })}
              </h2>
              <SortForm value={sort} />
            </div>
            <ProductGrid products={products.items} />
            <Pagination pagination={products.pagination} />
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
