import { Link } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { parseHighlight } from "#app/utils/search-url.ts";
import type { SearchHit } from "#search/results.ts";
import { imageSources } from "#app/utils/images.ts";
import { DealPrice, FestivalBadge } from "./deal-price.tsx";
import { RatingBadge } from "./rating-stars.tsx";
import { WishlistButton } from "./wishlist-button.tsx";

/** A search result: like a product card, with the matched words of the title marked. */
export function SearchHitCard({ hit, countryName }: { hit: SearchHit; countryName: string }) {
  const href = useHref();
  const t = useT();
  return (
    <article className="group relative flex w-full flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link to={href(`/products/${hit.slug}`)} className="flex flex-1 flex-col" prefetch="intent">
        {hit.imageUrl ? (
          <img
            {...imageSources(hit.imageUrl)}
            sizes="(min-width: 1024px) 25vw, 50vw"
            alt=""
            width={400}
            height={400}
            loading="lazy"
            className="aspect-square w-full bg-clay-50 object-cover"
          />
        ) : null}
        <div className="flex flex-1 flex-col gap-1 p-3">
          {hit.deal ? <FestivalBadge festival={hit.deal.festival} /> : null}
          <h3 className="line-clamp-2 text-sm font-medium text-stone-900 group-hover:underline">
            {parseHighlight(hit.highlight).map((part, i) =>
              part.match ? (
                <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-stone-900">
                  {part.text}
                </mark>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </h3>
          <p className="text-xs text-stone-600">
            {hit.storeName} · {countryName}
          </p>
          <RatingBadge rating={hit.rating} />
          <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
            <DealPrice
              priceCents={hit.priceCents}
              currency={hit.currency}
              deal={
                hit.deal && hit.dealPriceCents !== undefined
                  ? { priceCents: hit.dealPriceCents, percentOff: hit.deal.percentOff }
                  : null
              }
            />
            {hit.inStock ? null : (
              <span className="rounded bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-800">
                {t("product.soldOut")}
              </span>
            )}
          </div>
        </div>
      </Link>
      <WishlistButton productId={hit.id} className="absolute top-2 right-2" />
    </article>
  );
}
