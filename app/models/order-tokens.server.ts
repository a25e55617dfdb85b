import crypto from "node:crypto";
import { loadEnv } from "#app/utils/env.server.ts";

/**
 * The guest's key to their order: an HMAC of the order id under SESSION_SECRET, so a link to
 * /account/orders/7?token=… opens order 7 and nothing else, and cannot be forged or guessed.
 */
export function orderAccessToken(orderId: number): string {
  return crypto
    .createHmac("sha256", loadEnv().SESSION_SECRET)
    .update(`order:${orderId}`)
    .digest("base64url")
    .slice(0, 32);
}

export function isValidOrderToken(orderId: number, token: string | null): boolean {
  if (!token || token.length !== 32) return false;
  const expected = Buffer.from(orderAccessToken(orderId));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The order's page for someone without the account: the link carries the order's access token. */
export function tokenOrderPath(orderId: number): string {
  return `/account/orders/${orderId}?token=${orderAccessToken(orderId)}`;
}
