import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { productsTouchedByVouchers } from "#db/voucher-availability.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { Tx } from "#db/client.ts";
import { now as clockNow } from "#db/clock.ts";
import {
  festivalDeals,
  festivals,
  orderItems,
  orderLineDiscounts,
  orders,
  stores,
  voucherClaims,
  vouchers,
  type VoucherFunder,
} from "#db/schema/index.ts";
import { assertOrganizer, type Actor, type OwnStore } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { pick } from "../localize.ts";
import {
  bestCombination,
  EMPTY_PLAN,
  type VoucherChoice,
  type VoucherLine,
  type VoucherOffer,
  type VoucherPlan,
} from "./combine.ts";
import type { VoucherInput } from "./form.ts";
import type { VoucherRule } from "./rules.ts";

/**
 * Vouchers (decision 034): issued by owners (their store) and organizers (a festival, audited),
 * claimed by signed-in shoppers (领券) one transaction per claim — the quantity and the per-shopper
 * limit are checked and taken by conditional writes inside it — and applied at checkout, where
 * placeOrder records each line's share and marks the claims used in its own transaction. A claim
 * whose order is cancelled or expires unpaid is returned to the shopper (order-lifecycle).
 */

type Reader = Pick<ReturnType<typeof getDb>, "select">;
type VoucherRow = typeof vouchers.$inferSelect;

export const ruleOf = (v: Pick<VoucherRow, "kind" | "tiers" | "percentOff" | "capCents" | "minCents">): VoucherRule =>
  v.kind === "spend"
    ? { kind: "spend", tiers: v.tiers }
    : { kind: "percent", percentOff: v.percentOff ?? 0, capCents: v.capCents, minCents: v.minCents };

/** What a page shows of a voucher (rule, window, what is left, the viewer's claims). */
export interface VoucherCard {
  id: number;
  scope: "store" | "festival";
  rule: VoucherRule;
  startsAt: string;
  endsAt: string;
  left: number;
  perShopperLimit: number;
  funder: VoucherFunder;
  /** The store's or the festival's name and page slug. */
  ownerName: string;
  ownerSlug: string;
  /** The viewer's claims of it, and of those, how many they can still use. */
  claimed: number;
  usable: number;
  /** Claimable now, usable only from its start. */
  upcoming: boolean;
}

export interface IssuedVoucher extends VoucherCard {
  totalQuantity: number;
  claimedCount: number;
  usedCount: number;
  code: string | null;
  stopped: boolean;
  over: boolean;
}

function ownerNames(db: Reader, rows: readonly VoucherRow[], locale: Locale) {
  const storeIds = [...new Set(rows.flatMap((r) => (r.storeId === null ? [] : [r.storeId])))];
  const festivalIds = [...new Set(rows.flatMap((r) => (r.festivalId === null ? [] : [r.festivalId])))];
  const storeRows = storeIds.length ? db.select().from(stores).where(inArray(stores.id, storeIds)).all() : [];
  const festivalRows = festivalIds.length
    ? db.select().from(festivals).where(inArray(festivals.id, festivalIds)).all()
    : [];
  const s = new Map(storeRows.map((r) => [r.id, { name: pick(r, "name", locale), slug: r.slug }]));
  const f = new Map(festivalRows.map((r) => [r.id, { name: pick(r, "name", locale), slug: r.slug }]));
  return (row: VoucherRow) =>
    (row.scope === "store" ? s.get(row.storeId!) : f.get(row.festivalId!)) ?? { name: "", slug: "" };
}

function claimsOf(db: Reader, userId: number | null, voucherIds: number[]) {
  const byVoucher = new Map<number, { claimed: number; usable: number }>();
  if (userId === null || voucherIds.length === 0) return byVoucher;
  const rows = db
    .select({ voucherId: voucherClaims.voucherId, status: voucherClaims.status, n: count() })
    .from(voucherClaims)
    .where(and(eq(voucherClaims.userId, userId), inArray(voucherClaims.voucherId, voucherIds)))
    .groupBy(voucherClaims.voucherId, voucherClaims.status)
    .all();
  for (const r of rows) {
    const entry = byVoucher.get(r.voucherId) ?? { claimed: 0, usable: 0 };
    entry.claimed += r.n;
    if (r.status !== "used") entry.usable += r.n;
    byVoucher.set(r.voucherId, entry);
  }
  return byVoucher;
}

