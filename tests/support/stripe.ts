import { http, HttpResponse, passthrough } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export interface CapturedRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The form-encoded body Stripe's API receives, decoded. */
  params: URLSearchParams;
}

/**
 * Intercepts Stripe's API at the HTTP layer (msw): every request to api.stripe.com is captured and
 * answered by `respond`; any other outside request fails the test (our own local servers pass).
 */
export function useStripeInterceptor() {
  const captured: CapturedRequest[] = [];
  const sessionCreated = (request: CapturedRequest) => {
    const id = `cs_test_${captured.length}_${Math.random().toString(36).slice(2, 10)}`;
    return HttpResponse.json({
      id,
      object: "checkout.session",
      url: `https://checkout.stripe.com/c/pay/${id}`,
      client_reference_id: request.params.get("client_reference_id"),
    });
  };
  let respond: (request: CapturedRequest) => Response = sessionCreated;
  const server = setupServer(
    http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => {
      const entry = {
        url: request.url,
        method: request.method,
        headers: request.headers,
        params: new URLSearchParams(await request.text()),
      };
      captured.push(entry);
      return respond(entry);
    }),
    http.all(/^http:\/\/(127\.0\.0\.1|localhost)[:/]/, () => passthrough()),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    captured.length = 0;
  });
  afterAll(() => server.close());
  return {
    captured,
    /** Replace the answer (e.g. an outage); null goes back to creating sessions. */
    answerWith(fn: typeof respond | null) {
      respond = fn ?? sessionCreated;
    },
  };
}
