import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useNonce } from "#app/utils/nonce.tsx";
import { productJsonLd, serializeJsonLd } from "#app/utils/structured-data.ts";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { DealPrice, FestivalBadge } from "#app/components/deal-price.tsx";
import { SentenceWithTime } from "#app/components/festival-time.tsx";
import { AddToCart } from "#app/components/add-to-cart.tsx";
import { ProductGallery } from "#app/components/product-gallery.tsx";
import { ProductGrid } from "#app/components/product-card.tsx";
import { StockBadge } from "#app/components/stock-badge.tsx";
import { buttonClass } from "#app/components/ui/button.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { getProductBySlug, listRelatedProducts } from "#app/models/products.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { ProductRatingLine, ReviewsSection } from "#app/components/reviews/reviews-section.tsx";
import { WishlistButton } from "#app/components/wishlist-button.tsx";
import { productReviewsData } from "#app/models/reviews.server.ts";
import { FlashSaleBadge } from "#app/components/flash-sale.tsx";
import { productFlashSale } from "#app/models/flash-sale.server.ts";
import { VoucherClaim } from "#app/components/voucher-claim.tsx";
import { voucherClaimData } from "#app/models/vouchers/claim-data.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const product = getProductBySlug(params.slug ?? "", locale);
  if (!product) notFound();
  return {
    product,
    related: listRelatedProducts(product, locale),
    ...productReviewsData(product.id, request),
    flashSale: productFlashSale(product.id, locale),
    ...voucherClaimData(context, { productId: product.id }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) => {
  if (!data) return [];
  const origin = (matches.find((m) => m.id === "root")?.data as { origin?: string } | undefined)?.origin ?? "";
  const image = data.product.images[0] ?? "";
  return pageMeta(location, data.product.title, data.product.description.slice(0, 160), {
    type: "product",
    image: image.startsWith("http") ? image : `${origin}${image}`,
  });
};

export default function ProductPage() {
  const { product, related, reviews, sold } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const nonce = useNonce();
  const origin = useRouteLoaderData<{ origin: string }>("root")?.origin ?? "";
  const structured = productJsonLd({
    origin,
    url: href(`/products/${product.slug}`),
    title: product.title,
    description: product.description,
    sku: product.sku,
    images: product.images,
    category: product.category.name,
    countryName: product.country.name,
    storeName: product.store.name,
    priceCents: product.priceCents,
    currency: product.currency,
    inStock: product.inStock,
    deal: product.deal ? { priceCents: product.deal.priceCents, endsAt: product.deal.festival.endsAt } : null,
    rating: product.rating,
    reviews: reviews.items,
  });
  // The alt text stored for this language (decision 023); the cover falls back to the title.
  const alts = product.images.map(
    (url, i) => product.imageAlts[url] ?? (i === 0 ? t("product.imageAlt", { title: product.title }) : ""),
  );
  return (
    <>
      <script
        type="application/ld+json"
        nonce={nonce}
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(structured) }}
      />
      <nav aria-label={t("common.breadcrumb")} className="mb-3 text-sm text-stone-600 sm:mb-4">
        <ol className="flex gap-1 max-sm:overflow-hidden max-sm:whitespace-nowrap sm:flex-wrap">
          <li className="shrink-0">
            <Link to={href("/")} className="hover:underline">
              {t("nav.home")}
            </Link>{" "}
            /
          </li>
          <li className="shrink-0">
            <Link to={href(`/categories/${product.category.slug}`)} className="hover:underline">
              {product.category.name}
            </Link>{" "}
            /
          </li>
          <li aria-current="page" className="min-w-0 truncate text-stone-800 sm:whitespace-normal">
            {product.title}
          </li>
        </ol>
      </nav>
      {/*
        Slots (decision 027): the gallery on the left from 768 px up; on the right the buy box (title,
        price, add to cart: what a phone shows on its first screen) and below it the details.
        A rating summary or a wishlist button belongs in the buy box; reviews after the article.
      */}
      <article className="grid gap-x-8 gap-y-4 md:grid-cols-2 md:grid-rows-[auto_1fr]">
        <div className="md:row-span-2">
          <ProductGallery images={product.images} alts={alts} />
        </div>
        <div data-testid="buy-box">
          <h1 className="text-xl font-bold text-clay-900 sm:text-3xl">{product.title}</h1>
          <ProductRatingLine rating={product.rating} sold={sold} />
          {product.deal ? (
            <div className="mt-2 sm:mt-3">
              <FestivalBadge festival={product.deal.festival} link />
            </div>
          ) : null}
          <div className="mt-2 flex flex-wrap items-center gap-3 sm:mt-4">
            <DealPrice priceCents={product.priceCents} currency={product.currency} deal={product.deal} size="lg" />
            <StockBadge stock={product.stock} />
          </div>
          {product.deal && !product.deal.flash ? (
            <p className="mt-2 text-sm text-stone-700" data-testid="deal-ends">
              <SentenceWithTime message={(date) => t("deal.until", { date })} iso={product.deal.festival.endsAt} />
              {product.deal.unitsLeft !== null ? (
                <span className="ml-2 font-medium text-red-800">
                  {t("deal.unitsLeft", { count: product.deal.unitsLeft })}
                </span>
              ) : null}
            </p>
          ) : null}
          <FlashSaleBadge />
          <AddToCart
            productId={product.id}
            stock={product.stock}
            priceCents={product.deal?.priceCents ?? product.priceCents}
            currency={product.currency}
          />
          <WishlistButton productId={product.id} variant="full" className="mt-3" />
          <VoucherClaim codeBoxAlone={false} />
        </div>

        <div data-testid="product-details">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium text-stone-600">{t("product.soldBy")}</dt>
            <dd>
              <Link to={href(`/stores/${product.store.slug}`)} className="font-medium text-clay-700 underline">
                {product.store.name}
              </Link>
              <span className="text-stone-600"> · {product.store.city}</span>
            </dd>
            <dt className="font-medium text-stone-600">{t("product.origin")}</dt>
            <dd>
              <Link to={href(`/countries/${product.country.code}`)} className="text-clay-700 underline">
                {product.country.name}
              </Link>
            </dd>
            <dt className="font-medium text-stone-600">{t("product.category")}</dt>
            <dd>
              <Link to={href(`/categories/${product.category.slug}`)} className="text-clay-700 underline">
                {product.category.name}
              </Link>
            </dd>
            <dt className="font-medium text-stone-600">{t("product.sku")}</dt>
            <dd className="font-mono text-xs leading-5">{product.sku}</dd>
          </dl>
          <h2 className="mt-6 font-semibold text-clay-900">{t("product.description")}</h2>
          <p className="mt-2 whitespace-pre-line text-stone-800">{product.description}</p>
          <Link
            to={href(`/stores/${product.store.slug}`)}
            className={buttonClass({ variant: "outline", className: "mt-6 min-h-11 text-sm" })}
          >
            {t("product.visitStore")}
          </Link>
        </div>
      </article>
      <ReviewsSection rating={product.rating} reviews={reviews} storeName={product.store.name} />
      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="mt-12">
          <h2 id="related-heading" className="mb-4 text-xl font-bold text-clay-900">
            {t("product.related")}
          </h2>
          <ProductGrid products={related} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
