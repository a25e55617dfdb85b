import { asc } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { searchSynonyms } from "#db/schema/index.ts";
/**
 * Trilingual synonym groups for every product kind in the catalog: a query in one language also
 * matches products described only in another ("coffee" finds 咖啡, "乳木果油" finds karité).
 * Chinese entries are at least two characters; single characters (皮, 包, 茶 alone is the exception
 * the catalog needs) would match far too much.
 */
export const SYNONYM_GROUPS: string[][] = [
  ["coffee", "咖啡", "café"],
  ["coffee beans", "咖啡豆", "café en grains"],
  ["tea", "茶", "茶叶", "thé"],
  ["black tea", "红茶", "thé noir"],
  ["green tea", "绿茶", "thé vert"],
  ["white tea", "白茶", "thé blanc"],
  ["rooibos", "路易波士茶", "南非国宝茶", "red bush tea"],
  ["honeybush", "蜜树茶"],
  ["hibiscus", "洛神花", "bissap", "zobo", "karkade", "karkadé", "oseille de guinée"],
  ["herbal tea", "花草茶", "infusion", "tisane"],
  ["shea butter", "shea", "乳木果油", "乳木果", "beurre de karité", "karité"],
  ["argan oil", "argan", "阿甘油", "摩洛哥坚果油", "huile d'argan"],
  ["olive oil", "橄榄油", "huile d'olive"],
  ["cashew", "cashews", "腰果", "noix de cajou", "cajou"],
  ["macadamia", "夏威夷果", "澳洲坚果", "noix de macadamia"],
  ["dates", "date", "椰枣", "海枣", "dattes", "datte"],
  ["dried mango", "芒果干", "mangue séchée"],
  ["dried fruit", "果干", "fruits séchés"],
  ["vanilla", "香草", "香草荚", "vanille"],
  ["cloves", "clove", "丁香", "clou de girofle", "girofle"],
  ["cardamom", "豆蔻", "cardamome"],
  ["pepper", "胡椒", "poivre"],
  ["cinnamon", "肉桂", "cannelle"],
  ["saffron", "藏红花", "番红花", "safran"],
  ["ginger", "生姜", "干姜", "gingembre"],
  ["spices", "spice", "香料", "épices", "épice"],
  ["chocolate", "巧克力", "chocolat"],
  ["cocoa", "cacao", "可可"],
  ["baobab", "猴面包树", "猴面包树果"],
  ["moringa", "辣木"],
  ["honey", "蜂蜜", "miel"],
  ["honeycomb", "巢蜜", "rayon de miel"],
  ["wine", "葡萄酒", "红酒", "vin"],
  ["sparkling wine", "起泡酒", "vin effervescent"],
  ["ginger beer", "姜汁汽水"],
  ["black soap", "黑皂", "savon noir"],
  ["clay", "火山泥", "argile", "rhassoul"],
  ["rose water", "玫瑰纯露", "玫瑰水", "eau de rose"],
  ["essential oil", "精油", "huile essentielle"],
  ["frankincense", "乳香", "oliban", "encens"],
  ["myrrh", "没药", "myrrhe"],
  ["henna", "海娜", "henné"],
  ["skincare", "护肤", "护肤品", "soin de la peau", "cosmétiques"],
  ["kente", "肯特布"],
  ["bogolan", "mud cloth", "泥染布", "泥染", "toile de boue"],
  ["fabric", "布料", "面料", "tissu"],
  ["wax print", "ankara", "蜡染布", "蜡染", "wax"],
  ["blanket", "毛毯", "毯子", "couverture", "plaid"],
  ["beads", "beaded", "串珠", "珠子", "perles", "perlé"],
  ["necklace", "项链", "collier"],
  ["bracelet", "手镯", "手链"],
  ["earrings", "耳环", "耳坠", "boucles d'oreilles"],
  ["pendant", "吊坠", "pendentif"],
  ["silver", "银饰", "argent"],
  ["jewellery", "jewelry", "首饰", "珠宝", "bijoux"],
  ["maasai", "masai", "马赛", "massaï"],
  ["carving", "sculpture", "雕刻", "雕塑", "木雕"],
  ["makonde", "马孔德", "makondé"],
  ["mask", "面具", "masque"],
  ["basket", "baskets", "篮子", "编织篮", "panier", "vannerie"],
  ["rug", "carpet", "地毯", "tapis"],
  ["ceramic", "ceramics", "pottery", "陶瓷", "陶器", "céramique", "poterie"],
  ["painting", "绘画", "画", "peinture"],
  ["leather", "皮革", "皮具", "cuir", "maroquinerie"],
  ["bag", "handbag", "tote", "手提包", "包袋", "sac"],
  ["sandals", "凉鞋", "sandales"],
  ["wallet", "钱包", "皮夹", "portefeuille"],
  ["slippers", "babouche", "拖鞋", "babouches"],
  ["jacket", "夹克", "blouson", "veste"],
  ["candle", "蜡烛", "bougie"],
];

/** The organizers' synonym groups (the database is the source of truth; SYNONYM_GROUPS only seeds it). */
export function loadSynonymGroups(db: DB): string[][] {
  return db
    .select({ words: searchSynonyms.words })
    .from(searchSynonyms)
    .orderBy(asc(searchSynonyms.id))
    .all()
    .map((r) => r.words);
}

/** Meilisearch synonyms are one-way; every word of a group maps to all the others. */
export function synonymMap(groups: string[][] = SYNONYM_GROUPS): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) {
      const key = word.toLowerCase();
      const others = group.filter((w) => w.toLowerCase() !== key).map((w) => w.toLowerCase());
      map[key] = [...new Set([...(map[key] ?? []), ...others])];
    }
  }
  return map;
}
