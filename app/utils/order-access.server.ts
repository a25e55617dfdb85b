import type { Locale } from "#app/i18n/locales.ts";
import { getOrderForViewer, type OrderDetail } from "#app/models/orders.server.ts";
import { getUser } from "./auth.server.ts";
import { notFound } from "./http.server.ts";

/**
 * The order a checkout page names (an id, with the signed `token` from the URL or the signed-in
 * shopper's own order), or a 404 that says nothing about whether such an order exists.
 */
export async function requireViewableOrder(
  request: Request,
  locale: Locale,
  id: string | null | undefined,
): Promise<OrderDetail> {
  if (!/^\d{1,9}$/.test(id ?? "")) notFound();
  const user = await getUser(request);
  const order = getOrderForViewer(
    Number(id),
    { userId: user?.id ?? null, token: new URL(request.url).searchParams.get("token") },
    locale,
  );
  if (!order) notFound();
  return order;
}
