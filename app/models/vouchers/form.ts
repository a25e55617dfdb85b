import type { MessageKey } from "#app/i18n/translate.ts";
import { parseBeijingLocal } from "#app/utils/festival-form.ts";
import { dollarsToCents } from "#app/utils/form-values.ts";
import type { VoucherFunder, VoucherTier } from "#db/schema/vouchers.ts";
import { checkTiers } from "./rules.ts";

/** How many 满减 tiers the issuing form offers. */
export const TIER_FIELDS = 3;

export interface VoucherInput {
  kind: "spend" | "percent";
  tiers: VoucherTier[];
  percentOff: number | null;
  capCents: number | null;
  minCents: number;
  startsAt: Date;
  endsAt: Date;
  totalQuantity: number;
  perShopperLimit: number;
  code: string | null;
  funder: VoucherFunder;
}

export type VoucherFormResult =
  { ok: true; value: VoucherInput } | { ok: false; errors: Partial<Record<string, MessageKey>> };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const whole = (value: string, min: number, max: number) =>
  /^\d{1,7}$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : null;

/**
 * The voucher issuing form (owners' and organizers' alike), read without trusting it: amounts in US
 * dollars, times in Beijing time, every problem named by its field with a message key.
 */
export function parseVoucherForm(form: FormData, scope: "store" | "festival"): VoucherFormResult {
  const errors: Partial<Record<string, MessageKey>> = {};
  const kind = text(form, "kind") === "percent" ? "percent" : "spend";
  let tiers: VoucherTier[] = [];
  let percentOff: number | null = null;
  let capCents: number | null = null;
  let minCents = 0;
  if (kind === "spend") {
    const typed: VoucherTier[] = [];
    for (let i = 1; i <= TIER_FIELDS; i++) {
      const min = text(form, `tier${i}Min`);
      const off = text(form, `tier${i}Off`);
      if (!min && !off) continue;
      const minC = dollarsToCents(min);
      const offC = dollarsToCents(off);
      if (minC === null || offC === null || offC <= 0) {
        errors[`tier${i}`] = "vouchers.errorTierAmounts";
        continue;
      }
      typed.push({ minCents: minC, offCents: offC });
    }
    if (!errors.tier1 && !errors.tier2 && !errors.tier3) {
      const checked = checkTiers(typed);
      if (checked.ok) {
        tiers = checked.tiers;
        minCents = tiers[0]!.minCents;
      } else errors.tier1 = `vouchers.${checked.error}` as MessageKey;
    }
  } else {
    percentOff = whole(text(form, "percentOff"), 1, 90);
    if (percentOff === null) errors.percentOff = "vouchers.errorPercent";
    const cap = text(form, "capUsd");
    capCents = cap ? dollarsToCents(cap) : null;
    if (cap && (capCents === null || capCents <= 0)) errors.capUsd = "vouchers.errorAmount";
    const min = text(form, "minUsd");
    minCents = min ? (dollarsToCents(min) ?? -1) : 0;
    if (minCents < 0) errors.minUsd = "vouchers.errorAmount";
  }
  const startsAt = parseBeijingLocal(text(form, "startsAt"));
  const endsAt = parseBeijingLocal(text(form, "endsAt"));
  if (!startsAt) errors.startsAt = "vouchers.errorDate";
  if (!endsAt) errors.endsAt = "vouchers.errorDate";
  else if (startsAt && endsAt.getTime() <= startsAt.getTime()) errors.endsAt = "vouchers.errorEndBeforeStart";
  const totalQuantity = whole(text(form, "totalQuantity"), 1, 1_000_000);
  if (totalQuantity === null) errors.totalQuantity = "vouchers.errorQuantity";
  const perShopperLimit = whole(text(form, "perShopperLimit") || "1", 1, 10);
  if (perShopperLimit === null) errors.perShopperLimit = "vouchers.errorLimit";
  const rawCode = text(form, "code").toUpperCase();
  const code = rawCode || null;
  if (code !== null && !/^[A-Z0-9][A-Z0-9-]{3,23}$/.test(code)) errors.code = "vouchers.errorCode";
  const funder: VoucherFunder = scope === "store" ? "store" : text(form, "funder") === "stores" ? "stores" : "campaign";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      tiers,
      percentOff,
      capCents,
      minCents,
      startsAt: startsAt!,
      endsAt: endsAt!,
      totalQuantity: totalQuantity!,
      perShopperLimit: perShopperLimit!,
      code,
      funder,
    },
  };
}
