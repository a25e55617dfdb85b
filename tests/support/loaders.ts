import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { testContext } from "./context.ts";

type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;

/** A request as a given visitor (cookie or none): a GET, or a form POST when `form` is given. */
export function requestAs(cookie: string | null, path: string, form?: Record<string, string>): Request {
  return new Request(new URL(path, "http://localhost:3000"), {
    method: form ? "POST" : "GET",
    ...(form ? { body: new URLSearchParams(form) } : {}),
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
  });
}

/** Runs a route loader as Remix would for `path` (query string included) with the route's params. */
export async function runLoader<T>(
  loader: Loader<T>,
  path: string,
  params: Record<string, string | undefined> = {},
): Promise<T> {
  return loader(await routeArgs(new Request(new URL(path, "http://localhost:3000")), params));
}

/**
 * A loader's or action's arguments for this request, with the load context the server would build
 * for it (locale from the URL, user from the session cookie, cart owner from the cart cookie).
 */
export async function routeArgs(
  request: Request,
  params: Record<string, string | undefined> = {},
  { clientIp }: { clientIp?: string } = {},
): Promise<{ request: Request; params: LoaderFunctionArgs["params"]; context: AppLoadContext }> {
  return { request, params: params as LoaderFunctionArgs["params"], context: await testContext(request, { clientIp }) };
}

/** Any loader or action, for tests that only look at the status, the redirect or the returned data. */
export type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => Promise<unknown>;

export interface RouteResult {
  status: number;
  body: unknown;
  headers: Headers;
  /** The redirect target, if any. */
  location: string | null;
}

/**
 * Calls a loader or action with these arguments as Remix would, and gives back what the browser
 * would get: the status, the data and the headers, whether the route returned or threw a Response.
 */
export async function callRoute<A>(fn: (args: A) => Promise<unknown>, args: A): Promise<RouteResult> {
  let result: { status: number; body: unknown; headers: Headers };
  try {
    result = await unwrap(await fn(args));
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    result = { status: error.status, body: null, headers: error.headers };
  }
  return { ...result, location: result.headers.get("Location") };
}

/** A loader (no form) or an action (with a form) called by a visitor with this session cookie, or none. */
export async function callAs(
  fn: RouteFn,
  cookie: string | null,
  path: string,
  form?: Record<string, string>,
  params: Record<string, string> = {},
): Promise<RouteResult> {
  return callRoute(fn, (await routeArgs(requestAs(cookie, path, form), params)) as Parameters<RouteFn>[0]);
}

/** The Response a loader threw (404s, redirects); fails when the loader returned normally. */
export async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected the loader to throw a Response");
}

type Action<T> = (args: import("@remix-run/node").ActionFunctionArgs) => Promise<T>;

/** Posts a form to a route action as Remix would (optionally with a cookie and a client IP). */
export async function runAction<T>(
  action: Action<T>,
  path: string,
  fields: Record<string, string>,
  {
    params = {},
    cookie,
    clientIp = "203.0.113.7",
  }: { params?: Record<string, string | undefined>; cookie?: string; clientIp?: string } = {},
): Promise<T> {
  const request = new Request(new URL(path, "http://localhost:3000"), {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
  return action(await routeArgs(request, params, { clientIp }));
}

/** "name=value" of the Set-Cookie a response carries, ready to send back as a Cookie header. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0] ?? "";
}

/** The status and body of what an action returned with `data()` (or a Response). */
export async function unwrap(result: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  if (result instanceof Response) return { status: result.status, body: null, headers: result.headers };
  const value = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (value && value.type === "DataWithResponseInit") {
    return { status: value.init?.status ?? 200, body: value.data, headers: new Headers(value.init?.headers) };
  }
  return { status: 200, body: result, headers: new Headers() };
}

/** A conform submission reply's field errors, first message per field (our messages are i18n keys). */
export function replyErrors(body: unknown): Record<string, string> {
  const reply = (body as { result?: { error?: Record<string, string[] | null> } }).result;
  return Object.fromEntries(
    Object.entries(reply?.error ?? {})
      .filter(([, v]) => v && v.length > 0)
      .map(([k, v]) => [k, v![0]!]),
  );
}

export function replyValues(body: unknown): Record<string, unknown> {
  return ((body as { result?: { initialValue?: Record<string, unknown> } }).result?.initialValue ?? {}) as Record<
    string,
    unknown
  >;
}
