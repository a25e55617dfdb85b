import { and, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, parsePage, type Pagination } from "#app/utils/params.ts";
import {
  HIDE_REASON_MAX_LENGTH,
  MAX_REVIEW_PHOTOS,
  REPLY_MAX_LENGTH,
  REVIEWS_PER_PAGE,
  type ModerationFilter,
  type OWNER_REVIEW_FILTERS,
  REVIEW_MAX_LENGTH,
  REVIEW_MIN_LENGTH,
  cleanReviewText,
  maskedReviewer,
  textLength,
} from "#app/utils/reviews.ts";
import { now as clockNow } from "#db/clock.ts";
import type { Tx } from "#db/client.ts";
import { localizedColumns } from "#db/columns.ts";
import { orderIsSold } from "#db/rules.ts";
import { orderItems, orders, products, reviews, stores, users, type ReviewStatus } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { assertOrganizer, type Actor, type OwnStore } from "./access.server.ts";
import { recordAudit } from "./audit.server.ts";
import { pick } from "./localize.ts";
import { removeFiles, storeImage } from "./media.server.ts";

/**
 * Reviews from verified buyers (decision 028). Only the buyer of a shipped order line reviews it,
 * once; the store owner replies once; organizers hide (and restore) with a reason, audited. Every
 * change to what counts (a new visible review, a hide, a restore) updates the product's
 * rating_count / rating_sum and queues a search sync in the same transaction.
 */

export type ReviewError =
  | "notFound"
  | "notShipped"
  | "alreadyReviewed"
  | "badRating"
  | "tooShort"
  | "tooLong"
  | "tooManyPhotos"
  | "tooLarge"
  | "notAnImage"
  | "empty";

export type ReviewResult = { ok: true; reviewId: number; productSlug: string } | { ok: false; error: ReviewError };

/** An order line as its buyer sees it when reviewing. */
export interface ReviewableLine {
  lineId: number;
  orderId: number;
  productId: number;
  productSlug: string;
  title: string;
  shipped: boolean;
  review: { id: number; rating: number; body: string; status: ReviewStatus } | null;
}

const ownLine = (userId: number, lineId: number) => and(eq(orderItems.id, lineId), eq(orders.userId, userId))!;

