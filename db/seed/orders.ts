import { sql } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { orderEvents, orderItems, orders, payments, reviews, users } from "../schema/index.ts";
import type { Random } from "./random.ts";
import { ADD_ONS, LOW, MIDDLING, POSITIVE, REPLIES, SHOPPER_NAMES } from "./review-texts.ts";

/**
 * Seeded shoppers, their paid orders and their reviews (decision 028): a modest, deterministic
 * history before the seed's "now", so product pages show ratings, sold counts and reviews in three
 * languages, owners have reviews to answer and a few parcels to ship, and organizers something to
 * moderate. Orders are written in their final state with the timeline events the app would have
 * written (created → paid → each line shipped → fulfilled); units shipped have already left the shelf
 * (the seeded counts on hand are what is left), units of paid, unshipped lines are reserved.
 */

type Lang = "en" | "zh" | "fr";
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const SHOPPER_EMAIL = "shopper@silkroad.example";
export const shopperEmail = (n: number) => (n === 0 ? SHOPPER_EMAIL : `shopper+${n}@silkroad.example`);

const CARRIERS = ["China Post / EMS", "SF Express", "DHL", "FedEx", "UPS", "Aramex", "Cainiao", "YunExpress"];
const CITIES: Record<Lang, { city: string; postcode: string; street: string[]; country: string }[]> = {
  zh: [
    {
      city: "上海",
      postcode: "200031",
      street: ["徐汇区衡山路", "静安区南京西路", "浦东新区世纪大道"],
      country: "中国",
    },
    {
      city: "北京",
      postcode: "100020",
      street: ["朝阳区建国路", "海淀区中关村大街", "东城区东四北大街"],
      country: "中国",
    },
    { city: "广州", postcode: "510623", street: ["天河区天河路", "越秀区北京路"], country: "中国" },
    { city: "杭州", postcode: "310012", street: ["西湖区文三路", "上城区延安路"], country: "中国" },
    { city: "成都", postcode: "610041", street: ["武侯区人民南路", "锦江区春熙路"], country: "中国" },
    { city: "长沙", postcode: "410005", street: ["芙蓉区五一大道", "岳麓区麓山南路"], country: "中国" },
  ],
  en: [
    { city: "Shanghai", postcode: "200040", street: ["Yuyuan Road", "Wulumuqi Road"], country: "China" },
    { city: "Shenzhen", postcode: "518048", street: ["Shennan Boulevard", "Houhai Avenue"], country: "China" },
    { city: "Hong Kong", postcode: "", street: ["Queen's Road Central", "Nathan Road"], country: "China" },
  ],
  fr: [
    { city: "Pékin", postcode: "100600", street: ["Sanlitun Lu", "Dongzhimen Wai"], country: "Chine" },
    { city: "Shanghai", postcode: "200031", street: ["Fuxing Lu", "Huaihai Zhong Lu"], country: "Chine" },
    { city: "Canton", postcode: "510620", street: ["Tianhe Lu", "Huanshi Dong Lu"], country: "Chine" },
  ],
};

interface SeedProduct {
  id: number;
  storeId: number;
  ownerId: number;
  priceCents: number;
  available: number;
  category: string;
  titleEn: string;
  titleZh: string;
  titleFr: string;
}

export interface OrderSeedSummary {
  shoppers: number;
  orders: number;
  reviews: number;
}

