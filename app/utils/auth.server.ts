import { redirect } from "@remix-run/node";
import { localizePath, type Locale } from "#app/i18n/locales.ts";
import { getOwnStore } from "#app/models/owner.server.ts";
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
 * The seller console's gate: anonymous → log in; signed in without a store of their own → 403.
 * Model functions check ownership again on every row, so this is the first wall, not the only one.
 */
export async function requireOwner(request: Request, locale: Locale): Promise<SessionUser> {
  const user = await requireUser(request, locale);
  if (!getOwnStore(user)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}

/** The organizer console's gate: anonymous → log in; any other role → 403. Model functions check again. */
export async function requireOrganizer(request: Request, locale: Locale): Promise<SessionUser> {
  const user = await requireUser(request, locale);
  if (user.role !== "organizer") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
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
