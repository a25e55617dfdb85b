import { createCookieSessionStorage, redirect, redirectDocument } from "@remix-run/node";
import { localeFromPath } from "#app/i18n/locales.ts";
import { createSession, deleteSession, userForSession, type SessionInfo } from "#app/models/sessions.server.ts";
import type { SessionUser } from "#app/models/users.server.ts";
import { deviceSummary } from "./device.ts";
import { loadEnv } from "./env.server.ts";

/**
 * The `__session` cookie carries only a session id (a row in `sessions`, decision 018). The key
 * is `sid`: a cookie from before sessions were stored (it held `userId`) signs nobody in.
 */
type CookieData = { sid: string };

let storage: ReturnType<typeof createCookieSessionStorage<CookieData>> | undefined;

/** httpOnly, SameSite=Lax, Secure in production, signed with SESSION_SECRET. */
export function sessionStorage() {
  if (storage) return storage;
  const env = loadEnv();
  storage = createCookieSessionStorage<CookieData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      secure: env.NODE_ENV === "production",
      secrets: [env.SESSION_SECRET],
      path: "/",
    },
  });
  return storage;
}

/** The session id the request's cookie carries (signature checked), or null. */
export async function getSessionId(request: Request): Promise<string | null> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const id = session.get("sid");
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : null;
}

/** The Set-Cookie header that keeps this session in the browser until it expires. */
export async function sessionCookie(session: SessionInfo): Promise<string> {
  const cookie = await sessionStorage().getSession();
  cookie.set("sid", session.id);
  return sessionStorage().commitSession(cookie, { expires: session.expiresAt });
}

/**
 * Who the request's cookie signs in, read once per request by the request context. `setCookie`
 * is a header the response should carry: the cookie again with a later expiry when the session
 * slid forward, or its removal when the session is gone (logged out, revoked, expired, or a
 * cookie from before decision 018).
 */
export async function readSession(
  request: Request,
): Promise<{ user: SessionUser | null; sessionId: string | null; setCookie: string | null }> {
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader || !/(^|;)\s*__session\s*=/.test(cookieHeader))
    return { user: null, sessionId: null, setCookie: null };
  const id = await getSessionId(request);
  const found = id ? userForSession(id) : null;
  if (!found) return { user: null, sessionId: null, setCookie: await clearCookie() };
  return {
    user: found.user,
    sessionId: found.session.id,
    setCookie: found.refreshed ? await sessionCookie(found.session) : null,
  };
}

/** The Set-Cookie header that removes the session cookie. */
async function clearCookie() {
  return sessionStorage().destroySession(await sessionStorage().getSession());
}

/**
 * Signs the user in with a brand-new session (never the one the browser arrived with, so a session
 * fixed before login is worthless) and redirects to a local path. The device summary comes from
 * the request's User-Agent.
 */
export async function startSession(request: Request, userId: number, redirectTo: string, headers?: HeadersInit) {
  const session = createSession(userId, deviceSummary(request.headers.get("User-Agent")));
  const out = new Headers(headers);
  out.append("Set-Cookie", await sessionCookie(session));
  return redirectFrom(request, redirectTo, { headers: out });
}

/**
 * A redirect; a whole page load when it goes to another language (signing in from the English form
 * back to a Chinese page), since the browser holds only the current language's messages.
 */
function redirectFrom(request: Request, to: string, init: ResponseInit) {
  const from = localeFromPath(new URL(request.url).pathname.replace(/\.data$/, ""));
  const target = localeFromPath(new URL(to, "http://localhost").pathname);
  return target === from ? redirect(to, init) : redirectDocument(to, init);
}

/** Logout: the session row is deleted (the cookie stops working anywhere) and the cookie cleared. */
export async function endSession(request: Request, redirectTo: string) {
  const id = await getSessionId(request);
  if (id) deleteSession(id);
  return redirectFrom(request, redirectTo, { headers: { "Set-Cookie": await clearCookie() } });
}
