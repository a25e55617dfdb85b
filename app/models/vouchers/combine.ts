import type { VoucherFunder } from "#db/schema/vouchers.ts";
import { allocateProportionally } from "./allocate.ts";
import { voucherDiscount, type VoucherRule } from "./rules.ts";

/**
 * Choosing vouchers for a cart (decision 034), without the database: at most one store voucher per
 * store and one festival voucher. A store voucher counts its store's lines; a festival voucher the
 * lines of products in its festival, in every store, at what is left of them after their store's
 * voucher (so its threshold is reached on the amount after store vouchers). Each discount is
 * allocated to its lines in proportion to their amounts, to the cent.
 */

export interface VoucherLine {
  /** The caller's key for the line (a product id in the cart, an order line index at checkout). */
  key: number;
  storeId: number;
  /** Festivals the product has a deal in (a festival voucher counts only these lines). */
  festivalIds: readonly number[];
  amountCents: number;
}

export interface VoucherOffer {
  voucherId: number;
  /** The shopper's claim it would use. */
  claimId: number;
  scope: "store" | "festival";
  storeId: number | null;
  festivalId: number | null;
  rule: VoucherRule;
  funder: VoucherFunder;
}

/** voucher ids chosen: per store (null: none) and the festival one (null: none). */
export interface VoucherPick {
  stores: ReadonlyMap<number, number | null>;
  festival: number | null;
}

/** What the shopper fixed; a store or the festival left out is chosen for them. */
export interface VoucherChoice {
  stores?: ReadonlyMap<number, number | null>;
  /** undefined: choose for me; null: none. */
  festival?: number | null;
}

export interface AppliedVoucher {
  voucherId: number;
  claimId: number;
  scope: "store" | "festival";
  storeId: number | null;
  festivalId: number | null;
  funder: VoucherFunder;
  discountCents: number;
  /** The discount per line key (lines that got nothing are left out). */
  allocation: { key: number; cents: number }[];
}

export interface VoucherPlan {
  applied: AppliedVoucher[];
  discountCents: number;
  /** Total discount per line key. */
  byLine: Map<number, number>;
}

export const EMPTY_PLAN: VoucherPlan = { applied: [], discountCents: 0, byLine: new Map() };

/**
 * The plan for one pick, or null when the pick is not valid (a voucher of another store or festival,
 * one that would take nothing off, or a festival voucher with no line of its festival).
 */
export function evaluatePick(
  lines: readonly VoucherLine[],
  offers: readonly VoucherOffer[],
  pick: VoucherPick,
): VoucherPlan | null {
  const offerOf = new Map(offers.map((o) => [o.voucherId, o]));
  const applied: AppliedVoucher[] = [];
  const storeOff = new Map<number, number>();
  for (const [storeId, voucherId] of [...pick.stores].sort((a, b) => a[0] - b[0])) {
    if (voucherId === null) continue;
    const offer = offerOf.get(voucherId);
    if (!offer || offer.scope !== "store" || offer.storeId !== storeId) return null;
    const own = lines.filter((l) => l.storeId === storeId);
    const base = own.reduce((n, l) => n + l.amountCents, 0);
    const discount = voucherDiscount(offer.rule, base);
    if (discount <= 0) return null;
    const shares = allocateProportionally(
      discount,
      own.map((l) => l.amountCents),
    );
    own.forEach((l, i) => storeOff.set(l.key, shares[i]!));
    applied.push(appliedOf(offer, discount, own, shares));
  }
  if (pick.festival !== null) {
    const offer = offerOf.get(pick.festival);
    if (!offer || offer.scope !== "festival" || offer.festivalId === null) return null;
    const eligible = lines.filter((l) => l.festivalIds.includes(offer.festivalId!));
    const left = eligible.map((l) => l.amountCents - (storeOff.get(l.key) ?? 0));
    const base = left.reduce((n, a) => n + a, 0);
    const discount = voucherDiscount(offer.rule, base);
    if (discount <= 0) return null;
    const shares = allocateProportionally(discount, left);
    applied.push(appliedOf(offer, discount, eligible, shares));
  }
  const byLine = new Map<number, number>();
  for (const a of applied) for (const { key, cents } of a.allocation) byLine.set(key, (byLine.get(key) ?? 0) + cents);
  return { applied, discountCents: applied.reduce((n, a) => n + a.discountCents, 0), byLine };
}

