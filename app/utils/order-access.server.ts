import type { AppLoadContext } from "@remix-run/node";
import { getOrderForViewer, type OrderDetail } from "#app/models/orders.server.ts";
import { notFound } from "./http.server.ts";

/** An order number from the URL (`/…/orders/:id`), or a 404 for anything that is not one. */
export function orderIdParam(id: string | null | undefined): number {
  if (!/^\d{1,9}$/.test(id ?? "")) notFound();
  return Number(id);
}

/**
 * The order a checkout page names (an id, with the signed `token` from the URL or the signed-in
 * shopper's own order), or a 404 that says nothing about whether such an order exists.
 */
export function requireViewableOrder(
  { request, context }: { request: Request; context: AppLoadContext },
  id: string | null | undefined,
): OrderDetail {
  const order = getOrderForViewer(
    orderIdParam(id),
    { userId: context.user?.id ?? null, token: new URL(request.url).searchParams.get("token") },
    context.locale,
  );
  if (!order) notFound();
  return order;
}
