import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { listCategories } from "#app/models/catalog.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context;
  return { categories: listCategories(locale) };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("categories.title"));

export default function Categories() {
  const { categories } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <PageHeading title={t("categories.title")} />
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" role="list">
        {categories.map((c) => (
          <li key={c.slug}>
            <Link
              to={href(`/categories/${c.slug}`)}
              className="block rounded-lg border border-stone-200 bg-white p-4 hover:shadow-md"
            >
              <span className="block font-medium">{c.name}</span>
              <span className="block text-xs text-stone-600">{t("common.products", { count: c.productCount })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
