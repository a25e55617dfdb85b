import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as reviewRoute from "#app/routes/($lang).account.reviews.$lineId.tsx";
import * as orderRoute from "#app/routes/($lang).account.orders.$id.tsx";
import * as productRoute from "#app/routes/($lang).products.$slug.tsx";
import * as ownerReviews from "#app/routes/($lang).sell.reviews.tsx";
import * as adminReviews from "#app/routes/($lang).admin.reviews.tsx";
import { findOwnStore } from "#app/models/access.server.ts";
import { markLineShipped } from "#app/models/orders.server.ts";
import { getProductBySlug } from "#app/models/products.server.ts";
import {
  listProductReviews,
  moderateReview,
  replyToReview,
  submitReview,
  unitsSold,
} from "#app/models/reviews.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { auditLog, orderItems, orders, products, reviews, searchOutbox } from "#db/schema/index.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createProduct } from "#tests/support/factories.ts";
import { callAs, callRoute, routeArgs, type RouteFn } from "#tests/support/loaders.ts";
import { payDemo, placeGuestOrder } from "#tests/support/shop.ts";

useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });

const db = () => getDb();
const STORE = "yirga-highlands-coffee";
const OTHER_STORE = "nyeri-hills-coffee";

afterEach(() => resetRateLimits());

/** A paid order of `userId` (placed as a guest through the real routes, then claimed), its line ids by product. */
async function paidOrderOf(userId: number, lines: { productId: number; quantity: number }[]) {
  const { orderId, token } = await placeGuestOrder(lines);
  await payDemo(orderId, token);
  db().update(orders).set({ userId }).where(eq(orders.id, orderId)).run();
  const rows = db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).all();
  return { orderId, lineOf: (productId: number) => rows.find((r) => r.productId === productId)!.id };
}

function ship(storeSlug: string, lineId: number) {
  const store = findOwnStore(ownerOf(storeSlug).user)!;
  const result = markLineShipped(store, lineId, { carrier: "SF Express", trackingNumber: `SF${lineId}000123` });
  expect(result.ok).toBe(true);
}

const productRow = (id: number) => db().select().from(products).where(eq(products.id, id)).get()!;
const reviewCount = () => db().select().from(reviews).all().length;
const outboxFor = (id: number) =>
  db()
    .select()
    .from(searchOutbox)
    .where(and(eq(searchOutbox.entityType, "product"), eq(searchOutbox.entityId, id)))
    .all().length;

