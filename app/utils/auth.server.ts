import { redirect } from "@remix-run/node";
import { localizePath, type Locale } from "#app/i18n/locales.ts";
import { getUserById, type SessionUser } from "#app/models/users.server.ts";
import { mergeGuestCart } from "#app/models/cart.server.ts";
import { guestCartToken } from "./cart-cookie.server.ts";
import { getSessionUserId, startSession } from "./session.server.ts";

export async function getUser(request: Request): Promise<SessionUser | null> {
  const id = await getSessionUserId(request);
  return id === null ? null : getUserById(id);
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request, locale: Locale): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(
    `${localizePath("/login", locale)}?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`,
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
