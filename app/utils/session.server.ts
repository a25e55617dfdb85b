import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { loadEnv } from "./env.server.ts";

let storage: ReturnType<typeof createCookieSessionStorage<{ userId: number }>> | undefined;

/** httpOnly, SameSite=Lax, Secure in production, signed with SESSION_SECRET. */
export function sessionStorage() {
  if (storage) return storage;
  const env = loadEnv();
  storage = createCookieSessionStorage<{ userId: number }>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      secure: env.NODE_ENV === "production",
      secrets: [env.SESSION_SECRET],
      path: "/",
      maxAge: 60 * 60 * 24 * 30,
    },
  });
  return storage;
}

export async function getSessionUserId(request: Request): Promise<number | null> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const id = session.get("userId");
  return typeof id === "number" ? id : null;
}

/**
 * Signs the user in with a brand-new session (never the one the browser arrived with, so a session
 * fixed before login is worthless) and redirects to a local path.
 */
export async function startSession(userId: number, redirectTo: string) {
  const session = await sessionStorage().getSession();
  session.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage().commitSession(session) } });
}

export async function endSession(request: Request, redirectTo: string) {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage().destroySession(session) } });
}
