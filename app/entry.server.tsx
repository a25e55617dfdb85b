import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { NonceProvider } from "#app/utils/nonce.tsx";
import { PersonalProvider } from "#app/utils/personal.tsx";
import { personalFor } from "#app/utils/personal.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { RENDER_TIME_LIMIT_MS, renderDocument } from "#app/utils/render-document.server.tsx";

/**
 * Remix's Node entry: the per-request CSP nonce (from the server's load context) reaches every inline
 * script Remix renders, and the requester's personal parts (cart count, account, hearts) reach the
 * components that show them; the streaming itself, and what marks a render incomplete, is
 * renderDocument's.
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
        <PersonalProvider value={personalFor(loadContext)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={RENDER_TIME_LIMIT_MS} nonce={nonce} />
        </PersonalProvider>
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
