/**
 * Vouchers through the routes (decision 034): owners issue at /sell/vouchers, organizers in the
 * festival editor (audited), with translated refusals that keep what was typed; shoppers claim with
 * and without JavaScript; the cart shows and changes the combination.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as editorRoute from "#app/routes/($lang).admin.festivals.$id/route.tsx";
import * as festivalVouchersRoute from "#app/routes/($lang).admin.festivals.$id_.vouchers.tsx";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import * as cartVouchersRoute from "#app/routes/($lang).cart_.vouchers.tsx";
import * as sellVouchers from "#app/routes/($lang).sell.vouchers.tsx";
import * as claimRoute from "#app/routes/($lang).vouchers.claim.tsx";
import { changeCart } from "#app/models/cart.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { auditLog, voucherClaims, vouchers } from "#db/schema/index.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, type RouteFn } from "#tests/support/loaders.ts";

beforeAll(() => freeShipping(getDb()));

const STORE = "sidama-sun-coffee";
const DAY = 86_400_000;
const db = () => getDb();
const form = (overrides: Record<string, string> = {}) => ({
  intent: "issue",
  kind: "spend",
  tier1Min: "30",
  tier1Off: "3",
  tier2Min: "80",
  tier2Off: "10",
  startsAt: "2026-01-01T00:00",
  endsAt: "2036-01-01T00:00",
  totalQuantity: "50",
  perShopperLimit: "1",
  ...overrides,
});

describe("issuing", () => {
  test("an owner issues a tiered store voucher; bad tiers are refused with the fields kept", async () => {
    const { user, store } = ownerOf(STORE);
    const cookie = await cookieFor(user.id);
    const bad = await callAs(sellVouchers.action as RouteFn, cookie, "/zh/sell/vouchers", form({ tier2Off: "2" }), {
      lang: "zh",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      ok: false,
      message: "vouchers.errorForm",
      errors: { tier1: "vouchers.tierOrder" },
      values: { tier2Off: "2" },
    });
    const late = await callAs(
      sellVouchers.action as RouteFn,
      cookie,
      "/sell/vouchers",
      form({ endsAt: "2025-01-01T00:00" }),
    );
    expect(late.body).toMatchObject({ errors: { endsAt: "vouchers.errorEndBeforeStart" } });
    const ok = await callAs(sellVouchers.action as RouteFn, cookie, "/sell/vouchers", form());
    expect(ok.status).toBe(200);
    const row = db().select().from(vouchers).where(eq(vouchers.storeId, store.id)).all().at(-1)!;
    expect(row).toMatchObject({ scope: "store", funder: "store", kind: "spend", totalQuantity: 50 });
    expect(row.tiers).toEqual([
      { minCents: 3_000, offCents: 300 },
      { minCents: 8_000, offCents: 1_000 },
    ]);
    // The list shows it; another owner cannot stop it.
    const page = await callAs(sellVouchers.loader as RouteFn, cookie, "/sell/vouchers");
    expect((page.body as { vouchers: { id: number }[] }).vouchers.some((v) => v.id === row.id)).toBe(true);
    const other = await cookieFor(ownerOf("yirga-highlands-coffee").user.id);
    const stop = await callAs(sellVouchers.action as RouteFn, other, "/sell/vouchers", {
      intent: "stop",
      voucherId: String(row.id),
    });
    expect(stop.status).toBe(404);
    // A shopper is not let in.
    const shopper = await cookieFor((await newShopper({ verified: true })).id);
    expect((await callAs(sellVouchers.action as RouteFn, shopper, "/sell/vouchers", form())).status).toBe(403);
  });

  test("organizers issue a festival voucher from the editor's section, audited; its code must be free", async () => {
    const festival = createFestival(db(), { startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY) });
    const cookie = await cookieFor(organizer().id);
    const code = `FEST${process.pid}`;
    const path = `/admin/festivals/${festival.id}/vouchers`;
    const params = { id: String(festival.id) };
    const done = await callAs(
      festivalVouchersRoute.action as RouteFn,
      cookie,
      path,
      form({ code, funder: "stores" }),
      params,
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/admin/festivals/${festival.id}?voucher=issued#vouchers`);
    const taken = await callAs(festivalVouchersRoute.action as RouteFn, cookie, path, form({ code }), params);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ message: "vouchers.errorCodeTaken" });
    const row = db().select().from(vouchers).where(eq(vouchers.code, code)).get()!;
    expect(row).toMatchObject({ scope: "festival", festivalId: festival.id, funder: "stores" });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "festival.voucher.add"))
        .all()
        .some((a) => a.entityId === String(festival.id)),
    ).toBe(true);
    const editor = await callAs(
      editorRoute.loader as RouteFn,
      cookie,
      `/admin/festivals/${festival.id}`,
      undefined,
      params,
    );
    expect(
      (editor.body as { festivalVouchers: { list: { id: number }[] } }).festivalVouchers.list.map((v) => v.id),
    ).toEqual([row.id]);
  });
});

describe("claiming and the cart", () => {
  test("a claim without JavaScript comes back to the page with the outcome; a guest is sent to sign in", async () => {
    const { user, store } = ownerOf(STORE);
    await callAs(
      sellVouchers.action as RouteFn,
      await cookieFor(user.id),
      "/sell/vouchers",
      form({ tier2Min: "", tier2Off: "" }),
    );
    const voucher = db().select().from(vouchers).where(eq(vouchers.storeId, store.id)).all().at(-1)!;
    const guest = await callAs(
      claimRoute.action as RouteFn,
      null,
      "/zh/vouchers/claim",
      { voucherId: String(voucher.id), redirectTo: `/zh/stores/${STORE}` },
      { lang: "zh" },
    );
    expect(guest.status).toBe(302);
    expect(guest.location).toMatch(/^\/zh\/login\?redirectTo=/);
    const shopper = await newShopper();
    const cookie = await cookieFor(shopper.id);
    const claimed = await callAs(
      claimRoute.action as RouteFn,
      cookie,
      "/zh/vouchers/claim",
      { voucherId: String(voucher.id), redirectTo: `/zh/stores/${STORE}` },
      { lang: "zh" },
    );
    expect(claimed.location).toBe(`/zh/stores/${STORE}?voucher=claimedOk#vouchers`);
    const again = await callAs(claimRoute.action as RouteFn, cookie, "/vouchers/claim", {
      voucherId: String(voucher.id),
      fetch: "1",
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, message: "vouchers.errorLimit" });

    // The cart applies it, and "none" is remembered for the store.
    const product = createProduct(db(), { storeSlug: STORE, priceCents: 4_000 });
    changeCart({ userId: shopper.id }, product.id, 1, "set");
    const cart = await callAs(cartRoute.loader as RouteFn, cookie, "/cart");
    const shown = cart.body as {
      vouchers: { discountCents: number; applied: { voucherId: number }[] };
      delivery: { totalCents: number };
    };
    expect(shown.vouchers.applied.map((a) => a.voucherId)).toEqual([voucher.id]);
    expect(shown.vouchers.discountCents).toBe(300);
    const chose = await callAs(cartVouchersRoute.action as RouteFn, cookie, "/cart/vouchers", {
      stores: String(store.id),
      [`store-${store.id}`]: "none",
      back: "cart",
    });
    expect(chose.location).toBe("/cart");
    const choice = chose.headers.get("Set-Cookie")!.split(";")[0]!;
    const after = await callAs(cartRoute.loader as RouteFn, `${cookie}; ${choice}`, "/cart");
    const afterBody = after.body as typeof shown;
    expect(afterBody.vouchers.discountCents).toBe(0);
    expect(afterBody.delivery.totalCents).toBe(shown.delivery.totalCents + 300);
    expect(db().select().from(voucherClaims).where(eq(voucherClaims.userId, shopper.id)).all()).toHaveLength(1);
  });
});
