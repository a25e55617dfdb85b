import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as wishlistRoute from "#app/routes/($lang).account.wishlist.tsx";
import * as followsRoute from "#app/routes/($lang).account.follows.tsx";
import * as accountRoute from "#app/routes/($lang).account._index.tsx";
import * as storeRoute from "#app/routes/($lang).stores.$slug.tsx";
import * as root from "#app/root.tsx";
import { isFollowing, wishlistedIds } from "#app/models/wishlist.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { stores } from "#db/schema/index.ts";
import { cookieFor, newShopper } from "#tests/support/auth.ts";
import { createProduct, updateProduct } from "#tests/support/factories.ts";
import { callAs, type RouteFn } from "#tests/support/loaders.ts";

type Personalised = { personal: { wishlist: number[] } };

const db = () => getDb();
const STORE = "tamale-shea-collective";

describe("wishlist (收藏) without JavaScript", () => {
  test("a plain form post saves and redirects back to the page it came from; removing works the same way", async () => {
    const shopper = await newShopper({ verified: true });
    const cookie = await cookieFor(shopper.id);
    const product = createProduct(db(), { storeSlug: STORE });
    const saved = await callAs(wishlistRoute.action as RouteFn, cookie, "/zh/account/wishlist", {
      productId: String(product.id),
      intent: "save",
      redirectTo: `/zh/products/${product.slug}`,
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/zh/products/${product.slug}`);
    expect(wishlistedIds(shopper.id, [product.id])).toEqual([product.id]);
    // Saving twice keeps one entry; the personal parts (root data after an action) hold it.
    await callAs(wishlistRoute.action as RouteFn, cookie, "/account/wishlist", {
      productId: String(product.id),
      intent: "save",
      redirectTo: "/",
    });
    const rootData = (await callAs(root.loader as RouteFn, cookie, "/_root.data")).body as Personalised;
    expect(rootData.personal.wishlist.filter((id) => id === product.id)).toHaveLength(1);
    // A document carries them in its #personal-data script, not in its (shareable) data.
    expect(((await callAs(root.loader as RouteFn, cookie, "/")).body as { personal: null }).personal).toBeNull();

    const list = (await callAs(wishlistRoute.loader as RouteFn, cookie, "/account/wishlist")).body as {
      items: { id: number; priceCents: number; available: boolean; inStock: boolean }[];
    };
    expect(list.items[0]).toMatchObject({
      id: product.id,
      priceCents: product.priceCents,
      available: true,
      inStock: true,
    });
    // A withdrawn listing stays on the list, marked unavailable.
    updateProduct(db(), product.id, { status: "archived" });
    const after = (await callAs(wishlistRoute.loader as RouteFn, cookie, "/account/wishlist")).body as {
      items: { id: number; available: boolean }[];
    };
    expect(after.items.find((i) => i.id === product.id)?.available).toBe(false);

    const removed = await callAs(wishlistRoute.action as RouteFn, cookie, "/account/wishlist", {
      productId: String(product.id),
      intent: "remove",
      redirectTo: "/account/wishlist",
    });
    expect(removed.location).toBe("/account/wishlist");
    expect(wishlistedIds(shopper.id, [product.id])).toEqual([]);
  });

  test("from a fetcher (fetch=1) the answer is JSON; an unlisted product is refused with a message", async () => {
    const shopper = await newShopper({ verified: true });
    const cookie = await cookieFor(shopper.id);
    const product = createProduct(db(), { storeSlug: STORE });
    const ok = await callAs(wishlistRoute.action as RouteFn, cookie, "/account/wishlist", {
      productId: String(product.id),
      intent: "save",
      redirectTo: "/",
      fetch: "1",
    });
    expect(ok).toMatchObject({ status: 200, body: { ok: true, saved: true } });
    const draft = createProduct(db(), { storeSlug: STORE, status: "draft" });
    const refused = await callAs(wishlistRoute.action as RouteFn, cookie, "/account/wishlist", {
      productId: String(draft.id),
      intent: "save",
      redirectTo: "/",
      fetch: "1",
    });
    expect(refused).toMatchObject({ status: 409, body: { ok: false, message: "wishlist.errorNotFound" } });
    // Without JavaScript the refusal comes back to the page as ?wishlist=.
    const plain = await callAs(wishlistRoute.action as RouteFn, cookie, "/account/wishlist", {
      productId: String(draft.id),
      intent: "save",
      redirectTo: "/search?q=shea",
    });
    expect(plain.location).toBe("/search?q=shea&wishlist=notFound");
    expect(wishlistedIds(shopper.id, [draft.id])).toEqual([]);
  });

  test("a guest is sent to sign in and back to the page; an outside redirect is not followed", async () => {
    const product = createProduct(db(), { storeSlug: STORE });
    const guest = await callAs(wishlistRoute.action as RouteFn, null, "/fr/account/wishlist", {
      productId: String(product.id),
      intent: "save",
      redirectTo: `/fr/products/${product.slug}`,
    });
    expect(guest.status).toBe(302);
    expect(guest.location).toBe(`/fr/login?${new URLSearchParams({ redirectTo: `/fr/products/${product.slug}` })}`);
    const shopper = await newShopper({ verified: true });
    const evil = await callAs(wishlistRoute.action as RouteFn, await cookieFor(shopper.id), "/account/wishlist", {
      productId: String(product.id),
      intent: "save",
      redirectTo: "//evil.example/x",
    });
    expect(evil.location).toBe("/account/wishlist");
    // A guest has no hearts: a shared page never shows anyone's.
    expect(
      ((await callAs(root.loader as RouteFn, null, "/_root.data")).body as Personalised).personal.wishlist,
    ).toEqual([]);
  });
});

describe("followed stores (关注店铺)", () => {
  test("follow and unfollow without JavaScript; /account shows the followed stores' new products", async () => {
    const shopper = await newShopper({ verified: true });
    const cookie = await cookieFor(shopper.id);
    const store = db().select().from(stores).where(eq(stores.slug, STORE)).get()!;
    const fresh = createProduct(db(), { storeSlug: STORE, createdAt: new Date(Date.now() + 60_000) });

    const page = await callAs(storeRoute.loader as RouteFn, cookie, `/stores/${STORE}`, undefined, { slug: STORE });
    expect((page.body as { following: boolean | null }).following).toBe(false);
    const guestPage = await callAs(storeRoute.loader as RouteFn, null, `/stores/${STORE}`, undefined, { slug: STORE });
    expect((guestPage.body as { following: boolean | null }).following).toBeNull();

    const followed = await callAs(followsRoute.action as RouteFn, cookie, "/account/follows", {
      storeId: String(store.id),
      intent: "follow",
      redirectTo: `/stores/${STORE}`,
    });
    expect(followed.location).toBe(`/stores/${STORE}`);
    expect(isFollowing(shopper.id, store.id)).toBe(true);

    const account = (await callAs(accountRoute.loader as RouteFn, cookie, "/account")).body as {
      following: { stores: { slug: string }[]; newProducts: { id: number }[]; liveDeals: unknown[] };
    };
    expect(account.following.stores.map((s) => s.slug)).toEqual([STORE]);
    expect(account.following.newProducts[0]?.id).toBe(fresh.id);

    const json = await callAs(followsRoute.action as RouteFn, cookie, "/account/follows", {
      storeId: String(store.id),
      intent: "unfollow",
      redirectTo: "/",
      fetch: "1",
    });
    expect(json.body).toMatchObject({ ok: true, following: false });
    expect(isFollowing(shopper.id, store.id)).toBe(false);
    const empty = (await callAs(accountRoute.loader as RouteFn, cookie, "/account")).body as {
      following: { stores: unknown[] };
    };
    expect(empty.following.stores).toEqual([]);
  });
});
