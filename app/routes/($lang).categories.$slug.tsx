import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { ProductGrid } from "#app/components/product-card.tsx";
import { SortForm } from "#app/components/sort-form.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import { getCategoryBySlug } from "#app/models/catalog.server.ts";
import { PRODUCT_SORTS, listProducts } from "#app/models/products.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const category = getCategoryBySlug(params.slug ?? "", locale);
  if (!category) notFound();
  const url = new URL(request.url);
  const sort = parseEnum(url.searchParams.get("sort"), PRODUCT_SORTS, "newest");
  const products = listProducts({
    locale,
    filter: { categoryId: category.id },
    sort,
    page: parsePage(url.searchParams.get("page")),
  });
  return { category, products, sort };
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data ? pageMeta(location, data.category.name) : [];

export default function CategoryPage() {
  const { category, products, sort } = useLoaderData<typeof loader>();
  const t = useT();
  const { pagination } = products;
  const from = pagination.total === 0 ? 0 : pagination.offset + 1;
  const to = pagination.offset + products.items.length;
  return (
    <>
      <PageHeading title={category.name} subtitle={t("common.products", { count: pagination.total })} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600" aria-live="polite">
          {t("common.showing", { from, to, total: pagination.total })}
        </p>
        <SortForm value={sort} />
      </div>
      {products.items.length > 0 ? (
        <ProductGrid products={products.items} />
      ) : (
        <EmptyState title={t("category.empty")} />
      )}
      <Pagination pagination={pagination} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
