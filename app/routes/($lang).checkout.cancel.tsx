import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { orderAccessToken } from "#app/models/orders.server.ts";
import { requireViewableOrder } from "#app/utils/order-access.server.ts";

/**
 * The cancel_url of Checkout Sessions created before payment could be retried. A GET changes
 * nothing (a cross-site link must not cancel an order): it only leads to the order page, which
 * offers to pay again or to cancel (a POST).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const order = requireViewableOrder({ request, context }, new URL(request.url).searchParams.get("order"));
  const token = orderAccessToken(order.id);
  return redirect(`${localizePath(`/account/orders/${order.id}`, context.locale)}?token=${token}&payment=left`);
}