function lineRows(where: SQL, locale: Locale) {
  return getDb()
    .select({
      lineId: orderItems.id,
      orderId: orderItems.orderId,
      productId: orderItems.productId,
      productSlug: products.slug,
      lineTitle: orderItems.title,
      ...localizedColumns(products, "title"),
      shippedAt: orderItems.shippedAt,
      reviewId: reviews.id,
      rating: reviews.rating,
      body: reviews.body,
      status: reviews.status,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .leftJoin(reviews, eq(reviews.orderItemId, orderItems.id))
    .where(where)
    .orderBy(orderItems.id)
    .all()
    .map((r): ReviewableLine => ({
      lineId: r.lineId,
      orderId: r.orderId,
      productId: r.productId,
      productSlug: r.productSlug,
      title: pick(r, "title", locale) || r.lineTitle,
      shipped: r.shippedAt !== null,
      review: r.reviewId === null ? null : { id: r.reviewId, rating: r.rating!, body: r.body!, status: r.status! },
    }));
}

/** The lines of one of the user's orders, with their reviews (another user's order: none). */
export function listReviewableLines(userId: number, orderId: number, locale: Locale): ReviewableLine[] {
  return lineRows(and(eq(orders.id, orderId), eq(orders.userId, userId))!, locale);
}

/** One of the user's own order lines (null for anyone else's line, whatever its id). */
export function getOwnLine(userId: number, lineId: number, locale: Locale): ReviewableLine | null {
  return lineRows(ownLine(userId, lineId), locale)[0] ?? null;
}

export interface ReviewInput {
  rating: number;
  body: string;
  locale: Locale;
}

function checkInput(input: ReviewInput, photoCount: number): ReviewError | null {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) return "badRating";
  const body = cleanReviewText(input.body);
  if (textLength(body) < REVIEW_MIN_LENGTH) return "tooShort";
  if (textLength(body) > REVIEW_MAX_LENGTH) return "tooLong";
  if (photoCount > MAX_REVIEW_PHOTOS) return "tooManyPhotos";
  return null;
}

function eligibility(db: Pick<Tx, "select">, userId: number, lineId: number) {
  const row = db
    .select({ line: orderItems, productSlug: products.slug, reviewId: reviews.id })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .leftJoin(reviews, eq(reviews.orderItemId, orderItems.id))
    .where(ownLine(userId, lineId))
    .get();
  if (!row) return { ok: false as const, error: "notFound" as const };
  if (row.line.shippedAt === null) return { ok: false as const, error: "notShipped" as const };
  if (row.reviewId !== null) return { ok: false as const, error: "alreadyReviewed" as const };
  return { ok: true as const, line: row.line, productSlug: row.productSlug };
}

/** Whether the user may review this line now (the form page asks before showing the form). */
export function reviewEligibility(userId: number, lineId: number): { ok: true } | { ok: false; error: ReviewError } {
  const result = eligibility(getDb(), userId, lineId);
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

/**
 * Writes the buyer's review of a shipped line, with its photos: the rules are checked before any
 * photo is decoded, the photos are stored (any bad file refuses the whole review), then the review,
 * the product's rating and the search sync commit together, the rules checked again inside. Photo
 * files of a review that does not land are removed.
 */
export async function submitReview(
  user: Actor,
  lineId: number,
  input: ReviewInput,
  uploads: Buffer[] = [],
): Promise<ReviewResult> {
  const invalid = checkInput(input, uploads.length);
  if (invalid) return { ok: false, error: invalid };
  const first = eligibility(getDb(), user.id, lineId);
  if (!first.ok) return first;
  const stored: { url: string; files: string[] }[] = [];
  for (const bytes of uploads) {
    const result = await storeImage(bytes);
    if (!result.ok) {
      for (const s of stored) removeFiles(s.files);
      return { ok: false, error: result.problem };
    }
    stored.push(result);
  }
  const body = cleanReviewText(input.body);
  let result: ReviewResult;
  try {
    result = getDb().transaction(
      (tx): ReviewResult => {
        const check = eligibility(tx, user.id, lineId);
        if (!check.ok) return check;
        const [row] = tx
          .insert(reviews)
          .values({
            orderItemId: lineId,
            productId: check.line.productId,
            storeId: check.line.storeId,
            userId: user.id,
            rating: input.rating,
            body,
            locale: input.locale,
            photos: stored.map((s) => s.url),
            createdAt: clockNow(),
          })
          .returning({ id: reviews.id })
          .all();
        countRating(tx, check.line.productId, input.rating, +1);
        return { ok: true, reviewId: row!.id, productSlug: check.productSlug };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    for (const s of stored) removeFiles(s.files);
    throw error;
  }
  if (!result.ok) for (const s of stored) removeFiles(s.files);
  return result;
}

/** Adds (+1) or removes (−1) one review's stars from the product's rating, and queues its search document. */
function countRating(tx: Pick<Tx, "update" | "insert">, productId: number, rating: number, sign: 1 | -1) {
  tx.update(products)
    .set({
      ratingCount: sql`${products.ratingCount} + ${sign}`,
      ratingSum: sql`${products.ratingSum} + ${sign * rating}`,
    })
    .where(eq(products.id, productId))
    .run();
  enqueueSearchSync(tx, "product", [productId]);
}

export type ReplyResult = { ok: true } | { ok: false; error: "notFound" | "alreadyReplied" | "tooShort" | "tooLong" };

/** The store owner's one reply to a review of their store (another store's review: not found). */
export function replyToReview(store: OwnStore, reviewId: number, text: string): ReplyResult {
  const reply = cleanReviewText(text);
  if (textLength(reply) < 2) return { ok: false, error: "tooShort" };
  if (textLength(reply) > REPLY_MAX_LENGTH) return { ok: false, error: "tooLong" };
  return getDb().transaction(
    (tx): ReplyResult => {
      const row = tx
        .select({ reply: reviews.reply })
        .from(reviews)
        .where(and(eq(reviews.id, reviewId), eq(reviews.storeId, store.id)))
        .get();
      if (!row) return { ok: false, error: "notFound" };
      if (row.reply !== null) return { ok: false, error: "alreadyReplied" };
      tx.update(reviews)
        .set({ reply, replyAt: clockNow() })
        .where(and(eq(reviews.id, reviewId), eq(reviews.storeId, store.id), isNull(reviews.reply)))
        .run();
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

export type ModerationResult = { ok: true } | { ok: false; error: "notFound" | "unchanged" | "reasonRequired" };

/**
 * An organizer hides a review (with a reason) or shows it again. A hidden review leaves the product
 * page and stops counting in the product's rating; both are audited with before and after.
 */
export function moderateReview(
  actor: Actor,
  reviewId: number,
  change: { hide: true; reason: string } | { hide: false },
): ModerationResult {
  assertOrganizer(actor);
  const reason = change.hide ? cleanReviewText(change.reason).slice(0, HIDE_REASON_MAX_LENGTH) : null;
  if (change.hide && !reason) return { ok: false, error: "reasonRequired" };
  return getDb().transaction(
    (tx): ModerationResult => {
      const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
      if (!review) return { ok: false, error: "notFound" };
      const target: ReviewStatus = change.hide ? "hidden" : "visible";
      if (review.status === target) return { ok: false, error: "unchanged" };
      tx.update(reviews)
        .set(
          change.hide
            ? { status: "hidden", hiddenReason: reason, hiddenAt: clockNow() }
            : { status: "visible", hiddenReason: null, hiddenAt: null },
        )
        .where(eq(reviews.id, reviewId))
        .run();
      countRating(tx, review.productId, review.rating, change.hide ? -1 : +1);
      recordAudit(
        tx,
        actor,
        change.hide ? "review.hide" : "review.restore",
        { type: "review", id: reviewId },
        { status: review.status, rating: review.rating, productId: review.productId, reason: review.hiddenReason },
        { status: target, reason },
      );
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

// ——— Reading ———

export interface PublicReview {
  id: number;
  rating: number;
  body: string;
  locale: Locale;
  photos: string[];
  createdAt: string;
  reviewer: string | null;
  reply: string | null;
  replyAt: string | null;
}

export interface ProductReviews {
  items: PublicReview[];
  pagination: Pagination;
  /** Visible reviews by stars, index 0 = 1 star … 4 = 5 stars. */
  distribution: number[];
}

/** A product's visible reviews, newest first (photos and replies with them). */
export function listProductReviews(productId: number, page = 1): ProductReviews {
  const db = getDb();
  const visible = and(eq(reviews.productId, productId), eq(reviews.status, "visible"))!;
  const byStars = db
    .select({ rating: reviews.rating, n: count() })
    .from(reviews)
    .where(visible)
    .groupBy(reviews.rating)
    .all();
  const distribution = [1, 2, 3, 4, 5].map((stars) => byStars.find((r) => r.rating === stars)?.n ?? 0);
  const pagination = paginate(
    page,
    distribution.reduce((a, b) => a + b, 0),
    REVIEWS_PER_PAGE,
  );
  const items = db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      body: reviews.body,
      locale: reviews.locale,
      photos: reviews.photos,
      createdAt: reviews.createdAt,
      reply: reviews.reply,
      replyAt: reviews.replyAt,
      displayName: users.displayName,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(visible)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all()
    .map(({ displayName, ...r }) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      replyAt: r.replyAt?.toISOString() ?? null,
      reviewer: maskedReviewer(displayName),
    }));
  return { items, pagination, distribution };
}

/** The product page's reviews (`?page=` pages them) and units sold. */
export function productReviewsData(productId: number, request: Request) {
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  return { reviews: listProductReviews(productId, page), sold: unitsSold(productId) };
}

/** Units of the product in orders that count as sold, less units refunded. */
export function unitsSold(productId: number): number {
  return (
    getDb()
      .select({ n: sql<number>`coalesce(sum(${orderItems.quantity} - ${orderItems.refundedQuantity}), 0)` })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(and(eq(orderItems.productId, productId), orderIsSold))
      .get()?.n ?? 0
  );
}

export interface StaffReview extends PublicReview {
  status: ReviewStatus;
  hiddenReason: string | null;
  product: { slug: string; title: string };
  storeName: string;
}

function staffRows(where: SQL | undefined, page: number, locale: Locale) {
  const db = getDb();
  const total = db.select({ n: count() }).from(reviews).where(where).get()?.n ?? 0;
  const pagination = paginate(page, total, 20);
  const items = db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      body: reviews.body,
      locale: reviews.locale,
      photos: reviews.photos,
      createdAt: reviews.createdAt,
      reply: reviews.reply,
      replyAt: reviews.replyAt,
      status: reviews.status,
      hiddenReason: reviews.hiddenReason,
      displayName: users.displayName,
      slug: products.slug,
      ...localizedColumns(products, "title"),
      ...localizedColumns(stores, "name", "storeName"),
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .innerJoin(products, eq(products.id, reviews.productId))
    .innerJoin(stores, eq(stores.id, reviews.storeId))
    .where(where)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all()
    .map((r): StaffReview => ({
      id: r.id,
      rating: r.rating,
      body: r.body,
      locale: r.locale,
      photos: r.photos,
      createdAt: r.createdAt.toISOString(),
      reply: r.reply,
      replyAt: r.replyAt?.toISOString() ?? null,
      reviewer: maskedReviewer(r.displayName),
      status: r.status,
      hiddenReason: r.hiddenReason,
      product: { slug: r.slug, title: pick(r, "title", locale) },
      storeName: pick(r, "storeName", locale),
    }));
  return { items, pagination };
}

/** The store's reviews for its owner (hidden ones too, with the organizers' reason). */
export function listStoreReviews(
  store: OwnStore,
  filter: (typeof OWNER_REVIEW_FILTERS)[number],
  page: number,
  locale: Locale,
) {
  const where = and(eq(reviews.storeId, store.id), filter === "unanswered" ? isNull(reviews.reply) : undefined);
  return staffRows(where, page, locale);
}

/** Every review for organizers: visible, hidden, low ratings (1–2 stars) or with photos. */
export function listReviewsForModeration(actor: Actor, filter: ModerationFilter, page: number, locale: Locale) {
  assertOrganizer(actor);
  const where =
    filter === "hidden"
      ? eq(reviews.status, "hidden")
      : filter === "low"
        ? and(eq(reviews.status, "visible"), sql`${reviews.rating} <= 2`)
        : filter === "photos"
          ? and(eq(reviews.status, "visible"), sql`${reviews.photos} <> '[]'`)
          : eq(reviews.status, "visible");
  return staffRows(where, page, locale);
}
