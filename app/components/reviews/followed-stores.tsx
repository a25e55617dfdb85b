import { Link } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { ProductCard } from "#app/models/products.server.ts";
import { ProductGrid } from "../product-card.tsx";

/** On /account: the stores the shopper follows, their newest listings and their live festival deals. */
export function FollowedStores({
  feed,
}: {
  feed: { stores: { id: number; slug: string; name: string }[]; newProducts: ProductCard[]; liveDeals: ProductCard[] };
}) {
  const t = useT();
  const href = useHref();
  return (
    <section aria-labelledby="following-heading" id="following" className="mt-10" data-testid="following">
      <h2 id="following-heading" className="text-xl font-bold text-clay-900">
        {t("follow.heading")}
      </h2>
      {feed.stores.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">
          {t("follow.none")}{" "}
          <Link to={href("/stores")} className="text-clay-700 underline">
            {t("follow.browseStores")}
          </Link>
        </p>
      ) : (
        <>
          <ul className="mt-3 flex flex-wrap gap-2" role="list" data-testid="followed-stores">
            {feed.stores.map((s) => (
              <li key={s.id}>
                <Link
                  to={href(`/stores/${s.slug}`)}
                  className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 hover:bg-stone-50"
                >
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
          {feed.liveDeals.length > 0 ? (
            <>
              <h3 className="mt-6 mb-3 font-semibold text-clay-900">{t("follow.liveDeals")}</h3>
              <ProductGrid products={feed.liveDeals} />
            </>
          ) : null}
          <h3 className="mt-6 mb-3 font-semibold text-clay-900">{t("follow.newProducts")}</h3>
          {feed.newProducts.length > 0 ? (
            <ProductGrid products={feed.newProducts} />
          ) : (
            <p className="text-sm text-stone-700">{t("follow.noNewProducts")}</p>
          )}
        </>
      )}
    </section>
  );
}
