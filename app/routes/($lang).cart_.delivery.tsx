import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { isCountryCode } from "#app/models/shipping/zones.ts";
import { readDeliveryPrefs, writeDeliveryPrefs } from "#app/utils/delivery-cookie.server.ts";
import { formText } from "#app/utils/form-values.ts";

/**
 * The cart's delivery preferences: where to ship before the address is known ("destination") and
 * which of a store's shipping options to use ("choose"). Kept in a cookie; back to the page it came from.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const form = await request.formData();
  const prefs = await readDeliveryPrefs(request, locale);
  const intent = formText(form, "intent");
  if (intent === "destination") {
    const code = formText(form, "destination").trim().toUpperCase();
    if (isCountryCode(code)) prefs.destination = code;
  } else if (intent === "choose") {
    const storeId = Number(formText(form, "storeId"));
    const profileId = Number(formText(form, "profileId"));
    if (Number.isSafeInteger(storeId) && storeId > 0 && Number.isSafeInteger(profileId) && profileId > 0) {
      prefs.choices.set(storeId, profileId);
      // A small cookie: the latest 30 stores' choices.
      while (prefs.choices.size > 30) prefs.choices.delete(prefs.choices.keys().next().value!);
    }
  }
  const back = formText(form, "back") === "checkout" ? "/checkout" : "/cart";
  return redirect(localizePath(back, locale), { headers: { "Set-Cookie": await writeDeliveryPrefs(prefs) } });
}

/** Nothing to show: a GET goes to the cart. */
export function loader({ context }: LoaderFunctionArgs) {
  return redirect(localizePath("/cart", context.locale));
}