function toCard(
  row: VoucherRow,
  owner: { name: string; slug: string },
  at: Date,
  mine?: { claimed: number; usable: number },
): VoucherCard {
  return {
    id: row.id,
    scope: row.scope,
    rule: ruleOf(row),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    left: Math.max(0, row.totalQuantity - row.claimedCount),
    perShopperLimit: row.perShopperLimit,
    funder: row.funder,
    ownerName: owner.name,
    ownerSlug: owner.slug,
    claimed: mine?.claimed ?? 0,
    usable: mine?.usable ?? 0,
    upcoming: row.startsAt.getTime() > at.getTime(),
  };
}

/**
 * How many times the shopper has claimed each voucher that has not ended, by voucher id: the claim
 * state every voucher block shows them (a personal part of a page, decision 039).
 */
export function claimCountsOf(userId: number, at: Date = clockNow()): Record<string, number> {
  const rows = getDb()
    .select({ voucherId: voucherClaims.voucherId, n: count() })
    .from(voucherClaims)
    .innerJoin(vouchers, eq(vouchers.id, voucherClaims.voucherId))
    .where(and(eq(voucherClaims.userId, userId), gt(vouchers.endsAt, at)))
    .groupBy(voucherClaims.voucherId)
    .orderBy(asc(voucherClaims.voucherId))
    .all();
  return Object.fromEntries(rows.map((r) => [String(r.voucherId), r.n]));
}

/**
 * Vouchers a shopper may claim on a page: those of the store and of the festivals given, without a
 * code, not stopped and not over (an upcoming one may be claimed ahead, and used from its start).
 */
export function claimableVouchers(
  where: { storeIds?: number[]; festivalIds?: number[] },
  viewer: { userId: number | null; locale: Locale },
  at: Date = clockNow(),
): VoucherCard[] {
  const db = getDb();
  const storeIds = where.storeIds ?? [];
  const festivalIds = where.festivalIds ?? [];
  if (storeIds.length === 0 && festivalIds.length === 0) return [];
  const rows = db
    .select()
    .from(vouchers)
    .where(
      and(
        or(
          storeIds.length ? and(eq(vouchers.scope, "store"), inArray(vouchers.storeId, storeIds)) : undefined,
          festivalIds.length
            ? and(eq(vouchers.scope, "festival"), inArray(vouchers.festivalId, festivalIds))
            : undefined,
        ),
        isNull(vouchers.code),
        isNull(vouchers.stoppedAt),
        gt(vouchers.endsAt, at),
      ),
    )
    .orderBy(asc(vouchers.scope), asc(vouchers.endsAt), asc(vouchers.id))
    .limit(12)
    .all();
  const names = ownerNames(db, rows, viewer.locale);
  const mine = claimsOf(
    db,
    viewer.userId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCard(r, names(r), at, mine.get(r.id)));
}

/** The festivals a product has a deal in (a festival voucher counts only their lines). */
export function festivalIdsOf(db: Reader, productIds: readonly number[]): Map<number, number[]> {
  const byProduct = new Map<number, number[]>();
  if (productIds.length === 0) return byProduct;
  const rows = db
    .select({ productId: festivalDeals.productId, festivalId: festivalDeals.festivalId })
    .from(festivalDeals)
    .where(inArray(festivalDeals.productId, [...new Set(productIds)]))
    .all();
  for (const r of rows) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r.festivalId]);
  return byProduct;
}

export type ClaimError = "notFound" | "over" | "stopped" | "soldOut" | "limit" | "needsCode";
export type ClaimResult =
  /** `mine`: the shopper's claims of it now; `left`: how many are left to claim. */
  { ok: true; voucherId: number; claimId: number; mine: number; left: number } | { ok: false; error: ClaimError };

/**
 * One claim, in one (immediate) transaction: the per-shopper limit counted over the shopper's claims
 * of any status, and one of the voucher's quantity taken by a conditional update — so however many
 * shoppers claim at once, no more than the quantity are ever claimed and no shopper passes the limit.
 * A voucher with a code is claimed by its code only.
 */
