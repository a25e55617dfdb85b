import { redirect, type AppLoadContext } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { getUserById, type SessionUser } from "#app/models/users.server.ts";
import { mergeGuestCart } from "#app/models/cart.server.ts";
import { guestCartToken } from "./cart-cookie.server.ts";
import { getSessionUserId, startSession } from "./session.server.ts";

export async function getUser(request: Request): Promise<SessionUser | null> {
  const id = await getSessionUserId(request);
  return id === null ? null : getUserById(id);
}

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
  return startSession(userId, redirectTo);
}
