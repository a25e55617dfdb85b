import { Link } from "@remix-run/react";
import { useHref } from "#app/i18n/use-locale.ts";
import type { ProductCard as Card } from "#app/models/products.server.ts";
import { imageSources } from "#app/utils/images.ts";
import { DealPrice, FestivalBadge } from "./deal-price.tsx";
import { StockBadge } from "./stock-badge.tsx";
import { RatingBadge } from "./rating-stars.tsx";
import { WishlistButton } from "./wishlist-button.tsx";

/**
 * `festivalPrice` shows one festival's price whatever the time (the festival page of an upcoming or
 * past festival); otherwise the card shows the live deal, if any.
 */
export function ProductCard({
  product,
  festivalPrice,
}: {
  product: Card;
  festivalPrice?: { priceCents: number; percentOff: number; label: string };
}) {
  const href = useHref();
  return (
    <article className="group relative flex w-full flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link to={href(`/products/${product.slug}`)} className="flex flex-1 flex-col" prefetch="intent">
        {product.imageUrl ? (
          <img
            {...imageSources(product.imageUrl)}
            sizes="(min-width: 1024px) 25vw, 50vw"
            alt=""
            width={400}
            height={400}
            loading="lazy"
            className="aspect-square w-full bg-clay-50 object-cover"
          />
        ) : (
          <div className="aspect-square w-full bg-clay-50" />
        )}
        <div className="flex flex-1 flex-col gap-1 p-3">
          {product.deal && !festivalPrice ? <FestivalBadge festival={product.deal.festival} /> : null}
          <h3 className="line-clamp-2 text-sm font-medium text-stone-900 group-hover:underline">{product.title}</h3>
          <p className="text-xs text-stone-600">
            {product.store.name} · {product.country.name}
          </p>
          <RatingBadge rating={product.rating} />
          <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
            {festivalPrice ? (
              <span className="flex flex-col">
                <span className="text-xs text-stone-600">{festivalPrice.label}</span>
                <DealPrice priceCents={product.priceCents} currency={product.currency} deal={festivalPrice} />
              </span>
            ) : (
              <DealPrice priceCents={product.priceCents} currency={product.currency} deal={product.deal} />
            )}
            <StockBadge stock={product.stock} />
          </div>
        </div>
      </Link>
      <WishlistButton productId={product.id} className="absolute top-2 right-2" />
    </article>
  );
}

export function ProductGrid({ products }: { products: Card[] }) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" role="list">
      {products.map((p) => (
        <li key={p.id} className="flex">
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  );
}
