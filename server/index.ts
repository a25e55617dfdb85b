/**
 * The one Express pipeline, in development (Vite in middleware mode, hot reload) and production
 * (the built app): security headers with a per-request CSP nonce, body limits, the CSRF origin
 * check, compression, a request log line, the anonymous-page micro-cache (production only) and
 * Remix with a request context worked out once per request. Same headers, limits and checks
 * everywhere, so what a developer sees is what production does.
 */
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pinoHttp } from "pino-http";
import type { ViteDevServer } from "vite";
import { allowedHosts, canonicalOrigin, normalizeHost } from "#app/utils/hosts.ts";
import { isSameOrigin } from "#app/utils/csrf.ts";
import { MAX_CSV_BYTES } from "#app/utils/csv.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { createRequestContext } from "#app/utils/request-context.server.ts";
import { personalFor, splicePersonal } from "#app/utils/personal.server.ts";
import { localeFromPath } from "#app/i18n/locales.ts";
import { loadShedder } from "./load-shedding.ts";
import { pageCache } from "./page-cache.ts";

/**
 * Request bodies: forms are small. The exceptions are uploads, each bounded by what the route
 * accepts: up to 8 photos of 5 MB in one request, one 5 MB logo, one CSV of MAX_CSV_BYTES (plus
 * multipart overhead). The CSV is streamed to disk by its route, never held in memory, and its
 * confirmation posts only the import job's id (decision 029): before, the whole file came back
 * URL-encoded in a hidden field, where a 3.8 MB file of Chinese text grew past this limit (413).
 */
const MB = 1024 * 1024;
export const BODY_LIMIT = 1 * MB;
const UPLOAD_LIMITS: [RegExp, number][] = [
  [/^(\/(zh|fr))?\/sell\/products\/\d+\/images$/, 41 * MB],
  [/^(\/(zh|fr))?\/sell\/profile$/, 6 * MB],
  [/^(\/(zh|fr))?\/sell\/import$/, MAX_CSV_BYTES + 1 * MB],
];

export function bodyLimitFor(pathname: string): number {
  return UPLOAD_LIMITS.find(([re]) => re.test(pathname))?.[1] ?? BODY_LIMIT;
}

/** The Content-Security-Policy for one response: scripts only from us or carrying this response's nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes carry festival theme colours; no inline scripts are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Checkout's form redirects to Stripe's hosted page.
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The anonymous-page micro-cache (server/page-cache.ts) in front of the production build. Whether a
 * visitor is anonymous is decided by the request context, which parses the cookies the way sign-in
 * does; a visitor who is not gets Remix with that same context (the session is read once).
 */
function microCache(build: ServerBuild): express.RequestHandler {
  return pageCache({
    render: createFetchHandler(build, "production"),
    context: (req, res, request) => loadContext(req, res, request),
    personalise: (html, request, context) =>
      splicePersonal(html, localeFromPath(new URL(request.url).pathname), personalFor(context)),
  });
}

/** TRUST_PROXY: unset → trust no proxy; a number → that many hops; otherwise addresses or subnets. */
export function trustProxySetting(value: string | undefined): boolean | number | string[] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

type Mode = "production" | "development";

export interface ServerOptions {
  mode: Mode;
  port: number;
  /** The production build (build/ by default); ignored in development. */
  buildDir?: string;
}

export interface RunningServer {
  server: http.Server;
  port: number;
  /** Stops taking requests, lets those under way finish (up to 10 s), then closes Vite if any. */
  close: () => Promise<void>;
}

/** The request context every loader and action receives (see app/utils/request-context.server.ts). */
function loadContext(req: express.Request, res: express.Response, request?: Request): Promise<AppLoadContext> {
  const fetchRequest =
    request ??
    new Request(`${res.locals.origin as string}${req.originalUrl}`, {
      headers: { cookie: req.get("cookie") ?? "" },
    });
  return createRequestContext(fetchRequest, {
    clientIp: req.ip ?? "unknown",
    cspNonce: res.locals.cspNonce as string,
    requestId: String(req.id),
  }).then((context) => {
    // A slid session expiry or a dead session's cookie removal; a sign-in's own Set-Cookie comes
    // later in the response and wins (decision 018).
    if (context.sessionSetCookie) res.append("Set-Cookie", context.sessionSetCookie);
    return context;
  });
}

