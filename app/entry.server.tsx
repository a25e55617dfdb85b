import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { NonceProvider } from "#app/utils/nonce.tsx";
import { logger } from "#app/utils/logger.server.ts";
import { RENDER_TIME_LIMIT_MS, renderDocument } from "#app/utils/render-document.server.tsx";

/**
 * Remix's Node entry: the per-request CSP nonce (from the server's load context) reaches every inline
 * script Remix renders; the streaming itself, and what marks a render incomplete, is renderDocument's.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return renderDocument({
    element: (
      <NonceProvider nonce={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={RENDER_TIME_LIMIT_MS} nonce={nonce} />
      </NonceProvider>
    ),
    request,
    status: responseStatusCode,
    headers: responseHeaders,
    context: loadContext,
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
