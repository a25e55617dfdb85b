import { PassThrough } from "node:stream";
import { type AppLoadContext, type EntryContext, createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { cacheControlFor } from "#app/utils/cache-control.ts";
import { NonceProvider } from "#app/utils/nonce.tsx";
import { errorMessage, logger } from "#app/utils/logger.server.ts";

const ABORT_DELAY = 5_000;

const BOTS = /bot|crawl|spider|slurp|facebookexternalhit|baiduspider|yandex|bingpreview/i;

/**
 * Remix's Node entry with one addition: the per-request CSP nonce (from the server's load context)
 * reaches every inline script Remix renders. Crawlers get the whole document at once.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const anonymous = loadContext.user === null && loadContext.cartOwner === null;
  const cacheable = cacheControlFor(request, responseStatusCode, anonymous).startsWith("public");
  // Crawlers get the whole document at once; so do pages shared caches may keep, so that a render
  // cut off by the time limit is known before the headers go out and is marked private.
  const waitForAll = cacheable || BOTS.test(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let allReady = false;
    let cutOff = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          allReady = true;
          if (waitForAll) sendShell();
        },
        onShellReady() {
          if (!waitForAll) sendShell();
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          loadContext.render.complete = false;
          // Logged once, without the stack outside development; the page shows the error boundary.
          if (shellRendered)
            logger.error(
              { reqId: loadContext.requestId, path: new URL(request.url).pathname },
              `render: ${errorMessage(error)}`,
            );
        },
      },
    );
    function sendShell() {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      if (!responseHeaders.has("Cache-Control"))
        responseHeaders.set(
          "Cache-Control",
          cutOff || !loadContext.render.complete
            ? "private, no-cache"
            : cacheControlFor(request, responseStatusCode, anonymous),
        );
      responseHeaders.append("Vary", "Cookie");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    }
    setTimeout(() => {
      if (allReady) return;
      // Still rendering after the time limit: what is sent is incomplete and must never be cached.
      cutOff = true;
      loadContext.render.complete = false;
      abort();
    }, ABORT_DELAY);
  });
}

/**
 * Errors thrown by loaders and actions: one line, the path without its query string (order links
 * carry tokens), the message — never cookies or headers, and the stack only in development.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  const detail =
    error instanceof Error
      ? process.env.NODE_ENV === "development"
        ? (error.stack ?? error.message)
        : error.message
      : String(error);
  logger.error({ reqId: context?.requestId, method: request.method, path }, detail);
}
