import type { AppLoadContext } from "@remix-run/node";
import { localeFromPath, type Locale } from "#app/i18n/locales.ts";
import type { CartOwner } from "#app/models/cart.server.ts";
import type { SessionUser } from "#app/models/users.server.ts";
import { guestCartToken, newGuestCartToken } from "./cart-cookie.server.ts";
import { readSession } from "./session.server.ts";

/**
 * What every loader and action may know about the request, worked out once by the server's
 * getLoadContext: the page's language, who is asking, and whose cart it is.
 */
export interface RequestContext {
  /** From the URL prefix (none = en, /zh, /fr); the root loader 404s an unknown prefix. */
  locale: Locale;
  /** The client's address as the trusted proxy set-up reports it (rate limits key on it). */
  clientIp: string;
  /** This response's Content-Security-Policy script nonce. */
  cspNonce: string;
  /** Correlates the request's log lines. */
  requestId: string;
  /** The signed-in user, or null (no cookie, or its session is logged out, revoked or expired). */
  user: SessionUser | null;
  /** The id of the session that signs `user` in (decision 018), or null. */
  sessionId: string | null;
  /**
   * A Set-Cookie header for the session cookie that the server adds to the response: the cookie
   * again with its slid expiry, or its removal when the session it names is gone. Null: none.
   */
  sessionSetCookie: string | null;
  /** Whose cart the request means: the user's, else the guest token's, else null (no cart yet). */
  cartOwner: CartOwner | null;
  /**
   * The cart owner, giving a guest without one a new token; `setCookie` is then the header the
   * response must carry.
   */
  ensureCartOwner: () => Promise<{ owner: CartOwner; setCookie?: string }>;
  /**
   * The browser shows this response as the page: a plain link or form without JavaScript (Remix's
   * own fetches carry a `.data` suffix). A form POSTed this way answers with a redirect
   * (Post/Redirect/Get), so a reload does not post again and the POST renders nothing.
   */
  document: boolean;
  /** Set by the document render (app/entry.server.tsx): false when it was cut off or failed, so it is never cached. */
  render: { complete: boolean };
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Remix's context type, filled in here
  interface AppLoadContext extends RequestContext {}
}

export async function createRequestContext(
  request: Request,
  transport: { clientIp: string; cspNonce: string; requestId: string },
): Promise<AppLoadContext> {
  const { user, sessionId, setCookie } = await readSession(request);
  const token = user ? null : await guestCartToken(request);
  const cartOwner: CartOwner | null = user ? { userId: user.id } : token ? { token } : null;
  const { pathname } = new URL(request.url);
  const context: AppLoadContext = {
    ...transport,
    locale: localeFromPath(pathname),
    document: !pathname.endsWith(".data"),
    user,
    sessionId,
    sessionSetCookie: setCookie,
    cartOwner,
    render: { complete: true },
    ensureCartOwner: async () => {
      if (context.cartOwner) return { owner: context.cartOwner };
      const fresh = await newGuestCartToken();
      // Whatever runs later in this same request sees the new cart, not an empty one.
      context.cartOwner = { token: fresh.token };
      return { owner: context.cartOwner, setCookie: fresh.setCookie };
    },
  };
  return context;
}
