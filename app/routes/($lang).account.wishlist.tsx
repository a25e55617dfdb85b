import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DealPrice } from "#app/components/deal-price.tsx";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { RatingBadge } from "#app/components/rating-stars.tsx";
import { StockBadge } from "#app/components/stock-badge.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { WishlistButton } from "#app/components/wishlist-button.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { listWishlist, setWishlisted } from "#app/models/wishlist.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { imageSources } from "#app/utils/images.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { safeRedirect } from "#app/utils/password.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  return { items: listWishlist(user.id, context.locale) };
}

const ERRORS = { notFound: "wishlist.errorNotFound", full: "wishlist.errorFull" } as const satisfies Record<
  string,
  MessageKey
>;

/**
 * Save or remove a product. From a fetcher (`fetch=1`, added once JavaScript runs) the answer is
 * JSON; a plain form post is redirected back to the page it came from (or here), with `?wishlist=`
 * saying what went wrong. Guests are sent to sign in and come back to that page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const here = localizePath("/account/wishlist", context.locale);
  const back = safeRedirect(formText(form, "redirectTo"), here);
  if (!context.user)
    throw redirect(`${localizePath("/login", context.locale)}?${new URLSearchParams({ redirectTo: back })}`);
  const productId = formInt(form, "productId");
  const intent = formText(form, "intent");
  const fetch = formText(form, "fetch") === "1";
  if (productId === null || (intent !== "save" && intent !== "remove"))
    return data({ ok: false as const, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const result = setWishlisted(context.user.id, productId, intent === "save");
  if (fetch)
    return result.ok
      ? data({ ok: true as const, saved: result.saved })
      : data({ ok: false as const, message: ERRORS[result.error] as MessageKey }, { status: 409 });
  if (!result.ok) {
    const url = new URL(back, "http://x");
    url.searchParams.set("wishlist", result.error);
    return redirect(`${url.pathname}${url.search}`);
  }
  return redirect(back);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("wishlist.title"));

export default function Wishlist() {
  const { items } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const [search] = useSearchParams();
  const problem = search.get("wishlist");
  return (
    <>
      <PageHeading title={t("wishlist.title")} subtitle={t("wishlist.count", { count: items.length })} />
      {problem === "notFound" || problem === "full" ? (
        <Notice tone="error" className="mb-4">
          {t(ERRORS[problem])}
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={t("wishlist.empty")}>
          <Link to={href("/search")} className="text-clay-700 underline">
            {t("wishlist.browse")}
          </Link>
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
          role="list"
          data-testid="wishlist"
        >
          {items.map((item) => (
            <li key={item.id} className="flex gap-3 p-3 sm:gap-4" data-testid="wishlist-item">
              <Link to={href(`/products/${item.slug}`)} className="shrink-0">
                <img
                  {...(item.imageUrl ? imageSources(item.imageUrl) : { src: "" })}
                  sizes="96px"
                  alt=""
                  width={96}
                  height={96}
                  className="h-20 w-20 rounded-md border border-stone-200 bg-clay-50 object-cover sm:h-24 sm:w-24"
                />
              </Link>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <Link
                  to={href(`/products/${item.slug}`)}
                  className="line-clamp-2 font-medium text-stone-900 hover:underline"
                >
                  {item.title}
                </Link>
                <p className="text-xs text-stone-600">
                  {item.store.name} · {item.country.name}
                </p>
                <RatingBadge rating={item.rating} />
                <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
                  {item.available ? (
                    <>
                      <DealPrice priceCents={item.priceCents} currency={item.currency} deal={item.deal} />
                      <StockBadge stock={item.stock} />
                    </>
                  ) : (
                    <span className="rounded bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-800">
                      {t("wishlist.unavailable")}
                    </span>
                  )}
                </div>
              </div>
              <div className="shrink-0 self-start">
                <WishlistButton productId={item.id} variant="full" />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
