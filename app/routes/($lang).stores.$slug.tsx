import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { EmptyState } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { ProductGrid } from "#app/components/product-card.tsx";
import { LOCALE_INFO } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { getStoreBySlug } from "#app/models/catalog.server.ts";
import { listProducts } from "#app/models/products.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { imageSources } from "#app/utils/images.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parsePage } from "#app/utils/params.ts";
import { FollowButton } from "#app/components/follow-button.tsx";
import { isFollowing } from "#app/models/wishlist.server.ts";
import { VoucherClaim } from "#app/components/voucher-claim.tsx";
import { voucherClaimData } from "#app/models/vouchers/claim-data.server.ts";
import { dateTimeFormat } from "#app/utils/intl.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const store = getStoreBySlug(params.slug ?? "", locale);
  if (!store) notFound();
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const products = listProducts({ locale, filter: { storeId: store.id }, sort: "newest", page });
  return {
    store,
    products,
    following: context.user ? isFollowing(context.user.id, store.id) : null,
    ...voucherClaimData(context, { storeId: store.id }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data ? pageMeta(location, data.store.name, data.store.tagline) : [];

export default function StorePage() {
  const { store, products, following } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const approved = store.approvedAt
    ? dateTimeFormat(LOCALE_INFO[locale].intl, { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(store.approvedAt),
      )
    : null;
  return (
    <>
      <section className="mb-8 flex flex-col gap-6 rounded-xl border border-stone-200 bg-white p-6 sm:flex-row">
        {store.logoUrl ? (
          <img
            {...imageSources(store.logoUrl)}
            sizes="120px"
            alt=""
            width={120}
            height={120}
            className="h-28 w-28 shrink-0 rounded-full"
          />
        ) : null}
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-bold text-clay-900">{store.name}</h1>
            <FollowButton storeId={store.id} following={following} />
          </div>
          <p className="mt-1 text-stone-700">{store.tagline}</p>
          <p className="mt-2 text-sm text-stone-600">
            <Link to={href(`/countries/${store.country.code}`)} className="underline">
              {t("store.location", { city: store.city, country: store.country.name })}
            </Link>
            {" · "}
            {t("common.products", { count: store.productCount })}
          </p>
          {approved ? <p className="mt-1 text-xs text-stone-600">{t("store.since", { date: approved })}</p> : null}
          <h2 className="mt-4 font-semibold text-clay-900">{t("store.story")}</h2>
          <p className="mt-1 max-w-3xl text-stone-800">{store.story}</p>
        </div>
      </section>
      <VoucherClaim />
      <h2 className="mb-4 text-xl font-bold text-clay-900">{t("store.products")}</h2>
      {products.items.length > 0 ? (
        <ProductGrid products={products.items} />
      ) : (
        <EmptyState title={t("store.noProducts")} />
      )}
      <Pagination pagination={products.pagination} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