/** Builds the pipeline and listens on `port` (0 = any free port). */
export async function startServer({
  mode,
  port,
  buildDir = path.resolve("build"),
}: ServerOptions): Promise<RunningServer> {
  const production = mode === "production";
  const app = express();
  const server = http.createServer(app);
  app.disable("x-powered-by");
  // The client address comes from X-Forwarded-For only through the proxies TRUST_PROXY names.
  app.set("trust proxy", trustProxySetting(loadEnv().TRUST_PROXY));

  // One log line per request (method, path without its query string — order links carry tokens —,
  // status, duration, request id); cookies and credentials never reach it.
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = crypto.randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => (req.url ?? "").startsWith("/assets/") || (req.url ?? "").startsWith("/@") },
      quietReqLogger: true,
      customSuccessMessage: (req, res) => `${req.method} ${pathOnly(req.url)} ${res.statusCode}`,
      customErrorMessage: (req, res) => `${req.method} ${pathOnly(req.url)} ${res.statusCode}`,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: pathOnly(req.url),
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );

  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set({
      "Content-Security-Policy": contentSecurityPolicy(nonce),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "Cross-Origin-Opener-Policy": "same-origin",
      ...(production && loadEnv().NODE_ENV === "production"
        ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
        : {}),
    });
    next();
  });
  // Shed load before doing any work for a request the process cannot serve in time (production:
  // in development a page load fetches hundreds of modules at once through Vite).
  const shedder = production
    ? loadShedder({ maxInFlight: loadEnv().MAX_IN_FLIGHT, maxLagMs: loadEnv().MAX_EVENT_LOOP_LAG_MS })
    : null;
  if (shedder) app.use(shedder.middleware);
  // One canonical origin: a request must name a host we serve (PUBLIC_URL's, ALLOWED_HOSTS, or the
  // loopback names locally); any other or malformed Host is refused before routing, so no page, link
  // or cache entry is ever built from a host an outsider chose.
  app.use((req, res, next) => {
    const env = loadEnv();
    const port = (server.address() as { port?: number } | null)?.port ?? 0;
    const host = normalizeHost(req.get("host"));
    if (!host || !allowedHosts({ publicUrl: env.PUBLIC_URL, allowed: env.ALLOWED_HOSTS, port }).has(host))
      return res.status(400).set("Connection", "close").type("text/plain").send("Unknown or malformed Host.");
    res.locals.origin = canonicalOrigin({ publicUrl: env.PUBLIC_URL, host });
    next();
  });
  // Body size: refused before anything reads it (413), and a body must say its length (411), so a
  // client cannot stream an endless body into a route.
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const declared = req.get("content-length");
    const limit = bodyLimitFor(req.path);
    if (declared === undefined) {
      if (req.get("transfer-encoding"))
        return res.status(411).set("Connection", "close").type("text/plain").send("Length required.");
      return next();
    }
    if (!/^\d+$/.test(declared) || Number(declared) > limit) {
      return res.status(413).set("Connection", "close").type("text/plain").send("Request body too large.");
    }
    next();
  });
  // CSRF: state-changing requests only from our own pages. Exempt by path: signed webhooks, and
  // one-click unsubscribe, which mail providers POST from their servers with a signed token (RFC 8058).
  app.use((req, res, next) => {
    const origin = req.get("origin");
    const referer = req.get("referer");
    if (
      req.path.startsWith("/webhooks/") ||
      /^(\/(zh|fr))?\/unsubscribe$/.test(req.path) ||
      isSameOrigin({ method: req.method, origin, referer, host: req.get("host"), publicUrl: process.env.PUBLIC_URL })
    )
      return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });
  app.use(compression());

  let vite: ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (production) {
    const built = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
    build = built;
    app.use(
      "/assets",
      express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y", index: false }),
    );
    // Only a path with a file extension can be a file here: pages skip the file-system lookup.
    const files = express.static(path.join(buildDir, "client"), { maxAge: "1h", index: false });
    app.use((req, res, next) => (path.extname(req.path) ? files(req, res, next) : next()));
    app.use(microCache(built));
  } else {
    // Vite serves sources and hot updates; its HMR socket shares this server (no second port).
    const { createServer } = await import("vite");
    vite = await createServer({ server: { middlewareMode: true, hmr: { server } }, appType: "custom" });
    const dev = vite;
    app.use(dev.middlewares);
    build = () => dev.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      mode,
      getLoadContext: (req, res) => (res.locals.context as AppLoadContext | undefined) ?? loadContext(req, res),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  // Slow clients cannot hold a connection open forever: whole request 30 s, headers 15 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  const address = server.address();
  return {
    server,
    port: typeof address === "object" && address ? address.port : port,
    close: async () => {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await vite?.close();
      shedder?.stop();
    },
  };
}

function pathOnly(url: string | undefined): string {
  return (url ?? "/").split("?")[0]!;
}
