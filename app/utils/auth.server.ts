import { redirect, type AppLoadContext } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import type { SessionUser } from "#app/models/users.server.ts";
import { mergeGuestCart } from "#app/models/cart.server.ts";
import { deleteSession } from "#app/models/sessions.server.ts";
import { guestCartToken } from "./cart-cookie.server.ts";
import { startSession } from "./session.server.ts";

/** What the gates need of a loader's or action's arguments. */
export interface RequestArgs {
  request: Request;
  context: AppLoadContext;
}

/** The signed-in user (from the request context), or a redirect to the login page that comes back here. */
export function requireUser({ request, context }: RequestArgs): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  throw redirect(
    `${localizePath("/login", context.locale)}?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`,
  );
}

/**
 * Starts a signed-in session after login or sign-up; what the visitor put in the cart as a guest
 * joins their account's cart first.
 */
export async function signIn(request: Request, userId: number, redirectTo: string) {
  const guestToken = await guestCartToken(request);
  if (guestToken) mergeGuestCart(guestToken, userId);
  return startSession(request, userId, redirectTo);
}

/**
 * After a privilege change (becoming a store owner) or a password change: the session the request
 * came with is dropped (if still there) and the browser gets a new one, then a redirect.
 */
export async function rotateSession({ request, context }: RequestArgs, userId: number, redirectTo: string) {
  if (context.sessionId) deleteSession(context.sessionId);
  return startSession(request, userId, redirectTo);
}