export function claimVoucher(
  userId: number,
  target: { voucherId: number } | { code: string },
  at: Date = clockNow(),
): ClaimResult {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const voucher =
        "code" in target
          ? tx.select().from(vouchers).where(eq(vouchers.code, target.code.trim().toUpperCase())).get()
          : tx.select().from(vouchers).where(eq(vouchers.id, target.voucherId)).get();
      if (!voucher) return { ok: false, error: "notFound" } as const;
      if ("voucherId" in target && voucher.code !== null) return { ok: false, error: "needsCode" } as const;
      if (voucher.stoppedAt !== null) return { ok: false, error: "stopped" } as const;
      if (voucher.endsAt.getTime() <= at.getTime()) return { ok: false, error: "over" } as const;
      const mine =
        tx
          .select({ n: count() })
          .from(voucherClaims)
          .where(and(eq(voucherClaims.voucherId, voucher.id), eq(voucherClaims.userId, userId)))
          .get()?.n ?? 0;
      if (mine >= voucher.perShopperLimit) return { ok: false, error: "limit" } as const;
      const taken = tx
        .update(vouchers)
        .set({ claimedCount: sql`${vouchers.claimedCount} + 1` })
        .where(and(eq(vouchers.id, voucher.id), sql`${vouchers.claimedCount} < ${vouchers.totalQuantity}`))
        .run();
      if (taken.changes !== 1) return { ok: false, error: "soldOut" } as const;
      // The last one claimed: nothing left to claim on its products' pages or in search.
      if (voucher.claimedCount + 1 >= voucher.totalQuantity && voucher.code === null)
        resendVoucherProducts(tx, voucher.id);
      const [claim] = tx
        .insert(voucherClaims)
        .values({ voucherId: voucher.id, userId, status: "claimed", claimedAt: at })
        .returning({ id: voucherClaims.id })
        .all();
      return {
        ok: true,
        voucherId: voucher.id,
        claimId: claim!.id,
        mine: mine + 1,
        left: voucher.totalQuantity - voucher.claimedCount - 1,
      } as const;
    },
    { behavior: "immediate" },
  );
}

/** The shopper's claims usable now (claimed or returned, inside the voucher's window), one offer per claim. */
export function shopperOffers(db: Reader, userId: number, at: Date): VoucherOffer[] {
  return db
    .select({ claim: voucherClaims, voucher: vouchers })
    .from(voucherClaims)
    .innerJoin(vouchers, eq(vouchers.id, voucherClaims.voucherId))
    .where(
      and(
        eq(voucherClaims.userId, userId),
        inArray(voucherClaims.status, ["claimed", "returned"]),
        lte(vouchers.startsAt, at),
        gt(vouchers.endsAt, at),
      ),
    )
    .orderBy(asc(vouchers.endsAt), asc(vouchers.id), asc(voucherClaims.id))
    .all()
    .map(({ claim, voucher }) => ({
      voucherId: voucher.id,
      claimId: claim.id,
      scope: voucher.scope,
      storeId: voucher.storeId,
      festivalId: voucher.festivalId,
      rule: ruleOf(voucher),
      funder: voucher.funder,
    }));
}

/** A signed-in shopper's vouchers for these lines: the best combination, or theirs where valid. */
export function planVouchers(
  db: Reader,
  userId: number | null,
  lines: readonly VoucherLine[],
  choice: VoucherChoice,
  at: Date,
): { plan: VoucherPlan; offers: VoucherOffer[] } {
  if (userId === null || lines.length === 0) return { plan: EMPTY_PLAN, offers: [] };
  const offers = shopperOffers(db, userId, at);
  return { plan: bestCombination(lines, offers, choice), offers };
}

/** Inside placeOrder's transaction: each line's share of each voucher, and the claims marked used. */
export function recordVoucherUse(
  tx: Tx,
  orderId: number,
  plan: VoucherPlan,
  lineIds: ReadonlyMap<number, number>,
  at: Date,
) {
  for (const applied of plan.applied) {
    const used = tx
      .update(voucherClaims)
      .set({ status: "used", orderId, usedAt: at })
      .where(and(eq(voucherClaims.id, applied.claimId), inArray(voucherClaims.status, ["claimed", "returned"])))
      .run();
    if (used.changes !== 1) throw new Error(`voucher claim ${applied.claimId} is not usable`);
    const funder: VoucherFunder = applied.scope === "store" ? "store" : applied.funder;
    if (applied.allocation.length > 0)
      tx.insert(orderLineDiscounts)
        .values(
          applied.allocation.map((a) => ({
            orderItemId: lineIds.get(a.key)!,
            voucherId: applied.voucherId,
            claimId: applied.claimId,
            orderId,
            amountCents: a.cents,
            funder,
          })),
        )
        .run();
  }
}

