import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { usePersonal } from "#app/utils/personal.tsx";

/** True once React runs in the browser: forms then ask for a JSON answer instead of a redirect. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Heart({ filled, size }: { filled: boolean; size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M12 21s-7.5-4.6-9.6-9.3C.9 8.2 3 4.5 6.6 4.5c2.1 0 3.6 1.2 4.4 2.6.8-1.4 2.3-2.6 4.4-2.6 3.6 0 5.7 3.7 4.2 7.2C19.5 16.4 12 21 12 21z"
        fill={filled ? "#b91c1c" : "white"}
        stroke={filled ? "#b91c1c" : "#57534e"}
        strokeWidth="1.8"
      />
    </svg>
  );
}

/**
 * Save a product (收藏). Without JavaScript a plain POST to /account/wishlist that redirects back
 * here; with it a fetcher, the heart filled at once. A guest's post is sent to sign in, which
 * returns to this page. Whether the product is saved comes from the visitor's personal parts (usePersonal),
 * empty for guests, so a shared page never shows anyone's hearts.
 */
export function WishlistButton({
  productId,
  variant = "icon",
  className = "",
}: {
  productId: number;
  variant?: "icon" | "full";
  className?: string;
}) {
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const { user, wishlist } = usePersonal();
  const fetcher = useFetcher<{ ok: boolean; saved?: boolean }>();
  const hydrated = useHydrated();
  const back = `${location.pathname}${location.search}`;
  const size = variant === "icon" ? 20 : 18;
  const look =
    variant === "icon"
      ? "flex h-9 w-9 items-center justify-center rounded-full bg-white/95 shadow ring-1 ring-stone-200 hover:bg-white"
      : "inline-flex min-h-10 items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50";
  const pending = fetcher.formData?.get("intent");
  // A guest's heart is the same form: the action sends them to sign in and back. So a signed-in
  // shopper's page differs from the shared one only in the hearts they saved (spliceHearts).
  const saved = pending ? pending === "save" : user !== null && wishlist.includes(productId);
  return (
    <fetcher.Form method="post" action={href("/account/wishlist")} className={className} data-testid="wishlist-form">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="redirectTo" value={back} />
      {hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
      <button
        type="submit"
        name="intent"
        value={saved ? "remove" : "save"}
        aria-pressed={saved}
        aria-label={variant === "icon" ? (saved ? t("wishlist.remove") : t("wishlist.save")) : undefined}
        title={saved ? t("wishlist.remove") : t("wishlist.save")}
        className={look}
        data-testid="wishlist-button"
      >
        <Heart filled={saved} size={size} />
        {variant === "full" ? <span>{saved ? t("wishlist.saved") : t("wishlist.save")}</span> : null}
      </button>
    </fetcher.Form>
  );
}
