import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
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

/** The guest cart token the browser sent, if it is one of ours. */
export async function guestCartToken(request: Request): Promise<string | null> {
  const value = await cartCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{24}$/.test(value) ? value : null;
}

/** A new guest cart token and the Set-Cookie header that gives it to the browser. */
export async function newGuestCartToken(): Promise<{ token: string; setCookie: string }> {
  const token = crypto.randomBytes(18).toString("base64url");
  return { token, setCookie: await cartCookie().serialize(token) };
}
