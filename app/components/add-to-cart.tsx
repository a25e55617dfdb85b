import { useFetcher } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { CART_INTENT } from "#app/utils/cart-intent.ts";
import { MoneyText } from "./price.tsx";
import { Button } from "./ui/button.tsx";
import { Input } from "./ui/input.tsx";

/**
 * Add to cart: a plain POST to /cart without JavaScript (the cart page opens), in place with it
 * (the header count updates, the page stays). On a phone (under 768 px) the same form is the buy
 * bar fixed to the bottom of the screen, with the price it charges (decision 027).
 */
export function AddToCart({
  productId,
  stock,
  priceCents,
  currency,
}: {
  productId: number;
  stock: number;
  /** The price the cart will charge now (the deal price while one applies), shown in the phone's bar. */
  priceCents: number;
  currency: string;
}) {
  const t = useT();
  const href = useHref();
  const fetcher = useFetcher<{ ok: boolean; message: MessageKey }>();
  const busy = fetcher.state !== "idle";
  if (stock <= 0) return null;
  const message = fetcher.state === "idle" && fetcher.data ? t(fetcher.data.message) : "";
  return (
    <fetcher.Form
      method="post"
      action={href("/cart")}
      className="mt-6 flex flex-wrap items-end gap-3 max-md:fixed max-md:inset-x-0 max-md:bottom-0 max-md:z-30 max-md:m-0 max-md:flex-nowrap max-md:items-center max-md:border-t max-md:border-stone-200 max-md:bg-white max-md:px-4 max-md:py-2 max-md:shadow-[0_-4px_12px_rgba(0,0,0,0.08)]"
      data-testid="add-to-cart"
      data-buy-bar
    >
      <input type="hidden" name="productId" value={productId} />
      <span className="mr-auto text-lg font-bold whitespace-nowrap text-clay-900 md:hidden" data-testid="buy-bar-price">
        <MoneyText cents={priceCents} currency={currency} />
      </span>
      <div>
        <label htmlFor="add-quantity" className="block text-sm font-medium text-stone-800 max-md:sr-only">
          {t("cart.quantity")}
        </label>
        <Input
          id="add-quantity"
          name="quantity"
          type="number"
          min={1}
          max={Math.min(99, stock)}
          defaultValue={1}
          className="mt-1 w-20 max-md:mt-0 max-md:min-h-11 max-md:w-16"
        />
      </div>
      <Button name="intent" value={CART_INTENT.add} pending={busy} className="max-md:min-h-11">
        {busy ? t("cart.adding") : t("cart.add")}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${fetcher.data?.ok === false ? "text-red-800" : "text-green-800"} ${message ? "max-md:absolute max-md:inset-x-0 max-md:bottom-full max-md:border-t max-md:border-stone-200 max-md:bg-white max-md:px-4 max-md:py-2 max-md:text-center" : ""}`}
      >
        {message}
      </p>
    </fetcher.Form>
  );
}
