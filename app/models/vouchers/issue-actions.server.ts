import { data } from "@remix-run/node";
import type { MessageKey } from "#app/i18n/translate.ts";
import { toBeijingLocal } from "#app/utils/festival-form.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { now as clockNow } from "#db/clock.ts";
import { parseVoucherForm, type VoucherInput } from "./form.ts";
import type { Locale } from "#app/i18n/locales.ts";
import { listIssuedVouchers, type IssueResult } from "./vouchers.server.ts";

const FIELDS = [
  "kind",
  "tier1Min",
  "tier1Off",
  "tier2Min",
  "tier2Off",
  "tier3Min",
  "tier3Off",
  "percentOff",
  "capUsd",
  "minUsd",
  "startsAt",
  "endsAt",
  "totalQuantity",
  "perShopperLimit",
  "code",
  "funder",
];

/** The issuing form's fields as typed, to show again with a refusal. */
const echo = (form: FormData) => Object.fromEntries(FIELDS.map((f) => [f, formText(form, f).slice(0, 100)]));

/** The form's window by default: from now to a week ahead, in Beijing time. */
export function defaultWindow(at: Date = clockNow()) {
  const start = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
  return { startsAt: toBeijingLocal(start), endsAt: toBeijingLocal(new Date(start.getTime() + 7 * 86_400_000)) };
}

/**
 * One voucher action (issue or stop) for the owners' and organizers' pages: the form read and
 * checked, the model called, and what the page shows next — a 400 with the fields kept and each
 * problem named, or the message of what was done.
 */
export function voucherAction(
  form: FormData,
  scope: "store" | "festival",
  run: { issue: (input: VoucherInput) => IssueResult; stop: (voucherId: number) => boolean },
) {
  const intent = formText(form, "intent");
  if (intent === "stop") {
    const id = formInt(form, "voucherId");
    if (id === null || !run.stop(id))
      return data(
        { ok: false as const, message: "vouchers.errorNotYours" as MessageKey, errors: {}, values: {} },
        { status: 404 },
      );
    return data({ ok: true as const, message: "vouchers.stoppedOk" as MessageKey });
  }
  const parsed = parseVoucherForm(form, scope);
  if (!parsed.ok)
    return data(
      { ok: false as const, message: "vouchers.errorForm" as MessageKey, errors: parsed.errors, values: echo(form) },
      { status: 400 },
    );
  const result = run.issue(parsed.value);
  if (!result.ok)
    return data(
      {
        ok: false as const,
        message: (result.error === "codeTaken" ? "vouchers.errorCodeTaken" : "vouchers.errorBadRequest") as MessageKey,
        errors: result.error === "codeTaken" ? { code: "vouchers.errorCodeTaken" as MessageKey } : {},
        values: echo(form),
      },
      { status: 409 },
    );
  return data({ ok: true as const, message: "vouchers.issued" as MessageKey });
}

/** What the festival editor's vouchers section needs (spread into its loader's answer). */
export function festivalVouchersData(
  festival: { id: number; startsAt: Date | string; endsAt: Date | string },
  locale: Locale,
) {
  return {
    festivalVouchers: {
      festivalId: festival.id,
      list: listIssuedVouchers({ festivalId: festival.id }, locale),
      // A festival voucher runs with its festival unless told otherwise.
      defaults: {
        startsAt: toBeijingLocal(new Date(festival.startsAt)),
        endsAt: toBeijingLocal(new Date(festival.endsAt)),
      },
    },
  };
}
