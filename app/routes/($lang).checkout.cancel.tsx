import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { restoreToCart } from "#app/models/cart.server.ts";
import { cancelPendingOrder, getOrderLines } from "#app/models/checkout.server.ts";
import { getOrderForViewer } from "#app/models/orders.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { cartOwnerFor } from "#app/utils/cart-cookie.server.ts";
import { notFound, requireLocale } from "#app/utils/http.server.ts";

/**
 * Stripe's cancel_url (a GET, as Stripe sends it): the shopper gave up paying. The reservation is
 * released (only if the order is still pending) and the lines go back into their cart.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const url = new URL(request.url);
  const id = /^\d{1,9}$/.test(url.searchParams.get("order") ?? "") ? Number(url.searchParams.get("order")) : null;
  if (id === null) notFound();
  const user = await getUser(request);
  const order = getOrderForViewer(id, { userId: user?.id ?? null, token: url.searchParams.get("token") }, locale);
  if (!order) notFound();
  const released = cancelPendingOrder(order.id, "cancelled-by-shopper");
  const headers = new Headers();
  if (released) {
    const { owner, setCookie } = await cartOwnerFor(request, { create: true });
    restoreToCart(owner!, getOrderLines(order.id));
    if (setCookie) headers.set("Set-Cookie", setCookie);
  }
  return redirect(`${localizePath("/cart", locale)}?cancelled=1`, { headers });
}
