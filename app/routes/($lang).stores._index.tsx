import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { StoreGrid } from "#app/components/store-card.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Select } from "#app/components/ui/input.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { listRepresentedCountries, listStores } from "#app/models/catalog.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parsePage } from "#app/utils/params.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const url = new URL(request.url);
  const countries = listRepresentedCountries(locale);
  // Only a represented country code filters; anything else (typos, injection attempts) is ignored.
  const requested = url.searchParams.get("country")?.toUpperCase();
  const country = countries.find((c) => c.code === requested)?.code;
  const stores = listStores({ locale, countryCode: country, page: parsePage(url.searchParams.get("page")) });
  return { stores, countries, country: country ?? null };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("stores.title"));

export default function Stores() {
  const { stores, countries, country } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <PageHeading title={t("stores.title")} subtitle={t("stores.intro")} />
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="country" className="block text-sm font-medium text-stone-800">
            {t("stores.filterCountry")}
          </label>
          <Select compact id="country" name="country" defaultValue={country ?? ""} className="mt-1">
            <option value="">{t("stores.allCountries")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.storeCount})
              </option>
            ))}
          </Select>
        </div>
        <Button size="sm">{t("stores.apply")}</Button>
        <p className="ml-auto text-sm text-stone-600" aria-live="polite">
          {t("stores.count", { count: stores.pagination.total })}
        </p>
      </Form>
      {stores.items.length > 0 ? (
        <StoreGrid stores={stores.items} />
      ) : (
        <EmptyState title={t("stores.empty")}>
          <Link to={href("/stores")} className="text-clay-700 underline">
            {t("stores.emptyHint")}
          </Link>
        </EmptyState>
      )}
      <Pagination pagination={stores.pagination} />
    </>
  );
}
