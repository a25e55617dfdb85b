/**
 * Product kinds of the seeded catalog: what African producers actually sell abroad, from the regions
 * that are known for it. A product is one item of a kind from one origin in one variant (pack size,
 * colour, vintage); titles and descriptions are composed from the parts below in three languages.
 */
import type { CountrySeed } from "./countries.ts";

export interface L {
  en: string;
  zh: string;
  fr: string;
}
export const L = (en: string, zh: string, fr: string): L => ({ en, zh, fr });

export interface Item extends L {
  key: string;
  /** Restricts the item to these origins; otherwise any origin of the kind. */
  origins?: string[];
  priceCents: number;
  note?: L;
}

export interface Variant extends L {
  key: string;
  factor: number;
}

export interface DescribeContext {
  country: CountrySeed;
  city: L;
  store: L;
}

export interface Kind {
  key: string;
  category: string;
  origins: string[];
  tags: string[];
  items: Item[];
  variants: Variant[];
  story: (c: DescribeContext) => L;
  care: L;
  /** Titles default to "<Adjective> <item>, <variant>"; kinds whose variant is not a size override. */
  title?: (item: Item, variant: Variant, country: CountrySeed) => L;
}

const grams = (...sizes: number[]): Variant[] =>
  sizes.map((g, i) => {
    const label = g >= 1000 ? `${g / 1000} kg` : `${g} g`;
    const zh = g >= 1000 ? `${g / 1000}公斤` : `${g}克`;
    return {
      key: `${g}g`,
      en: label,
      zh,
      fr: label.replace(".", ","),
      factor: i === 0 ? 1 : (g / sizes[0]!) * 0.82 ** i,
    };
  });

const millilitres = (...sizes: number[]): Variant[] =>
  sizes.map((ml, i) => ({
    key: `${ml}ml`,
    en: `${ml} ml`,
    zh: `${ml}毫升`,
    fr: ml % 10 === 0 && ml >= 100 ? `${ml / 10} cl` : `${ml} ml`,
    factor: i === 0 ? 1 : (ml / sizes[0]!) * 0.85 ** i,
  }));

const v = (key: string, en: string, zh: string, fr: string, factor = 1): Variant => ({ key, en, zh, fr, factor });

