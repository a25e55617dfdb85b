import { Form, useNavigation } from "@remix-run/react";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { VoucherRule } from "#app/models/vouchers/rules.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { Field } from "./field.tsx";
import { Button } from "./ui/button.tsx";
import { Notice } from "./ui/notice.tsx";
import { useVoucherRule } from "./voucher-claim.tsx";

/** An issued voucher as the owners' and organizers' lists show it. */
export interface IssuedVoucherRow {
  id: number;
  rule: VoucherRule;
  startsAt: string;
  endsAt: string;
  totalQuantity: number;
  claimedCount: number;
  usedCount: number;
  perShopperLimit: number;
  code: string | null;
  funder: "store" | "campaign" | "stores";
  stopped: boolean;
  over: boolean;
}

export type VoucherFormReply = {
  ok: false;
  message: MessageKey;
  errors: Partial<Record<string, MessageKey>>;
  values: Record<string, string>;
};

const TIERS = [1, 2, 3] as const;

/**
 * The voucher issuing form (decision 034), for a store (owners) or a festival (organizers, who also
 * choose who funds it). A plain POST; a refusal comes back with every field kept and each problem
 * beside its field.
 */
export function VoucherIssueForm({
  scope,
  action,
  reply,
  defaults,
}: {
  scope: "store" | "festival";
  action?: string;
  reply: VoucherFormReply | null;
  /** Beijing-time defaults for the window ("2026-12-01T10:00"). */
  defaults: { startsAt: string; endsAt: string };
}) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const v = reply?.values ?? {};
  const err = (name: string) => {
    const key = reply?.errors[name];
    return key ? t(key) : undefined;
  };
  const kind = v.kind === "percent" ? "percent" : "spend";
  return (
    <Form
      method="post"
      action={action}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
      data-testid="voucher-issue-form"
    >
      <input type="hidden" name="intent" value="issue" />
      {reply ? (
        <Notice tone="error" data-testid="voucher-form-error">
          {t(reply.message)}
        </Notice>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("vouchers.kind")}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="spend" defaultChecked={kind === "spend"} />
            {t("vouchers.kindSpend")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="percent" defaultChecked={kind === "percent"} />
            {t("vouchers.kindPercent")}
          </label>
        </div>
      </fieldset>
      <fieldset className="space-y-2 rounded border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold text-clay-900">{t("vouchers.kindSpend")}</legend>
        <p className="text-xs text-stone-600">{t("vouchers.tiersHint")}</p>
        {TIERS.map((n) => (
          <div key={n} className="grid grid-cols-2 gap-3 sm:max-w-md">
            <Field
              label={`${t("vouchers.tierLegend", { n })} · ${t("vouchers.tierMin")}`}
              name={`tier${n}Min`}
              inputMode="decimal"
              defaultValue={v[`tier${n}Min`] ?? (n === 1 && !reply ? "50" : "")}
              error={err(`tier${n}`)}
            />
            <Field
              label={t("vouchers.tierOff")}
              name={`tier${n}Off`}
              inputMode="decimal"
              defaultValue={v[`tier${n}Off`] ?? (n === 1 && !reply ? "5" : "")}
            />
          </div>
        ))}
      </fieldset>
      <fieldset className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-clay-900">{t("vouchers.kindPercent")}</legend>
        <Field
          label={t("vouchers.percentOff")}
          name="percentOff"
          inputMode="numeric"
          defaultValue={v.percentOff ?? ""}
          error={err("percentOff")}
        />
        <Field
          label={t("vouchers.capUsd")}
          name="capUsd"
          inputMode="decimal"
          defaultValue={v.capUsd ?? ""}
          error={err("capUsd")}
        />
        <Field
          label={t("vouchers.minUsd")}
          name="minUsd"
          inputMode="decimal"
          defaultValue={v.minUsd ?? ""}
          error={err("minUsd")}
        />
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t("vouchers.startsAt")}
          name="startsAt"
          type="datetime-local"
          defaultValue={v.startsAt ?? defaults.startsAt}
          error={err("startsAt")}
        />
        <Field
          label={t("vouchers.endsAt")}
          name="endsAt"
          type="datetime-local"
          defaultValue={v.endsAt ?? defaults.endsAt}
          error={err("endsAt")}
        />
        <Field
          label={t("vouchers.totalQuantity")}
          name="totalQuantity"
          inputMode="numeric"
          defaultValue={v.totalQuantity ?? "100"}
          error={err("totalQuantity")}
        />
        <Field
          label={t("vouchers.perShopperLimit")}
          name="perShopperLimit"
          inputMode="numeric"
          defaultValue={v.perShopperLimit ?? "1"}
          error={err("perShopperLimit")}
        />
        <Field
          label={t("vouchers.code")}
          name="code"
          autoComplete="off"
          defaultValue={v.code ?? ""}
          error={err("code")}
        />
      </div>
      {scope === "festival" ? (
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">{t("vouchers.funder")}</legend>
          <div className="mt-1 space-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="funder" value="campaign" defaultChecked={v.funder !== "stores"} />
              {t("vouchers.funderCampaign")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="funder" value="stores" defaultChecked={v.funder === "stores"} />
              {t("vouchers.funderStores")}
            </label>
          </div>
        </fieldset>
      ) : null}
      <Button type="submit" disabled={busy}>
        {t("vouchers.issue")}
      </Button>
    </Form>
  );
}

/** The vouchers an owner or organizers issued, with claims and uses, and "stop issuing". */
export function IssuedVoucherList({ vouchers, action }: { vouchers: IssuedVoucherRow[]; action?: string }) {
  const t = useT();
  const locale = useLocale();
  const rule = useVoucherRule();
  if (vouchers.length === 0) return <p className="text-sm text-stone-700">{t("vouchers.noneIssued")}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="issued-vouchers">
      {vouchers.map((v) => (
        <li key={v.id} className="flex flex-wrap items-center justify-between gap-3 p-3 text-sm">
          <div>
            <p className="font-semibold text-red-800">{rule(v.rule)}</p>
            <p className="text-stone-700">
              {t("vouchers.window", {
                from: formatDateTime(v.startsAt, locale, CHINA_TIME_ZONE),
                to: formatDateTime(v.endsAt, locale, CHINA_TIME_ZONE),
              })}
            </p>
            <p className="text-stone-600">
              {t("vouchers.stats", { claimed: v.claimedCount, total: v.totalQuantity, used: v.usedCount })} ·{" "}
              {t("vouchers.perShopper", { count: v.perShopperLimit })}
              {v.code ? ` · ${t("vouchers.codeShown", { code: v.code })}` : ""}
              {v.funder !== "store" ? ` · ${t(`vouchers.fundedBy.${v.funder}` as MessageKey)}` : ""}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <span className="rounded bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">
              {v.stopped ? t("vouchers.statusStopped") : v.over ? t("vouchers.statusOver") : t("vouchers.statusLive")}
            </span>
            {!v.stopped && !v.over ? (
              <Form method="post" action={action}>
                <input type="hidden" name="intent" value="stop" />
                <input type="hidden" name="voucherId" value={v.id} />
                <Button type="submit" variant="secondary" size="sm">
                  {t("vouchers.stop")}
                </Button>
              </Form>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
