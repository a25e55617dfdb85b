import type { AppLoadContext } from "@remix-run/node";
import { createRequestContext } from "#app/utils/request-context.server.ts";

/**
 * The load context the server's getLoadContext gives a request (locale from the URL, the user
 * from the session cookie, the cart owner from the cart cookie), for calling loaders and actions
 * directly in tests.
 */
export function testContext(request: Request, { clientIp = "203.0.113.7" }: { clientIp?: string } = {}) {
  return createRequestContext(request, { clientIp, cspNonce: "test-nonce", requestId: "test-request" });
}

export type { AppLoadContext };
