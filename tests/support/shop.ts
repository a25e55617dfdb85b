import { expect } from "vitest";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as demoRoute from "#app/routes/($lang).checkout.demo.$id.tsx";
import { callAs, callRoute, routeArgs, type RouteFn, type RouteResult } from "./loaders.ts";

/**
 * A guest shopping through the real routes with the demo payment provider: cart, checkout, pay.
 * (Set STRIPE_SECRET_KEY unset in the test file so checkout uses the demo provider.)
 */
export const GUEST_SHIPPING = {
  email: "amina.okafor@example.com",
  name: "Amina Okafor",
  phone: "+234 803 555 0101",
  address: "12 Marina Road",
  city: "Lagos",
  postcode: "101001",
  country: "NG",
};

let ip = 0;

/** Adds the lines to a new guest cart and checks out in `locale`; the pending order and its token. */
export async function placeGuestOrder(
  lines: { productId: number; quantity: number }[],
  { locale = "en", shipping = GUEST_SHIPPING }: { locale?: "en" | "zh" | "fr"; shipping?: Record<string, string> } = {},
): Promise<{ orderId: number; token: string; cookie: string }> {
  ip += 1;
  const clientIp = `198.51.100.${100 + (ip % 150)}`;
  const prefix = locale === "en" ? "" : `/${locale}`;
  const params = locale === "en" ? {} : { lang: locale };
  let cookie: string | null = null;
  for (const line of lines) {
    const added: RouteResult = await callRoute(
      cartRoute.action as never,
      await routeArgs(
        new Request(`http://localhost:3000${prefix}/cart.data`, {
          method: "POST",
          body: new URLSearchParams({
            intent: "add",
            productId: String(line.productId),
            quantity: String(line.quantity),
          }),
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
        }),
        params,
        { clientIp },
      ),
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    cookie ??= added.headers.get("Set-Cookie")!.split(";")[0]!;
  }
  const placed = await callRoute(
    checkoutRoute.action as never,
    await routeArgs(
      new Request(`http://localhost:3000${prefix}/checkout`, {
        method: "POST",
        body: new URLSearchParams(shipping),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie! },
      }),
      params,
      { clientIp },
    ),
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(302);
  const match = /\/checkout\/demo\/(\d+)\?token=([\w-]+)/.exec(placed.location ?? "");
  expect(match, placed.location ?? "").not.toBeNull();
  return { orderId: Number(match![1]), token: match![2]!, cookie: cookie! };
}

/** The guest presses "pay" on the demo payment page. */
export async function payDemo(orderId: number, token: string): Promise<void> {
  const result = await callAs(
    demoRoute.action as RouteFn,
    null,
    `/checkout/demo/${orderId}?token=${token}`,
    { intent: "pay" },
    { id: String(orderId) },
  );
  expect(result.status).toBe(302);
}
