import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  canTransition,
  ORDER_STATUS_LIST,
  ORDER_TRANSITIONS,
  refundableOf,
  statusAfterRefund,
  statusAfterShipment,
} from "#app/models/order-transitions.ts";
import type { OrderStatus } from "#db/schema/index.ts";

describe("the order transition table", () => {
  test("names exactly the lifecycle of the issue", () => {
    expect(ORDER_TRANSITIONS).toEqual({
      pending_payment: ["paid", "cancelled", "expired"],
      paid: ["partially_fulfilled", "fulfilled", "partially_refunded", "refunded"],
      partially_fulfilled: ["fulfilled", "partially_refunded", "refunded"],
      fulfilled: ["partially_refunded", "refunded"],
      partially_refunded: ["partially_refunded", "refunded"],
      cancelled: [],
      expired: [],
      refunded: [],
    });
  });

  test("forbids what the issue names: refund an unpaid order, ship a cancelled one, pay a cancelled one (but for a late payment)", () => {
    expect(canTransition("pending_payment", "refunded", "organizer")).toBe(false);
    expect(canTransition("pending_payment", "partially_refunded", "owner")).toBe(false);
    expect(canTransition("cancelled", "partially_fulfilled", "owner")).toBe(false);
    expect(canTransition("cancelled", "paid", "shopper")).toBe(false);
    expect(canTransition("expired", "paid", "system")).toBe(false);
    // Only the payment provider may report money taken after the reservation ended.
    expect(canTransition("cancelled", "paid", "payment")).toBe(true);
    expect(canTransition("expired", "paid", "payment")).toBe(true);
    expect(canTransition("refunded", "paid", "payment")).toBe(false);
  });

  test("no walk through the table leaves a final status or comes back to pending_payment", () => {
    const actor = fc.constantFrom("shopper", "owner", "organizer", "system" as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ORDER_STATUS_LIST), actor), { maxLength: 30 }), (steps) => {
        let status: OrderStatus = "pending_payment";
        const seen: OrderStatus[] = [status];
        for (const [to, by] of steps) {
          if (!canTransition(status, to, by)) continue;
          status = to;
          seen.push(status);
        }
        // Once left, pending_payment never comes back; a final status is never left (no payment actor here).
        expect(seen.lastIndexOf("pending_payment")).toBe(0);
        const final = seen.findIndex((s) => s === "cancelled" || s === "expired" || s === "refunded");
        if (final >= 0) expect(seen.slice(final).every((s) => s === seen[final])).toBe(true);
      }),
    );
  });
});

describe("statuses that follow", () => {
  const line = (quantity: number, refundedQuantity: number, shipped: boolean) => ({
    quantity,
    refundedQuantity,
    shippedAt: shipped ? new Date() : null,
  });

  test("a shipment: fulfilled once every line with units left to send has shipped; fully refunded lines do not wait", () => {
    expect(statusAfterShipment("paid", [line(2, 0, true), line(1, 0, false)])).toBe("partially_fulfilled");
    expect(statusAfterShipment("paid", [line(2, 0, true), line(1, 1, false)])).toBe("fulfilled");
    expect(statusAfterShipment("partially_fulfilled", [line(2, 0, true), line(1, 0, true)])).toBe("fulfilled");
    // A partially refunded order keeps its money status.
    expect(statusAfterShipment("partially_refunded", [line(2, 0, true)])).toBe("partially_refunded");
  });

  test("a refund: refunded when everything paid is given back, else partially refunded", () => {
    expect(statusAfterRefund({ totalCents: 5000, refundedCents: 1000 })).toBe("partially_refunded");
    expect(statusAfterRefund({ totalCents: 5000, refundedCents: 5000 })).toBe("refunded");
  });

  test("what may still be refunded counts refunds done and pending", () => {
    const l = { quantity: 3, unitCents: 1000, refundedQuantity: 1, refundedCents: 1000 };
    expect(refundableOf(l)).toEqual({ quantity: 2, amountCents: 2000 });
    expect(refundableOf(l, { quantity: 1, amountCents: 500 })).toEqual({ quantity: 1, amountCents: 1500 });
  });
});