/**
 * An unpaid order cancelled or expired: its claims go back to the shopper (usable again). The
 * allocation rows stay, as the record of what the order would have had off.
 */
export function returnOrderVouchers(tx: Tx, orderId: number) {
  tx.update(voucherClaims)
    .set({ status: "returned", orderId: null, usedAt: null })
    .where(and(eq(voucherClaims.orderId, orderId), eq(voucherClaims.status, "used")))
    .run();
}

/**
 * A payment that arrived after its order was closed reopens it at the amount it was placed for: its
 * claims are used again where the shopper has not used them elsewhere meanwhile.
 */
export function reuseOrderVouchers(tx: Tx, orderId: number, at: Date) {
  const claimIds = tx
    .selectDistinct({ id: orderLineDiscounts.claimId })
    .from(orderLineDiscounts)
    .where(eq(orderLineDiscounts.orderId, orderId))
    .all()
    .flatMap((r) => (r.id === null ? [] : [r.id]));
  if (claimIds.length === 0) return;
  tx.update(voucherClaims)
    .set({ status: "used", orderId, usedAt: at })
    .where(and(inArray(voucherClaims.id, claimIds), eq(voucherClaims.status, "returned")))
    .run();
}

/** Each line's discount (all its vouchers together). */
export function discountsByLine(db: Reader, lineIds: readonly number[]): Map<number, number> {
  if (lineIds.length === 0) return new Map();
  const rows = db
    .select({ lineId: orderLineDiscounts.orderItemId, cents: sql<number>`sum(${orderLineDiscounts.amountCents})` })
    .from(orderLineDiscounts)
    .where(inArray(orderLineDiscounts.orderItemId, [...lineIds]))
    .groupBy(orderLineDiscounts.orderItemId)
    .all();
  return new Map(rows.map((r) => [r.lineId, r.cents]));
}

/** An order's vouchers as its pages show them: each voucher, its total, and its share per line. */
export interface OrderVoucher {
  voucherId: number;
  scope: "store" | "festival";
  rule: VoucherRule;
  funder: VoucherFunder;
  ownerName: string;
  discountCents: number;
  lines: { lineId: number; cents: number }[];
}

export function orderVouchers(orderId: number, locale: Locale, { storeId }: { storeId?: number } = {}): OrderVoucher[] {
  const db = getDb();
  const rows = db
    .select({ discount: orderLineDiscounts, voucher: vouchers, storeId: orderItems.storeId })
    .from(orderLineDiscounts)
    .innerJoin(vouchers, eq(vouchers.id, orderLineDiscounts.voucherId))
    .innerJoin(orderItems, eq(orderItems.id, orderLineDiscounts.orderItemId))
    .where(
      and(eq(orderLineDiscounts.orderId, orderId), storeId === undefined ? undefined : eq(orderItems.storeId, storeId)),
    )
    .orderBy(asc(orderLineDiscounts.voucherId), asc(orderLineDiscounts.orderItemId))
    .all();
  const names = ownerNames(
    db,
    rows.map((r) => r.voucher),
    locale,
  );
  const byVoucher = new Map<number, OrderVoucher>();
  for (const { discount, voucher } of rows) {
    const entry = byVoucher.get(voucher.id) ?? {
      voucherId: voucher.id,
      scope: voucher.scope,
      rule: ruleOf(voucher),
      funder: discount.funder,
      ownerName: names(voucher).name,
      discountCents: 0,
      lines: [],
    };
    entry.discountCents += discount.amountCents;
    entry.lines.push({ lineId: discount.orderItemId, cents: discount.amountCents });
    byVoucher.set(voucher.id, entry);
  }
  // Store vouchers first, then the festival's.
  return [...byVoucher.values()].sort((a, b) =>
    a.scope === b.scope ? a.voucherId - b.voucherId : a.scope === "store" ? -1 : 1,
  );
}

