import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { useHydrated } from "./wishlist-button.tsx";

/**
 * Follow a store (关注店铺): a plain POST that redirects back without JavaScript, a fetcher with it
 * (the button changes at once). `following` is null for guests, who get a link to sign in and back.
 */
export function FollowButton({ storeId, following }: { storeId: number; following: boolean | null }) {
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const fetcher = useFetcher<{ ok: boolean; following?: boolean }>();
  const hydrated = useHydrated();
  const back = `${location.pathname}${location.search}`;
  const look = (on: boolean) =>
    `inline-flex min-h-10 items-center gap-2 rounded-md px-4 py-2 text-sm font-medium ${
      on
        ? "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50"
        : "bg-clay-700 text-white hover:bg-clay-800"
    }`;
  if (following === null) {
    return (
      <Link
        to={`${href("/login")}?${new URLSearchParams({ redirectTo: back })}`}
        className={look(false)}
        data-testid="follow-login"
        rel="nofollow"
        // A signed-in shopper's page with this is rendered for them, not made from the shared one (decision 039).
        data-user-specific=""
      >
        + {t("follow.follow")}
      </Link>
    );
  }
  const pending = fetcher.formData?.get("intent");
  const on = pending ? pending === "follow" : following;
  return (
    <fetcher.Form method="post" action={href("/account/follows")} data-testid="follow-form">
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="redirectTo" value={back} />
      {hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
      <button
        type="submit"
        name="intent"
        value={on ? "unfollow" : "follow"}
        aria-pressed={on}
        className={look(on)}
        data-testid="follow-button"
      >
        {on ? `✓ ${t("follow.following")}` : `+ ${t("follow.follow")}`}
      </button>
    </fetcher.Form>
  );
}
