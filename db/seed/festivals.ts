import { sql } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { festivalDeals, festivalSessions, festivalStores, festivals } from "../schema/index.ts";
import type { Random } from "./random.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface FestivalSeed {
  slug: string;
  name: [en: string, zh: string, fr: string];
  tagline: [en: string, zh: string, fr: string];
  themeColor: string;
  /** Days from the anchor (UTC midnight of the seed day) and the UTC hour of day. */
  start: [days: number, hour: number];
  end: [days: number, hour: number];
  deals: number;
  /** Categories the festival leans on (half its deals), the rest from anywhere. */
  focus: string[];
}

/**
 * One live, one upcoming and one ended festival, relative to the day the seed runs (festival status
 * comes from the clock, so fixed dates would all have ended by now). 02:00 UTC is 10:00 in Beijing;
 * 16:00 UTC is midnight there, when Chinese shopping festivals traditionally end.
 */
const FESTIVALS: FestivalSeed[] = [
  {
    slug: "african-products-online-shopping-festival",
    name: [
      "African Products Online Shopping Festival",
      "非洲好物网购节",
      "Festival d'achats en ligne des produits africains",
    ],
    tagline: [
      "Ten days of prices direct from origin: coffee, tea, shea, cocoa and crafts from 100 African stores.",
      "十天产地直供特惠：咖啡、茶叶、乳木果油、可可与手工艺品，百家非洲店铺同场开卖。",
      "Dix jours de prix directs de l'origine : café, thé, karité, cacao et artisanat de 100 boutiques africaines.",
    ],
    themeColor: "#c2410c",
    start: [-3, 2],
    end: [11, 16],
    deals: 120,
    focus: ["coffee", "tea-infusions", "oils-butters", "cocoa-chocolate"],
  },
  {
    slug: "spring-festival-african-gifts",
    name: ["Spring Festival African Gifts Fair", "非洲年货节", "Foire des cadeaux africains du Nouvel An chinois"],
    tagline: [
      "Gift boxes of rooibos, coffee, honey and handmade crafts for the New Year table.",
      "路易波士茶、咖啡、蜂蜜与手工艺礼盒，为新春团圆备好年货。",
      "Coffrets de rooibos, de café, de miel et d'artisanat pour la table du Nouvel An.",
    ],
    themeColor: "#b91c1c",
    start: [24, 2],
    end: [34, 16],
    deals: 60,
    focus: ["honey-sweets", "tea-infusions", "crafts-home-decor", "wine-beverages"],
  },
  {
    slug: "silk-road-autumn-harvest-festival",
    name: [
      "Silk Road Autumn Harvest Festival",
      "丝路金秋丰收节",
      "Festival des récoltes d'automne des Routes de la soie",
    ],
    tagline: [
      "The new season's cashews, spices and dried fruit, shipped from the harvest.",
      "当季新收的腰果、香料与果干，丰收即发货。",
      "Noix de cajou, épices et fruits secs de la nouvelle saison, expédiés dès la récolte.",
    ],
    themeColor: "#a16207",
    start: [-40, 2],
    end: [-30, 16],
    deals: 80,
    focus: ["nuts-dried-fruit", "spices", "superfoods"],
  },
];

const PERCENTS = [10, 12, 15, 18, 20, 25, 30, 35];

/** Shop-style festival price for a percentage: $X.99 / $X.49, always below the regular price. */
function festivalPrice(regularCents: number, percent: number): number {
  const target = Math.round((regularCents * (100 - percent)) / 100);
  const rounded = target < 2000 ? Math.max(99, Math.round(target / 50) * 50 - 1) : Math.round(target / 100) * 100 - 1;
  return rounded < regularCents ? rounded : target;
}

interface Candidate {
  id: number;
  storeId: number;
  country: string;
  category: string;
  priceCents: number;
  cityEn: string;
  cityZh: string;
  cityFr: string;
  storeEn: string;
  storeZh: string;
  storeFr: string;
  catEn: string;
  catZh: string;
  catFr: string;
}

