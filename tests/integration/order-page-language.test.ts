import { describe, expect, test } from "vitest";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import { orderAccessToken } from "#app/models/orders.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { useEnv } from "#tests/support/env.ts";
import { createProduct } from "#tests/support/factories.ts";
import { routeArgs } from "#tests/support/loaders.ts";
import { payDemo, placeGuestOrder } from "#tests/support/shop.ts";

useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });

describe("an order page read in another language than the checkout's", () => {
  test("titles follow the reader's language; in the checkout's language they are the ones charged; items count units", async () => {
    const product = createProduct(getDb(), {
      titleEn: "Rooibos loose-leaf tea",
      titleZh: "南非路易波士茶（散装）",
      titleFr: "Thé rooibos en vrac",
      priceCents: 1200,
    });
    const { orderId, token } = await placeGuestOrder([{ productId: product.id, quantity: 2 }], { locale: "zh" });
    await payDemo(orderId, token);
    const read = async (lang: "zh" | "fr" | "en") => {
      const prefix = lang === "en" ? "" : `/${lang}`;
      const url = `http://localhost:3000${prefix}/account/orders/${orderId}?token=${orderAccessToken(orderId)}`;
      return (await orderPage.loader(
        await routeArgs(new Request(url), { ...(lang === "en" ? {} : { lang }), id: String(orderId) }),
      )) as unknown as { order: { itemCount: number; lines: { title: string }[] } };
    };
    expect((await read("zh")).order.lines[0]!.title).toBe("南非路易波士茶（散装）");
    expect((await read("fr")).order.lines[0]!.title).toBe("Thé rooibos en vrac");
    expect((await read("en")).order.lines[0]!.title).toBe("Rooibos loose-leaf tea");
    expect((await read("fr")).order.itemCount).toBe(2);
  });
});
