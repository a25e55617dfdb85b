import { Link, useFetcher, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { LOCALE_INFO } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { VoucherRule } from "#app/models/vouchers/rules.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { formatMoney } from "#app/utils/money.ts";
import { usePersonal } from "#app/utils/personal.tsx";
import { useHydrated } from "./wishlist-button.tsx";
import { numberFormat } from "#app/utils/intl.ts";

/** An amount in a voucher's rule: whole dollars without cents ("US$200"), else to the cent. */
function useRuleMoney() {
  const locale = useLocale();
  return (cents: number) =>
    cents % 100 === 0
      ? numberFormat(LOCALE_INFO[locale].intl, {
          style: "currency",
          currency: "USD",
          maximumFractionDigits: 0,
        }).format(cents / 100)
      : formatMoney(cents, "USD", locale);
}

/** A voucher's rule in words: 满$200减$20 (every tier), or 15% off up to $30 on $50 or more. */
export function useVoucherRule() {
  const t = useT();
  const money = useRuleMoney();
  return (rule: VoucherRule): string => {
    if (rule.kind === "spend")
      return rule.tiers
        .map((tier) => t("vouchers.spendSave", { min: money(tier.minCents), off: money(tier.offCents) }))
        .join(" · ");
    const parts = [t("vouchers.percentRule", { percent: rule.percentOff })];
    if (rule.capCents !== null) parts.push(t("vouchers.percentCap", { cap: money(rule.capCents) }));
    if (rule.minCents > 0) parts.push(t("vouchers.percentMin", { min: money(rule.minCents) }));
    return parts.join(", ");
  };
}

export interface ClaimableVoucher {
  id: number;
  scope: "store" | "festival";
  rule: VoucherRule;
  startsAt: string;
  endsAt: string;
  left: number;
  perShopperLimit: number;
  ownerName: string;
  claimed: number;
  usable: number;
  /** Not usable yet (claimable ahead). */
  upcoming: boolean;
}

export interface ClaimableVouchers {
  list: ClaimableVoucher[];
}

/**
 * 领券: the vouchers a page offers, each with its claim button, and a code box. Plain POSTs that come
 * back to the page without JavaScript; a fetcher each with it. A guest's claim or code is sent to
 * sign in and back, so the block is the same for every shopper but for their claims, which the
 * server writes into a shared page (spliceVoucherClaims, decision 039). `codeBoxAlone: false` (the
 * product page) shows nothing when there are no vouchers, where a store or festival page still
 * offers the code box to a signed-in shopper.
 */
export function VoucherClaim(props: { vouchers?: ClaimableVouchers; codeBoxAlone?: boolean }) {
  // The page's loader spread voucherClaimData(…) into its answer: one line there, one here.
  const fromLoader = useLoaderData<{ vouchers?: ClaimableVouchers }>().vouchers;
  const list = (props.vouchers ?? fromLoader ?? { list: [] }).list;
  const signedIn = usePersonal().user !== null;
  const vouchers = { list, signedIn };
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const [params] = useSearchParams();
  const code = useFetcher<{ ok: boolean; message: MessageKey }>();
  const hydrated = useHydrated();
  const back = `${location.pathname}${location.search}`;
  const outcome = params.get("voucher");
  if (vouchers.list.length === 0 && (!vouchers.signedIn || props.codeBoxAlone === false)) return null;
  return (
    <section id="vouchers" aria-labelledby="vouchers-heading" className="my-6" data-testid="voucher-claim">
      <h2 id="vouchers-heading" className="mb-2 text-lg font-semibold text-clay-900">
        {t("vouchers.heading")}
      </h2>
      {outcome && /^[A-Za-z]{2,30}$/.test(outcome) ? (
        <p role="status" className="text-clay-800 mb-2 text-sm font-medium" data-testid="voucher-outcome">
          {t(`vouchers.${outcome}` as MessageKey)}
        </p>
      ) : null}
      {vouchers.list.length > 0 ? (
        <ul className="relative flex snap-x gap-3 overflow-x-auto pb-2">
          {vouchers.list.map((v) => (
            <VoucherTicket key={v.id} voucher={v} back={back} hydrated={hydrated} />
          ))}
        </ul>
      ) : null}
      {vouchers.signedIn || vouchers.list.length > 0 ? (
        <code.Form method="post" action={href("/vouchers/claim")} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="redirectTo" value={back} />
          {hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
          <label className="text-sm">
            <span className="block text-xs text-stone-700">{t("vouchers.codeLabel")}</span>
            <input
              name="code"
              required
              maxLength={24}
              autoComplete="off"
              className="min-h-10 w-40 rounded-md border border-stone-300 px-2 uppercase"
              data-testid="voucher-code"
            />
          </label>
          <button
            type="submit"
            className="text-clay-800 min-h-10 rounded-md border border-clay-700 px-3 text-sm font-medium hover:bg-clay-50"
          >
            {t("vouchers.codeClaim")}
          </button>
          {code.data ? (
            <p role="status" className="text-clay-800 w-full text-sm font-medium">
              {t(code.data.message)}
            </p>
          ) : null}
        </code.Form>
      ) : (
        <Link
          to={`${href("/login")}?${new URLSearchParams({ redirectTo: `${back}#vouchers` })}`}
          rel="nofollow"
          className="mt-1 inline-block text-sm text-clay-700 underline"
          data-testid="voucher-login"
        >
          {t("vouchers.signInToClaim")}
        </Link>
      )}
    </section>
  );
}

function VoucherTicket({ voucher: v, back, hydrated }: { voucher: ClaimableVoucher; back: string; hydrated: boolean }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const ruleText = useVoucherRule();
  const fetcher = useFetcher<{ ok: boolean; message: MessageKey; mine?: number; left?: number }>();
  // The shopper's claims are a personal part (0 for guests); the claim's answer counts them at once.
  const claimed = Math.max(usePersonal().vouchers[v.id] ?? 0, fetcher.data?.mine ?? 0);
  const full = claimed >= v.perShopperLimit;
  const gone = Math.min(v.left, fetcher.data?.left ?? Infinity) <= 0;
  return (
    <li
      className="flex w-64 shrink-0 snap-start flex-col justify-between rounded-lg border border-dashed border-red-300 bg-red-50 p-3"
      data-testid={`voucher-${v.id}`}
      data-limit={v.perShopperLimit}
    >
      <div>
        <p className="text-xs font-medium text-red-800">
          {v.scope === "store" ? t("vouchers.scopeStore") : t("vouchers.scopeFestival")} · {v.ownerName}
        </p>
        <p className="mt-1 text-lg leading-snug font-bold text-red-800" data-testid="voucher-rule">
          {ruleText(v.rule)}
        </p>
        <p className="mt-1 text-xs text-stone-700">
          {v.upcoming
            ? t("vouchers.startsOn", { date: formatDateTime(v.startsAt, locale, CHINA_TIME_ZONE) })
            : t("vouchers.validUntil", { date: formatDateTime(v.endsAt, locale, CHINA_TIME_ZONE) })}
        </p>
        <p className="text-xs text-stone-600">
          {t("vouchers.perShopper", { count: v.perShopperLimit })}
          {gone ? null : ` · ${t("vouchers.left", { count: v.left })}`}
        </p>
      </div>
      <div className="mt-2 flex items-center justify-between gap-2">
        {claimed > 0 ? (
          <span className="text-sm font-semibold text-green-800" data-testid="voucher-claimed">
            ✓ {t("vouchers.myClaims", { count: claimed })}
          </span>
        ) : (
          <span />
        )}
        {full ? null : gone ? (
          <span className="text-sm text-stone-600">{t("vouchers.allClaimed")}</span>
        ) : (
          <fetcher.Form method="post" action={href("/vouchers/claim")}>
            <input type="hidden" name="voucherId" value={v.id} />
            <input type="hidden" name="redirectTo" value={back} />
            {hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
            <button
              type="submit"
              disabled={fetcher.state !== "idle"}
              className="min-h-10 rounded-full bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
              data-testid="voucher-claim-button"
            >
              {claimed > 0 ? t("vouchers.claimAgain") : t("vouchers.claim")}
            </button>
          </fetcher.Form>
        )}
      </div>
      {fetcher.data && !fetcher.data.ok ? (
        <p role="alert" className="mt-1 text-xs font-medium text-red-800">
          {t(fetcher.data.message)}
        </p>
      ) : null}
    </li>
  );
}
