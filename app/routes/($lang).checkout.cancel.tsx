import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { restoreToCart } from "#app/models/cart.server.ts";
import { cancelPendingOrder, getOrderLines } from "#app/models/checkout.server.ts";
import { requireViewableOrder } from "#app/utils/order-access.server.ts";

/**
 * Stripe's cancel_url (a GET, as Stripe sends it): the shopper gave up paying. The reservation is
 * released (only if the order is still pending) and the lines go back into their cart.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const order = requireViewableOrder({ request, context }, new URL(request.url).searchParams.get("order"));
  const released = cancelPendingOrder(order.id, "cancelled-by-shopper");
  const headers = new Headers();
  if (released) {
    const { owner, setCookie } = await context.ensureCartOwner();
    restoreToCart(owner, getOrderLines(order.id));
    if (setCookie) headers.set("Set-Cookie", setCookie);
  }
  return redirect(`${localizePath("/cart", locale)}?cancelled=1`, { headers });
}