export function seedOrders(
  tx: Tx,
  random: Random,
  options: { now: Date; passwordHash: string; orders: number },
): OrderSeedSummary {
  const { now } = options;
  const shoppers: { id: number; email: string; name: string; lang: Lang }[] = [];
  const langs: Lang[] = ["zh", "en", "fr"];
  const rows = langs.flatMap((lang) => SHOPPER_NAMES[lang].map((name) => ({ lang, name })));
  // Interleaved so the first shoppers (and the demo shopper, n = 0, who writes Chinese) mix languages.
  rows.sort((a, b) => SHOPPER_NAMES[a.lang].indexOf(a.name) - SHOPPER_NAMES[b.lang].indexOf(b.name));
  rows.forEach(({ lang, name }, n) => {
    const email = shopperEmail(n);
    const createdAt = new Date(now.getTime() - random.int(220, 600) * DAY);
    const [row] = tx
      .insert(users)
      .values({
        email,
        passwordHash: options.passwordHash,
        role: "shopper",
        displayName: name,
        locale: lang,
        createdAt,
        emailVerifiedAt: createdAt,
      })
      .returning({ id: users.id })
      .all();
    shoppers.push({ id: row!.id, email, name, lang });
  });

  const products = tx.all<SeedProduct>(sql`
    SELECT p.id AS id, p.store_id AS storeId, s.owner_id AS ownerId, p.price_cents AS priceCents,
      p.on_hand - p.reserved AS available, c.slug AS category, p.title_en AS titleEn, p.title_zh AS titleZh, p.title_fr AS titleFr
    FROM products p JOIN stores s ON s.id = p.store_id JOIN categories c ON c.id = p.category_id
    WHERE p.status = 'active' AND s.status = 'approved' ORDER BY p.id`);
  if (products.length === 0) return { shoppers: shoppers.length, orders: 0, reviews: 0 };
  // Some products sell far more than others: an eighth of the catalog takes most orders.
  const popular = random.shuffle(products).slice(0, Math.max(1, Math.ceil(products.length / 8)));
  const reservedNow = new Map<number, number>();

  // Rows are collected with their ids and written in a few bulk inserts at the end (one statement
  // per row took most of the seed's time).
  const nextId = (table: string) =>
    (tx.get<{ n: number }>(sql.raw(`SELECT coalesce(max(id), 0) AS n FROM ${table}`))?.n ?? 0) + 1;
  let orderId = nextId("orders");
  let lineId = nextId("order_items");
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const paymentRows: (typeof payments.$inferInsert)[] = [];
  const lineRows: (typeof orderItems.$inferInsert)[] = [];
  const eventRows: (typeof orderEvents.$inferInsert)[] = [];
  const reviewRows: (typeof reviews.$inferInsert)[] = [];
  let orderCount = 0;
  let reviewCount = 0;
  for (let i = 0; i < options.orders; i++) {
    // The demo shopper has a few orders of their own, the rest spread over everyone.
    const shopper = i % 25 === 0 ? shoppers[0]! : random.pick(shoppers);
    const lang = shopper.lang;
    const ageDays = i % 25 === 0 ? random.int(8, 40) : random.int(1, 240);
    const createdAt = new Date(now.getTime() - ageDays * DAY - random.int(0, 23) * HOUR);
    const paidAt = new Date(createdAt.getTime() + random.int(1, 20) * 60_000);
    const lineCount = random.chance(0.65) ? 1 : random.chance(0.7) ? 2 : 3;
    const picked = new Map<number, SeedProduct>();
    while (picked.size < lineCount) {
      const p = random.chance(0.7) ? random.pick(popular) : random.pick(products);
      picked.set(p.id, p);
    }
    // Recent orders may still wait for their parcel; older ones have shipped.
    const waiting = ageDays <= 4 && random.chance(0.6);
    // Now and then one line of an older order is still to ship (a partly fulfilled order).
    const partly = !waiting && picked.size > 1 && random.chance(0.06);
    const lines = [...picked.values()].map((p, index) => {
      let quantity = random.chance(0.75) ? 1 : random.int(2, 3);
      // Units of a line not shipped yet are reserved: never more than the shelf has left.
      if (waiting || (partly && index === picked.size - 1)) {
        const left = p.available - (reservedNow.get(p.id) ?? 0);
        quantity = Math.min(quantity, left);
      }
      return { p, quantity };
    });
    const kept = lines.filter((l) => l.quantity > 0);
    if (kept.length === 0) continue;
    const status = waiting ? "paid" : partly && kept.length === lines.length ? "partially_fulfilled" : "fulfilled";
    const totalCents = kept.reduce((sum, l) => sum + l.p.priceCents * l.quantity, 0);
    const place = random.pick(CITIES[lang]);
    const id = orderId++;
    const order: typeof orders.$inferInsert = {
      id,
      userId: shopper.id,
      email: shopper.email,
      shipName: shopper.name,
      shipPhone:
        lang === "zh"
          ? `13${random.int(100000000, 999999999)}`
          : `+86 21 ${random.int(5000, 6999)} ${random.int(1000, 9999)}`,
      shipAddress:
        lang === "zh"
          ? `${random.pick(place.street)}${random.int(1, 400)}号`
          : `${random.int(1, 400)} ${random.pick(place.street)}`,
      shipCity: place.city,
      shipPostcode: place.postcode,
      shipCountry: place.country,
      locale: lang,
      status,
      totalCents,
      currency: "USD",
      provider: "demo",
      reservedUntil: new Date(createdAt.getTime() + 30 * 60_000),
      paidAt,
      createdAt,
      updatedAt: paidAt,
    };
    orderRows.push(order);
    orderCount++;
    paymentRows.push({
      orderId: id,
      provider: "demo",
      providerRef: `demo_seed_${id}`,
      amountCents: totalCents,
      currency: "USD",
      createdAt: paidAt,
    });
    const events: (typeof orderEvents.$inferInsert)[] = [
      {
        orderId: id,
        kind: "status",
        fromStatus: null,
        toStatus: "pending_payment",
        actorKind: "shopper",
        actorUserId: shopper.id,
        at: createdAt,
      },
      {
        orderId: id,
        kind: "status",
        fromStatus: "pending_payment",
        toStatus: "paid",
        actorKind: "payment",
        at: paidAt,
      },
    ];
    let lastShipped = paidAt;
    kept.forEach(({ p, quantity }, index) => {
      const shipped = !waiting && !(partly && kept.length === lines.length && index === kept.length - 1);
      const shippedAt = shipped ? new Date(paidAt.getTime() + random.int(6, 96) * HOUR) : null;
      if (shippedAt && shippedAt > lastShipped) lastShipped = shippedAt;
      const carrier = shipped ? random.pick(CARRIERS) : null;
      const tracking = shipped ? trackingNumber(carrier!, random) : null;
      const title = lang === "zh" ? p.titleZh || p.titleEn : lang === "fr" ? p.titleFr || p.titleEn : p.titleEn;
      const line = { id: lineId++ };
      lineRows.push({
        id: line.id,
        orderId: id,
        productId: p.id,
        storeId: p.storeId,
        title,
        titleEn: p.titleEn,
        unitCents: p.priceCents,
        regularCents: p.priceCents,
        quantity,
        shippedAt,
        carrier,
        trackingNumber: tracking,
      });
      if (!shipped) {
        reservedNow.set(p.id, (reservedNow.get(p.id) ?? 0) + quantity);
        return;
      }
      events.push({
        orderId: id,
        kind: "line_shipped",
        actorKind: "owner",
        actorUserId: p.ownerId,
        detail: { lineId: line.id, title: p.titleEn, carrier, tracking, correction: false },
        at: shippedAt!,
      });
      // Most buyers of a delivered line write a review some days later (the demo shopper leaves
      // a few unreviewed, to write one in the demo).
      const reviewAt = new Date(shippedAt!.getTime() + random.int(6, 25) * DAY + random.int(0, 23) * HOUR);
      const reviewChance = shopper === shoppers[0] ? 0.35 : 0.72;
      if (reviewAt.getTime() >= now.getTime() || !random.chance(reviewChance)) return;
      const rating = pickRating(random);
      const body = reviewText(p.category, rating, lang, random);
      const replied = rating >= 4 ? random.chance(0.25) : random.chance(0.7);
      const replyAt = new Date(reviewAt.getTime() + random.int(4, 72) * HOUR);
      reviewRows.push({
        orderItemId: line.id,
        productId: p.id,
        storeId: p.storeId,
        userId: shopper.id,
        rating,
        body,
        locale: lang,
        createdAt: reviewAt,
        ...(replied && replyAt < now
          ? { reply: random.pick(REPLIES[rating >= 4 ? "good" : "bad"][lang]), replyAt }
          : {}),
      });
      reviewCount++;
    });
    if (status !== "paid")
      events.push({
        orderId: id,
        kind: "status",
        fromStatus: "paid",
        toStatus: status,
        actorKind: "owner",
        at: lastShipped,
      });
    eventRows.push(...events);
    order.updatedAt = lastShipped;
  }
  const insertAll = <T>(rows: T[], write: (chunk: T[]) => void) => {
    for (let i = 0; i < rows.length; i += 200) write(rows.slice(i, i + 200));
  };
  insertAll(orderRows, (chunk) => tx.insert(orders).values(chunk).run());
  insertAll(paymentRows, (chunk) => tx.insert(payments).values(chunk).run());
  insertAll(lineRows, (chunk) => tx.insert(orderItems).values(chunk).run());
  insertAll(eventRows, (chunk) => tx.insert(orderEvents).values(chunk).run());
  insertAll(reviewRows, (chunk) => tx.insert(reviews).values(chunk).run());
  for (const [productId, units] of reservedNow)
    tx.run(sql`UPDATE products SET reserved = reserved + ${units} WHERE id = ${productId}`);
  // The ratings every page and the search index read (kept up to date by app/models/reviews.server.ts afterwards).
  tx.run(sql`UPDATE products SET
      rating_count = (SELECT count(*) FROM reviews r WHERE r.product_id = products.id AND r.status = 'visible'),
      rating_sum = (SELECT coalesce(sum(r.rating), 0) FROM reviews r WHERE r.product_id = products.id AND r.status = 'visible')
    WHERE id IN (SELECT product_id FROM reviews)`);
  return { shoppers: shoppers.length, orders: orderCount, reviews: reviewCount };
}

function pickRating(random: Random): number {
  const r = random.next();
  if (r < 0.52) return 5;
  if (r < 0.78) return 4;
  if (r < 0.91) return 3;
  if (r < 0.96) return 2;
  return 1;
}

function reviewText(category: string, rating: number, lang: Lang, random: Random): string {
  if (rating <= 2) return random.pick(LOW[lang]);
  if (rating === 3) return random.pick(MIDDLING[lang]);
  const pool = POSITIVE[category]?.[lang] ?? POSITIVE["crafts-home-decor"]![lang];
  const text = random.pick(pool);
  if (!random.chance(0.4)) return text;
  return `${text}${lang === "zh" ? "" : " "}${random.pick(ADD_ONS[lang])}`;
}

function trackingNumber(carrier: string, random: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join("");
  switch (carrier) {
    case "SF Express":
      return `SF${digits(12)}`;
    case "China Post / EMS":
      return `E${String.fromCharCode(65 + random.int(0, 25))}${digits(9)}CN`;
    case "Cainiao":
      return `LP00${digits(12)}`;
    case "YunExpress":
      return `YT${digits(16)}`;
    default:
      return digits(random.int(10, 12));
  }
}