/**
 * What one store is owed for its lines of an order: what shoppers paid for them plus what the
 * campaign funds; a voucher the store funds (its own, or a festival voucher funded by the stores)
 * is the store's. Refunds take back the lines' paid amounts and the campaign's part in proportion.
 */
export function storeShare(
  lines: readonly { id: number; unitCents: number; quantity: number; refundedCents: number }[],
  discounts: readonly { lineId: number; cents: number; funder: VoucherFunder }[],
) {
  let goodsCents = 0;
  let storeFundedCents = 0;
  let campaignFundedCents = 0;
  let owedCents = 0;
  for (const line of lines) {
    const gross = line.unitCents * line.quantity;
    const own = discounts.filter((d) => d.lineId === line.id);
    const byStore = own.filter((d) => d.funder !== "campaign").reduce((n, d) => n + d.cents, 0);
    const byCampaign = own.filter((d) => d.funder === "campaign").reduce((n, d) => n + d.cents, 0);
    const paid = gross - byStore - byCampaign;
    const campaignBack = paid > 0 ? Math.round((byCampaign * line.refundedCents) / paid) : byCampaign;
    goodsCents += gross;
    storeFundedCents += byStore;
    campaignFundedCents += byCampaign;
    owedCents += gross - byStore - line.refundedCents - Math.min(byCampaign, campaignBack);
  }
  return { goodsCents, storeFundedCents, campaignFundedCents, owedCents };
}

/**
 * Search documents carry "voucher available" (decision 034): a voucher issued, stopped or claimed
 * out re-sends its products, in the same transaction (its end is the boundaries job's).
 */
function resendVoucherProducts(tx: Tx, voucherId: number) {
  enqueueSearchSync(tx, "product", productsTouchedByVouchers(tx, [voucherId]));
}

// ——— Issuing: owners for their store, organizers for a festival ———

export type IssueResult = { ok: true; id: number } | { ok: false; error: "codeTaken" | "notFound" };

function insertVoucher(
  tx: Tx,
  input: VoucherInput,
  where: { scope: "store"; storeId: number } | { scope: "festival"; festivalId: number },
  createdBy: number,
): IssueResult {
  if (input.code !== null && tx.select({ id: vouchers.id }).from(vouchers).where(eq(vouchers.code, input.code)).get())
    return { ok: false, error: "codeTaken" };
  const [row] = tx
    .insert(vouchers)
    .values({
      scope: where.scope,
      storeId: where.scope === "store" ? where.storeId : null,
      festivalId: where.scope === "festival" ? where.festivalId : null,
      kind: input.kind,
      tiers: input.tiers,
      percentOff: input.percentOff,
      capCents: input.capCents,
      minCents: input.minCents,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      totalQuantity: input.totalQuantity,
      perShopperLimit: input.perShopperLimit,
      code: input.code,
      funder: where.scope === "store" ? "store" : input.funder,
      createdBy,
      createdAt: clockNow(),
    })
    .returning({ id: vouchers.id })
    .all();
  if (input.code === null) resendVoucherProducts(tx, row!.id);
  return { ok: true, id: row!.id };
}

export function issueStoreVoucher(store: OwnStore, userId: number, input: VoucherInput): IssueResult {
  return getDb().transaction((tx) => insertVoucher(tx, input, { scope: "store", storeId: store.id }, userId));
}

export function issueFestivalVoucher(actor: Actor, festivalId: number, input: VoucherInput): IssueResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const result = insertVoucher(tx, input, { scope: "festival", festivalId }, actor.id);
    if (result.ok)
      recordAudit(tx, actor, "festival.voucher.add", { type: "festival", id: festivalId }, null, {
        voucher: result.id,
        kind: input.kind,
        tiers: input.tiers,
        percentOff: input.percentOff,
        capCents: input.capCents,
        minCents: input.minCents,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        totalQuantity: input.totalQuantity,
        perShopperLimit: input.perShopperLimit,
        code: input.code,
        funder: input.funder,
      });
    return result;
  });
}

