import type { ActionFunctionArgs } from "@remix-run/node";
import {
  applyPaymentEvent,
  fromStripeEvent,
  verifyStripeWebhook,
  WebhookSignatureError,
} from "#app/models/payments.server.ts";
import { applyRefundEvent, fromStripeRefundEvent } from "#app/models/refunds.server.ts";

/**
 * POST /webhooks/stripe. The raw body is verified against Stripe-Signature with
 * STRIPE_WEBHOOK_SECRET (bad, missing or stale: 400, nothing changes); payment events go through
 * applyPaymentEvent and refund events through applyRefundEvent, which record every event id so a
 * redelivery changes nothing.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
  const raw = await request.text();
  let event;
  try {
    event = verifyStripeWebhook(raw, request.headers.get("Stripe-Signature"));
  } catch (error) {
    if (error instanceof WebhookSignatureError) return Response.json({ error: "invalid signature" }, { status: 400 });
    throw error;
  }
  const refundEvents = fromStripeRefundEvent(event);
  if (refundEvents) {
    const outcomes = refundEvents.map((e) => applyRefundEvent(e));
    return Response.json({ received: true, outcome: outcomes.length === 1 ? outcomes[0] : outcomes });
  }
  const payment = fromStripeEvent(event);
  const outcome = payment ? applyPaymentEvent(payment) : "ignored";
  return Response.json({ received: true, outcome });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
