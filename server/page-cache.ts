import zlib from "node:zlib";
import type { AppLoadContext } from "@remix-run/node";
import type express from "express";
import { isCatalogPage, isSharedForSignedIn } from "#app/utils/cache-control.ts";
import { TtlCache } from "#app/utils/ttl-cache.ts";

interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer | null;
}

interface SharedRender {
  page: CachedPage;
  kept: boolean;
  setCookies: string[];
}

export interface PageCacheOptions {
  /** Renders a page (Remix's fetch handler in production). */
  render: (request: Request, context: AppLoadContext) => Promise<Response>;
  /** The request context (cookies parsed once: who is asking, whose cart). */
  context: (req: express.Request, res: express.Response, request: Request) => Promise<AppLoadContext>;
  /** How long a page is kept; 5 s by default. */
  ttlMs?: number;
  /**
   * A visitor with a cart or a session gets the shared page with their own parts written in
   * (decision 039): the page's HTML for this visitor, or null when it cannot be made from the shared
   * page (the visitor's page is then rendered for them).
   */
  personalise?: (html: string, request: Request, context: AppLoadContext) => string | null;
}

/**
 * Micro-cache for anonymous catalog pages (no session or cart, GET, 200, marked public): the same
 * HTML for everyone, kept 5 seconds with its gzip, so a crowd on the festival's home page or a hot
 * product costs one render per 5 s instead of one per visitor. The cached page keeps the CSP header
 * (and nonce) it was rendered with. Prices a shopper pays are recomputed at checkout anyway.
 *
 * Visitors with a cart or a session share it too: their page is the anonymous one with their own
 * parts (cart count, account link, hearts) written in by `personalise` (decision 039), sent
 * `private, no-cache`. A signed-in visitor's store or festival page is rendered for them
 * (isSharedForSignedIn), as is any page `personalise` cannot make.
 *
 * Only a whole page is kept: a render cut off by its time limit or one that failed
 * (`context.render.complete`, set by app/utils/render-document.server.tsx) goes to its visitor alone.
 * A request that is not anonymous continues to Remix with `res.locals.context`.
 */
export function pageCache({ render, context, personalise, ttlMs = 5_000 }: PageCacheOptions): express.RequestHandler {
  const pages = new TtlCache<CachedPage>(ttlMs, 5_000);
  const rendering = new Map<string, Promise<SharedRender>>();
  /** Renders the shared page; `kept` when it may be served to others (whole, 200, public, no cookie). */
  async function renderShared(request: Request, shared: AppLoadContext, csp: string): Promise<SharedRender> {
    const response = await render(request, shared);
    const body = Buffer.from(await response.arrayBuffer());
    const kept =
      response.status === 200 &&
      shared.render.complete &&
      (response.headers.get("Cache-Control") ?? "").startsWith("public") &&
      !response.headers.has("Set-Cookie");
    const page: CachedPage = {
      status: response.status,
      headers: [
        ...[...response.headers.entries()].filter(
          ([name]) => !["content-length", "content-encoding", "transfer-encoding", "set-cookie"].includes(name),
        ),
        ["Content-Security-Policy", csp],
        ["Vary", "Cookie, Accept-Encoding"],
      ],
      body,
      // Compressed once for everyone it is kept for; a page sent once is compressed on the way out.
      gzip: kept ? zlib.gzipSync(body, { level: 6 }) : null,
    };
    return { page, kept, setCookies: response.headers.getSetCookie() };
  }
  return (req, res, next) => {
    if (req.method !== "GET" || !isCatalogPage(req.path)) return next();
    const origin = res.locals.origin as string;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`${origin}${req.originalUrl}`, { headers });
    context(req, res, request)
      .then(async (ctx) => {
        const personal = ctx.user !== null || ctx.cartOwner !== null;
        if (personal && (!personalise || (ctx.user !== null && !isSharedForSignedIn(req.path)))) {
          res.locals.context = ctx;
          return next();
        }
        // The shared page is the anonymous visitor's: rendered for nobody, whoever asked.
        const shared: AppLoadContext = personal ? { ...ctx, user: null, sessionId: null, cartOwner: null } : ctx;
        // The key holds the origin too (the path holds the language), though only allowed hosts get here.
        const key = `${origin}${req.originalUrl}`;
        const cached = pages.get(key);
        const send = (page: CachedPage, state: "HIT" | "MISS") => {
          if (personal) {
            const html = page.status === 200 ? personalise!(page.body.toString("utf8"), request, ctx) : null;
            if (html === null) {
              res.locals.context = ctx;
              return next();
            }
            for (const [name, value] of page.headers) res.setHeader(name, value);
            // Compressed on the way out (the shared gzip copy is not this visitor's page).
            res.setHeader("Cache-Control", "private, no-cache");
            res.setHeader("X-Cache", state);
            res.setHeader("X-Personal", "spliced");
            res.status(page.status);
            return res.end(html);
          }
          for (const [name, value] of page.headers) res.setHeader(name, value);
          res.setHeader("X-Cache", state);
          res.status(page.status);
          if (page.gzip && req.acceptsEncodings("gzip") === "gzip") {
            res.setHeader("Content-Encoding", "gzip");
            res.end(page.gzip);
          } else res.end(page.body);
        };
        if (cached) return send(cached, "HIT");
        // A crowd arriving as the page expires waits for one render instead of each making its own.
        const underway = rendering.get(key);
        if (underway) {
          const other = await underway;
          if (other.kept) return send(other.page, "HIT");
        }
        const csp = String(res.getHeader("Content-Security-Policy"));
        // Rendered without the visitor's cookies too: nothing of theirs can reach a page others get.
        const anonymousRequest = new Request(request.url, { headers: withoutCredentials(request.headers) });
        const mine = renderShared(anonymousRequest, shared, csp);
        if (!underway) rendering.set(key, mine);
        const result = await mine.finally(() => {
          if (rendering.get(key) === mine) rendering.delete(key);
        });
        if (result.kept) pages.set(key, result.page);
        for (const c of result.setCookies) res.append("Set-Cookie", c);
        send(result.page, "MISS");
      })
      .catch(next);
  };
}

function withoutCredentials(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete("cookie");
  copy.delete("authorization");
  return copy;
}
