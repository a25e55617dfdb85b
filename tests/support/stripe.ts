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
  /** Sessions "created" so far and their status ("open" until a test expires one). */
  const sessions = new Map<string, "open" | "complete" | "expired">();
  const sessionCreated = (request: CapturedRequest) => {
    const id = `cs_test_${captured.length}_${Math.random().toString(36).slice(2, 10)}`;
    sessions.set(id, "open");
    return HttpResponse.json({
      id,
      object: "checkout.session",
      status: "open",
      url: `https://checkout.stripe.com/c/pay/${id}`,
      client_reference_id: request.params.get("client_reference_id"),
    });
  };
  /** Stripe's answer to refunds.create: a refund that succeeded at once (card refunds usually do). */
  const refundCreated = (request: CapturedRequest) =>
    HttpResponse.json({
      id: `re_test_${captured.length}_${Math.random().toString(36).slice(2, 10)}`,
      object: "refund",
      status: "succeeded",
      amount: Number(request.params.get("amount")),
      currency: "usd",
      payment_intent: request.params.get("payment_intent"),
      metadata: Object.fromEntries(
        [...request.params].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]),
      ),
    });
  let respond: (request: CapturedRequest) => Response = sessionCreated;
  let respondToRefund: (request: CapturedRequest) => Response = refundCreated;
  const capture = async (request: Request) => {
    const entry = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      params: new URLSearchParams(request.method === "GET" ? new URL(request.url).search : await request.text()),
    };
    captured.push(entry);
    return entry;
  };
  const server = setupServer(
    http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => respond(await capture(request))),
    http.get("https://api.stripe.com/v1/checkout/sessions/:id", async ({ request, params }) => {
      await capture(request);
      const id = String(params.id);
      const status = sessions.get(id);
      if (!status)
        return HttpResponse.json(
          { error: { type: "invalid_request_error", message: "No such session" } },
          { status: 404 },
        );
      return HttpResponse.json({
        id,
        object: "checkout.session",
        status,
        url: status === "open" ? `https://checkout.stripe.com/c/pay/${id}` : null,
      });
    }),
    http.post("https://api.stripe.com/v1/checkout/sessions/:id/expire", async ({ request, params }) => {
      await capture(request);
      const id = String(params.id);
      if (sessions.get(id) !== "open")
        return HttpResponse.json({ error: { type: "invalid_request_error", message: "not open" } }, { status: 400 });
      sessions.set(id, "expired");
      return HttpResponse.json({ id, object: "checkout.session", status: "expired", url: null });
    }),
    http.post("https://api.stripe.com/v1/refunds", async ({ request }) => respondToRefund(await capture(request))),
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
    /** Replace the answer to refunds.create; null goes back to refunds that succeed at once. */
    answerRefundsWith(fn: typeof respondToRefund | null) {
      respondToRefund = fn ?? refundCreated;
    },
    /** What Stripe would say of a session when it is retrieved (a shopper's page ran out, or was paid). */
    setSessionStatus(id: string, status: "open" | "complete" | "expired") {
      sessions.set(id, status);
    },
  };
}