export function seedFestivals(tx: Tx, random: Random, anchor: Date) {
  const midnight = Math.floor(anchor.getTime() / DAY) * DAY;
  const at = ([days, hour]: [number, number]) => new Date(midnight + days * DAY + hour * HOUR);
  const candidates = tx.all<Candidate>(sql`
    SELECT p.id AS id, p.store_id AS storeId, s.country_code AS country, c.slug AS category, p.price_cents AS priceCents,
      s.city_en AS cityEn, s.city_zh AS cityZh, s.city_fr AS cityFr, s.name_en AS storeEn, s.name_zh AS storeZh, s.name_fr AS storeFr,
      c.name_en AS catEn, c.name_zh AS catZh, c.name_fr AS catFr
    FROM products p JOIN stores s ON s.id = p.store_id JOIN categories c ON c.id = p.category_id
    WHERE p.status = 'active' AND p.stock > 0 AND p.price_cents >= 500 ORDER BY p.id`);

  for (const seed of FESTIVALS) {
    const startsAt = at(seed.start);
    const endsAt = at(seed.end);
    const [festival] = tx
      .insert(festivals)
      .values({
        slug: seed.slug,
        nameEn: seed.name[0],
        nameZh: seed.name[1],
        nameFr: seed.name[2],
        taglineEn: seed.tagline[0],
        taglineZh: seed.tagline[1],
        taglineFr: seed.tagline[2],
        themeColor: seed.themeColor,
        startsAt,
        endsAt,
        published: true,
        createdAt: new Date(startsAt.getTime() - 14 * DAY),
        updatedAt: new Date(startsAt.getTime() - 14 * DAY),
      })
      .returning({ id: festivals.id })
      .all();

    // Half the deals from the festival's focus categories, the rest spread over countries: take one
    // product per country in turn so no single origin dominates the deals grid.
    const shuffled = random.shuffle(candidates);
    const focus = shuffled.filter((c) => seed.focus.includes(c.category)).slice(0, Math.floor(seed.deals / 2));
    const chosen = new Set(focus.map((c) => c.id));
    const byCountry = new Map<string, Candidate[]>();
    for (const c of shuffled) if (!chosen.has(c.id)) byCountry.set(c.country, [...(byCountry.get(c.country) ?? []), c]);
    const picked = [...focus];
    while (picked.length < seed.deals && [...byCountry.values()].some((list) => list.length > 0)) {
      for (const list of byCountry.values()) {
        const next = list.shift();
        if (next && picked.length < seed.deals) picked.push(next);
      }
    }
    const deals = random.shuffle(picked);
    tx.insert(festivalDeals)
      .values(
        deals.map((c, position) => {
          const percent = random.pick(PERCENTS);
          const fixed = random.chance(0.3);
          return {
            festivalId: festival!.id,
            productId: c.id,
            dealPriceCents: fixed ? festivalPrice(c.priceCents, percent) : null,
            discountPercent: fixed ? null : percent,
            dealStock: random.chance(0.2) ? random.int(2, 12) * 5 : null,
            position,
          };
        }),
      )
      .run();

    // Featured stores: the stores with the most deals in this festival.
    const dealsPerStore = new Map<number, Candidate[]>();
    for (const c of deals) dealsPerStore.set(c.storeId, [...(dealsPerStore.get(c.storeId) ?? []), c]);
    const ranked = [...dealsPerStore.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    tx.insert(festivalStores)
      .values(ranked.slice(0, 6).map(([storeId], position) => ({ festivalId: festival!.id, storeId, position })))
      .run();

    // Showcase schedule: two sessions a day (12:00 and 20:00 Beijing time) from the start, eight in
    // all, each a store presenting up to four of its deals.
    const presenters = ranked.slice(0, 8);
    tx.insert(festivalSessions)
      .values(
        presenters.map(([storeId, items], i) => {
          const day = Math.floor(i / 2);
          const start = new Date(
            Math.floor(startsAt.getTime() / DAY) * DAY + day * DAY + (i % 2 === 0 ? 4 : 12) * HOUR,
          );
          const lead = items[0]!;
          return {
            festivalId: festival!.id,
            storeId,
            startsAt: start,
            endsAt: new Date(start.getTime() + 2 * HOUR),
            titleEn: `${lead.storeEn} live from ${lead.cityEn}: ${lead.catEn.toLowerCase()} picks`,
            titleZh: `${lead.cityZh}直播间：${lead.storeZh}带你选${lead.catZh}`,
            titleFr: `${lead.storeFr} en direct — ${lead.cityFr} : sélection ${lead.catFr.toLowerCase()}`,
            productIds: items.slice(0, 4).map((c) => c.id),
          };
        }),
      )
      .run();
  }
}
