import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { ReminderKind } from "#db/schema/reminders.ts";
import { useHydrated } from "./wishlist-button.tsx";

/**
 * "Remind me" (提醒我, decision 036) on an upcoming festival, showcase session or flash-sale slot: a
 * plain POST to /account/reminders that redirects back without JavaScript, a fetcher with it (the
 * button toggles at once). `state` is null for guests, who get a link to sign in and come back;
 * "sent" once the email went out (nothing left to toggle).
 */
export function RemindButton({
  kind,
  targetId,
  title,
  state,
  anchor,
  tone = "light",
}: {
  kind: ReminderKind;
  targetId: number;
  /** The target's name, for the button's accessible label. */
  title: string;
  state: "none" | "set" | "sent" | null;
  /** Where the page should come back to without JavaScript (an element id). */
  anchor?: string;
  /** `dark`: on a coloured hero. */
  tone?: "light" | "dark";
}) {
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const fetcher = useFetcher<{ ok: boolean; reminding?: boolean; message?: MessageKey }>();
  const hydrated = useHydrated();
  const back = `${location.pathname}${location.search}${anchor ? `#${anchor}` : ""}`;
  const look = (on: boolean) =>
    `inline-flex min-h-10 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap ${
      on
        ? tone === "dark"
          ? "border border-white/70 bg-white/10 text-white hover:bg-white/20"
          : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50"
        : tone === "dark"
          ? "bg-white text-stone-900 hover:bg-amber-100"
          : "bg-clay-700 text-white hover:bg-clay-800"
    }`;
  if (state === null) {
    return (
      <Link
        to={`${href("/login")}?${new URLSearchParams({ redirectTo: back })}`}
        className={look(false)}
        rel="nofollow"
        data-testid="remind-login"
        // A signed-in shopper's page with this is rendered for them, not made from the shared one (decision 039).
        data-user-specific=""
      >
        <Bell /> {t("reminders.signIn")}
      </Link>
    );
  }
  if (state === "sent") {
    return (
      <span className="inline-flex min-h-10 items-center gap-1.5 text-sm" data-testid="remind-sent">
        <Bell /> {t("reminders.sent")}
      </span>
    );
  }
  const pending = fetcher.formData?.get("intent");
  const answered = fetcher.state === "idle" && fetcher.data;
  const on = pending
    ? pending === "remind"
    : answered && fetcher.data!.ok && fetcher.data!.reminding !== undefined
      ? fetcher.data!.reminding
      : state === "set";
  const error = answered && !fetcher.data!.ok ? fetcher.data!.message : undefined;
  return (
    <fetcher.Form
      method="post"
      action={href("/account/reminders")}
      preventScrollReset
      className="inline-flex flex-wrap items-center gap-2"
      data-testid="remind-form"
    >
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="redirectTo" value={back} />
      {hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
      <button
        type="submit"
        name="intent"
        value={on ? "cancel" : "remind"}
        aria-pressed={on}
        aria-label={t(on ? "reminders.cancelNamed" : "reminders.remindMeNamed", { title })}
        title={on ? undefined : t("reminders.hint")}
        className={look(on)}
        data-testid="remind-button"
      >
        <Bell filled={on} /> {on ? t("reminders.cancel") : t("reminders.remindMe")}
      </button>
      {on ? (
        <span className={`text-xs ${tone === "dark" ? "text-white" : "text-stone-700"}`} data-testid="remind-set">
          ✓ {t("reminders.isSet")}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="rounded bg-white px-2 py-0.5 text-xs text-red-800">
          {t(error)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function Bell({ filled = false }: { filled?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" className="shrink-0">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16h15.4L18 12.6V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
        fill={filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}