function multipart(path: string, cookie: string, fields: Record<string, string>, files: Blob[] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("photos", f, "photo.png");
  return new Request(new URL(path, "http://localhost:3000"), {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
}

describe("who may review", () => {
  let buyer: Awaited<ReturnType<typeof newShopper>>;
  let stranger: Awaited<ReturnType<typeof newShopper>>;
  let shippedProduct: ReturnType<typeof createProduct>;
  let waitingProduct: ReturnType<typeof createProduct>;
  let order: Awaited<ReturnType<typeof paidOrderOf>>;

  beforeAll(async () => {
    buyer = await newShopper({ verified: true });
    stranger = await newShopper({ verified: true });
    shippedProduct = createProduct(db(), { storeSlug: STORE, stock: 20 });
    waitingProduct = createProduct(db(), { storeSlug: STORE, stock: 20 });
    order = await paidOrderOf(buyer.id, [
      { productId: shippedProduct.id, quantity: 2 },
      { productId: waitingProduct.id, quantity: 1 },
    ]);
    ship(STORE, order.lineOf(shippedProduct.id));
  });

  test("a line not shipped yet, another user's line, a bad rating or a too short text are refused and nothing is written", async () => {
    const before = reviewCount();
    const input = { rating: 5, body: "Lovely coffee, fresh and bright.", locale: "en" as const };
    expect(await submitReview(buyer, order.lineOf(waitingProduct.id), input)).toEqual({
      ok: false,
      error: "notShipped",
    });
    expect(await submitReview(stranger, order.lineOf(shippedProduct.id), input)).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await submitReview(buyer, order.lineOf(shippedProduct.id), { ...input, rating: 6 })).toEqual({
      ok: false,
      error: "badRating",
    });
    expect(await submitReview(buyer, order.lineOf(shippedProduct.id), { ...input, rating: 0 })).toEqual({
      ok: false,
      error: "badRating",
    });
    expect(await submitReview(buyer, order.lineOf(shippedProduct.id), { ...input, body: "  ok \n " })).toEqual({
      ok: false,
      error: "tooShort",
    });
    expect(await submitReview(buyer, order.lineOf(shippedProduct.id), { ...input, body: "好".repeat(2001) })).toEqual({
      ok: false,
      error: "tooLong",
    });
    expect(reviewCount()).toBe(before);
    expect(productRow(shippedProduct.id)).toMatchObject({ ratingCount: 0, ratingSum: 0 });
  });

  test("another user's line is a 404 on the review page, and its POST writes nothing", async () => {
    const strangerCookie = await cookieFor(stranger.id);
    const lineId = String(order.lineOf(shippedProduct.id));
    const page = await callAs(reviewRoute.loader as RouteFn, strangerCookie, `/account/reviews/${lineId}`, undefined, {
      lineId,
    });
    expect(page.status).toBe(404);
    const before = reviewCount();
    const posted = await callRoute(
      reviewRoute.action as RouteFn,
      (await routeArgs(
        multipart(`/account/reviews/${lineId}`, strangerCookie, { rating: "1", body: "Not mine but angry" }),
        { lineId },
      )) as Parameters<RouteFn>[0],
    );
    expect(posted.status).toBe(404);
    expect(reviewCount()).toBe(before);
  });

  test("the buyer reviews a shipped line once (in Chinese, through the form); the rating and a search sync come with it", async () => {
    const cookie = await cookieFor(buyer.id);
    const lineId = String(order.lineOf(shippedProduct.id));
    const outboxBefore = outboxFor(shippedProduct.id);
    const posted = await callRoute(
      reviewRoute.action as RouteFn,
      (await routeArgs(
        multipart(`/zh/account/reviews/${lineId}`, cookie, {
          rating: "4",
          body: "  豆子很新鲜，手冲有花香。 \n\n\n\n回购！ ",
        }),
        { lineId, lang: "zh" },
      )) as Parameters<RouteFn>[0],
    );
    expect(posted.status, JSON.stringify(posted.body)).toBe(302);
    expect(posted.location).toBe(`/zh/products/${shippedProduct.slug}?reviewed=1#reviews`);
    const review = db()
      .select()
      .from(reviews)
      .where(eq(reviews.orderItemId, Number(lineId)))
      .get()!;
    expect(review).toMatchObject({ rating: 4, locale: "zh", userId: buyer.id, status: "visible" });
    expect(review.body).toBe("豆子很新鲜，手冲有花香。\n\n回购！");
    expect(productRow(shippedProduct.id)).toMatchObject({ ratingCount: 1, ratingSum: 4 });
    expect(outboxFor(shippedProduct.id)).toBe(outboxBefore + 1);

    const again = await submitReview(buyer, Number(lineId), { rating: 1, body: "Changed my mind", locale: "en" });
    expect(again).toEqual({ ok: false, error: "alreadyReviewed" });
    expect(productRow(shippedProduct.id)).toMatchObject({ ratingCount: 1, ratingSum: 4 });

    // The order page offers the review entry only for shipped lines, and shows the stars given.
    const page = await callAs(orderRoute.loader as RouteFn, cookie, `/account/orders/${order.orderId}`, undefined, {
      id: String(order.orderId),
    });
    const lines = (page.body as { reviewLines: { productId: number; shipped: boolean; review: unknown }[] })
      .reviewLines;
    expect(lines.find((l) => l.productId === shippedProduct.id)).toMatchObject({
      shipped: true,
      review: { rating: 4 },
    });
    expect(lines.find((l) => l.productId === waitingProduct.id)).toMatchObject({ shipped: false, review: null });
  });

  test("the product page shows the review, the rating and units sold", async () => {
    const data = (
      await callAs(productRoute.loader as RouteFn, null, `/products/${shippedProduct.slug}`, undefined, {
        slug: shippedProduct.slug,
      })
    ).body as Awaited<ReturnType<typeof productRoute.loader>>;
    expect(data.product.rating).toEqual({ average: 4, count: 1 });
    expect(data.reviews.items[0]).toMatchObject({ rating: 4, locale: "zh" });
    expect(data.reviews.distribution).toEqual([0, 0, 0, 1, 0]);
    expect(data.sold).toBe(2);
    expect(unitsSold(waitingProduct.id)).toBe(1);
  });
});

describe("owner replies and organizer moderation", () => {
  let productId: number;
  let slug: string;
  const reviewIds: number[] = [];

  beforeAll(async () => {
    const product = createProduct(db(), { storeSlug: STORE, stock: 20 });
    productId = product.id;
    slug = product.slug;
    for (const [rating, body] of [
      [5, "Excellent café, très parfumé."],
      [2, "Arrived late and the bag was torn."],
      [4, "Good beans, a bit pricey."],
    ] as const) {
      const buyer = await newShopper({ verified: true });
      const order = await paidOrderOf(buyer.id, [{ productId, quantity: 1 }]);
      ship(STORE, order.lineOf(productId));
      const result = await submitReview(buyer, order.lineOf(productId), { rating, body, locale: "en" });
      expect(result.ok).toBe(true);
      if (result.ok) reviewIds.push(result.reviewId);
    }
    expect(productRow(productId)).toMatchObject({ ratingCount: 3, ratingSum: 11 });
  });

  test("the store owner replies once; another store's owner cannot reply", async () => {
    const other = findOwnStore(ownerOf(OTHER_STORE).user)!;
    expect(replyToReview(other, reviewIds[1]!, "Not our review")).toEqual({ ok: false, error: "notFound" });
    const ownerCookie = await cookieFor(ownerOf(STORE).user.id);
    const replied = await callAs(ownerReviews.action as RouteFn, ownerCookie, "/sell/reviews", {
      reviewId: String(reviewIds[1]),
      reply: "  Sorry about that, we have changed our bags.  ",
    });
    expect(replied.body).toMatchObject({ ok: true });
    const second = await callAs(ownerReviews.action as RouteFn, ownerCookie, "/sell/reviews", {
      reviewId: String(reviewIds[1]),
      reply: "A second reply",
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ ok: false, message: "reviews.errorAlreadyReplied" });
    const row = db().select().from(reviews).where(eq(reviews.id, reviewIds[1]!)).get()!;
    expect(row.reply).toBe("Sorry about that, we have changed our bags.");
    // The owner's list: the replied review has left "awaiting your reply".
    const list = await callAs(ownerReviews.loader as RouteFn, ownerCookie, "/sell/reviews?show=unanswered");
    const ids = (list.body as { items: { id: number }[] }).items.map((r) => r.id);
    expect(ids).toContain(reviewIds[0]);
    expect(ids).not.toContain(reviewIds[1]);
    // And the product page shows the reply.
    expect(listProductReviews(productId).items.find((r) => r.id === reviewIds[1])?.reply).toBe(row.reply);
  });

  test("organizers hide a review with a reason (audited); it leaves the page and the average, and can come back", async () => {
    const admin = organizer();
    const owner = ownerOf(STORE).user;
    expect(() => moderateReview(owner, reviewIds[1]!, { hide: true, reason: "spam" })).toThrow();
    expect(moderateReview(admin, reviewIds[1]!, { hide: true, reason: "   " })).toEqual({
      ok: false,
      error: "reasonRequired",
    });
    const adminCookie = await cookieFor(admin.id);
    const hidden = await callAs(adminReviews.action as RouteFn, adminCookie, "/admin/reviews", {
      reviewId: String(reviewIds[1]),
      intent: "hide",
      reason: "Personal data in the text",
    });
    expect(hidden.body).toMatchObject({ ok: true });
    expect(productRow(productId)).toMatchObject({ ratingCount: 2, ratingSum: 9 });
    expect(getProductBySlug(slug, "en")!.rating).toEqual({ average: 4.5, count: 2 });
    const page = listProductReviews(productId);
    expect(page.items.map((r) => r.id)).not.toContain(reviewIds[1]);
    expect(page.distribution).toEqual([0, 0, 0, 1, 1]);
    const audit = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(reviewIds[1])))
      .all();
    expect(audit.at(-1)).toMatchObject({
      action: "review.hide",
      entityType: "review",
      actorId: admin.id,
      after: { status: "hidden", reason: "Personal data in the text" },
    });
    // Hiding twice changes nothing.
    expect(moderateReview(admin, reviewIds[1]!, { hide: true, reason: "again" })).toEqual({
      ok: false,
      error: "unchanged",
    });
    expect(productRow(productId)).toMatchObject({ ratingCount: 2, ratingSum: 9 });
    // The owner still sees it, with the reason.
    const ownerCookie = await cookieFor(owner.id);
    const list = await callAs(ownerReviews.loader as RouteFn, ownerCookie, "/sell/reviews?show=all");
    expect(
      (list.body as { items: { id: number; status: string; hiddenReason: string }[] }).items.find(
        (r) => r.id === reviewIds[1],
      ),
    ).toMatchObject({ status: "hidden", hiddenReason: "Personal data in the text" });

    expect(moderateReview(admin, reviewIds[1]!, { hide: false })).toEqual({ ok: true });
    expect(productRow(productId)).toMatchObject({ ratingCount: 3, ratingSum: 11 });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, String(reviewIds[1])))
        .all()
        .at(-1)?.action,
    ).toBe("review.restore");
  });

  test("a shopper or an owner cannot open the moderation page", async () => {
    const ownerCookie = await cookieFor(ownerOf(STORE).user.id);
    expect((await callAs(adminReviews.loader as RouteFn, ownerCookie, "/admin/reviews")).status).toBe(403);
    const shopper = await newShopper({ verified: true });
    expect(
      (
        await callAs(adminReviews.action as RouteFn, await cookieFor(shopper.id), "/admin/reviews", {
          reviewId: String(reviewIds[0]),
          intent: "hide",
          reason: "x",
        })
      ).status,
    ).toBe(403);
    expect(db().select().from(reviews).where(eq(reviews.id, reviewIds[0]!)).get()!.status).toBe("visible");
  });
});
