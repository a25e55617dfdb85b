import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { cacheControlFor } from "./cache-control.ts";
import { errorMessage, logger } from "./logger.server.ts";

/** How long a document may take to render before what is ready is sent and the rest cut off. */
export const RENDER_TIME_LIMIT_MS = 5_000;

const BOTS = /bot|crawl|spider|slurp|facebookexternalhit|baiduspider|yandex|bingpreview/i;

export interface DocumentRender {
  element: ReactNode;
  request: Request;
  status: number;
  headers: Headers;
  /** Whose page it is; `render.complete` is set to false when the render is cut off or fails. */
  context: { user: unknown; cartOwner: unknown; cspNonce: string; requestId: string; render: { complete: boolean } };
  timeLimitMs?: number;
}

/**
 * Streams a React document as Remix's Node entry does, with what our caches need to know: crawlers
 * and pages shared caches may keep are sent whole (after `onAllReady`), so a render cut off by the
 * time limit or failed is known before the headers go out; it is then marked `private, no-cache`
 * and `context.render.complete` is false, and the page cache (server/page-cache.ts) never keeps it.
 */
export function renderDocument({
  element,
  request,
  status,
  headers,
  context,
  timeLimitMs = RENDER_TIME_LIMIT_MS,
}: DocumentRender): Promise<Response> {
  const anonymous = context.user === null && context.cartOwner === null;
  const cacheable = cacheControlFor(request, status, anonymous).startsWith("public");
  const waitForAll = cacheable || BOTS.test(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let allReady = false;
    let cutOff = false;
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce: context.cspNonce,
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
        status = 500;
        context.render.complete = false;
        // Logged once, without the stack outside development; the page shows the error boundary.
        if (shellRendered)
          logger.error(
            { reqId: context.requestId, path: new URL(request.url).pathname },
            `render: ${errorMessage(error)}`,
          );
      },
    });
    function sendShell() {
      shellRendered = true;
      const body = new PassThrough();
      headers.set("Content-Type", "text/html; charset=utf-8");
      if (!headers.has("Cache-Control"))
        headers.set(
          "Cache-Control",
          cutOff || !context.render.complete ? "private, no-cache" : cacheControlFor(request, status, anonymous),
        );
      headers.append("Vary", "Cookie");
      resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
      // Cut off, this runs inside abort() (its last task ends the render); piping waits until abort has
      // finished, else React flushes with tasks it has not yet let go of.
      if (cutOff) process.nextTick(() => pipe(body));
      else pipe(body);
    }
    setTimeout(() => {
      if (allReady) return;
      // Still rendering after the time limit: what is sent is incomplete and must never be cached.
      cutOff = true;
      context.render.complete = false;
      abort();
    }, timeLimitMs);
  });
}
