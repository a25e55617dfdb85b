import { useFetcher } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { CART_INTENT } from "#app/utils/cart-form.ts";
import { Button } from "./ui/button.tsx";
import { Input } from "./ui/input.tsx";

/**
 * Add to cart: a plain POST to /cart without JavaScript (the cart page opens), in place with it
 * (the header count updates, the page stays).
 */
export function AddToCart({ productId, stock }: { productId: number; stock: number }) {
  const t = useT();
  const href = useHref();
  const fetcher = useFetcher<{ ok: boolean; message: MessageKey }>();
  const busy = fetcher.state !== "idle";
  if (stock <= 0) return null;
  return (
    <fetcher.Form
      method="post"
      action={href("/cart")}
      className="mt-6 flex flex-wrap items-end gap-3"
      data-testid="add-to-cart"
    >
      <input type="hidden" name="productId" value={productId} />
      <div>
        <label htmlFor="add-quantity" className="block text-sm font-medium text-stone-800">
          {t("cart.quantity")}
        </label>
        <Input
          id="add-quantity"
          name="quantity"
          type="number"
          min={1}
          max={Math.min(99, stock)}
          defaultValue={1}
          className="mt-1 w-20"
        />
      </div>
      <Button name="intent" value={CART_INTENT.add} pending={busy}>
        {busy ? t("cart.adding") : t("cart.add")}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${fetcher.data?.ok === false ? "text-red-800" : "text-green-800"}`}
      >
        {fetcher.state === "idle" && fetcher.data ? t(fetcher.data.message) : ""}
      </p>
    </fetcher.Form>
  );
}
