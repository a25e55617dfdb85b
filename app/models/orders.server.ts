import { orderCharges, type OrderCharges } from "./shipping/order-charges.server.ts";
import { and, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import { now as clockNow } from "#db/clock.ts";
import { isSoldOrder, orderIsSold } from "#db/rules.ts";
import { localizedColumns } from "#db/columns.ts";
import {
  countries,
  festivals,
  orderItems,
  orders,
  orderShipments,
  orderTaxes,
  products,
  refundLines,
  refunds,
  stores,
  type OrderStatus,
} from "#db/schema/index.ts";
import { cartIdOf, type CartOwner } from "./cart.server.ts";
import { assertOrganizer, type Actor, type OwnStore } from "./access.server.ts";
import { commitShippedLine } from "./inventory.server.ts";
import { recordOrderEvent, transition, type OrderActor } from "./order-lifecycle.server.ts";
import { REFUNDABLE_STATUSES, refundableOf, statusAfterShipment } from "./order-transitions.ts";
import { discountsByLine } from "./vouchers/vouchers.server.ts";
import { pick } from "./localize.ts";
import { isTrackingNumber } from "#app/utils/tracking.ts";
import { orderAddressLines } from "./order-address.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { maskResidentId } from "#app/utils/resident-id.ts";
import { displayPhone } from "#app/utils/address-form.server.ts";
import { open } from "#app/utils/secret-box.server.ts";
import { customsIdAad } from "./customs.server.ts";
import { notifyLineShipped } from "./notify-events.server.ts";

import { isValidOrderToken, orderAccessToken, tokenOrderPath } from "./order-tokens.server.ts";

export { isValidOrderToken, orderAccessToken };

export interface OrderSummary {
  id: number;
  status: OrderStatus;
  /** The order counts as a sale (money received). */
  sold: boolean;
  flagged: boolean;
  totalCents: number;
  currency: string;
  createdAt: string;
  itemCount: number;
}

export function listOrdersForUser(userId: number, page: number): { items: OrderSummary[]; pagination: Pagination } {
  const db = getDb();
  const total = db.select({ n: count() }).from(orders).where(eq(orders.userId, userId)).get()?.n ?? 0;
  const pagination = paginate(page, total, 20);
  const rows = db
    .select({
      order: orders,
      itemCount: sql<number>`(SELECT coalesce(sum(quantity), 0) FROM ${orderItems} WHERE ${orderItems.orderId} = ${orders.id})`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  return {
    pagination,
    items: rows.map(({ order, itemCount }) => ({
      id: order.id,
      status: order.status,
      sold: isSoldOrder(order),
      flagged: order.flag !== null,
      totalCents: order.totalCents,
      currency: order.currency,
      createdAt: order.createdAt.toISOString(),
      itemCount,
    })),
  };
}

/**
 * Where an order goes, as every view shows it: the address as formatted lines, and for mainland
 * China the customs payer with the ID number MASKED (the full number never leaves this module;
 * decision 026). `idMasked` is null once the number was deleted (`idPurged`) or cannot be opened.
 */
function shippingOf(order: typeof orders.$inferSelect, locale: Locale): OrderDetail["shipping"] {
  return {
    name: order.shipName,
    phone: order.shipPhone ? displayPhone(order.shipPhone, order.shipCountry) : "",
    address: order.shipAddress,
    city: order.shipCity,
    postcode: order.shipPostcode,
    country: order.shipCountry,
    lines: orderAddressLines(order, locale),
    customs: order.customsName
      ? { name: order.customsName, idMasked: maskedCustomsId(order), idPurged: order.customsIdPurgedAt !== null }
      : null,
  };
}

function maskedCustomsId(order: typeof orders.$inferSelect): string | null {
  if (!order.customsIdSealed) return null;
  try {
    return maskResidentId(open(order.customsIdSealed, customsIdAad(order.id)));
  } catch (error) {
    // Never the value itself: only that it could not be opened (a removed key, a tampered row).
    logger.warn({ orderId: order.id }, `customs ID cannot be opened: ${errorMessage(error)}`);
    return null;
  }
}

export interface OrderDetail extends OrderSummary {
  email: string;
  shipping: {
    name: string;
    phone: string;
    address: string;
    city: string;
    postcode: string;
    country: string;
    /** The address formatted for its destination (see address-format.ts). */
    lines: string[];
    customs: { name: string; idMasked: string | null; idPurged: boolean } | null;
  };
  /** Shipping per store and the import tax (decision 025): with the lines, they make the total. */
  charges: OrderCharges;
  reservedUntil: string;
  paidAt: string | null;
  cancelReason: string | null;
  refundedCents: number;
  /** Unpaid and its reservation still running: the shopper may pay (again) now. */
  canPay: boolean;
  lines: {
    id: number;
    productId: number;
    title: string;
    storeName: string;
    storeSlug: string;
    unitCents: number;
    regularCents: number;
    quantity: number;
    refundedQuantity: number;
    refundedCents: number;
    festivalName: string | null;
    /** Bought at a flash-sale slot's price (decision 035). */
    flash: boolean;
    shippedAt: string | null;
    carrier: string | null;
    trackingNumber: string | null;
  }[];
}

/**
 * An order for whoever may see it: its shopper (signed in), or anyone holding its signed link.
 * Everyone else gets null (the route answers 404: no hint that the order exists).
 */
export function getOrderForViewer(
  orderId: number,
  viewer: { userId: number | null; token: string | null },
  locale: Locale,
): OrderDetail | null {
  const db = getDb();
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return null;
  const mine = viewer.userId !== null && order.userId === viewer.userId;
  if (!mine && !isValidOrderToken(order.id, viewer.token)) return null;
  const lines = db
    .select({ line: orderItems, store: stores, festival: festivals, product: products })
    .from(orderItems)
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .leftJoin(festivals, eq(festivals.id, orderItems.festivalId))
    .where(eq(orderItems.orderId, order.id))
    .orderBy(orderItems.id)
    .all();
  return {
    id: order.id,
    status: order.status,
    sold: isSoldOrder(order),
    flagged: order.flag !== null,
    totalCents: order.totalCents,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    itemCount: lines.reduce((n, l) => n + l.line.quantity, 0),
    email: order.email,
    shipping: shippingOf(order, locale),
    charges: orderCharges(order.id, locale),
    reservedUntil: order.reservedUntil.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    cancelReason: order.cancelReason,
    refundedCents: order.refundedCents,
    canPay: order.status === "pending_payment" && order.reservedUntil.getTime() > clockNow().getTime(),
    lines: lines.map(({ line, store, festival, product }) => ({
      id: line.id,
      productId: line.productId,
      // The title as charged, in the checkout's language; read in another language, the catalog's title in it.
      title: order.locale === locale ? line.title : pick(product, "title", locale) || line.titleEn,
      storeName: pick(store, "name", locale),
      storeSlug: store.slug,
      unitCents: line.unitCents,
      regularCents: line.regularCents,
      quantity: line.quantity,
      refundedQuantity: line.refundedQuantity,
      refundedCents: line.refundedCents,
      festivalName: festival ? pick(festival, "name", locale) : null,
      flash: line.flashSlotItemId !== null,
      shippedAt: line.shippedAt?.toISOString() ?? null,
      carrier: line.carrier,
      trackingNumber: line.trackingNumber,
    })),
  };
}

/**
 * Guest orders join a new account only with proof that the account holder placed them: the order
 * was placed from this browser's guest cart (its signed cookie, presented at sign-up) and with the
 * account's address. An order placed elsewhere, or with another address, stays a guest order (its
 * signed link still opens it). Email verification (a later issue) will let proven addresses claim
 * the rest. Returns the orders attached.
 */
export function attachGuestOrders(args: { guestToken: string; userId: number; email: string }): number[] {
  const cartId = cartIdOf({ token: args.guestToken });
  if (cartId === null) return [];
  return getDb().transaction(
    (tx) => {
      const claimed = tx
        .select({ id: orders.id })
        .from(orders)
        .where(
          and(
            eq(orders.cartId, cartId),
            isNull(orders.userId),
            eq(sql`lower(trim(${orders.email}))`, args.email.trim().toLowerCase()),
          ),
        )
        .all()
        .map((o) => o.id);
      for (const id of claimed) {
        tx.update(orders).set({ userId: args.userId }).where(eq(orders.id, id)).run();
        recordOrderEvent(tx, id, "attached_to_account", { actor: { kind: "shopper", userId: args.userId } });
      }
      return claimed;
    },
    { behavior: "immediate" },
  );
}

export interface UnpaidOrder {
  id: number;
  totalCents: number;
  currency: string;
  reservedUntil: string;
  /** The order page (signed, so it opens for a guest too). */
  path: string;
}

/** Orders placed from this cart and not paid yet, still holding their units (shown above the cart). */
export function unpaidOrdersFromCart(owner: CartOwner | null): UnpaidOrder[] {
  const cartId = cartIdOf(owner);
  if (cartId === null) return [];
  return getDb()
    .select()
    .from(orders)
    .where(and(eq(orders.cartId, cartId), eq(orders.status, "pending_payment"), gt(orders.reservedUntil, clockNow())))
    .orderBy(desc(orders.id))
    .all()
    .map((order) => ({
      id: order.id,
      totalCents: order.totalCents,
      currency: order.currency,
      reservedUntil: order.reservedUntil.toISOString(),
      path: tokenOrderPath(order.id),
    }));
}

// ——— The owner's side: only their store's lines ———

export interface StoreOrderLine {
  lineId: number;
  orderId: number;
  orderStatus: OrderStatus;
  paidAt: string | null;
  title: string;
  quantity: number;
  unitCents: number;
  shipping: OrderDetail["shipping"];
  /** What the shopper paid this store for shipping the order's parcel (goods are the line's own price). */
  storeShipping: { method: "postal" | "express"; costCents: number } | null;
  shippedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
}

export function listStoreOrderLines(
  store: OwnStore,
  filter: { show: "to-ship" | "shipped" | "all"; page: number; locale?: Locale },
): { items: StoreOrderLine[]; pagination: Pagination; toShip: number } {
  const db = getDb();
  const base = and(eq(orderItems.storeId, store.id), orderIsSold);
  const where =
    filter.show === "to-ship"
      ? and(base, isNull(orderItems.shippedAt))
      : filter.show === "shipped"
        ? and(base, sql`${orderItems.shippedAt} IS NOT NULL`)
        : base;
  const total =
    db.select({ n: count() }).from(orderItems).innerJoin(orders, eq(orders.id, orderItems.orderId)).where(where).get()
      ?.n ?? 0;
  const toShip =
    db
      .select({ n: count() })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(and(base, isNull(orderItems.shippedAt)))
      .get()?.n ?? 0;
  const pagination = paginate(filter.page, total, 25);
  const rows = db
    .select({ line: orderItems, order: orders })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(where)
    .orderBy(desc(orders.paidAt), desc(orderItems.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  const orderIds = [...new Set(rows.map((r) => r.order.id))];
  const parcels = new Map(
    (orderIds.length === 0
      ? []
      : db
          .select({
            orderId: orderShipments.orderId,
            method: orderShipments.method,
            costCents: orderShipments.costCents,
          })
          .from(orderShipments)
          .where(and(eq(orderShipments.storeId, store.id), inArray(orderShipments.orderId, orderIds)))
          .all()
    ).map((r) => [r.orderId, { method: r.method, costCents: r.costCents }]),
  );
  return {
    toShip,
    pagination,
    items: rows.map(({ line, order }) => ({
      lineId: line.id,
      orderId: order.id,
      orderStatus: order.status,
      paidAt: order.paidAt?.toISOString() ?? null,
      title: line.titleEn === line.title ? line.title : `${line.title} (${line.titleEn})`,
      quantity: line.quantity,
      unitCents: line.unitCents,
      shipping: shippingOf(order, filter.locale ?? "en"),
      storeShipping: parcels.get(order.id) ?? null,
      shippedAt: line.shippedAt?.toISOString() ?? null,
      carrier: line.carrier,
      trackingNumber: line.trackingNumber,
    })),
  };
}

export type ShipResult =
  | { ok: true; orderStatus: OrderStatus }
  | { ok: false; error: "notFound" | "notPaid" | "badInput" | "refunded" | "refundPending" };

/**
 * Marks one of the owner's lines shipped (carrier + tracking number); the order moves to partially
 * fulfilled or fulfilled through the lifecycle. The first time, the line's units leave the shelf:
 * on hand and reserved both go down by the units still owed (refunded units were released at the
 * refund); marking it again only corrects the carrier and tracking number. Another store's line is
 * "not found", whatever its id; a line refunded in full has nothing left to ship.
 */
export function markLineShipped(
  store: OwnStore,
  lineId: number,
  input: { carrier: string; trackingNumber: string },
  actor: OrderActor = { kind: "owner" },
): ShipResult {
  const carrier = input.carrier.trim().slice(0, 60);
  const tracking = input.trackingNumber.trim().slice(0, 80);
  if (!carrier || !isTrackingNumber(tracking)) return { ok: false, error: "badInput" };
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ line: orderItems, order: orders })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(and(eq(orderItems.id, lineId), eq(orderItems.storeId, store.id)))
        .get();
      if (!row) return { ok: false, error: "notFound" } as const;
      if (!isSoldOrder(row.order)) return { ok: false, error: "notPaid" } as const;
      if (row.line.refundedQuantity >= row.line.quantity) return { ok: false, error: "refunded" } as const;
      // Units the payment provider is refunding right now must not leave in a parcel meanwhile.
      if (row.line.shippedAt === null && pendingRefundsByLine(tx, [row.line.id]).has(row.line.id))
        return { ok: false, error: "refundPending" } as const;
      const at = clockNow();
      const firstShipment = tx
        .update(orderItems)
        .set({ shippedAt: at })
        .where(and(eq(orderItems.id, lineId), isNull(orderItems.shippedAt)))
        .run();
      if (firstShipment.changes === 1)
        commitShippedLine(tx, { ...row.line, quantity: row.line.quantity - row.line.refundedQuantity });
      tx.update(orderItems).set({ carrier, trackingNumber: tracking }).where(eq(orderItems.id, lineId)).run();
      // The shopper hears of the parcel once; a corrected tracking number is not a second parcel.
      if (firstShipment.changes === 1) notifyLineShipped(tx, lineId);
      recordOrderEvent(tx, row.order.id, "line_shipped", {
        actor,
        detail: { lineId, title: row.line.titleEn, carrier, tracking, correction: firstShipment.changes === 0 },
        at,
      });
      const lines = tx.select().from(orderItems).where(eq(orderItems.orderId, row.order.id)).all();
      const status = statusAfterShipment(row.order.status, lines);
      if (status !== row.order.status) transition(tx, row.order, status, { actor, at });
      return { ok: true, orderStatus: status } as const;
    },
    { behavior: "immediate" },
  );
}

// ——— Staff views of one order: the owner (their lines only) and organizers (all of it) ———

export interface StaffOrderLine {
  id: number;
  title: string;
  storeName: string;
  storeSlug: string;
  unitCents: number;
  regularCents: number;
  quantity: number;
  refundedQuantity: number;
  refundedCents: number;
  shippedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** What may still be refunded (refunds pending count as given). */
  refundable: { quantity: number; amountCents: number };
}

export interface StaffOrder {
  id: number;
  status: OrderStatus;
  sold: boolean;
  flag: string | null;
  email: string;
  locale: Locale;
  provider: "stripe" | "demo";
  totalCents: number;
  refundedCents: number;
  currency: string;
  createdAt: string;
  paidAt: string | null;
  shipping: OrderDetail["shipping"];
  /** An owner sees their own store's shipping only; organizers every store's and the tax. */
  charges: OrderCharges;
  /**
   * The owner's part of the order (null for organizers, who see the whole total): their goods and
   * their shipping, as charged, and what of it was refunded. Other stores and the import tax are not theirs.
   */
  storePart: { goodsCents: number; shippingCents: number; totalCents: number; refundedCents: number } | null;
  lines: StaffOrderLine[];
  refundable: boolean;
}

/**
 * One order for the store owner (only their lines; null when the order holds none of them, so
 * another store's order is "not found") or an organizer (every line). Titles in English beside the
 * shopper's language, for staff who may not read it.
 */
export function getOrderForStaff(
  orderId: number,
  viewer: { store: OwnStore } | { organizer: Actor },
  locale: Locale,
): StaffOrder | null {
  if ("organizer" in viewer) assertOrganizer(viewer.organizer);
  const db = getDb();
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return null;
  const rows = db
    .select({ line: orderItems, store: stores })
    .from(orderItems)
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .where(
      and(eq(orderItems.orderId, order.id), "store" in viewer ? eq(orderItems.storeId, viewer.store.id) : undefined),
    )
    .orderBy(orderItems.id)
    .all();
  if (rows.length === 0) return null;
  const pending = pendingRefundsByLine(
    db,
    rows.map((r) => r.line.id),
  );
  const charges = orderCharges(order.id, locale, "store" in viewer ? { storeId: viewer.store.id } : {});
  let storePart: StaffOrder["storePart"] = null;
  if ("store" in viewer) {
    const goodsCents = rows.reduce((n, r) => n + r.line.unitCents * r.line.quantity, 0);
    const shippingCents = charges.shipping.reduce((n, c) => n + c.costCents, 0);
    storePart = {
      goodsCents,
      shippingCents,
      totalCents: goodsCents + shippingCents,
      refundedCents:
        rows.reduce((n, r) => n + r.line.refundedCents, 0) + charges.shipping.reduce((n, c) => n + c.refundedCents, 0),
    };
  }
  const discounts = discountsByLine(
    db,
    rows.map((r) => r.line.id),
  );
  return {
    id: order.id,
    status: order.status,
    sold: isSoldOrder(order),
    flag: order.flag,
    email: order.email,
    locale: order.locale,
    provider: order.provider,
    totalCents: order.totalCents,
    refundedCents: order.refundedCents,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    shipping: shippingOf(order, locale),
    charges,
    storePart,
    refundable: REFUNDABLE_STATUSES.includes(order.status),
    lines: rows.map(({ line, store }) => ({
      id: line.id,
      title: line.titleEn === line.title ? line.title : `${line.title} (${line.titleEn})`,
      storeName: pick(store, "name", locale),
      storeSlug: store.slug,
      unitCents: line.unitCents,
      regularCents: line.regularCents,
      quantity: line.quantity,
      refundedQuantity: line.refundedQuantity,
      refundedCents: line.refundedCents,
      shippedAt: line.shippedAt?.toISOString() ?? null,
      carrier: line.carrier,
      trackingNumber: line.trackingNumber,
      refundable: refundableOf({ ...line, discountCents: discounts.get(line.id) ?? 0 }, pending.get(line.id)),
    })),
  };
}

/** Units and cents of these lines in refunds still pending (they count as given: no double refund). */
export function pendingRefundsByLine(db: Pick<Tx, "select">, lineIds: number[]) {
  if (lineIds.length === 0) return new Map<number, { quantity: number; amountCents: number }>();
  const rows = db
    .select({
      lineId: refundLines.orderItemId,
      quantity: sql<number>`sum(${refundLines.quantity})`,
      amountCents: sql<number>`sum(${refundLines.amountCents})`,
    })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .where(and(inArray(refundLines.orderItemId, lineIds), eq(refunds.status, "pending")))
    .groupBy(refundLines.orderItemId)
    .all();
  return new Map(rows.map((r) => [r.lineId, r]));
}

export interface OrderListRow {
  id: number;
  status: OrderStatus;
  sold: boolean;
  email: string;
  totalCents: number;
  refundedCents: number;
  currency: string;
  createdAt: string;
  flagged: boolean;
}

/** Organizers' order list, newest first: by status, or one order by number or email. */
export function listOrdersForOrganizer(
  actor: Actor,
  filter: { status: OrderStatus | null; q: string; page: number },
): { items: OrderListRow[]; pagination: Pagination } {
  assertOrganizer(actor);
  const db = getDb();
  const q = filter.q.trim().toLowerCase();
  const where = and(
    filter.status ? eq(orders.status, filter.status) : undefined,
    q
      ? /^#?\d{1,9}$/.test(q)
        ? eq(orders.id, Number(q.replace("#", "")))
        : eq(sql`lower(${orders.email})`, q)
      : undefined,
  );
  const total = db.select({ n: count() }).from(orders).where(where).get()?.n ?? 0;
  const pagination = paginate(filter.page, total, 25);
  const rows = db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  return {
    pagination,
    items: rows.map((o) => ({
      id: o.id,
      status: o.status,
      sold: isSoldOrder(o),
      email: o.email,
      totalCents: o.totalCents,
      refundedCents: o.refundedCents,
      currency: o.currency,
      createdAt: o.createdAt.toISOString(),
      flagged: o.flag !== null,
    })),
  };
}

// ——— The organizer's side: sales ———

export interface SalesRow {
  key: string;
  name: string;
  orders: number;
  units: number;
  /** Goods only: the lines, net of refunds. */
  revenueCents: number;
  /** The stores' shipping, net of shipping given back; null where shipping cannot be split (festivals: it is per store, not per line). */
  shippingCents: number | null;
}

export interface SalesFigures {
  byFestival: SalesRow[];
  byStore: SalesRow[];
  byCountry: SalesRow[];
  /** Sales: goods + shipping, net of refunds (decision 033). */
  totalCents: number;
  goodsCents: number;
  shippingCents: number;
  /** Estimated import tax collected with orders to mainland China, for customs: not revenue, shown apart. */
  taxCents: number;
  /** What shoppers were charged and kept: totalCents + taxCents. */
  chargedCents: number;
  orders: number;
}

/**
 * Sales (orders paid and not refunded in full), net of refunds, by festival, by store and by the
 * store's country. Revenue is goods + shipping (the stores send the parcels and are paid for it);
 * the import tax goes to customs and is reported apart, not as revenue (decision 033).
 */
export function getSales(actor: Actor, locale: Locale): SalesFigures {
  assertOrganizer(actor);
  const db = getDb();
  const measures = {
    orders: sql<number>`count(DISTINCT ${orderItems.orderId})`,
    // Net of refunds: units given back and cents refunded are not sales.
    units: sql<number>`sum(${orderItems.quantity} - ${orderItems.refundedQuantity})`,
    revenueCents: sql<number>`sum(${orderItems.unitCents} * ${orderItems.quantity} - ${orderItems.refundedCents})`,
  };
  const shipNet = sql<number>`coalesce(sum(${orderShipments.costCents} - ${orderShipments.refundedCents}), 0)`;
  const shippingByStore = new Map(
    db
      .select({ storeId: orderShipments.storeId, cents: shipNet })
      .from(orderShipments)
      .innerJoin(orders, eq(orders.id, orderShipments.orderId))
      .where(orderIsSold)
      .groupBy(orderShipments.storeId)
      .all()
      .map((r) => [r.storeId, r.cents]),
  );
  const shippingByCountry = new Map(
    db
      .select({ code: stores.countryCode, cents: shipNet })
      .from(orderShipments)
      .innerJoin(orders, eq(orders.id, orderShipments.orderId))
      .innerJoin(stores, eq(stores.id, orderShipments.storeId))
      .where(orderIsSold)
      .groupBy(stores.countryCode)
      .all()
      .map((r) => [r.code, r.cents]),
  );
  const byFestival = db
    .select({
      id: festivals.id,
      ...localizedColumns(festivals, "name"),
      ...measures,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(festivals, eq(festivals.id, orderItems.festivalId))
    .where(orderIsSold)
    .groupBy(festivals.id)
    .all()
    .map((r) => ({
      key: r.id === null ? "none" : String(r.id),
      name: r.id === null ? "" : pick(r, "name", locale),
      orders: r.orders,
      units: r.units,
      revenueCents: r.revenueCents,
      shippingCents: null,
    }));
  const byStore = db
    .select({ id: stores.id, slug: stores.slug, ...localizedColumns(stores, "name"), ...measures })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .where(orderIsSold)
    .groupBy(stores.id)
    .all()
    .map((r) => ({
      key: r.slug,
      name: pick(r, "name", locale),
      orders: r.orders,
      units: r.units,
      revenueCents: r.revenueCents,
      shippingCents: shippingByStore.get(r.id) ?? 0,
    }));
  const byCountry = db
    .select({
      code: countries.code,
      ...localizedColumns(countries, "name"),
      ...measures,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(stores, eq(stores.id, orderItems.storeId))
    .innerJoin(countries, eq(countries.code, stores.countryCode))
    .where(orderIsSold)
    .groupBy(countries.code)
    .all()
    .map((r) => ({
      key: r.code,
      name: pick(r, "name", locale),
      orders: r.orders,
      units: r.units,
      revenueCents: r.revenueCents,
      shippingCents: shippingByCountry.get(r.code) ?? 0,
    }));
  // Stores and countries rank by what they earned: goods + shipping.
  const earned = (r: SalesRow) => r.revenueCents + (r.shippingCents ?? 0);
  const byRevenue = (a: SalesRow, b: SalesRow) => earned(b) - earned(a) || a.key.localeCompare(b.key);
  const totals = db
    .select({ n: count(), charged: sql<number>`coalesce(sum(${orders.totalCents} - ${orders.refundedCents}), 0)` })
    .from(orders)
    .where(orderIsSold)
    .get();
  const goodsCents =
    db
      .select({ cents: sql<number>`coalesce(${measures.revenueCents}, 0)` })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(orderIsSold)
      .get()?.cents ?? 0;
  const shippingCents = [...shippingByStore.values()].reduce((n, c) => n + c, 0);
  const taxCents =
    db
      .select({ cents: sql<number>`coalesce(sum(${orderTaxes.taxCents} - ${orderTaxes.refundedCents}), 0)` })
      .from(orderTaxes)
      .innerJoin(orders, eq(orders.id, orderTaxes.orderId))
      .where(orderIsSold)
      .get()?.cents ?? 0;
  return {
    byFestival: byFestival.sort(byRevenue),
    byStore: byStore.sort(byRevenue).slice(0, 20),
    byCountry: byCountry.sort(byRevenue),
    totalCents: goodsCents + shippingCents,
    goodsCents,
    shippingCents,
    taxCents,
    chargedCents: totals?.charged ?? 0,
    orders: totals?.n ?? 0,
  };
}

/**
 * A proven address claims its guest orders (decision 022): once a verification link shows the
 * account holder reads this address, every order placed without an account with it joins the
 * account, whichever browser placed it (unlike `attachGuestOrders`, which has only the browser's
 * cart to go on). Orders of other accounts are never touched. Runs in the caller's transaction (the
 * one that marks the address verified); returns the orders claimed.
 */
export function claimGuestOrdersByEmail(tx: Tx, args: { userId: number; email: string }): number[] {
  const claimed = tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(isNull(orders.userId), eq(sql`lower(trim(${orders.email}))`, args.email.trim().toLowerCase())))
    .all()
    .map((o) => o.id);
  for (const id of claimed) {
    tx.update(orders).set({ userId: args.userId }).where(eq(orders.id, id)).run();
    recordOrderEvent(tx, id, "attached_to_account", {
      actor: { kind: "shopper", userId: args.userId },
      detail: { via: "verified_email" },
    });
  }
  return claimed;
}