function appliedOf(
  offer: VoucherOffer,
  discount: number,
  lines: readonly VoucherLine[],
  shares: readonly number[],
): AppliedVoucher {
  return {
    voucherId: offer.voucherId,
    claimId: offer.claimId,
    scope: offer.scope,
    storeId: offer.storeId,
    festivalId: offer.festivalId,
    funder: offer.funder,
    discountCents: discount,
    allocation: lines.map((l, i) => ({ key: l.key, cents: shares[i]! })).filter((a) => a.cents > 0),
  };
}

/** Beyond this many combinations the stores' vouchers are chosen one store at a time. */
const MAX_COMBINATIONS = 20_000;

/**
 * The combination that takes the most off (ties: fewer vouchers, then the earlier-listed ones),
 * honouring what the shopper fixed in `choice` where that is valid on its own. Every store and the
 * festival not fixed get the best of their vouchers, none included.
 */
export function bestCombination(
  lines: readonly VoucherLine[],
  offers: readonly VoucherOffer[],
  choice: VoucherChoice = {},
): VoucherPlan {
  const unique = dedupe(offers);
  const storeIds = [...new Set(lines.map((l) => l.storeId))].sort((a, b) => a - b);
  const storeOptions = storeIds.map((storeId) => {
    const own = unique.filter((o) => o.scope === "store" && o.storeId === storeId);
    const usable = own.filter((o) => evaluatePick(lines, unique, single(storeId, o.voucherId)) !== null);
    const fixed = choice.stores?.get(storeId);
    if (fixed === null) return [null];
    if (fixed !== undefined && usable.some((o) => o.voucherId === fixed)) return [fixed];
    return [null, ...usable.map((o) => o.voucherId)];
  });
  const festivals = unique.filter((o) => o.scope === "festival");
  const usableFestival = festivals.filter(
    (o) => evaluatePick(lines, unique, { stores: new Map(), festival: o.voucherId }) !== null,
  );
  const festivalOptions: (number | null)[] =
    choice.festival === null
      ? [null]
      : choice.festival !== undefined && usableFestival.some((o) => o.voucherId === choice.festival)
        ? [choice.festival]
        : [null, ...usableFestival.map((o) => o.voucherId)];

  let best: { plan: VoucherPlan; count: number } | null = null;
  const consider = (pick: VoucherPick) => {
    const plan = evaluatePick(lines, unique, pick);
    if (!plan) return;
    const count = plan.applied.length;
    if (
      !best ||
      plan.discountCents > best.plan.discountCents ||
      (plan.discountCents === best.plan.discountCents && count < best.count)
    )
      best = { plan, count };
  };
  const combinations = storeOptions.reduce((n, o) => n * o.length, 1) * festivalOptions.length;
  if (combinations <= MAX_COMBINATIONS) {
    const walk = (i: number, chosen: Map<number, number | null>) => {
      if (i === storeIds.length) {
        for (const festival of festivalOptions) consider({ stores: new Map(chosen), festival });
        return;
      }
      for (const option of storeOptions[i]!) {
        chosen.set(storeIds[i]!, option);
        walk(i + 1, chosen);
      }
      chosen.delete(storeIds[i]!);
    };
    walk(0, new Map());
  } else {
    // Greedy: each store's best voucher alone, then the best festival voucher on top.
    const chosen = new Map<number, number | null>();
    storeIds.forEach((storeId, i) => {
      let top: { id: number | null; off: number } = { id: null, off: 0 };
      for (const option of storeOptions[i]!) {
        if (option === null) continue;
        const off = evaluatePick(lines, unique, single(storeId, option))?.discountCents ?? 0;
        if (off > top.off) top = { id: option, off };
      }
      chosen.set(storeId, top.id);
    });
    for (const festival of festivalOptions) consider({ stores: chosen, festival });
  }
  return (best as { plan: VoucherPlan } | null)?.plan ?? EMPTY_PLAN;
}

const single = (storeId: number, voucherId: number): VoucherPick => ({
  stores: new Map([[storeId, voucherId]]),
  festival: null,
});

/** One offer per voucher (a shopper may hold several claims of it: the first is used). */
function dedupe(offers: readonly VoucherOffer[]): VoucherOffer[] {
  const seen = new Map<number, VoucherOffer>();
  for (const o of offers) if (!seen.has(o.voucherId)) seen.set(o.voucherId, o);
  return [...seen.values()];
}
