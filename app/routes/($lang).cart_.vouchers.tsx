import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { formText } from "#app/utils/form-values.ts";
import { readVoucherChoice, writeVoucherChoice } from "#app/utils/voucher-cookie.server.ts";

/**
 * The shopper's choice of vouchers in the cart (decision 034): per store and for the festival,
 * "auto" (the best for me), "none" or a voucher id. Kept in a cookie like the delivery preferences;
 * a choice that is not valid when the cart is priced falls back to the best. Back to the page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const choice = await readVoucherChoice(request);
  const stores = new Map(choice.stores ?? []);
  const read = (value: string): number | null | undefined =>
    value === "none" ? null : /^\d{1,9}$/.test(value) ? Number(value) : undefined;
  for (const raw of form.getAll("stores").slice(0, 30)) {
    const storeId = Number(raw);
    if (!Number.isSafeInteger(storeId) || storeId <= 0) continue;
    const value = read(formText(form, `store-${storeId}`));
    if (value === undefined) stores.delete(storeId);
    else stores.set(storeId, value);
  }
  while (stores.size > 30) stores.delete(stores.keys().next().value!);
  const festival = read(formText(form, "festival"));
  const back = formText(form, "back") === "checkout" ? "/checkout" : "/cart";
  return redirect(localizePath(back, context.locale), {
    headers: { "Set-Cookie": await writeVoucherChoice({ stores, ...(festival === undefined ? {} : { festival }) }) },
  });
}

/** Nothing to show: a GET goes to the cart. */
export function loader({ context }: LoaderFunctionArgs) {
  return redirect(localizePath("/cart", context.locale));
}