/** Stops further claims (claims already made stay usable until the voucher ends). */
export function stopStoreVoucher(store: OwnStore, voucherId: number): boolean {
  return getDb().transaction((tx) => {
    const done = tx
      .update(vouchers)
      .set({ stoppedAt: clockNow() })
      .where(and(eq(vouchers.id, voucherId), eq(vouchers.storeId, store.id), isNull(vouchers.stoppedAt)))
      .run();
    if (done.changes === 1) resendVoucherProducts(tx, voucherId);
    return done.changes === 1;
  });
}

export function stopFestivalVoucher(actor: Actor, festivalId: number, voucherId: number): boolean {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const done = tx
      .update(vouchers)
      .set({ stoppedAt: clockNow() })
      .where(and(eq(vouchers.id, voucherId), eq(vouchers.festivalId, festivalId), isNull(vouchers.stoppedAt)))
      .run();
    if (done.changes === 1) resendVoucherProducts(tx, voucherId);
    if (done.changes === 1)
      recordAudit(
        tx,
        actor,
        "festival.voucher.stop",
        { type: "festival", id: festivalId },
        { voucher: voucherId, stopped: false },
        {
          voucher: voucherId,
          stopped: true,
        },
      );
    return done.changes === 1;
  });
}

/** The vouchers an issuer made (a store's or a festival's), newest first, with claims and uses. */
export function listIssuedVouchers(
  where: { storeId: number } | { festivalId: number },
  locale: Locale,
  at: Date = clockNow(),
): IssuedVoucher[] {
  const db = getDb();
  const rows = db
    .select()
    .from(vouchers)
    .where("storeId" in where ? eq(vouchers.storeId, where.storeId) : eq(vouchers.festivalId, where.festivalId))
    .orderBy(desc(vouchers.id))
    .all();
  const used = new Map(
    rows.length
      ? db
          .select({ voucherId: voucherClaims.voucherId, n: count() })
          .from(voucherClaims)
          .where(
            and(
              inArray(
                voucherClaims.voucherId,
                rows.map((r) => r.id),
              ),
              eq(voucherClaims.status, "used"),
            ),
          )
          .groupBy(voucherClaims.voucherId)
          .all()
          .map((r) => [r.voucherId, r.n])
      : [],
  );
  const names = ownerNames(db, rows, locale);
  return rows.map((r) => ({
    ...toCard(r, names(r), at),
    totalQuantity: r.totalQuantity,
    claimedCount: r.claimedCount,
    usedCount: used.get(r.id) ?? 0,
    code: r.code,
    stopped: r.stoppedAt !== null,
    over: r.endsAt.getTime() <= at.getTime(),
  }));
}

/** What the order pages' voucher section needs (spread into their loaders' answers). */
export interface OrderVoucherData {
  orderVouchers: {
    currency: string;
    vouchers: OrderVoucher[];
    lines: { id: number; title: string; storeName: string }[];
    /** For an owner: what their store is owed for its lines (decision 034). */
    share: (ReturnType<typeof storeShare> & { refundedCents: number }) | null;
  };
}

export function orderVoucherData(
  orderId: number,
  locale: Locale,
  { storeId }: { storeId?: number } = {},
): OrderVoucherData {
  const db = getDb();
  const vouchersOnOrder = orderVouchers(orderId, locale, { storeId });
  const lines = db
    .select({ line: orderItems, store: stores })
    .from(orderItems)
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .where(and(eq(orderItems.orderId, orderId), storeId === undefined ? undefined : eq(orderItems.storeId, storeId)))
    .orderBy(asc(orderItems.id))
    .all();
  const currency =
    db.select({ currency: orders.currency }).from(orders).where(eq(orders.id, orderId)).get()?.currency ?? "USD";
  const share =
    storeId === undefined
      ? null
      : {
          ...storeShare(
            lines.map((l) => l.line),
            vouchersOnOrder.flatMap((v) =>
              v.lines.map((l) => ({ lineId: l.lineId, cents: l.cents, funder: v.funder })),
            ),
          ),
          refundedCents: lines.reduce((n, l) => n + l.line.refundedCents, 0),
        };
  return {
    orderVouchers: {
      currency,
      vouchers: vouchersOnOrder,
      lines: lines.map(({ line, store }) => ({
        id: line.id,
        title: line.title,
        storeName: pick(store, "name", locale),
      })),
      share,
    },
  };
}
