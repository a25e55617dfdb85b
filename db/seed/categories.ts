export interface CategorySeed {
  slug: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
}

export const CATEGORIES: CategorySeed[] = [
  { slug: "coffee", nameEn: "Coffee", nameZh: "咖啡", nameFr: "Café" },
  { slug: "tea-infusions", nameEn: "Tea & Infusions", nameZh: "茶与花草茶", nameFr: "Thés et infusions" },
  { slug: "spices", nameEn: "Spices", nameZh: "香料", nameFr: "Épices" },
  { slug: "nuts-dried-fruit", nameEn: "Nuts & Dried Fruit", nameZh: "坚果与果干", nameFr: "Fruits secs et à coque" },
  { slug: "oils-butters", nameEn: "Oils & Butters", nameZh: "食用油与植物脂", nameFr: "Huiles et beurres" },
  { slug: "cocoa-chocolate", nameEn: "Cocoa & Chocolate", nameZh: "可可与巧克力", nameFr: "Cacao et chocolat" },
  { slug: "honey-sweets", nameEn: "Honey & Sweets", nameZh: "蜂蜜与甜食", nameFr: "Miel et douceurs" },
  { slug: "superfoods", nameEn: "Superfoods", nameZh: "超级食物", nameFr: "Superaliments" },
  { slug: "wine-beverages", nameEn: "Wine & Beverages", nameZh: "葡萄酒与饮品", nameFr: "Vins et boissons" },
  { slug: "natural-cosmetics", nameEn: "Natural Cosmetics", nameZh: "天然美妆护肤", nameFr: "Cosmétiques naturels" },
  { slug: "textiles", nameEn: "Textiles", nameZh: "纺织品", nameFr: "Textiles" },
  {
    slug: "crafts-home-decor",
    nameEn: "Crafts & Home Décor",
    nameZh: "手工艺与家居装饰",
    nameFr: "Artisanat et décoration",
  },
  { slug: "jewellery", nameEn: "Jewellery", nameZh: "珠宝首饰", nameFr: "Bijoux" },
  { slug: "leather-goods", nameEn: "Leather Goods", nameZh: "皮具", nameFr: "Maroquinerie" },
];
