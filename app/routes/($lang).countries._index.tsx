import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FlagStripes } from "#app/components/flag-stripes.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { listRepresentedCountries } from "#app/models/catalog.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context;
  return { countries: listRepresentedCountries(locale) };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("countries.title"));

export default function Countries() {
  const { countries } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <PageHeading title={t("countries.title")} subtitle={t("countries.intro", { count: countries.length })} />
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" role="list" data-testid="country-list">
        {countries.map((c) => (
          <li key={c.code}>
            <Link
              to={href(`/countries/${c.code}`)}
              className="flex items-center gap-3 rounded-lg border border-stone-200 bg-white p-3 hover:shadow-md"
            >
              <FlagStripes colors={c.colors} />
              <span>
                <span className="block font-medium">{c.name}</span>
                <span className="block text-xs text-stone-600">
                  {t("countries.stats", {
                    stores: t("common.storesCount", { count: c.storeCount }),
                    products: t("common.products", { count: c.productCount }),
                  })}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
