import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { SessionUser } from "#app/models/users.server.ts";
import { getUser } from "./auth.server.ts";
import { loadEnv } from "./env.server.ts";

let cookie: ReturnType<typeof createCookie> | undefined;

/** A guest's cart token: signed, httpOnly, SameSite=Lax, kept 90 days. */
function cartCookie() {
  cookie ??= createCookie("__cart", {
    httpOnly: true,
    sameSite: "lax",
    secure: loadEnv().NODE_ENV === "production",
    secrets: [loadEnv().SESSION_SECRET],
    path: "/",
    maxAge: 60 * 60 * 24 * 90,
  });
  return cookie;
}

export type CartOwner = { userId: number } | { token: string };

/**
 * Whose cart a request means: the signed-in shopper's, else the guest token from the cookie. With
 * `create`, a guest without a token gets a new one and the Set-Cookie header to send with the reply.
 */
export async function cartOwnerFor(
  request: Request,
  options: { create?: boolean } = {},
): Promise<{ owner: CartOwner | null; user: SessionUser | null; setCookie?: string }> {
  // The signed-in user comes back too, so callers need not read the session a second time.
  const user = await getUser(request);
  if (user) return { owner: { userId: user.id }, user };
  const token = await guestCartToken(request);
  if (token) return { owner: { token }, user: null };
  if (!options.create) return { owner: null, user: null };
  const fresh = crypto.randomBytes(18).toString("base64url");
  return { owner: { token: fresh }, user: null, setCookie: await cartCookie().serialize(fresh) };
}

export async function guestCartToken(request: Request): Promise<string | null> {
  const value = await cartCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{24}$/.test(value) ? value : null;
}
