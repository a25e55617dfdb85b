import type { CountrySeed } from "./countries.ts";
import { L } from "./kinds.ts";

/** How each kind is named inside a sentence ("coffee", "咖啡", "le café"). */
export const KIND_LABELS: Record<string, L> = {
  coffee: L("coffee", "咖啡", "le café"),
  tea: L("tea", "茶叶", "le thé"),
  rooibos: L("rooibos", "路易波士茶", "le rooibos"),
  hibiscus: L("hibiscus", "洛神花", "l'hibiscus"),
  shea: L("shea butter", "乳木果油", "le beurre de karité"),
  argan: L("argan oil", "阿甘油", "l'huile d'argan"),
  "olive-oil": L("olive oil", "橄榄油", "l'huile d'olive"),
  cashew: L("cashews", "腰果", "les noix de cajou"),
  macadamia: L("macadamias", "夏威夷果", "les noix de macadamia"),
  dates: L("dates", "椰枣", "les dattes"),
  "dried-fruit": L("dried fruit", "果干", "les fruits séchés"),
  vanilla: L("vanilla", "香草", "la vanille"),
  "whole-spices": L("spices", "香料", "les épices"),
  "spice-blends": L("spice blends", "复合香料", "les mélanges d'épices"),
  cocoa: L("chocolate", "巧克力", "le chocolat"),
  baobab: L("baobab", "猴面包树果", "le baobab"),
  honey: L("honey", "蜂蜜", "le miel"),
  wine: L("wine", "葡萄酒", "les vins"),
  beverages: L("drinks", "饮品", "les boissons artisanales"),
  cosmetics: L("natural cosmetics", "天然护肤品", "les cosmétiques naturels"),
  kente: L("kente cloth", "肯特布", "le kente"),
  bogolan: L("bogolan mud cloth", "博哥兰泥染布", "le bogolan"),
  "printed-textiles": L("fabrics", "布料", "les tissus"),
  beadwork: L("jewellery", "首饰", "les bijoux"),
  carvings: L("carvings", "雕刻艺术品", "les sculptures"),
  baskets: L("baskets", "编织篮", "la vannerie"),
  "home-decor": L("homeware", "家居饰品", "les objets de décoration"),
  leather: L("leather goods", "皮具", "la maroquinerie"),
};

function joinList(parts: string[], and: string, comma = ", "): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(comma)}${and}${parts.at(-1)}`;
}

export function storeTagline(kinds: string[], country: CountrySeed): L {
  const labels = kinds.slice(0, 2).map((k) => KIND_LABELS[k]!);
  const en = joinList(
    labels.map((l) => l.en),
    " & ",
  );
  const fr = joinList(
    labels.map((l) => l.fr),
    " et ",
  );
  return L(
    `${en.charAt(0).toUpperCase()}${en.slice(1)} from ${country.nameEn}, direct from the makers`,
    `${country.nameZh}${joinList(
      labels.map((l) => l.zh),
      "与",
    )}，产地直供`,
    `${fr.charAt(0).toUpperCase()}${fr.slice(1)} ${country.ofFr}, en direct des producteurs`,
  );
}

export function storeStory(p: { name: L; city: L; founded: number; kinds: string[]; country: CountrySeed }): L {
  const labels = p.kinds.map((k) => KIND_LABELS[k]!);
  return L(
    `Founded in ${p.founded} in ${p.city.en}, ${p.name.en} brings ${joinList(
      labels.map((l) => l.en),
      " and ",
    )} from ${p.country.nameEn} to shoppers in China and around the world. We work directly with the farmers and artisans behind every product and pay them above local market prices.`,
    `${p.name.zh}于${p.founded}年在${p.city.zh}创立，把${p.country.nameZh}的${joinList(
      labels.map((l) => l.zh),
      "和",
      "、",
    )}带给中国乃至全世界的消费者。我们与每件产品背后的农户和手艺人直接合作，付给他们高于当地市场的价格。`,
    `Née en ${p.founded} à ${p.city.fr}, la maison ${p.name.fr} fait découvrir ${joinList(
      labels.map((l) => l.fr),
      " et ",
    )} ${p.country.ofFr} aux consommateurs de Chine et du monde entier. Nous travaillons directement avec les producteurs et artisans de chaque produit et les rémunérons au-dessus des prix du marché local.`,
  );
}
