import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import type { VoucherFunder } from "#db/schema/vouchers.ts";
import { deliveryLines, type CartView } from "../cart.server.ts";
import { evaluatePick, type VoucherChoice, type VoucherLine, type VoucherOffer } from "./combine.ts";
import type { VoucherRule } from "./rules.ts";
import { festivalIdsOf, planVouchers } from "./vouchers.server.ts";
import { festivals } from "#db/schema/index.ts";
import { inArray } from "drizzle-orm";
import { pick } from "../localize.ts";

export interface VoucherOption {
  voucherId: number;
  rule: VoucherRule;
}

/** The cart's vouchers as the cart and checkout pages show them (serializable). */
export interface CartVouchers {
  signedIn: boolean;
  discountCents: number;
  applied: {
    voucherId: number;
    scope: "store" | "festival";
    storeId: number | null;
    rule: VoucherRule;
    funder: VoucherFunder;
    ownerName: string;
    discountCents: number;
  }[];
  /** Per store in the cart: its usable vouchers and what the shopper fixed ("auto" when nothing). */
  stores: { storeId: number; options: VoucherOption[]; fixed: number | "none" | "auto" }[];
  festival: { options: (VoucherOption & { festivalName: string })[]; fixed: number | "none" | "auto" };
  /** Discount per cart line (product id → cents). */
  byLine: [number, number][];
}

const linesOf = (cart: CartView): VoucherLine[] => {
  const payable = cart.lines.filter((l) => !l.problem);
  const festivalsOf = festivalIdsOf(
    getDb(),
    payable.map((l) => l.productId),
  );
  return payable.map((l) => ({
    key: l.productId,
    storeId: l.storeId,
    festivalIds: festivalsOf.get(l.productId) ?? [],
    amountCents: l.lineCents,
  }));
};

/** The vouchers for a cart: the best combination, or the shopper's choice where it is valid. */
export function cartVouchers(
  userId: number | null,
  cart: CartView,
  choice: VoucherChoice,
  locale: Locale,
  at: Date = clockNow(),
): CartVouchers {
  const db = getDb();
  const lines = linesOf(cart);
  const { plan, offers } = planVouchers(db, userId, lines, choice, at);
  const unique = [...new Map(offers.map((o) => [o.voucherId, o])).values()];
  const usableAlone = (o: VoucherOffer) =>
    evaluatePick(lines, unique, {
      stores: o.scope === "store" ? new Map([[o.storeId!, o.voucherId]]) : new Map(),
      festival: o.scope === "festival" ? o.voucherId : null,
    }) !== null;
  const festivalIds = [...new Set(unique.flatMap((o) => (o.festivalId === null ? [] : [o.festivalId])))];
  const festivalNames = new Map(
    festivalIds.length
      ? db
          .select()
          .from(festivals)
          .where(inArray(festivals.id, festivalIds))
          .all()
          .map((f) => [f.id, pick(f, "name", locale)])
      : [],
  );
  const storeName = new Map(cart.stores.map((s) => [s.id, s.name]));
  const fixedOf = (v: number | null | undefined) =>
    v === undefined ? ("auto" as const) : v === null ? ("none" as const) : v;
  return {
    signedIn: userId !== null,
    discountCents: plan.discountCents,
    applied: plan.applied.map((a) => ({
      voucherId: a.voucherId,
      scope: a.scope,
      storeId: a.storeId,
      rule: unique.find((o) => o.voucherId === a.voucherId)!.rule,
      funder: a.funder,
      ownerName: a.scope === "store" ? (storeName.get(a.storeId!) ?? "") : (festivalNames.get(a.festivalId!) ?? ""),
      discountCents: a.discountCents,
    })),
    stores: cart.stores.map((s) => ({
      storeId: s.id,
      options: unique
        .filter((o) => o.scope === "store" && o.storeId === s.id && usableAlone(o))
        .map((o) => ({ voucherId: o.voucherId, rule: o.rule })),
      fixed: fixedOf(choice.stores?.get(s.id)),
    })),
    festival: {
      options: unique
        .filter((o) => o.scope === "festival" && usableAlone(o))
        .map((o) => ({
          voucherId: o.voucherId,
          rule: o.rule,
          festivalName: festivalNames.get(o.festivalId!) ?? "",
        })),
      fixed: fixedOf(choice.festival),
    },
    byLine: [...plan.byLine],
  };
}

/** The cart's lines for shipping and tax after vouchers (what the shopper pays for the goods). */
export function deliveryLinesAfterVouchers(cart: CartView, vouchers: Pick<CartVouchers, "byLine">) {
  const off = new Map(vouchers.byLine);
  return deliveryLines(cart).map((l) => ({ ...l, lineCents: l.lineCents - (off.get(l.productId) ?? 0) }));
}
