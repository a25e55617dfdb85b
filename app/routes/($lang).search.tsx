import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { ProductGrid } from "#app/components/product-card.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { listCategories } from "#app/models/catalog.server.ts";
import { searchProducts } from "#app/models/products.server.ts";
import { requireLocale } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parsePage } from "#app/utils/params.ts";

const MAX_QUERY = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, MAX_QUERY);
  const results = searchProducts({ locale, query, page: parsePage(url.searchParams.get("page")) });
  const suggestions = query && results.pagination.total === 0 ? listCategories(locale).filter((c) => c.productCount > 0) : [];
  return { query, results, suggestions };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("search.title"));

export default function Search() {
  const { query, results, suggestions } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <PageHeading
        title={t("search.title")}
        subtitle={query ? t("search.resultsFor", { count: results.pagination.total, query }) : t("search.prompt")}
      />
      {results.items.length > 0 ? <ProductGrid products={results.items} /> : null}
      {query && results.items.length === 0 ? (
        <EmptyState title={t("search.none", { query })}>
          <p>{t("search.noneHint")}</p>
          <ul className="mt-3 flex flex-wrap justify-center gap-2" role="list">
            {suggestions.map((c) => (
              <li key={c.slug}>
                <Link to={href(`/categories/${c.slug}`)} className="rounded-full bg-clay-100 px-3 py-1 text-clay-900 hover:underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </EmptyState>
      ) : null}
      <Pagination pagination={results.pagination} />
    </>
  );
}
