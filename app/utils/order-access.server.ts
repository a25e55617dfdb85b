import type { AppLoadContext } from "@remix-run/node";
import { getOrderForViewer, type OrderDetail } from "#app/models/orders.server.ts";
import { notFound } from "./http.server.ts";

/**
 * The order a checkout page names (an id, with the signed `token` from the URL or the signed-in
 * shopper's own order), or a 404 that says nothing about whether such an order exists.
 */
export function requireViewableOrder(
  { request, context }: { request: Request; context: AppLoadContext },
  id: string | null | undefined,
): OrderDetail {
  if (!/^\d{1,9}$/.test(id ?? "")) notFound();
  const order = getOrderForViewer(
    Number(id),
    { userId: context.user?.id ?? null, token: new URL(request.url).searchParams.get("token") },
    context.locale,
  );
  if (!order) notFound();
  return order;
}
