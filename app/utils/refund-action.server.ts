import { data } from "@remix-run/node";
import type { MessageKey } from "#app/i18n/translate.ts";
import { dollarsToCents, formInt, formText } from "#app/utils/form-values.ts";
import {
  refundState,
  requestRefund,
  sendRefund,
  type RefundRequester,
  type RefundRequestError,
} from "#app/models/refunds.server.ts";

export type RefundActionResult = { ok: boolean; lineId: number | null; message: MessageKey; amountCents?: number };

const REFUSALS: Record<RefundRequestError, { status: number; message: MessageKey }> = {
  notFound: { status: 404, message: "admin.errorNotFound" },
  notRefundable: { status: 409, message: "refund.notRefundable" },
  noLines: { status: 400, message: "refund.nothingAsked" },
  badQuantity: { status: 400, message: "refund.badQuantity" },
  badAmount: { status: 400, message: "refund.badAmount" },
  tooMuch: { status: 409, message: "refund.tooMuch" },
  noReason: { status: 400, message: "refund.noReason" },
};

/**
 * The refund form of the owner's and the organizer's order pages (one line per form): units, an
 * optional amount in dollars (default: the units' price), restock, and a reason. The refund is
 * recorded, then handed to the payment provider; the answer says whether it went through already.
 */
export async function refundAction(form: FormData, orderId: number, requester: RefundRequester) {
  const lineId = formInt(form, "lineId");
  const quantityText = formText(form, "quantity").trim();
  const quantity = quantityText === "" ? 0 : formInt(form, "quantity");
  const amountText = formText(form, "amount").trim();
  const amountCents = amountText === "" ? null : dollarsToCents(amountText);
  const refuse = (error: RefundRequestError) =>
    data<RefundActionResult>(
      { ok: false, lineId, message: REFUSALS[error].message },
      { status: REFUSALS[error].status },
    );
  if (lineId === null)
    return data<RefundActionResult>({ ok: false, lineId, message: "admin.errorBadRequest" }, { status: 400 });
  if (quantity === null) return refuse("badQuantity");
  if (amountText !== "" && amountCents === null) return refuse("badAmount");
  const result = requestRefund(requester, {
    orderId,
    reason: formText(form, "reason"),
    lines: [{ lineId, quantity, amountCents, restock: form.get("restock") === "on" }],
  });
  if (!result.ok) return refuse(result.error);
  await sendRefund(result.refundId);
  const refund = refundState(result.refundId)!;
  const message: MessageKey =
    refund.status === "succeeded" ? "refund.done" : refund.status === "failed" ? "refund.failed" : "refund.sent";
  return data<RefundActionResult>(
    { ok: refund.status !== "failed", lineId, message, amountCents: refund.amountCents },
    { status: refund.status === "failed" ? 502 : 200 },
  );
}