export const KINDS: Kind[] = [
  {
    key: "coffee",
    category: "coffee",
    origins: ["ET", "RW", "KE", "UG", "TZ", "BI", "CV", "AO", "LR", "GN", "CD", "ZW", "ZM"],
    tags: ["coffee", "arabica", "single origin"],
    items: [
      {
        key: "yirgacheffe",
        origins: ["ET"],
        priceCents: 1690,
        ...L("Yirgacheffe Washed Coffee Beans", "耶加雪菲水洗咖啡豆", "Café en grains Yirgacheffe lavé"),
        note: L(
          "Jasmine, bergamot and lemon-tea notes with a silky body.",
          "茉莉花与佛手柑香气，带柠檬茶般的余韵，口感丝滑。",
          "Notes de jasmin, de bergamote et de thé citronné, corps soyeux.",
        ),
      },
      {
        key: "sidamo",
        origins: ["ET"],
        priceCents: 1490,
        ...L("Sidamo Natural Coffee Beans", "西达摩日晒咖啡豆", "Café en grains Sidamo nature"),
        note: L(
          "Sun-dried on raised beds for blueberry and dark-chocolate sweetness.",
          "在高架床上日晒干燥，呈现蓝莓与黑巧克力般的甜感。",
          "Séché au soleil sur lits surélevés : myrtille et chocolat noir.",
        ),
      },
      {
        key: "guji",
        origins: ["ET"],
        priceCents: 1790,
        ...L("Guji Hambela Coffee Beans", "古吉罕贝拉咖啡豆", "Café en grains Guji Hambela"),
        note: L(
          "Stone fruit and honey from heirloom varieties above 2,000 m.",
          "海拔两千米以上的原生种，带核果与蜂蜜风味。",
          "Fruits à noyau et miel, variétés anciennes cultivées au-dessus de 2 000 m.",
        ),
      },
      {
        key: "harrar",
        origins: ["ET"],
        priceCents: 1590,
        ...L("Harrar Longberry Coffee Beans", "哈拉尔长豆咖啡", "Café en grains Harrar Longberry"),
        note: L(
          "A wild, winey cup with spice and dried-fruit notes.",
          "酒香浓郁，带香料与果干风味，个性鲜明。",
          "Une tasse vineuse et sauvage, aux notes d'épices et de fruits secs.",
        ),
      },
      {
        key: "kivu",
        origins: ["RW", "CD"],
        priceCents: 1550,
        ...L("Lake Kivu Red Bourbon Coffee", "基伍湖红波旁咖啡豆", "Café Bourbon rouge du lac Kivu"),
        note: L(
          "Red apple, black tea and brown sugar from the volcanic lakeshore.",
          "火山湖畔种植，带红苹果、红茶与红糖风味。",
          "Pomme rouge, thé noir et sucre roux des rives volcaniques du lac.",
        ),
      },
      {
        key: "huye",
        origins: ["RW"],
        priceCents: 1620,
        ...L("Huye Mountain Washed Coffee", "胡耶山水洗咖啡豆", "Café lavé du mont Huye"),
        note: L(
          "Cherry and hibiscus brightness from Rwanda's southern highlands.",
          "来自卢旺达南部高地，樱桃与洛神花般的明亮酸质。",
          "Vivacité de cerise et d'hibiscus des hauts plateaux du sud.",
        ),
      },
      {
        key: "nyeri-aa",
        origins: ["KE"],
        priceCents: 1890,
        ...L("Nyeri AA Coffee Beans", "涅里AA咖啡豆", "Café en grains Nyeri AA"),
        note: L(
          "Blackcurrant and grapefruit acidity, the classic Kenyan cup.",
          "黑加仑与西柚般的酸质，经典的肯尼亚风味。",
          "Acidité de cassis et de pamplemousse, la tasse kényane classique.",
        ),
      },
      {
        key: "kirinyaga",
        origins: ["KE"],
        priceCents: 1750,
        ...L("Kirinyaga AB Coffee Beans", "基里尼亚加AB咖啡豆", "Café en grains Kirinyaga AB"),
        note: L(
          "Grown on the slopes of Mount Kenya; juicy and sweet.",
          "种植于肯尼亚山山坡，多汁而甘甜。",
          "Cultivé sur les pentes du mont Kenya ; juteux et sucré.",
        ),
      },
      {
        key: "elgon",
        origins: ["UG"],
        priceCents: 1390,
        ...L("Mount Elgon Bugisu Coffee", "埃尔贡山布吉苏咖啡豆", "Café Bugisu du mont Elgon"),
        note: L(
          "Full-bodied with cocoa and raisin notes.",
          "醇厚饱满，带可可与葡萄干风味。",
          "Corsé, aux notes de cacao et de raisin sec.",
        ),
      },
      {
        key: "rwenzori",
        origins: ["UG", "CD"],
        priceCents: 1450,
        ...L("Rwenzori Mountains Coffee", "鲁文佐里山咖啡豆", "Café des monts Rwenzori"),
      },
      {
        key: "kilimanjaro",
        origins: ["TZ"],
        priceCents: 1690,
        ...L("Kilimanjaro Peaberry Coffee", "乞力马扎罗圆豆咖啡", "Café Kilimandjaro caracoli"),
        note: L(
          "Peaberries sorted by hand for a bright, rounded cup.",
          "人工挑选的圆豆，口感明亮圆润。",
          "Grains caracoli triés à la main pour une tasse vive et ronde.",
        ),
      },
      {
        key: "kayanza",
        origins: ["BI"],
        priceCents: 1590,
        ...L("Kayanza Washed Coffee Beans", "卡扬扎水洗咖啡豆", "Café en grains Kayanza lavé"),
      },
      {
        key: "fogo",
        origins: ["CV"],
        priceCents: 2290,
        ...L("Fogo Volcano Coffee", "福戈火山咖啡", "Café du volcan de Fogo"),
        note: L(
          "A rare island coffee grown in volcanic ash on Fogo.",
          "生长在福戈岛火山灰土壤中的稀有海岛咖啡。",
          "Un café insulaire rare, cultivé dans la cendre volcanique de Fogo.",
        ),
      },
      {
        key: "amboim",
        origins: ["AO"],
        priceCents: 1390,
        ...L("Amboim Highland Coffee", "安博因高原咖啡豆", "Café des hauts plateaux d'Amboim"),
      },
      {
        key: "liberica",
        origins: ["LR"],
        priceCents: 1290,
        ...L("Liberica Coffee Beans", "利比里卡咖啡豆", "Café en grains Liberica"),
        note: L(
          "The large-bean species named after Liberia: smoky, woody and jackfruit-sweet.",
          "以利比里亚命名的大颗粒咖啡品种，烟熏木质香中带菠萝蜜般的甜感。",
          "L'espèce à gros grains qui doit son nom au Liberia : fumée, bois et jacquier.",
        ),
      },
      {
        key: "ziama",
        origins: ["GN"],
        priceCents: 1190,
        ...L("Ziama-Macenta Robusta Coffee", "齐亚马-马森塔罗布斯塔咖啡", "Café robusta Ziama-Macenta"),
        note: L(
          "Guinea's forest coffee, protected by a geographical indication.",
          "几内亚森林咖啡，受地理标志保护。",
          "Le café forestier de Guinée, protégé par une indication géographique.",
        ),
      },
      {
        key: "chipinge",
        origins: ["ZW"],
        priceCents: 1490,
        ...L("Chipinge Highlands Coffee", "奇平格高地咖啡豆", "Café des hauts plateaux de Chipinge"),
      },
      {
        key: "northern-zm",
        origins: ["ZM"],
        priceCents: 1390,
        ...L("Kasama Arabica Coffee", "卡萨马阿拉比卡咖啡豆", "Café arabica de Kasama"),
      },
      {
        key: "espresso",
        priceCents: 1290,
        ...L("Espresso Roast Coffee Beans", "意式深烘咖啡豆", "Café en grains torréfaction espresso"),
      },
      {
        key: "ground",
        priceCents: 1190,
        ...L("Medium Roast Ground Coffee", "中度烘焙咖啡粉", "Café moulu torréfaction moyenne"),
      },
    ],
    variants: grams(250, 500, 1000),
    story: ({ country, city, store }) =>
      L(
        `Grown by smallholder farmers in ${country.nameEn} and roasted to order by ${store.en} in ${city.en}.`,
        `由${country.nameZh}小农户种植，${city.zh}的${store.zh}按订单新鲜烘焙。`,
        `Cultivé par de petits producteurs ${country.ofFr} et torréfié à la commande par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Ships in a resealable valve bag; best within six weeks of roasting.",
      "采用带单向排气阀的密封袋包装，建议烘焙后六周内饮用。",
      "Expédié en sachet refermable à valve ; à savourer dans les six semaines suivant la torréfaction.",
    ),
  },
  {
    key: "tea",
    category: "tea-infusions",
    origins: ["KE", "RW", "MW", "UG", "TZ", "BI", "MU", "ZW"],
    tags: ["tea", "black tea"],
    items: [
      {
        key: "ctc",
        priceCents: 690,
        ...L("Highland Black Tea (CTC)", "高山红碎茶", "Thé noir des hauts plateaux (CTC)"),
        note: L(
          "Brisk and malty; stands up to milk.",
          "浓强鲜爽，带麦芽香，适合调制奶茶。",
          "Vif et malté ; se marie très bien avec le lait.",
        ),
      },
      {
        key: "orthodox",
        priceCents: 990,
        ...L("Orthodox Whole-Leaf Black Tea", "传统工艺全叶红茶", "Thé noir orthodoxe en feuilles entières"),
      },
      {
        key: "green",
        priceCents: 890,
        ...L("Green Tea", "绿茶", "Thé vert"),
        note: L(
          "Steamed and rolled; fresh and grassy.",
          "蒸青揉捻，清新带青草香。",
          "Étuvé et roulé ; frais et herbacé.",
        ),
      },
      {
        key: "purple",
        origins: ["KE"],
        priceCents: 1490,
        ...L("Purple Tea", "紫茶", "Thé violet"),
        note: L(
          "A Kenyan cultivar rich in anthocyanins, light and slightly woody.",
          "肯尼亚培育的花青素丰富的茶种，口感清淡，略带木质香。",
          "Un cultivar kényan riche en anthocyanes, léger et légèrement boisé.",
        ),
      },
      {
        key: "silver-tips",
        origins: ["KE", "MW", "RW"],
        priceCents: 2490,
        ...L("Silver Tips White Tea", "银针白茶", "Thé blanc Silver Tips"),
        note: L(
          "Hand-picked buds only, withered in the sun.",
          "只采嫩芽，日光萎凋。",
          "Uniquement des bourgeons cueillis à la main et flétris au soleil.",
        ),
      },
      {
        key: "satemwa",
        origins: ["MW"],
        priceCents: 1190,
        ...L("Shire Highlands Black Tea", "希雷高地红茶", "Thé noir des hautes terres de la Shire"),
      },
      {
        key: "vanilla-tea",
        origins: ["MU"],
        priceCents: 890,
        ...L("Vanilla Black Tea", "香草红茶", "Thé noir à la vanille"),
      },
    ],
    variants: grams(100, 250, 500),
    story: ({ country, city, store }) =>
      L(
        `Plucked on the estates and cooperatives of ${country.nameEn} and packed by ${store.en} in ${city.en}.`,
        `采自${country.nameZh}的茶园与合作社，由${city.zh}的${store.zh}分装。`,
        `Cueilli dans les plantations et coopératives ${country.ofFr}, conditionné par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Brew with freshly boiled water for three to four minutes.",
      "用刚煮沸的水冲泡三至四分钟。",
      "Infuser trois à quatre minutes dans une eau frémissante.",
    ),
  },
  {
    key: "rooibos",
    category: "tea-infusions",
    origins: ["ZA"],
    tags: ["rooibos", "caffeine free", "herbal tea"],
    items: [
      {
        key: "classic",
        priceCents: 790,
        ...L("Cederberg Rooibos", "塞德堡路易波士茶", "Rooibos du Cederberg"),
        note: L(
          "Naturally caffeine-free with honeyed, woody notes.",
          "天然无咖啡因，带蜂蜜与木质香气。",
          "Naturellement sans caféine, aux notes boisées et miellées.",
        ),
      },
      {
        key: "green-rooibos",
        priceCents: 890,
        ...L("Green (Unfermented) Rooibos", "绿路易波士茶（未发酵）", "Rooibos vert non fermenté"),
      },
      {
        key: "honeybush",
        priceCents: 850,
        ...L("Honeybush Tea", "蜜树茶", "Thé honeybush"),
        note: L(
          "Rooibos's sweeter cousin from the Eastern Cape mountains.",
          "路易波士茶的“表亲”，产自东开普省山区，口感更甜。",
          "Le cousin plus doux du rooibos, des montagnes du Cap-Oriental.",
        ),
      },
      {
        key: "vanilla-rooibos",
        priceCents: 950,
        ...L("Rooibos with Madagascar Vanilla", "马达加斯加香草路易波士茶", "Rooibos à la vanille de Madagascar"),
      },
    ],
    variants: grams(100, 250, 500),
    story: ({ city, store }) =>
      L(
        `Grown only in the Cederberg region of the Western Cape and blended by ${store.en} in ${city.en}.`,
        `仅产于西开普省塞德堡地区，由${city.zh}的${store.zh}拼配包装。`,
        `Cultivé uniquement dans la région du Cederberg, au Cap-Occidental, et assemblé par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Steep for five minutes or longer; it never turns bitter.",
      "冲泡五分钟以上也不会发苦。",
      "Infuser cinq minutes ou plus ; il ne devient jamais amer.",
    ),
  },
  {
    key: "hibiscus",
    category: "tea-infusions",
    origins: ["SN", "NG", "SD", "ML", "EG", "BF", "TD"],
    tags: ["hibiscus", "bissap", "herbal tea"],
    items: [
      {
        key: "flowers",
        priceCents: 650,
        ...L("Dried Hibiscus Flowers", "洛神花干", "Fleurs d'hibiscus séchées"),
        note: L(
          "Deep ruby calyces for hot tea or iced bissap.",
          "深宝石红色花萼，可热饮，也可冰镇做成比萨普饮品。",
          "Calices rouge rubis pour une infusion chaude ou un bissap glacé.",
        ),
      },
      {
        key: "bissap-mint",
        origins: ["SN", "ML", "BF"],
        priceCents: 790,
        ...L("Bissap Hibiscus & Mint Infusion", "洛神花薄荷花草茶", "Infusion bissap à la menthe"),
      },
      {
        key: "zobo",
        origins: ["NG"],
        priceCents: 750,
        ...L(
          "Zobo Hibiscus, Ginger & Clove Mix",
          "佐波洛神花姜丁香茶包",
          "Mélange zobo hibiscus, gingembre et clou de girofle",
        ),
        note: L(
          "The spiced hibiscus drink served across Nigeria.",
          "尼日利亚家家户户都喝的香料洛神花饮品。",
          "La boisson d'hibiscus épicée que l'on sert dans tout le Nigeria.",
        ),
      },
      {
        key: "karkanji",
        origins: ["TD"],
        priceCents: 750,
        ...L("Karkanji Hibiscus & Ginger Blend", "卡尔坎吉洛神花姜茶", "Mélange karkanji hibiscus et gingembre"),
      },
      {
        key: "karkade",
        origins: ["SD", "EG"],
        priceCents: 690,
        ...L("Karkadé Hibiscus Tea", "卡卡德洛神花茶", "Infusion de karkadé"),
      },
    ],
    variants: grams(100, 250, 500),
    story: ({ country, city, store }) =>
      L(
        `Hand-harvested in ${country.nameEn}, sun-dried and sorted by ${store.en} in ${city.en}.`,
        `在${country.nameZh}人工采摘、日晒干燥，由${city.zh}的${store.zh}挑选包装。`,
        `Récolté à la main ${country.ofFr}, séché au soleil et trié par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Steep a tablespoon in hot water for eight minutes, or cold-brew overnight.",
      "一汤匙用热水浸泡八分钟，或冷水浸泡过夜。",
      "Infuser une cuillère à soupe huit minutes, ou à froid pendant une nuit.",
    ),
  },
  {
    key: "shea",
    category: "oils-butters",
    origins: ["GH", "BF", "ML", "TG", "BJ", "NG", "TD"],
    tags: ["shea butter", "karité", "unrefined"],
    items: [
      {
        key: "raw",
        priceCents: 990,
        ...L("Unrefined Shea Butter", "未精炼乳木果油", "Beurre de karité brut"),
        note: L(
          "Hand-churned by women's cooperatives; ivory to golden, with a nutty scent.",
          "由妇女合作社手工搅制，呈象牙色至金黄色，带坚果香气。",
          "Baratté à la main par des coopératives de femmes ; ivoire à doré, au parfum de noisette.",
        ),
      },
      {
        key: "whipped",
        priceCents: 1290,
        ...L(
          "Whipped Shea Butter with Baobab Oil",
          "猴面包树油打发乳木果油",
          "Beurre de karité fouetté à l'huile de baobab",
        ),
      },
      { key: "cooking", priceCents: 890, ...L("Culinary Shea Butter", "食用乳木果脂", "Beurre de karité alimentaire") },
      {
        key: "organic",
        priceCents: 1190,
        ...L("Certified Organic Shea Butter", "有机认证乳木果油", "Beurre de karité bio certifié"),
      },
    ],
    variants: grams(250, 500, 1000),
    story: ({ country, city, store }) =>
      L(
        `The nuts are gathered from wild shea trees in the savannah of ${country.nameEn}; ${store.en} in ${city.en} buys directly from the women who process them.`,
        `果实采自${country.nameZh}稀树草原上的野生乳木果树，${city.zh}的${store.zh}直接向加工乳木果的妇女采购。`,
        `Les noix sont ramassées sous les karités sauvages de la savane ${country.ofFr} ; ${store.fr}, à ${city.fr}, achète directement aux femmes qui les transforment.`,
      ),
    care: L(
      "Keep below 30 °C; it softens in the warmth of the hand.",
      "请在30°C以下保存，手温即可使其软化。",
      "Conserver sous 30 °C ; il fond à la chaleur de la main.",
    ),
  },
  {
    key: "argan",
    category: "oils-butters",
    origins: ["MA"],
    tags: ["argan oil", "cold pressed"],
    items: [
      {
        key: "culinary",
        priceCents: 1890,
        ...L("Toasted Culinary Argan Oil", "烘焙食用阿甘油", "Huile d'argan alimentaire torréfiée"),
        note: L(
          "Pressed from toasted kernels; nutty, for couscous and amlou.",
          "由烘焙果仁压榨，坚果香浓郁，适合古斯米与阿姆卢酱。",
          "Pressée à partir d'amandons torréfiés ; goût de noisette, pour le couscous et l'amlou.",
        ),
      },
      {
        key: "cosmetic",
        priceCents: 2190,
        ...L("Cold-Pressed Cosmetic Argan Oil", "冷压护肤阿甘油", "Huile d'argan cosmétique pressée à froid"),
      },
      {
        key: "amlou",
        priceCents: 1290,
        ...L("Amlou Almond, Argan & Honey Spread", "阿姆卢杏仁阿甘油蜂蜜酱", "Amlou aux amandes, argan et miel"),
      },
    ],
    variants: millilitres(100, 250, 500),
    story: ({ city, store }) =>
      L(
        `Cracked by hand by Amazigh women's cooperatives of the Souss valley and bottled by ${store.en} in ${city.en}.`,
        `由苏斯河谷的阿马齐格妇女合作社手工剥壳，${city.zh}的${store.zh}装瓶。`,
        `Concassé à la main par les coopératives de femmes amazighes de la vallée du Souss et mis en bouteille par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Store away from light; keeps twelve months unopened.",
      "请避光保存，未开封可保存十二个月。",
      "Conserver à l'abri de la lumière ; se garde douze mois fermée.",
    ),
  },
  {
    key: "olive-oil",
    category: "oils-butters",
    origins: ["TN", "MA", "DZ", "LY"],
    tags: ["olive oil", "extra virgin"],
    items: [
      {
        key: "chemlali",
        origins: ["TN", "LY"],
        priceCents: 1390,
        ...L("Chemlali Extra Virgin Olive Oil", "谢姆拉利特级初榨橄榄油", "Huile d'olive vierge extra Chemlali"),
        note: L(
          "Mild and fruity, from the ancient groves around Sfax.",
          "温和果香，来自斯法克斯周边的古老橄榄园。",
          "Douce et fruitée, des oliveraies séculaires autour de Sfax.",
        ),
      },
      {
        key: "chetoui",
        origins: ["TN"],
        priceCents: 1590,
        ...L("Chetoui Early Harvest Olive Oil", "谢图伊早收橄榄油", "Huile d'olive Chétoui de récolte précoce"),
        note: L(
          "Peppery and green, rich in polyphenols.",
          "青草香与胡椒般的辛辣感，多酚含量高。",
          "Verte et poivrée, riche en polyphénols.",
        ),
      },
      {
        key: "picholine",
        origins: ["MA"],
        priceCents: 1490,
        ...L("Picholine Extra Virgin Olive Oil", "皮乔林特级初榨橄榄油", "Huile d'olive vierge extra Picholine"),
      },
      {
        key: "kabylie",
        origins: ["DZ"],
        priceCents: 1490,
        ...L("Kabylie Extra Virgin Olive Oil", "卡比利亚特级初榨橄榄油", "Huile d'olive vierge extra de Kabylie"),
      },
      {
        key: "organic-evoo",
        priceCents: 1690,
        ...L("Organic Extra Virgin Olive Oil", "有机特级初榨橄榄油", "Huile d'olive vierge extra bio"),
      },
    ],
    variants: millilitres(250, 500, 750),
    story: ({ country, city, store }) =>
      L(
        `Cold-extracted within hours of harvest in ${country.nameEn} and bottled by ${store.en} in ${city.en}.`,
        `在${country.nameZh}采收后数小时内冷萃，由${city.zh}的${store.zh}装瓶。`,
        `Extraite à froid quelques heures après la récolte ${country.ofFr} et mise en bouteille par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Keep cool and dark; best within eighteen months.",
      "请阴凉避光保存，十八个月内风味最佳。",
      "Conserver au frais et à l'abri de la lumière ; à consommer de préférence sous dix-huit mois.",
    ),
  },
  {
    key: "cashew",
    category: "nuts-dried-fruit",
    origins: ["CI", "TZ", "MZ", "GH", "BJ", "GW", "GM", "NG"],
    tags: ["cashew", "nuts"],
    items: [
      {
        key: "w240",
        priceCents: 1290,
        ...L("Whole Cashews W240", "W240整粒腰果", "Noix de cajou entières W240"),
        note: L(
          "Large whole kernels, the grade prized for snacking.",
          "大颗整粒，是零食首选等级。",
          "Gros amandons entiers, le calibre préféré pour l'apéritif.",
        ),
      },
      {
        key: "roasted-salted",
        priceCents: 1190,
        ...L("Roasted Salted Cashews", "盐焗腰果", "Noix de cajou grillées et salées"),
      },
      {
        key: "chili",
        priceCents: 1250,
        ...L("Chilli-Lime Roasted Cashews", "青柠辣味烤腰果", "Noix de cajou grillées citron vert et piment"),
      },
      {
        key: "honey-cashew",
        priceCents: 1350,
        ...L("Honey-Glazed Cashews", "蜂蜜腰果", "Noix de cajou caramélisées au miel"),
      },
      { key: "raw-cashew", priceCents: 1090, ...L("Raw Cashew Kernels", "生腰果仁", "Noix de cajou crues") },
    ],
    variants: grams(250, 500, 1000),
    story: ({ country, city, store }) =>
      L(
        `Grown on family farms in ${country.nameEn} and shelled and graded locally by ${store.en} in ${city.en}, so more of the value stays at origin.`,
        `产自${country.nameZh}的家庭农场，由${city.zh}的${store.zh}在当地脱壳分级，让更多收益留在原产地。`,
        `Cultivées dans des exploitations familiales ${country.ofFr}, décortiquées et calibrées sur place par ${store.fr} à ${city.fr}, pour que la valeur reste à l'origine.`,
      ),
    care: L(
      "Packed in a nitrogen-flushed pouch; reseal after opening.",
      "充氮袋包装，开封后请密封保存。",
      "Conditionnées sous atmosphère protectrice ; refermer après ouverture.",
    ),
  },
  {
    key: "macadamia",
    category: "nuts-dried-fruit",
    origins: ["KE", "MW", "ZA"],
    tags: ["macadamia", "nuts"],
    items: [
      {
        key: "raw",
        priceCents: 1690,
        ...L("Raw Macadamia Nuts", "生夏威夷果仁", "Noix de macadamia crues"),
        note: L(
          "Buttery, creamy halves and wholes.",
          "半粒与整粒混装，口感香滑如黄油。",
          "Moitiés et noix entières, beurrées et fondantes.",
        ),
      },
      {
        key: "roasted",
        priceCents: 1790,
        ...L("Dry-Roasted Macadamias", "干烤夏威夷果", "Noix de macadamia grillées à sec"),
      },
      {
        key: "in-shell",
        priceCents: 1290,
        ...L("Cracked-Shell Macadamias", "开口夏威夷果", "Noix de macadamia en coque fendue"),
      },
    ],
    variants: grams(250, 500, 1000),
    story: ({ country, city, store }) =>
      L(
        `From orchards in ${country.nameEn}, cracked and sorted by ${store.en} in ${city.en}.`,
        `来自${country.nameZh}的果园，由${city.zh}的${store.zh}开壳分拣。`,
        `Issues de vergers ${country.ofFr}, cassées et triées par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Keep cool and sealed; the oils are delicate.",
      "请密封阴凉保存，果仁油脂娇嫩。",
      "Conserver au frais dans un contenant fermé ; leurs huiles sont délicates.",
    ),
  },
  {
    key: "dates",
    category: "nuts-dried-fruit",
    origins: ["EG", "DZ", "TN", "MR", "LY", "SD"],
    tags: ["dates"],
    items: [
      {
        key: "deglet-nour",
        origins: ["DZ", "TN", "LY"],
        priceCents: 990,
        ...L("Deglet Nour Dates on the Branch", "带枝德格莱特努尔椰枣", "Dattes Deglet Nour en branches"),
        note: L(
          "Translucent amber 'dates of light' from the desert oases.",
          "来自沙漠绿洲的“光之椰枣”，琥珀色半透明。",
          "Les « dattes de lumière », ambrées et translucides, des oasis du désert.",
        ),
      },
      {
        key: "siwi",
        origins: ["EG"],
        priceCents: 890,
        ...L("Siwa Oasis Siwi Dates", "锡瓦绿洲西维椰枣", "Dattes Siwi de l'oasis de Siwa"),
      },
      {
        key: "medjool",
        origins: ["EG", "MR"],
        priceCents: 1690,
        ...L("Medjool Dates", "椰枣之王麦家椰枣", "Dattes Medjool"),
        note: L(
          "Large, soft and caramel-sweet.",
          "个大肉软，带焦糖般的甜味。",
          "Grosses, moelleuses, au goût de caramel.",
        ),
      },
      {
        key: "stuffed",
        origins: ["TN", "DZ", "EG"],
        priceCents: 1490,
        ...L("Almond-Stuffed Dates", "杏仁夹心椰枣", "Dattes fourrées aux amandes"),
      },
      { key: "date-paste", priceCents: 690, ...L("Pure Date Paste", "纯椰枣泥", "Pâte de dattes pure") },
    ],
    variants: grams(500, 1000, 2000),
    story: ({ country, city, store }) =>
      L(
        `Hand-picked in the palm groves of ${country.nameEn} and packed by ${store.en} in ${city.en}.`,
        `在${country.nameZh}的椰枣林中人工采摘，由${city.zh}的${store.zh}包装。`,
        `Cueillies à la main dans les palmeraies ${country.ofFr} et conditionnées par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Keep in a cool place; refrigerate in hot weather.",
      "请置于阴凉处，天热时冷藏。",
      "Conserver dans un endroit frais ; au réfrigérateur par temps chaud.",
    ),
  },
  {
    key: "dried-fruit",
    category: "nuts-dried-fruit",
    origins: ["BF", "GH", "ML", "TG", "BJ", "GN", "SL", "CM", "TZ"],
    tags: ["dried fruit", "no added sugar"],
    items: [
      {
        key: "mango",
        origins: ["BF", "ML", "GH", "GN", "SL"],
        priceCents: 890,
        ...L("Dried Amelie Mango Slices", "阿梅莉芒果干", "Tranches de mangue Amélie séchées"),
        note: L(
          "No sugar added; just ripe mango, sliced and sun-dried.",
          "无添加糖，只用熟透的芒果切片晒干。",
          "Sans sucre ajouté : de la mangue mûre, tranchée et séchée.",
        ),
      },
      {
        key: "pineapple",
        origins: ["GH", "BJ", "TG", "CM"],
        priceCents: 850,
        ...L("Dried Pineapple Rings", "菠萝干圈", "Rondelles d'ananas séchées"),
      },
      {
        key: "papaya",
        origins: ["GH", "TG", "CM"],
        priceCents: 790,
        ...L("Dried Papaya Chunks", "木瓜干块", "Morceaux de papaye séchée"),
      },
      { key: "banana", priceCents: 690, ...L("Sun-Dried Banana", "日晒香蕉干", "Bananes séchées au soleil") },
    ],
    variants: grams(150, 300, 1000),
    story: ({ country, city, store }) =>
      L(
        `Ripe fruit from growers in ${country.nameEn}, dried in solar dryers by ${store.en} in ${city.en}.`,
        `选用${country.nameZh}果农种植的成熟水果，由${city.zh}的${store.zh}用太阳能干燥设备烘干。`,
        `Des fruits mûrs de producteurs ${country.ofFr}, séchés dans des séchoirs solaires par ${store.fr} à ${city.fr}.`,
      ),
    care: L("Reseal the pouch after opening.", "开封后请封好袋口。", "Refermer le sachet après ouverture."),
  },
  {
    key: "vanilla",
    category: "spices",
    origins: ["MG", "KM", "UG", "SC", "TZ"],
    tags: ["vanilla", "bourbon vanilla"],
    items: [
      {
        key: "grade-a",
        priceCents: 2490,
        ...L("Grade A Bourbon Vanilla Pods", "A级波旁香草荚", "Gousses de vanille Bourbon catégorie A"),
        note: L(
          "Plump, oily pods 16–18 cm long, cured for months.",
          "荚果饱满油润，长16至18厘米，经数月发酵熟成。",
          "Gousses charnues et huileuses de 16 à 18 cm, affinées pendant des mois.",
        ),
      },
      {
        key: "grade-b",
        priceCents: 1690,
        ...L("Grade B Vanilla Pods for Extract", "B级萃取用香草荚", "Gousses de vanille catégorie B pour extrait"),
      },
      {
        key: "gourmet",
        priceCents: 2990,
        ...L(
          "Gourmet Black Vanilla Pods (18 cm+)",
          "特选黑香草荚（18厘米以上）",
          "Gousses de vanille noire gourmet (18 cm et plus)",
        ),
      },
      {
        key: "organic",
        priceCents: 2790,
        ...L("Organic Bourbon Vanilla Pods", "有机波旁香草荚", "Gousses de vanille Bourbon bio"),
      },
    ],
    variants: [
      v("10", "10 pods", "10根装", "10 gousses"),
      v("25", "25 pods", "25根装", "25 gousses", 2.2),
      v("50", "50 pods", "50根装", "50 gousses", 3.9),
    ],
    story: ({ country, city, store }) =>
      L(
        `Each flower is pollinated by hand in ${country.nameEn}; ${store.en} in ${city.en} cures the pods slowly in the sun and in wooden trunks.`,
        `在${country.nameZh}，每一朵香草花都靠人工授粉；${city.zh}的${store.zh}以日晒与木箱发汗慢慢熟成香草荚。`,
        `Chaque fleur est pollinisée à la main ${country.ofFr} ; ${store.fr}, à ${city.fr}, affine lentement les gousses au soleil et en malles de bois.`,
      ),
    care: L(
      "Keep in the glass tube away from light; do not refrigerate.",
      "请放在玻璃管中避光保存，勿冷藏。",
      "Conserver dans le tube en verre à l'abri de la lumière ; ne pas réfrigérer.",
    ),
  },
  {
    key: "whole-spices",
    category: "spices",
    origins: ["TZ", "MG", "KM", "CM", "SC", "MA", "NG", "GH", "ET"],
    tags: ["spices", "whole spices"],
    items: [
      {
        key: "cloves",
        origins: ["TZ", "MG", "KM"],
        priceCents: 790,
        ...L("Zanzibar Whole Cloves", "桑给巴尔整粒丁香", "Clous de girofle entiers de Zanzibar"),
        note: L(
          "Hand-picked buds from the Spice Islands, high in essential oil.",
          "采自“香料群岛”的花蕾，精油含量高。",
          "Boutons cueillis à la main dans les îles aux épices, riches en huile essentielle.",
        ),
      },
      {
        key: "cardamom",
        origins: ["TZ", "ET"],
        priceCents: 1190,
        ...L("Green Cardamom Pods", "绿豆蔻", "Cardamome verte en gousses"),
      },
      {
        key: "penja",
        origins: ["CM"],
        priceCents: 1890,
        ...L("Penja White Pepper", "彭贾白胡椒", "Poivre blanc de Penja"),
        note: L(
          "Africa's first protected geographical indication, grown on volcanic soil.",
          "非洲首个受保护的地理标志产品，生长在火山土壤上。",
          "Première indication géographique protégée d'Afrique, cultivé sur sol volcanique.",
        ),
      },
      {
        key: "voatsiperifery",
        origins: ["MG"],
        priceCents: 1690,
        ...L("Wild Voatsiperifery Pepper", "野生沃西佩里费里胡椒", "Poivre sauvage voatsiperifery"),
      },
      {
        key: "cinnamon",
        origins: ["MG", "SC"],
        priceCents: 890,
        ...L("Cinnamon Quills", "肉桂卷", "Bâtons de cannelle"),
      },
      {
        key: "saffron",
        origins: ["MA"],
        priceCents: 2990,
        ...L("Taliouine Saffron Threads", "塔利温藏红花", "Pistils de safran de Taliouine"),
        note: L(
          "Picked at dawn in the Anti-Atlas; one gram is about 150 flowers.",
          "在反阿特拉斯山区于黎明时分采摘，一克约需150朵花。",
          "Cueilli à l'aube dans l'Anti-Atlas ; un gramme représente environ 150 fleurs.",
        ),
      },
      {
        key: "ginger",
        origins: ["NG"],
        priceCents: 690,
        ...L("Kaduna Dried Split Ginger", "卡杜纳干姜片", "Gingembre séché de Kaduna"),
      },
      {
        key: "selim",
        origins: ["GH", "NG"],
        priceCents: 750,
        ...L("Grains of Selim (Hwentia)", "塞利姆胡椒（荀蒂亚）", "Poivre de Sélim (kani)"),
      },
      {
        key: "nutmeg",
        origins: ["TZ"],
        priceCents: 890,
        ...L("Whole Nutmeg", "整粒肉豆蔻", "Noix de muscade entières"),
      },
    ],
    variants: grams(50, 100, 250),
    story: ({ country, city, store }) =>
      L(
        `Sourced from farms in ${country.nameEn}, cleaned and packed in small lots by ${store.en} in ${city.en}.`,
        `采购自${country.nameZh}的农场，由${city.zh}的${store.zh}清洁并小批量包装。`,
        `Provenant d'exploitations ${country.ofFr}, nettoyé et conditionné en petits lots par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Store airtight away from heat; grind just before use.",
      "请密封防热保存，用前现磨。",
      "Conserver hermétiquement à l'abri de la chaleur ; moudre au dernier moment.",
    ),
  },
  {
    key: "spice-blends",
    category: "spices",
    origins: ["ET", "MA", "NG", "MZ", "TN", "EG", "SN", "ZA", "ER"],
    tags: ["spice blend"],
    items: [
      {
        key: "berbere",
        origins: ["ET", "ER"],
        priceCents: 890,
        ...L("Berbere Spice Blend", "柏柏尔辣椒香料", "Mélange d'épices berbéré"),
        note: L(
          "Chilli, fenugreek and korarima: the heart of doro wat.",
          "辣椒、胡芦巴与科拉瑞玛豆蔻，是炖鸡“多罗瓦特”的灵魂。",
          "Piment, fenugrec et korarima : l'âme du doro wat.",
        ),
      },
      {
        key: "mitmita",
        origins: ["ET", "ER"],
        priceCents: 890,
        ...L("Mitmita Hot Chilli Blend", "米特米塔辣椒粉", "Mélange de piment mitmita"),
      },
      {
        key: "ras-el-hanout",
        origins: ["MA"],
        priceCents: 990,
        ...L("Ras el Hanout", "拉斯哈努特综合香料", "Ras el hanout"),
        note: L(
          "'Head of the shop': up to thirty spices ground together.",
          "意为“店中之首”，多达三十种香料混合研磨。",
          "« La tête de l'épicerie » : jusqu'à trente épices moulues ensemble.",
        ),
      },
      {
        key: "suya",
        origins: ["NG"],
        priceCents: 790,
        ...L("Suya Yaji Spice", "苏亚烤肉香料", "Épices yaji pour suya"),
        note: L(
          "Groundnut, ginger and chilli for the famous street grill.",
          "花生、生姜与辣椒，著名街头烤肉的灵魂调料。",
          "Arachide, gingembre et piment pour la célèbre grillade de rue.",
        ),
      },
      {
        key: "peri-peri",
        origins: ["MZ", "ZA"],
        priceCents: 850,
        ...L("Peri-Peri Chilli Seasoning", "霹雳霹雳辣椒调料", "Assaisonnement piri-piri"),
      },
      {
        key: "harissa",
        origins: ["TN"],
        priceCents: 690,
        ...L("Cap Bon Harissa Paste", "邦角哈里萨辣酱", "Harissa du Cap Bon"),
      },
      {
        key: "dukkah",
        origins: ["EG"],
        priceCents: 890,
        ...L("Dukkah Nut & Spice Blend", "杜卡坚果香料", "Doukkah aux noisettes et épices"),
      },
      {
        key: "yassa",
        origins: ["SN"],
        priceCents: 750,
        ...L("Yassa Onion & Lemon Seasoning", "亚萨洋葱柠檬调料", "Assaisonnement yassa oignon et citron"),
      },
    ],
    variants: grams(100, 250, 500),
    story: ({ country, city, store }) =>
      L(
        `Blended to a family recipe from ${country.nameEn} by ${store.en} in ${city.en}.`,
        `由${city.zh}的${store.zh}按照${country.nameZh}家传配方调配。`,
        `Assemblé selon une recette familiale ${country.ofFr} par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Keep the jar closed and away from steam.",
      "请盖紧瓶盖，远离蒸汽。",
      "Refermer le pot et le tenir éloigné de la vapeur.",
    ),
  },
  {
    key: "cocoa",
    category: "cocoa-chocolate",
    origins: ["GH", "CI", "CM", "ST", "MG", "SL", "TG", "NG", "UG"],
    tags: ["cocoa", "chocolate", "bean to bar"],
    items: [
      {
        key: "dark-70",
        priceCents: 690,
        ...L("70% Dark Chocolate Bar", "70%黑巧克力", "Tablette de chocolat noir 70 %"),
        note: L(
          "Made at origin from beans fermented on the farm.",
          "在原产地用农场发酵的可可豆制作。",
          "Fabriquée à l'origine à partir de fèves fermentées à la ferme.",
        ),
      },
      {
        key: "milk",
        priceCents: 590,
        ...L("Creamy Milk Chocolate Bar", "丝滑牛奶巧克力", "Tablette de chocolat au lait onctueux"),
      },
      {
        key: "nibs",
        priceCents: 890,
        ...L("Roasted Cocoa Nibs", "烘焙可可碎粒", "Éclats de fèves de cacao torréfiées"),
      },
      { key: "powder", priceCents: 790, ...L("Natural Cocoa Powder", "天然可可粉", "Cacao en poudre naturel") },
      { key: "butter", priceCents: 1190, ...L("Raw Cocoa Butter", "生可可脂", "Beurre de cacao cru") },
      {
        key: "sao-tome-85",
        origins: ["ST"],
        priceCents: 890,
        ...L("85% Single-Estate Dark Chocolate", "85%单一庄园黑巧克力", "Chocolat noir 85 % d'un seul domaine"),
      },
      {
        key: "sambirano",
        origins: ["MG"],
        priceCents: 850,
        ...L("Sambirano Valley 72% Chocolate", "桑比拉诺河谷72%巧克力", "Chocolat 72 % de la vallée du Sambirano"),
        note: L(
          "Bright red-fruit notes typical of Madagascar's criollo-trinitario cacao.",
          "带有马达加斯加克里奥罗-特立尼达可可典型的红色莓果风味。",
          "Notes vives de fruits rouges, typiques des cacaos criollo-trinitario de Madagascar.",
        ),
      },
    ],
    variants: [
      v("1", "single", "单件装", "à l'unité"),
      v("3", "pack of 3", "3块装", "lot de 3", 2.7),
      v("6", "pack of 6", "6块装", "lot de 6", 5.1),
    ],
    story: ({ country, city, store }) =>
      L(
        `Cacao from cooperatives in ${country.nameEn}, turned into chocolate at origin by ${store.en} in ${city.en}.`,
        `选用${country.nameZh}合作社的可可，由${city.zh}的${store.zh}在原产地制成巧克力。`,
        `Du cacao de coopératives ${country.ofFr}, transformé en chocolat sur place par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Keep between 15 and 18 °C; shipped with a cool pack in summer.",
      "请在15至18°C保存，夏季随冰袋发货。",
      "Conserver entre 15 et 18 °C ; expédié avec un pain de glace en été.",
    ),
  },
  {
    key: "baobab",
    category: "superfoods",
    origins: ["SN", "MW", "TZ", "ZW", "BF", "ML"],
    tags: ["baobab", "superfood", "vitamin c"],
    items: [
      {
        key: "powder",
        priceCents: 990,
        ...L("Baobab Fruit Powder", "猴面包树果粉", "Poudre de fruit de baobab"),
        note: L(
          "Dried naturally on the branch; tangy, rich in vitamin C.",
          "果实在枝头自然风干，酸甜可口，富含维生素C。",
          "Séché naturellement sur l'arbre ; acidulé et riche en vitamine C.",
        ),
      },
      {
        key: "bouye",
        origins: ["SN", "ML", "BF"],
        priceCents: 890,
        ...L("Bouye Baobab Drink Mix", "布耶猴面包树饮品粉", "Préparation pour boisson bouye au baobab"),
      },
      {
        key: "oil",
        priceCents: 1490,
        ...L("Cold-Pressed Baobab Seed Oil", "冷压猴面包树籽油", "Huile de graines de baobab pressée à froid"),
      },
      { key: "moringa", priceCents: 890, ...L("Moringa Leaf Powder", "辣木叶粉", "Poudre de feuilles de moringa") },
    ],
    variants: grams(200, 500, 1000),
    story: ({ country, city, store }) =>
      L(
        `Wild-harvested from baobab trees in ${country.nameEn} by village collectors who work with ${store.en} in ${city.en}.`,
        `由与${city.zh}的${store.zh}合作的村民在${country.nameZh}野生猴面包树上采集。`,
        `Récolté sur des baobabs sauvages ${country.ofFr} par des cueilleurs villageois qui travaillent avec ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Stir a spoonful into water, juice or yoghurt.",
      "取一勺拌入水、果汁或酸奶中即可。",
      "Délayer une cuillerée dans de l'eau, un jus ou un yaourt.",
    ),
  },
  {
    key: "honey",
    category: "honey-sweets",
    origins: ["ET", "ZM", "TZ", "CM", "RW", "AO", "GM", "KE", "MU", "SO"],
    tags: ["honey", "raw honey"],
    items: [
      {
        key: "white-tigray",
        origins: ["ET"],
        priceCents: 1890,
        ...L("Tigray White Honey", "提格雷白蜜", "Miel blanc du Tigré"),
        note: L(
          "Creamy, almost white honey from highland flowers.",
          "来自高原野花，质地绵密，颜色近乎纯白。",
          "Un miel crémeux, presque blanc, des fleurs des hauts plateaux.",
        ),
      },
      {
        key: "forest",
        origins: ["ZM", "AO", "TZ", "CM"],
        priceCents: 1290,
        ...L("Wild Miombo Forest Honey", "野生米翁博森林蜂蜜", "Miel sauvage de la forêt de miombo"),
        note: L(
          "From traditional bark hives hung high in the woodland.",
          "采自高挂林间的传统树皮蜂箱。",
          "Récolté dans des ruches traditionnelles en écorce suspendues dans les arbres.",
        ),
      },
      { key: "comb", priceCents: 1690, ...L("Raw Honeycomb", "原生巢蜜", "Rayon de miel brut") },
      { key: "raw", priceCents: 1090, ...L("Raw Wildflower Honey", "百花原蜜", "Miel de fleurs sauvages brut") },
      {
        key: "penja-honey",
        origins: ["CM"],
        priceCents: 1490,
        ...L("Oku White Honey", "奥库白蜜", "Miel blanc d'Oku"),
        note: L(
          "Protected geographical indication from the Oku highlands.",
          "奥库高地的受保护地理标志产品。",
          "Indication géographique protégée des hauts plateaux d'Oku.",
        ),
      },
      { key: "sidr", origins: ["SO"], priceCents: 2290, ...L("Sidr Honey", "枣树蜂蜜", "Miel de sidr") },
      {
        key: "eucalyptus",
        origins: ["RW", "KE", "ET"],
        priceCents: 1190,
        ...L("Eucalyptus Honey", "桉树蜜", "Miel d'eucalyptus"),
      },
    ],
    variants: grams(250, 500, 1000),
    story: ({ country, city, store }) =>
      L(
        `Gathered by beekeepers in ${country.nameEn}, never heated, and jarred by ${store.en} in ${city.en}.`,
        `由${country.nameZh}的养蜂人采集，未经加热，${city.zh}的${store.zh}装瓶。`,
        `Récolté par des apiculteurs ${country.ofFr}, jamais chauffé, et mis en pot par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Raw honey crystallises naturally; warm the jar gently to liquefy.",
      "原蜜会自然结晶，隔水温热即可恢复液态。",
      "Le miel brut cristallise naturellement ; tiédir doucement le pot pour le liquéfier.",
    ),
  },
  {
    key: "wine",
    category: "wine-beverages",
    origins: ["ZA"],
    tags: ["wine", "south african wine"],
    items: [
      {
        key: "pinotage",
        priceCents: 1890,
        ...L("Stellenbosch Pinotage", "斯泰伦博斯皮诺塔吉红葡萄酒", "Pinotage de Stellenbosch"),
        note: L(
          "South Africa's own grape: plum, smoke and a hint of coffee.",
          "南非独有的葡萄品种：李子、烟熏与一丝咖啡香。",
          "Le cépage propre à l'Afrique du Sud : prune, fumée et pointe de café.",
        ),
      },
      {
        key: "chenin",
        priceCents: 1490,
        ...L("Swartland Chenin Blanc", "斯瓦特兰白诗南白葡萄酒", "Chenin blanc du Swartland"),
        note: L(
          "Old bush vines; quince, honey and bright acidity.",
          "老藤灌木式种植；榅桲与蜂蜜香，酸度明亮。",
          "Vieilles vignes en gobelet ; coing, miel et belle fraîcheur.",
        ),
      },
      { key: "syrah", priceCents: 2190, ...L("Paarl Syrah", "帕尔西拉红葡萄酒", "Syrah de Paarl") },
      {
        key: "cab",
        priceCents: 2490,
        ...L("Stellenbosch Cabernet Sauvignon", "斯泰伦博斯赤霞珠红葡萄酒", "Cabernet-sauvignon de Stellenbosch"),
      },
      {
        key: "mcc",
        priceCents: 2290,
        ...L("Méthode Cap Classique Brut", "开普传统法起泡酒", "Méthode Cap Classique brut"),
      },
      {
        key: "constantia",
        priceCents: 3990,
        ...L("Constantia Sweet Muscat", "康斯坦提亚甜麝香葡萄酒", "Muscat doux de Constantia"),
      },
    ],
    variants: [
      v("2021", "2021", "2021年", "2021"),
      v("2022", "2022", "2022年", "2022", 0.95),
      v("2023", "2023", "2023年", "2023", 0.9),
    ],
    title: (item, variant) =>
      L(`${item.en} ${variant.en}, 750 ml`, `${item.zh} ${variant.zh} 750毫升`, `${item.fr} ${variant.fr}, 75 cl`),
    story: ({ city, store }) =>
      L(
        `Made in the Cape Winelands and shipped by ${store.en} from ${city.en}.`,
        `酿造于开普酒乡，由${city.zh}的${store.zh}发货。`,
        `Élaboré dans les Cape Winelands et expédié par ${store.fr} depuis ${city.fr}.`,
      ),
    care: L(
      "Adults 18+ only. Store on its side, away from light.",
      "仅限18岁以上成年人购买。请避光平放保存。",
      "Réservé aux adultes de 18 ans et plus. Conserver couché, à l'abri de la lumière.",
    ),
  },
  {
    key: "beverages",
    category: "wine-beverages",
    origins: ["SN", "ZA", "KE", "MU", "GH", "ET"],
    tags: ["drinks"],
    items: [
      {
        key: "bissap-syrup",
        origins: ["SN"],
        priceCents: 890,
        ...L("Bissap Hibiscus Syrup", "比萨普洛神花糖浆", "Sirop de bissap"),
      },
      {
        key: "ginger-beer",
        origins: ["ZA", "KE", "GH"],
        priceCents: 1290,
        ...L("Craft Ginger Beer (6 bottles)", "精酿姜汁汽水（6瓶）", "Ginger beer artisanale (6 bouteilles)"),
      },
      {
        key: "rum-cake-syrup",
        origins: ["MU"],
        priceCents: 990,
        ...L("Demerara Sugar Cane Syrup", "德梅拉拉甘蔗糖浆", "Sirop de canne demerara"),
      },
      {
        key: "tamarind",
        origins: ["SN", "GH"],
        priceCents: 790,
        ...L("Tamarind Juice Concentrate", "罗望子浓缩果汁", "Concentré de jus de tamarin"),
      },
      {
        key: "tella-kit",
        origins: ["ET"],
        priceCents: 1090,
        ...L("Gesho & Barley Home-Brew Kit", "格肖啤酒花大麦家酿套装", "Kit de brassage gesho et orge"),
      },
    ],
    variants: millilitres(500, 1000),
    story: ({ country, city, store }) =>
      L(
        `A taste of ${country.nameEn}, made in small batches by ${store.en} in ${city.en}.`,
        `${country.nameZh}风味，由${city.zh}的${store.zh}小批量制作。`,
        `Un goût ${country.ofFr}, préparé en petites séries par ${store.fr} à ${city.fr}.`,
      ),
    care: L("Refrigerate after opening.", "开封后请冷藏。", "À conserver au réfrigérateur après ouverture."),
  },
  {
    key: "cosmetics",
    category: "natural-cosmetics",
    origins: ["GH", "NG", "MA", "ZA", "NA", "BW", "TD", "KM", "SO", "BF", "SN", "MW", "ET", "EG", "SZ", "SD"],
    tags: ["natural cosmetics", "skincare"],
    items: [
      {
        key: "black-soap",
        origins: ["GH", "NG", "BF"],
        priceCents: 790,
        ...L("African Black Soap", "非洲黑皂", "Savon noir africain"),
        note: L(
          "Alata samina: plantain-skin ash, shea and palm kernel oil, cured by hand.",
          "阿拉塔萨米纳：以大蕉皮灰、乳木果油和棕榈仁油手工制成并熟化。",
          "Alata samina : cendre de peau de plantain, karité et huile de palmiste, affiné à la main.",
        ),
      },
      {
        key: "rhassoul",
        origins: ["MA"],
        priceCents: 890,
        ...L("Atlas Rhassoul Clay", "阿特拉斯火山泥", "Argile rhassoul de l'Atlas"),
      },
      {
        key: "beldi",
        origins: ["MA"],
        priceCents: 790,
        ...L("Beldi Olive Black Soap", "贝尔迪橄榄黑皂", "Savon noir beldi à l'olive"),
      },
      {
        key: "rose-water",
        origins: ["MA"],
        priceCents: 990,
        ...L("Dadès Valley Rose Water", "达德斯河谷玫瑰纯露", "Eau de rose de la vallée du Dadès"),
        note: L(
          "Distilled from Damask roses picked in May around Kelâat M'Gouna.",
          "以五月在凯拉阿特姆古纳采摘的大马士革玫瑰蒸馏而成。",
          "Distillée à partir de roses de Damas cueillies en mai autour de Kelâat M'Gouna.",
        ),
      },
      {
        key: "marula",
        origins: ["ZA", "NA", "BW", "SZ"],
        priceCents: 1990,
        ...L("Cold-Pressed Marula Oil", "冷压马鲁拉油", "Huile de marula pressée à froid"),
      },
      {
        key: "kalahari-melon",
        origins: ["NA", "BW"],
        priceCents: 1590,
        ...L("Kalahari Melon Seed Oil", "卡拉哈里西瓜籽油", "Huile de pépins de melon du Kalahari"),
      },
      {
        key: "chebe",
        origins: ["TD"],
        priceCents: 1290,
        ...L("Chébé Hair Powder", "切贝护发粉", "Poudre de chébé pour cheveux"),
        note: L(
          "The Basara Arab women's traditional hair-care blend.",
          "巴萨拉阿拉伯妇女的传统护发配方。",
          "Le mélange capillaire traditionnel des femmes arabes Basara.",
        ),
      },
      {
        key: "ylang",
        origins: ["KM"],
        priceCents: 2290,
        ...L("Ylang-Ylang Essential Oil (Extra)", "依兰依兰精油（特级）", "Huile essentielle d'ylang-ylang extra"),
        note: L(
          "Distilled on Anjouan, the 'perfume island'.",
          "在“香水岛”昂儒昂岛蒸馏提取。",
          "Distillée à Anjouan, « l'île aux parfums ».",
        ),
      },
      {
        key: "frankincense",
        origins: ["SO", "ET"],
        priceCents: 1790,
        ...L("Frankincense Resin & Oil Set", "乳香树脂与精油套装", "Coffret résine et huile d'oliban"),
      },
      {
        key: "myrrh",
        origins: ["SO", "ET"],
        priceCents: 1590,
        ...L("Wild Myrrh Resin", "野生没药树脂", "Résine de myrrhe sauvage"),
      },
      {
        key: "maydi",
        origins: ["SO"],
        priceCents: 2490,
        ...L("Maydi Frankincense Tears", "梅迪乳香珠", "Larmes d'oliban maydi"),
        note: L(
          "Boswellia frereana, the prized chewing frankincense of the Sanaag mountains.",
          "产自萨纳格山区的弗氏乳香，是最珍贵的可咀嚼乳香。",
          "Boswellia frereana, l'oliban à mâcher le plus prisé des monts du Sanaag.",
        ),
      },
      {
        key: "black-seed",
        origins: ["EG", "SD", "ET"],
        priceCents: 1290,
        ...L("Cold-Pressed Black Seed Oil", "冷压黑种草籽油", "Huile de nigelle pressée à froid"),
      },
      {
        key: "henna",
        origins: ["EG", "SD", "MA"],
        priceCents: 790,
        ...L("Pure Henna Powder", "纯海娜粉", "Poudre de henné pur"),
      },
      {
        key: "shea-balm",
        origins: ["GH", "BF", "SN", "MW"],
        priceCents: 1090,
        ...L("Shea & Baobab Body Balm", "乳木果猴面包树身体膏", "Baume corps karité et baobab"),
      },
      {
        key: "kohl",
        origins: ["MA", "EG"],
        priceCents: 890,
        ...L("Traditional Kohl in a Carved Pot", "雕花瓶装传统眼墨", "Khôl traditionnel en pot sculpté"),
      },
      {
        key: "coffee-scrub",
        origins: ["ET"],
        priceCents: 1190,
        ...L("Coffee & Shea Body Scrub", "咖啡乳木果身体磨砂膏", "Gommage corps café et karité"),
      },
    ],
    variants: [
      v("single", "single pack", "单件装", "à l'unité"),
      v("duo", "twin pack", "两件装", "duo", 1.8),
      v("gift", "gift box of 4", "4件礼盒装", "coffret de 4", 3.4),
    ],
    story: ({ country, city, store }) =>
      L(
        `Made with ingredients from ${country.nameEn} by ${store.en} in ${city.en}, without synthetic fragrance.`,
        `由${city.zh}的${store.zh}采用${country.nameZh}原料制作，不含合成香精。`,
        `Fabriqué avec des ingrédients ${country.ofFr} par ${store.fr} à ${city.fr}, sans parfum de synthèse.`,
      ),
    care: L(
      "For external use. Patch-test on sensitive skin.",
      "仅供外用。敏感肌肤请先局部试用。",
      "Usage externe. Faire un test sur une petite zone si la peau est sensible.",
    ),
  },
  {
    key: "kente",
    category: "textiles",
    origins: ["GH", "TG"],
    tags: ["kente", "handwoven", "textile"],
    items: [
      {
        key: "stole",
        priceCents: 4590,
        ...L("Handwoven Kente Stole", "手织肯特布披肩", "Étole en kente tissée main"),
        note: L(
          "Woven on a narrow-strip loom in Bonwire, the home of kente.",
          "在肯特布的故乡邦维尔用窄幅织机织成。",
          "Tissée sur un métier à bandes étroites à Bonwire, berceau du kente.",
        ),
      },
      { key: "six-yard", priceCents: 18900, ...L("Kente Cloth, 6 Yards", "肯特布整匹（6码）", "Pagne kente, 6 yards") },
      { key: "table-runner", priceCents: 3890, ...L("Kente Table Runner", "肯特布桌旗", "Chemin de table en kente") },
      { key: "cushion", priceCents: 3290, ...L("Kente Cushion Cover", "肯特布抱枕套", "Housse de coussin en kente") },
      {
        key: "adweneasa",
        origins: ["GH"],
        priceCents: 6900,
        ...L("Adweneasa Pattern Kente Scarf", "“智慧穷尽”纹样肯特布围巾", "Écharpe kente motif Adweneasa"),
      },
    ],
    variants: [
      v("gold-green", "gold and green", "金绿配色", "or et vert"),
      v("royal", "royal blue and gold", "宝蓝金配色", "bleu roi et or", 1.05),
      v("red-black", "red and black", "红黑配色", "rouge et noir"),
    ],
    story: ({ country, city, store }) =>
      L(
        `Each piece is woven strip by strip by master weavers who work with ${store.en} in ${city.en}, ${country.nameEn}.`,
        `每一件都由与${country.nameZh}${city.zh}的${store.zh}合作的织布大师一条一条织成。`,
        `Chaque pièce est tissée bande par bande par des maîtres tisserands qui travaillent avec ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Dry-clean or hand-wash cold; dry in the shade.",
      "建议干洗或冷水手洗，阴干。",
      "Nettoyage à sec ou lavage à la main à froid ; sécher à l'ombre.",
    ),
  },
  {
    key: "bogolan",
    category: "textiles",
    origins: ["ML", "BF"],
    tags: ["bogolan", "mud cloth", "textile"],
    items: [
      {
        key: "cloth",
        priceCents: 6900,
        ...L("Bogolan Mud Cloth", "博哥兰泥染布", "Bogolan, toile de boue"),
        note: L(
          "Cotton strips dyed with fermented river mud and leaves; each symbol has a meaning.",
          "棉布以发酵河泥和树叶染色，每个图案都有寓意。",
          "Bandes de coton teintes à la boue fermentée et aux feuilles ; chaque motif a un sens.",
        ),
      },
      { key: "throw", priceCents: 8900, ...L("Bogolan Throw Blanket", "博哥兰泥染盖毯", "Plaid en bogolan") },
      {
        key: "pillow",
        priceCents: 3490,
        ...L("Bogolan Pillow Cover", "博哥兰泥染抱枕套", "Housse de coussin en bogolan"),
      },
      { key: "tote", priceCents: 3990, ...L("Bogolan Tote Bag", "博哥兰泥染托特包", "Sac cabas en bogolan") },
    ],
    variants: [
      v("black-white", "black and white", "黑白", "noir et blanc"),
      v("rust", "rust and cream", "铁锈红米色", "rouille et crème"),
      v("ochre", "ochre", "赭黄", "ocre"),
    ],
    story: ({ country, city, store }) =>
      L(
        `Hand-painted in ${country.nameEn} by artisans of the ${store.en} workshop in ${city.en}.`,
        `由${city.zh}${store.zh}工坊的${country.nameZh}工匠手工绘制。`,
        `Peint à la main par les artisans de l'atelier ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Hand-wash cold without detergent; the colours mellow with time.",
      "冷水手洗，勿用洗涤剂；颜色会随时间愈发柔和。",
      "Laver à la main à froid sans détergent ; les couleurs s'adoucissent avec le temps.",
    ),
  },
  {
    key: "printed-textiles",
    category: "textiles",
    origins: ["NG", "GH", "CI", "SN", "TG", "BJ", "KE", "TZ", "UG", "ZA", "LS", "CD", "MG", "EG", "CM"],
    tags: ["fabric", "textile"],
    items: [
      {
        key: "ankara",
        origins: ["NG", "GH", "CI", "SN", "TG", "BJ", "CM"],
        priceCents: 2990,
        ...L("Ankara Wax Print Fabric, 6 Yards", "安卡拉蜡染印花布（6码）", "Tissu wax Ankara, 6 yards"),
        note: L(
          "Bold wax-resist print, the fabric of West African tailors.",
          "大胆的蜡防印花，西非裁缝的首选面料。",
          "Un imprimé wax audacieux, le tissu des tailleurs d'Afrique de l'Ouest.",
        ),
      },
      {
        key: "adire",
        origins: ["NG"],
        priceCents: 3590,
        ...L("Adire Indigo Tie-Dye Cloth", "阿迪雷靛蓝扎染布", "Tissu adire teint à l'indigo"),
        note: L(
          "Resist-dyed in indigo pits in Abeokuta.",
          "在阿贝奥库塔的靛蓝染坑中防染而成。",
          "Teint par réserve dans les cuves d'indigo d'Abeokuta.",
        ),
      },
      {
        key: "kitenge",
        origins: ["KE", "TZ", "UG"],
        priceCents: 2490,
        ...L("Kitenge Cotton Fabric, 6 Yards", "基滕格棉布（6码）", "Tissu kitenge en coton, 6 yards"),
      },
      {
        key: "kanga",
        origins: ["TZ", "KE"],
        priceCents: 1890,
        ...L("Kanga Wrap with Swahili Proverb", "印斯瓦希里谚语的康加围布", "Kanga avec proverbe swahili"),
        note: L(
          "Every kanga carries a proverb printed along its border.",
          "每块康加布的边框上都印有一句谚语。",
          "Chaque kanga porte un proverbe imprimé le long de sa bordure.",
        ),
      },
      {
        key: "shweshwe",
        origins: ["ZA", "LS"],
        priceCents: 2290,
        ...L("Shweshwe Indigo Print Cotton", "什维什维靛蓝印花棉布", "Coton imprimé indigo shweshwe"),
      },
      {
        key: "basotho-blanket",
        origins: ["LS"],
        priceCents: 11900,
        ...L("Heritage Wool Blanket", "传统羊毛毯", "Couverture traditionnelle basotho en laine"),
        note: L(
          "Worn as a cloak in the highlands; patterns mark life's milestones.",
          "高原上当作斗篷披在身上，图案记录着人生的重要时刻。",
          "Portée en cape dans les montagnes ; ses motifs marquent les étapes de la vie.",
        ),
      },
      {
        key: "kuba",
        origins: ["CD"],
        priceCents: 9900,
        ...L("Kuba Raffia Cloth Panel", "库巴酒椰纤维布", "Panneau de velours du Kasaï (kuba)"),
      },
      {
        key: "lamba",
        origins: ["MG"],
        priceCents: 4590,
        ...L("Wild Silk Lamba Scarf", "野蚕丝兰巴围巾", "Écharpe lamba en soie sauvage"),
      },
      {
        key: "barkcloth",
        origins: ["UG"],
        priceCents: 4990,
        ...L("Mutuba Bark Cloth", "穆图巴树皮布", "Étoffe d'écorce de mutuba"),
        note: L(
          "Beaten from fig-tree bark by Baganda craftsmen, a UNESCO-listed tradition.",
          "由巴干达工匠捶打无花果树皮制成，已列入联合国教科文组织非遗名录。",
          "Battue à partir d'écorce de figuier par les artisans baganda, une tradition inscrite à l'UNESCO.",
        ),
      },
      {
        key: "kikoi",
        origins: ["KE", "TZ"],
        priceCents: 2690,
        ...L("Striped Cotton Kikoi", "条纹棉质基科伊围布", "Kikoi en coton rayé"),
      },
      {
        key: "mohair",
        origins: ["LS", "ZA"],
        priceCents: 12900,
        ...L("Handwoven Mohair Throw", "手织马海毛盖毯", "Plaid en mohair tissé main"),
      },
      {
        key: "egyptian-cotton",
        origins: ["EG"],
        priceCents: 5990,
        ...L("Giza Cotton Bath Towel Set", "吉萨长绒棉浴巾套装", "Set de serviettes en coton de Gizeh"),
      },
      {
        key: "mudcloth-print",
        origins: ["CI"],
        priceCents: 3290,
        ...L("Korhogo Hand-Painted Cloth", "科霍戈手绘布", "Toile peinte de Korhogo"),
      },
    ],
    variants: [
      v("indigo", "indigo", "靛蓝", "indigo"),
      v("sunset", "sunset orange", "落日橙", "orange couchant"),
      v("forest", "forest green", "森林绿", "vert forêt"),
    ],
    story: ({ country, city, store }) =>
      L(
        `Chosen from the workshops and markets of ${country.nameEn} by ${store.en} in ${city.en}.`,
        `由${city.zh}的${store.zh}从${country.nameZh}的工坊和市场中精心挑选。`,
        `Sélectionné dans les ateliers et marchés ${country.ofFr} par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Wash cold with similar colours; iron on the reverse.",
      "与同色衣物一起冷水洗涤，反面熨烫。",
      "Laver à froid avec des couleurs similaires ; repasser sur l'envers.",
    ),
  },
  {
    key: "beadwork",
    category: "jewellery",
    origins: ["KE", "TZ", "GH", "ZA", "NE", "ML", "ET", "MR", "DZ", "NA", "UG"],
    tags: ["jewellery", "handmade"],
    items: [
      {
        key: "maasai-collar",
        origins: ["KE", "TZ"],
        priceCents: 3890,
        ...L("Maasai Beaded Collar Necklace", "马赛串珠领圈项链", "Collier plastron perlé massaï"),
        note: L(
          "Each colour speaks: red for bravery, blue for the sky, green for the land.",
          "每种颜色都有含义：红色代表勇气，蓝色代表天空，绿色代表大地。",
          "Chaque couleur parle : le rouge pour le courage, le bleu pour le ciel, le vert pour la terre.",
        ),
      },
      {
        key: "maasai-bracelet",
        origins: ["KE", "TZ"],
        priceCents: 1290,
        ...L("Maasai Beaded Cuff Bracelet", "马赛串珠手镯", "Bracelet manchette perlé massaï"),
      },
      {
        key: "maasai-earrings",
        origins: ["KE", "TZ"],
        priceCents: 1490,
        ...L("Maasai Beaded Drop Earrings", "马赛串珠耳坠", "Boucles d'oreilles pendantes perlées massaï"),
      },
      {
        key: "krobo",
        origins: ["GH"],
        priceCents: 2490,
        ...L("Krobo Recycled Glass Bead Necklace", "克罗博再生玻璃珠项链", "Collier en perles de verre recyclé krobo"),
        note: L(
          "Beads cast from crushed bottles in clay moulds, as the Krobo have done for centuries.",
          "用碎玻璃瓶在陶模中烧制成珠，是克罗博人延续数百年的手艺。",
          "Perles coulées à partir de bouteilles broyées dans des moules en argile, comme le font les Krobo depuis des siècles.",
        ),
      },
      {
        key: "zulu",
        origins: ["ZA"],
        priceCents: 2290,
        ...L("Zulu Love-Letter Beaded Necklace", "祖鲁“情书”串珠项链", "Collier perlé zoulou « lettre d'amour »"),
      },
      {
        key: "tuareg-cross",
        origins: ["NE", "ML", "MR", "DZ"],
        priceCents: 4590,
        ...L("Tuareg Silver Cross Pendant", "图阿雷格银十字吊坠", "Pendentif croix touarègue en argent"),
        note: L(
          "Hand-engraved by Inaden silversmiths using the lost-wax method.",
          "由伊纳登银匠以失蜡法手工錾刻。",
          "Gravé à la main par des forgerons inaden selon la technique de la cire perdue.",
        ),
      },
      {
        key: "coptic-cross",
        origins: ["ET"],
        priceCents: 3290,
        ...L("Coptic Cross Pendant", "科普特十字吊坠", "Pendentif croix copte éthiopienne"),
      },
      {
        key: "ostrich",
        origins: ["NA"],
        priceCents: 2690,
        ...L("Ostrich Eggshell Bead Bracelet", "鸵鸟蛋壳珠手链", "Bracelet en perles de coquille d'œuf d'autruche"),
      },
      {
        key: "tuareg-earrings",
        origins: ["NE", "ML"],
        priceCents: 3490,
        ...L("Tuareg Engraved Silver Earrings", "图阿雷格錾刻银耳环", "Boucles d'oreilles touarègues en argent gravé"),
      },
      {
        key: "filigree",
        origins: ["ET"],
        priceCents: 3890,
        ...L("Silver Filigree Earrings", "银花丝耳环", "Boucles d'oreilles en filigrane d'argent"),
      },
      {
        key: "paper-beads",
        origins: ["UG"],
        priceCents: 1690,
        ...L("Rolled Paper Bead Necklace", "手卷纸珠项链", "Collier en perles de papier roulé"),
        note: L(
          "Beads rolled from recycled paper and sealed with natural varnish.",
          "用再生纸手工卷成珠子，再涂上天然清漆。",
          "Perles roulées en papier recyclé et vernies naturellement.",
        ),
      },
      {
        key: "amber-beads",
        origins: ["ML", "MR"],
        priceCents: 5900,
        ...L("Sahelian Resin Amber Bead Necklace", "萨赫勒树脂琥珀珠项链", "Collier de perles d'ambre sahélien"),
      },
    ],
    variants: [
      v("classic", "classic colours", "经典配色", "couleurs classiques"),
      v("earth", "earth tones", "大地色", "tons terre"),
      v("ocean", "ocean blues", "海洋蓝", "bleus océan"),
    ],
    story: ({ country, city, store }) =>
      L(
        `Made by hand in ${country.nameEn}; ${store.en} in ${city.en} pays each artisan upfront and in full.`,
        `在${country.nameZh}纯手工制作；${city.zh}的${store.zh}预先全额支付每位手艺人的报酬。`,
        `Fait main ${country.ofFr} ; ${store.fr}, à ${city.fr}, paie chaque artisan d'avance et intégralement.`,
      ),
    care: L(
      "Keep away from water and perfume; store flat.",
      "请远离水与香水，平放收纳。",
      "Éviter l'eau et le parfum ; ranger à plat.",
    ),
  },
  {
    key: "carvings",
    category: "crafts-home-decor",
    origins: ["TZ", "MZ", "KE", "ZW", "GA", "CM", "AO", "CD", "CI", "BF", "GQ"],
    tags: ["carving", "handmade", "art"],
    items: [
      {
        key: "makonde-ujamaa",
        origins: ["TZ", "MZ"],
        priceCents: 14900,
        ...L(
          "Makonde Ujamaa 'Tree of Life' Carving",
          "马孔德“生命之树”乌木雕",
          "Sculpture makondé Ujamaa « arbre de vie »",
        ),
        note: L(
          "Carved from a single piece of African blackwood, figures linked in unity.",
          "以整块非洲黑檀木雕成，人物相互交织，象征团结。",
          "Taillée dans un seul bloc d'ébène d'Afrique : des figures unies les unes aux autres.",
        ),
      },
      {
        key: "makonde-mask",
        origins: ["TZ", "MZ"],
        priceCents: 8900,
        ...L("Makonde Blackwood Mask", "马孔德黑檀木面具", "Masque makondé en ébène"),
      },
      {
        key: "makonde-bust",
        origins: ["TZ", "MZ"],
        priceCents: 6900,
        ...L("Makonde Blackwood Bust", "马孔德黑檀木半身像", "Buste makondé en ébène"),
      },
      {
        key: "kisii",
        origins: ["KE"],
        priceCents: 2990,
        ...L("Kisii Soapstone Bowl", "基西皂石碗", "Bol en stéatite de Kisii"),
      },
      {
        key: "shona",
        origins: ["ZW"],
        priceCents: 12900,
        ...L("Shona Serpentine Stone Sculpture", "绍纳蛇纹石雕塑", "Sculpture shona en serpentine"),
        note: L(
          "From the Tengenenge sculpture community.",
          "出自滕格嫩格雕塑村。",
          "Issue de la communauté de sculpteurs de Tengenenge.",
        ),
      },
      {
        key: "mbigou",
        origins: ["GA"],
        priceCents: 9900,
        ...L("Mbigou Stone Figure", "姆比古石雕人像", "Statuette en pierre de Mbigou"),
      },
      {
        key: "fang",
        origins: ["GA", "CM", "GQ"],
        priceCents: 10900,
        ...L("Fang Ngil Mask", "芳族恩吉尔面具", "Masque fang ngil"),
      },
      {
        key: "bamileke",
        origins: ["CM"],
        priceCents: 7900,
        ...L("Bamileke Carved Stool", "巴米累克雕花木凳", "Tabouret sculpté bamiléké"),
      },
      {
        key: "chokwe",
        origins: ["AO", "CD"],
        priceCents: 11900,
        ...L("Chokwe Mwana Pwo Mask", "乔克维“姆瓦纳普沃”面具", "Masque tchokwé Mwana Pwo"),
      },
      {
        key: "baule",
        origins: ["CI"],
        priceCents: 8900,
        ...L("Baoulé Carved Figure", "鲍勒木雕人像", "Statuette baoulé sculptée"),
      },
      {
        key: "bronze",
        origins: ["BF"],
        priceCents: 9900,
        ...L("Lost-Wax Bronze Figurine", "失蜡法青铜小雕像", "Figurine en bronze à la cire perdue"),
        note: L(
          "Cast in Ouagadougou's bronze-smith quarter.",
          "在瓦加杜古铸铜匠人街区铸造。",
          "Coulée dans le quartier des bronziers de Ouagadougou.",
        ),
      },
    ],
    variants: [
      v("small", "small", "小号", "petit modèle"),
      v("medium", "medium", "中号", "modèle moyen", 1.6),
      v("large", "large", "大号", "grand modèle", 2.5),
    ],
    story: ({ country, city, store }) =>
      L(
        `Each piece is one of a kind, carved by an artist from ${country.nameEn} and signed; ${store.en} ships it from ${city.en} with a certificate of origin.`,
        `每件作品都独一无二，由${country.nameZh}艺术家雕刻并署名；${city.zh}的${store.zh}随附原产地证书发货。`,
        `Chaque pièce est unique, sculptée et signée par un artiste ${country.ofFr} ; ${store.fr} l'expédie depuis ${city.fr} avec un certificat d'origine.`,
      ),
    care: L(
      "Dust with a dry cloth; keep out of direct sun.",
      "用干布除尘，避免阳光直射。",
      "Dépoussiérer avec un chiffon sec ; éviter le soleil direct.",
    ),
  },
  {
    key: "baskets",
    category: "crafts-home-decor",
    origins: ["RW", "GH", "UG", "SZ", "BW", "ZW", "SN", "ER", "KE", "ZA", "LS"],
    tags: ["basket", "woven", "handmade"],
    items: [
      {
        key: "agaseke",
        origins: ["RW"],
        priceCents: 3290,
        ...L("Agaseke Peace Basket", "阿加塞克和平篮", "Panier de la paix agaseke"),
        note: L(
          "Coiled sisal and sweetgrass with a pointed lid, woven by women's cooperatives.",
          "剑麻与香草盘绕编织，带尖顶盖，由妇女合作社编成。",
          "Sisal et herbe enroulés, couvercle pointu, tressé par des coopératives de femmes.",
        ),
      },
      {
        key: "bolga",
        origins: ["GH"],
        priceCents: 3890,
        ...L("Bolga Market Basket with Leather Handle", "博尔加皮提手购物篮", "Panier de marché Bolga à anse en cuir"),
        note: L(
          "Woven from elephant grass in Bolgatanga.",
          "在博尔加坦加用象草编织而成。",
          "Tressé en herbe à éléphant à Bolgatanga.",
        ),
      },
      {
        key: "bolga-fan",
        origins: ["GH"],
        priceCents: 1490,
        ...L("Bolga Woven Hand Fan", "博尔加编织手扇", "Éventail tressé Bolga"),
      },
      {
        key: "uganda-bowl",
        origins: ["UG"],
        priceCents: 2490,
        ...L("Raffia & Banana-Fibre Bowl", "酒椰与香蕉纤维编织碗", "Coupe en raphia et fibre de bananier"),
      },
      {
        key: "sisal-swazi",
        origins: ["SZ"],
        priceCents: 2990,
        ...L("Sisal Coil Basket", "剑麻盘绕编织篮", "Panier spiralé en sisal"),
      },
      {
        key: "okavango",
        origins: ["BW"],
        priceCents: 5900,
        ...L("Okavango Mokola Palm Basket", "奥卡万戈莫科拉棕榈篮", "Panier okavango en palmier mokola"),
      },
      {
        key: "ilala",
        origins: ["ZW", "ZA"],
        priceCents: 4290,
        ...L("Ilala Palm Wedding Basket", "伊拉拉棕榈婚礼篮", "Panier de mariage en palmier ilala"),
      },
      {
        key: "mokorotlo",
        origins: ["LS"],
        priceCents: 3490,
        ...L("Mokorotlo Straw Hat", "莫科罗特洛草帽", "Chapeau de paille basotho mokorotlo"),
      },
      {
        key: "wolof",
        origins: ["SN"],
        priceCents: 3490,
        ...L("Wolof Coiled Storage Basket", "沃洛夫盘绕收纳篮", "Panier de rangement wolof spiralé"),
      },
      {
        key: "mesob",
        origins: ["ER"],
        priceCents: 8900,
        ...L("Mesob Woven Injera Table", "梅索布编织英杰拉餐桌", "Mesob, table à injera tressée"),
      },
      {
        key: "kiondo",
        origins: ["KE"],
        priceCents: 3290,
        ...L("Kiondo Sisal Handbag", "基翁多剑麻手提包", "Sac kiondo en sisal"),
      },
      {
        key: "wire",
        origins: ["ZA"],
        priceCents: 4590,
        ...L("Zulu Telephone-Wire Bowl", "祖鲁电话线编织碗", "Coupe zouloue en fil de téléphone"),
      },
    ],
    variants: [
      v("small", "small", "小号", "petit"),
      v("medium", "medium", "中号", "moyen", 1.5),
      v("large", "large", "大号", "grand", 2.1),
    ],
    story: ({ country, city, store }) =>
      L(
        `Woven by hand over several days by weavers in ${country.nameEn}; ${store.en} in ${city.en} pays fair-trade prices.`,
        `由${country.nameZh}的编织艺人历时数天手工编成；${city.zh}的${store.zh}按公平贸易价格付酬。`,
        `Tressé à la main en plusieurs jours par des vanniers ${country.ofFr} ; ${store.fr}, à ${city.fr}, paie des prix équitables.`,
      ),
    care: L(
      "Keep dry; reshape with a little steam if needed.",
      "请保持干燥，如变形可稍加蒸汽整形。",
      "Garder au sec ; redonner la forme avec un peu de vapeur si besoin.",
    ),
  },
  {
    key: "home-decor",
    category: "crafts-home-decor",
    origins: ["MA", "TN", "EG", "TZ", "KE", "SN", "NG", "ZA", "MG", "ET", "CM", "ER", "SZ", "GA"],
    tags: ["home decor", "handmade"],
    items: [
      {
        key: "safi",
        origins: ["MA"],
        priceCents: 3490,
        ...L("Safi Glazed Ceramic Bowl", "萨菲釉面陶碗", "Bol en céramique émaillée de Safi"),
      },
      {
        key: "tagine",
        origins: ["MA", "TN"],
        priceCents: 4590,
        ...L("Hand-Painted Clay Tagine", "手绘陶土塔吉锅", "Tajine en terre peint à la main"),
      },
      {
        key: "beni-ourain",
        origins: ["MA"],
        priceCents: 39900,
        ...L("Beni Ourain Wool Rug", "贝尼乌里安羊毛地毯", "Tapis Beni Ouarain en laine"),
        note: L(
          "Knotted by hand in the Middle Atlas from undyed sheep's wool.",
          "在中阿特拉斯山区用未染色羊毛手工打结编织。",
          "Noué à la main dans le Moyen Atlas, en laine de mouton non teinte.",
        ),
      },
      {
        key: "lantern",
        origins: ["MA"],
        priceCents: 5900,
        ...L("Pierced Brass Lantern", "镂空黄铜灯笼", "Lanterne en laiton ajouré"),
      },
      {
        key: "nabeul",
        origins: ["TN"],
        priceCents: 2990,
        ...L("Nabeul Hand-Painted Ceramic Plate", "纳布勒手绘陶瓷盘", "Assiette en céramique peinte de Nabeul"),
      },
      {
        key: "papyrus",
        origins: ["EG"],
        priceCents: 2490,
        ...L("Hand-Made Papyrus Painting", "手工纸莎草画", "Peinture sur papyrus fait main"),
      },
      {
        key: "tingatinga",
        origins: ["TZ"],
        priceCents: 5900,
        ...L("Tingatinga Painting on Canvas", "廷加廷加布面画", "Peinture tingatinga sur toile"),
        note: L(
          "The bright enamel-paint style born in Dar es Salaam in the 1960s.",
          "20世纪60年代诞生于达累斯萨拉姆的鲜艳瓷漆画风。",
          "Le style aux peintures émaillées éclatantes né à Dar es Salaam dans les années 1960.",
        ),
      },
      {
        key: "recycled-glass",
        origins: ["KE"],
        priceCents: 2290,
        ...L("Recycled Glass Tumbler Set", "再生玻璃杯套装", "Set de verres en verre recyclé"),
      },
      {
        key: "sous-verre",
        origins: ["SN"],
        priceCents: 4590,
        ...L("Sous-Verre Reverse Glass Painting", "苏韦尔玻璃背画", "Sous-verre sénégalais"),
      },
      {
        key: "aso-oke-throw",
        origins: ["NG"],
        priceCents: 6900,
        ...L("Aso-Oke Handwoven Cushion Set", "阿索奥克手织抱枕套装", "Ensemble de coussins en aso-oke tissé main"),
      },
      {
        key: "ndebele",
        origins: ["ZA"],
        priceCents: 3290,
        ...L("Ndebele Painted Wooden Tray", "恩德贝勒彩绘木托盘", "Plateau en bois peint ndébélé"),
      },
      {
        key: "antemoro",
        origins: ["MG"],
        priceCents: 2690,
        ...L("Antemoro Flower Paper Notebook", "安特莫罗压花纸笔记本", "Carnet en papier antemoro aux fleurs"),
      },
      {
        key: "jebena",
        origins: ["ET", "ER"],
        priceCents: 3990,
        ...L("Jebena Clay Coffee Pot", "杰贝纳陶土咖啡壶", "Jebena, cafetière en terre cuite"),
        note: L(
          "The round-bellied pot at the heart of the Ethiopian coffee ceremony.",
          "埃塞俄比亚咖啡仪式的核心：圆腹陶壶。",
          "La cafetière ventrue au cœur de la cérémonie du café éthiopienne.",
        ),
      },
      {
        key: "swazi-candle",
        origins: ["SZ"],
        priceCents: 2290,
        ...L("Hand-Sculpted Candle", "手工雕塑蜡烛", "Bougie sculptée à la main"),
      },
      {
        key: "okoume",
        origins: ["GA"],
        priceCents: 3990,
        ...L("Okoumé Wood Serving Bowl", "奥库梅木餐碗", "Saladier en bois d'okoumé"),
      },
      {
        key: "khayamiya",
        origins: ["EG"],
        priceCents: 7900,
        ...L("Khayamiya Tentmaker Appliqué Panel", "开罗帐篷匠人拼布挂毯", "Tenture khayamiya des tentiers du Caire"),
        note: L(
          "Stitched by hand in the Street of the Tentmakers near Bab Zuweila.",
          "在祖韦拉门旁的帐篷匠人街手工缝制。",
          "Cousue main dans la rue des Tentiers, près de Bab Zuweila.",
        ),
      },
      {
        key: "egyptian-glass",
        origins: ["EG"],
        priceCents: 3490,
        ...L("Mouth-Blown Recycled Glass Vase", "手工吹制再生玻璃花瓶", "Vase en verre recyclé soufflé à la bouche"),
      },
      {
        key: "ethiopian-icon",
        origins: ["ET"],
        priceCents: 6900,
        ...L(
          "Hand-Painted Orthodox Icon Diptych",
          "手绘东正教双联圣像画",
          "Diptyque d'icône orthodoxe peint à la main",
        ),
      },
      {
        key: "bamum",
        origins: ["CM"],
        priceCents: 5490,
        ...L("Bamoun Brass Mask Wall Hanging", "巴穆姆黄铜面具壁挂", "Masque mural bamoun en laiton"),
      },
    ],
    variants: [
      v("standard", "single piece", "单件", "pièce unique"),
      v("set", "set of 2", "两件套", "lot de 2", 1.85),
      v("gift", "gift-wrapped", "礼品包装", "emballage cadeau", 1.1),
    ],
    story: ({ country, city, store }) =>
      L(
        `Handmade in ${country.nameEn} and chosen piece by piece by ${store.en} in ${city.en}.`,
        `${country.nameZh}手工制作，由${city.zh}的${store.zh}逐件挑选。`,
        `Fabriqué à la main ${country.ofFr} et choisi pièce par pièce par ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Small variations are the mark of handwork, not flaws.",
      "细微差异是手工制作的印记，并非瑕疵。",
      "Les petites variations sont la marque du fait-main, pas des défauts.",
    ),
  },
  {
    key: "leather",
    category: "leather-goods",
    origins: ["MA", "ET", "NG", "KE", "SN", "TN", "MR", "NE", "ML"],
    tags: ["leather", "handmade"],
    items: [
      {
        key: "babouche",
        origins: ["MA", "TN"],
        priceCents: 3490,
        ...L("Leather Babouche Slippers", "巴布什皮拖鞋", "Babouches en cuir"),
        note: L(
          "Goatskin tanned in the Fès medina's Chouara tannery.",
          "山羊皮在非斯老城舒瓦拉染坊鞣制。",
          "Peau de chèvre tannée à la tannerie Chouara de la médina de Fès.",
        ),
      },
      {
        key: "pouf",
        origins: ["MA"],
        priceCents: 7900,
        ...L("Embroidered Leather Pouf", "刺绣皮革坐墩", "Pouf en cuir brodé"),
      },
      {
        key: "satchel",
        origins: ["MA", "ET", "KE"],
        priceCents: 8900,
        ...L("Full-Grain Leather Satchel", "全粒面皮革邮差包", "Cartable en cuir pleine fleur"),
      },
      {
        key: "tote",
        origins: ["ET"],
        priceCents: 9900,
        ...L("Highland Sheepskin Tote", "高原羊皮托特包", "Cabas en peau de mouton des hauts plateaux"),
        note: L(
          "Soft, durable hair-sheep leather from the Ethiopian highlands.",
          "采用埃塞俄比亚高原毛用羊的皮革，柔软耐用。",
          "Cuir de mouton à poil des hauts plateaux éthiopiens, souple et résistant.",
        ),
      },
      {
        key: "jacket",
        origins: ["ET"],
        priceCents: 18900,
        ...L("Lambskin Leather Jacket", "小羊皮夹克", "Blouson en cuir d'agneau"),
      },
      {
        key: "wallet",
        priceCents: 2990,
        ...L("Hand-Stitched Leather Wallet", "手工缝制皮夹", "Portefeuille en cuir cousu main"),
      },
      {
        key: "tuareg-cushion",
        origins: ["NE", "ML", "MR"],
        priceCents: 6900,
        ...L("Tuareg Leather Floor Cushion", "图阿雷格皮革坐垫", "Coussin de sol touareg en cuir"),
      },
      {
        key: "kano-sandals",
        origins: ["NG"],
        priceCents: 3990,
        ...L("Kano Leather Sandals", "卡诺皮凉鞋", "Sandales en cuir de Kano"),
      },
      {
        key: "kano-bag",
        origins: ["NG"],
        priceCents: 5900,
        ...L("Kano Dyed-Leather Shoulder Bag", "卡诺染色皮革单肩包", "Sac bandoulière en cuir teint de Kano"),
      },
      {
        key: "maasai-sandals",
        origins: ["KE"],
        priceCents: 3490,
        ...L("Beaded Leather Sandals", "串珠皮凉鞋", "Sandales en cuir perlées"),
      },
      {
        key: "sahel-bag",
        origins: ["SN", "MR"],
        priceCents: 6900,
        ...L("Tooled Leather Saddle Bag", "压花皮革马鞍包", "Sacoche en cuir repoussé"),
      },
    ],
    variants: [
      v("tan", "tan", "棕褐色", "camel"),
      v("brown", "dark brown", "深棕色", "marron foncé"),
      v("black", "black", "黑色", "noir"),
    ],
    story: ({ country, city, store }) =>
      L(
        `Vegetable-tanned and stitched by hand in ${country.nameEn} by the leatherworkers of ${store.en} in ${city.en}.`,
        `由${city.zh}${store.zh}的皮匠在${country.nameZh}以植鞣工艺制作并手工缝制。`,
        `Tanné végétal et cousu main ${country.ofFr} par les maroquiniers de ${store.fr} à ${city.fr}.`,
      ),
    care: L(
      "Condition twice a year with a natural balm.",
      "每年用天然护理膏保养两次。",
      "Nourrir deux fois par an avec un baume naturel.",
    ),
  },
];

export const KIND_BY_KEY = new Map(KINDS.map((k) => [k.key, k]));

/** Items of a kind available from one origin (origin-specific ones first, so they lead a store's range). */
export function itemsFor(kind: Kind, countryCode: string): Item[] {
  const own = kind.items.filter((i) => i.origins?.includes(countryCode));
  const generic = kind.items.filter((i) => !i.origins);
  return [...own, ...generic];
}
