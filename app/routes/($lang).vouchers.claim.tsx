import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { claimVoucher, type ClaimError } from "#app/models/vouchers/vouchers.server.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { safeRedirect } from "#app/utils/password.ts";

const CLAIM_ERRORS: Record<ClaimError, MessageKey> = {
  notFound: "vouchers.errorNotFound",
  over: "vouchers.errorOver",
  stopped: "vouchers.errorStopped",
  soldOut: "vouchers.errorSoldOut",
  limit: "vouchers.errorLimit",
  needsCode: "vouchers.errorNeedsCode",
};

/** Nothing to show here: a GET goes to the cart, where claimed vouchers apply. */
export function loader({ context }: LoaderFunctionArgs) {
  return redirect(localizePath("/cart", context.locale));
}

/**
 * 领券: claims a voucher by its id (a voucher without a code) or by a code, for the signed-in
 * shopper. JSON for the fetcher (`fetch=1`); without JavaScript, back to the page with the outcome in
 * `?voucher=` (a message key's last part) and the component's anchor.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const back = safeRedirect(formText(form, "redirectTo"), localizePath("/cart", context.locale));
  if (!context.user)
    throw redirect(`${localizePath("/login", context.locale)}?${new URLSearchParams({ redirectTo: back })}`);
  const voucherId = formInt(form, "voucherId");
  const code = formText(form, "code").trim();
  const asJson = formText(form, "fetch") === "1";
  const result =
    voucherId !== null
      ? claimVoucher(context.user.id, { voucherId })
      : code
        ? claimVoucher(context.user.id, { code: code.slice(0, 40) })
        : ({ ok: false, error: "notFound" } as const);
  const message: MessageKey = result.ok ? "vouchers.claimedOk" : CLAIM_ERRORS[result.error];
  if (asJson)
    return data(
      result.ok
        ? { ok: true, message, voucherId: result.voucherId, mine: result.mine, left: result.left }
        : { ok: false, message, voucherId },
      { status: result.ok ? 200 : 409 },
    );
  const url = new URL(back, "http://x");
  url.searchParams.set("voucher", message.slice("vouchers.".length));
  return redirect(`${url.pathname}${url.search}#vouchers`);
}
