/**
 * What seeded buyers write (decision 028): by category and language for 4–5 stars, then texts for
 * 3 stars and for 1–2 stars, short add-ons about delivery and gifts, and store replies. Composed
 * by db/seed/orders.ts (a category text, sometimes an add-on) so the same words rarely repeat.
 */
type Lang = "en" | "zh" | "fr";
type Pool = Record<Lang, string[]>;

export const POSITIVE: Record<string, Pool> = {
  coffee: {
    zh: [
      "豆子很新鲜，包装上有烘焙日期，手冲出来有明显的柑橘和茉莉花香，回甘很好。",
      "第二次回购了，冷萃也好喝，酸度柔和，家里人都说比超市的豆子香太多。",
      "磨开的一瞬间满屋子都是香味，用摩卡壶煮出来油脂很厚，配牛奶也不错。",
      "比想象中好，莓果味很明显，就是我自己手法一般，多试了几次才找到合适的水温。",
    ],
    en: [
      "Beans arrived with a roast date only ten days old. Bright, citrusy cup on the V60, and it stays sweet as it cools.",
      "Ordered on a whim and now it's my daily pour-over. Clean, floral and none of that burnt taste.",
      "Works beautifully in my moka pot. Chocolatey body with a hint of berry at the end.",
    ],
    fr: [
      "Café très aromatique, notes de fruits rouges et d'agrumes. La date de torréfaction est récente, ça se sent.",
      "Excellent en filtre comme en espresso. Je recommande, et la boutique a ajouté un petit mot gentil.",
      "Un vrai café de terroir, rien à voir avec ce qu'on trouve au supermarché. Je repasserai commande.",
    ],
  },
  "tea-infusions": {
    zh: [
      "汤色红亮，冷泡一晚上特别清甜，一点都不苦涩，办公室同事都来问链接。",
      "路易波士茶没有咖啡因，晚上喝也不影响睡觉，带一点天然的蜂蜜香。",
      "洛神花茶颜色漂亮，酸酸甜甜，加冰块做成饮料孩子很爱喝。",
      "茶叶条索完整，耐泡，第三泡还有香味，性价比很高。",
    ],
    en: [
      "Lovely caffeine-free evening cup. Naturally sweet, a little nutty, and my kids drink it iced.",
      "Brews a deep, malty cup that takes milk well. Much fresher than the tea bags I used to buy.",
      "The hibiscus makes a gorgeous ruby drink. Tart and refreshing with a bit of mint.",
    ],
    fr: [
      "Infusion délicieuse, douce et légèrement vanillée, parfaite le soir. Le sachet refermable est pratique.",
      "Le bissap donne une boisson d'un rouge magnifique, acidulée et rafraîchissante. Toute la famille adore.",
      "Thé très parfumé, feuilles entières. On sent la qualité dès la première tasse.",
    ],
  },
  spices: {
    zh: [
      "香味很浓，做咖喱只放了一小勺就够了，密封罐包装很用心。",
      "柏柏尔辣椒粉辣中带香，炖牛肉特别入味，比我在国内买的正宗。",
      "香草荚又粗又油亮，做了一次布丁香气十足，物超所值。",
    ],
    en: [
      "So much more fragrant than supermarket spices. A pinch goes a long way in a stew.",
      "The vanilla pods are plump and oily, and my custard has never smelled this good.",
      "Proper heat with real depth of flavour. I've been putting it on everything.",
    ],
    fr: [
      "Épices très parfumées, on en met moins que d'habitude. Le bocal en verre est joli en cuisine.",
      "Les gousses de vanille sont charnues et brillantes, un parfum incroyable dans mes desserts.",
      "Un mélange relevé mais équilibré, idéal pour les ragoûts. Je recommande.",
    ],
  },
  "nuts-dried-fruit": {
    zh: [
      "腰果颗粒饱满，没有碎渣，烘得很香脆，一不小心一袋就吃完了。",
      "芒果干不是很甜，有自然的果香，小朋友当零食很放心。",
      "椰枣软糯香甜，配咖啡刚刚好，分装小袋很方便。",
    ],
    en: [
      "Big whole cashews, hardly any broken bits, and they taste freshly roasted.",
      "The dried mango isn't sugary at all. Chewy, tangy and perfect for lunchboxes.",
      "Soft, caramel-sweet dates. We had them with coffee all week.",
    ],
    fr: [
      "Noix de cajou bien entières et croquantes, aucun goût de rance. Parfait pour l'apéritif.",
      "Mangue séchée sans sucre ajouté, moelleuse et très parfumée. Mes enfants en raffolent.",
      "Dattes fondantes et sucrées naturellement, un régal avec le thé.",
    ],
  },
  "oils-butters": {
    zh: [
      "乳木果脂很纯，冬天手脚干裂抹几天就好了，没有多余的香精味。",
      "摩洛哥坚果油质地清爽不油腻，洗完头抹一点发尾顺滑了很多。",
      "橄榄油有青草和番茄叶的香气，拌沙拉直接喝都不腻。",
      "生乳木果脂有淡淡的坚果味，自己做了润唇膏效果很好。",
    ],
    en: [
      "Pure, unrefined shea butter. It melts into dry skin and my cracked heels healed in a week.",
      "Light argan oil that absorbs fast. A few drops on the ends and my hair is much softer.",
      "Peppery, grassy olive oil. Lovely drizzled on bread and salads.",
    ],
    fr: [
      "Beurre de karité brut, sans parfum ajouté, très nourrissant. Mes mains abîmées par le froid revivent.",
      "Huile d'argan légère qui pénètre vite, aucun effet gras. Mes pointes sèches vont beaucoup mieux.",
      "Huile d'olive fruitée et ardente, parfaite pour les salades. Belle bouteille aussi.",
    ],
  },
  "cocoa-chocolate": {
    zh: [
      "可可味很纯，苦中带果酸，不是那种甜腻的巧克力，送朋友很有面子。",
      "可可粉冲热饮非常香浓，做布朗尼颜色也很深，很满意。",
      "单一产地的巧克力第一次吃，能吃出红果的味道，包装也很精致。",
    ],
    en: [
      "Rich, fruity single-origin chocolate. Not too sweet and it melts slowly on the tongue.",
      "The cocoa powder makes the best hot chocolate I've had in years. Dark and intense.",
      "Bought as a gift and ended up keeping a bar for myself. Beautiful wrapping too.",
    ],
    fr: [
      "Chocolat intense aux notes fruitées, pas trop sucré. L'emballage est superbe, idéal pour offrir.",
      "Le cacao en poudre donne un chocolat chaud épais et gourmand. Mes brownies n'ont jamais été aussi bons.",
      "On sent vraiment l'origine des fèves. Une découverte !",
    ],
  },
  "honey-sweets": {
    zh: [
      "蜂蜜很浓稠，有花香，冬天会结晶说明是真蜜，泡柠檬水很好喝。",
      "白蜂蜜口感绵密，像奶油一样，抹面包一绝。",
      "森林蜂蜜味道比较重，带点焦糖味，喜欢的人会很喜欢。",
    ],
    en: [
      "Thick, floral raw honey that crystallised in the cold, which is how you know it's real.",
      "Creamy white honey, almost like butter. Amazing on warm toast.",
      "Dark forest honey with a deep, almost smoky flavour. Great in tea.",
    ],
    fr: [
      "Miel épais et parfumé, il cristallise doucement, signe d'un miel brut. Délicieux dans le thé.",
      "Miel crémeux et doux, parfait sur une tartine. Le pot est bien emballé.",
      "Miel de forêt au goût puissant, légèrement boisé. On adore à la maison.",
    ],
  },
  superfoods: {
    zh: [
      "辣木粉颜色翠绿，加在酸奶和果昔里，味道比想象的温和。",
      "猴面包树果粉酸酸的，冲水喝像柠檬水，维C补充很方便。",
      "粉质很细，没有结块，密封袋也很结实。",
    ],
    en: [
      "Bright green moringa, fine and fresh. I add a spoonful to my smoothie every morning.",
      "Baobab powder tastes tangy, a bit like sherbet. Easy to mix into yoghurt.",
      "Finely milled, no clumps, and the resealable pouch keeps it fresh.",
    ],
    fr: [
      "Poudre de moringa d'un vert éclatant, goût doux. J'en mets dans mes smoothies chaque matin.",
      "La poudre de baobab est acidulée et se mélange très bien au yaourt.",
      "Mouture fine, sans grumeaux, sachet refermable solide. Rien à redire.",
    ],
  },
  "wine-beverages": {
    zh: [
      "皮诺塔吉有烟熏和黑莓的味道，单宁柔和，配烤肉很合适。",
      "包装非常严实，瓶子一点没碎。酒体饱满，性价比高。",
      "姜汁饮料很冲很过瘾，加苏打水调一下夏天喝太爽了。",
    ],
    en: [
      "Smoky, dark-fruited Pinotage with soft tannins. Went perfectly with a barbecue.",
      "Packed like treasure, not a scratch on the bottles. Generous and smooth.",
      "Fiery ginger drink that wakes you right up. Brilliant with soda water in summer.",
    ],
    fr: [
      "Vin généreux aux arômes de fruits noirs et une touche fumée. Parfait avec des grillades.",
      "Bouteilles parfaitement protégées. Un très bon rapport qualité-prix.",
      "Boisson au gingembre bien piquante, rafraîchissante avec de l'eau gazeuse.",
    ],
  },
  "natural-cosmetics": {
    zh: [
      "黑皂起泡细腻，洗完脸不紧绷，用了两周闭口少了很多。",
      "芦荟胶很清爽，晒后涂上凉凉的很舒服，没有酒精味。",
      "玫瑰纯露味道很自然，不是香精的味道，当爽肤水用很好。",
    ],
    en: [
      "The black soap lathers gently and leaves my skin clean but not tight. My breakouts have calmed down.",
      "Soothing aloe gel, great after too much sun, and no alcohol smell.",
      "Natural rose scent, not perfume-y. I use it as a toner morning and night.",
    ],
    fr: [
      "Le savon noir mousse doucement et ne tiraille pas. Ma peau est plus nette après deux semaines.",
      "Gel d'aloès frais et apaisant après le soleil, sans odeur d'alcool.",
      "Eau de rose au parfum naturel, très agréable en lotion tonique.",
    ],
  },
  textiles: {
    zh: [
      "肯特布颜色比照片还鲜艳，织工很细，做了个桌旗客人都夸。",
      "蜡染布料厚实，洗了两次不掉色，准备拿去做裙子。",
      "围巾手感柔软，花纹很有民族特色，冬天围着很暖和。",
    ],
    en: [
      "The kente is even brighter in person and tightly woven. It's now a table runner everyone asks about.",
      "Heavy wax-print cotton that kept its colours after two washes. Off to the tailor it goes.",
      "Soft, warm scarf with a beautiful pattern. Get compliments every time I wear it.",
    ],
    fr: [
      "Le kente est encore plus éclatant en vrai, tissage très serré. Magnifique en chemin de table.",
      "Wax épais, les couleurs n'ont pas bougé au lavage. Je vais m'en faire une robe.",
      "Écharpe douce et chaude, motifs superbes. On me complimente à chaque fois.",
    ],
  },
  "crafts-home-decor": {
    zh: [
      "篮子编得很紧实，颜色搭配好看，放在客厅装杂物特别好用。",
      "手工的痕迹很明显，每一件都不一样，很有温度。",
      "木雕很精致，放在书架上很有味道，包装也很用心没有磕碰。",
      "收纳篮比我想象的大，做工扎实，已经推荐给朋友了。",
    ],
    en: [
      "Tightly woven basket in gorgeous colours. It holds all our throws in the living room.",
      "You can tell it's handmade, every piece slightly different. Full of character.",
      "Beautifully carved and arrived without a single chip thanks to the careful packing.",
    ],
    fr: [
      "Panier tressé très solide, couleurs magnifiques. Il range toutes nos couvertures au salon.",
      "On voit que c'est fait main, chaque pièce est unique. Beaucoup de charme.",
      "Sculpture très fine, arrivée intacte grâce à un emballage soigné.",
    ],
  },
  jewellery: {
    zh: [
      "项链比照片好看，珠子的颜色很正，戴上很显气质。",
      "耳环很轻，戴一天耳朵也不累，手工感很强。",
      "送给妈妈的生日礼物，她很喜欢，盒子也很漂亮。",
    ],
    en: [
      "Even prettier than the photos, and the beads have a lovely depth of colour.",
      "Light earrings I can wear all day. The craftsmanship is lovely.",
      "Bought for my mum's birthday and she hasn't taken it off. Came in a pretty box.",
    ],
    fr: [
      "Collier encore plus beau qu'en photo, les perles ont de jolies couleurs.",
      "Boucles d'oreilles légères, on les oublie en les portant. Très beau travail artisanal.",
      "Offert à ma mère pour son anniversaire, elle l'adore. Joli écrin.",
    ],
  },
  "leather-goods": {
    zh: [
      "皮质很厚实，有天然的皮革香味，缝线整齐，越用越有味道。",
      "包的容量很大，笔记本电脑也放得下，背了一个月没有变形。",
      "拖鞋很软很舒服，刚开始有点紧，穿两天就合脚了。",
    ],
    en: [
      "Thick, supple leather with neat stitching. It smells wonderful and is already softening nicely.",
      "Roomy bag that fits my laptop, and it's kept its shape after a month of daily use.",
      "Comfortable slippers, a bit snug at first but they moulded to my feet in a couple of days.",
    ],
    fr: [
      "Cuir épais et souple, coutures impeccables. Il se patine déjà joliment.",
      "Sac spacieux, mon ordinateur y rentre, et il garde sa forme après un mois d'usage.",
      "Babouches confortables, un peu serrées au début, puis parfaites.",
    ],
  },
};

/** Added after a 4–5 star text now and then: delivery, packaging, gifts. */
export const ADD_ONS: Pool = {
  zh: [
    "物流比预计快，十天左右就到了。",
    "包装很仔细，还有手写的感谢卡。",
    "客服回复也很及时。",
    "已经推荐给同事了。",
    "下次还会再来买。",
    "价格在活动期间很划算。",
  ],
  en: [
    "Shipping to Shanghai took under two weeks.",
    "Lovely packaging with a handwritten thank-you note.",
    "Will definitely order again.",
    "Great value during the festival sale.",
    "Already recommended it to friends.",
  ],
  fr: [
    "Livraison plus rapide que prévu.",
    "Emballage soigné avec un petit mot manuscrit.",
    "Je recommanderai sans hésiter.",
    "Très bon rapport qualité-prix pendant le festival.",
    "Déjà conseillé à mes amis.",
  ],
};

/** Three stars: fine, with a but. */
export const MIDDLING: Pool = {
  zh: [
    "东西还可以，就是物流有点慢，等了快三周。",
    "质量不错，但和图片颜色有一点色差。",
    "味道中规中矩，可能是我期望太高了。",
    "包装有点简单，外箱压坏了一个角，好在东西没事。",
    "整体还行，价格稍微有点贵。",
  ],
  en: [
    "Decent, but delivery took almost three weeks.",
    "Good quality, although the colour is a bit duller than in the photos.",
    "It's fine. Not quite as special as I'd hoped for the price.",
    "Arrived with a crushed box corner, though the product itself was OK.",
    "Nice enough, just a little smaller than I expected.",
  ],
  fr: [
    "Correct, mais la livraison a pris presque trois semaines.",
    "Bonne qualité, même si la couleur est un peu plus terne qu'en photo.",
    "Pas mal, sans plus. Un peu cher pour ce que c'est.",
    "Carton abîmé à l'arrivée, heureusement le produit était intact.",
    "Bien, mais plus petit que ce que j'imaginais.",
  ],
};

/** One or two stars. */
export const LOW: Pool = {
  zh: [
    "收到的时候包装破了，里面洒出来一些，有点失望。",
    "和描述不太一样，味道很淡，不会再买了。",
    "物流等了一个多月，中间也没有更新物流信息。",
    "尺寸偏小，做工也比较粗糙。",
  ],
  en: [
    "The pouch had split in transit and some of it spilled. Disappointing.",
    "Not as described. Very little flavour, won't reorder.",
    "Took over a month to arrive with no tracking updates in between.",
    "Smaller than the listing suggests and the finish is rough.",
  ],
  fr: [
    "Le sachet s'est ouvert pendant le transport, une partie était perdue. Déçu.",
    "Pas conforme à la description, très peu de goût.",
    "Plus d'un mois de livraison sans suivi. Dommage.",
    "Plus petit que prévu et finitions approximatives.",
  ],
};

/** The store's replies, in the review's language. */
export const REPLIES: { good: Pool; bad: Pool } = {
  good: {
    zh: ["谢谢亲的认可！我们会继续用心挑选，期待您再次光临。", "非常感谢您的好评，看到您喜欢我们特别开心！"],
    en: [
      "Thank you so much! It means a lot to our small team.",
      "So glad you enjoyed it. Thank you for supporting us!",
    ],
    fr: [
      "Merci beaucoup pour votre message, cela fait très plaisir à toute l'équipe !",
      "Ravis que cela vous plaise, merci de votre confiance !",
    ],
  },
  bad: {
    zh: [
      "非常抱歉给您带来不好的体验，我们已经改进了包装，请联系我们为您补发或退款。",
      "抱歉让您久等了，这批货遇到了清关延误，我们会尽力改进。",
    ],
    en: [
      "We're very sorry about this. We've changed our packaging since; please contact us and we'll make it right.",
      "Apologies for the wait. This shipment was held at customs, and we're working with a faster carrier now.",
    ],
    fr: [
      "Toutes nos excuses. Nous avons revu notre emballage ; contactez-nous et nous trouverons une solution.",
      "Désolés pour ce délai, le colis a été retenu en douane. Nous travaillons avec un transporteur plus rapide.",
    ],
  },
};

/** Shoppers who buy in the seed: display names by language (shown masked on reviews). */
export const SHOPPER_NAMES: Record<Lang, string[]> = {
  zh: [
    "李娜",
    "王芳",
    "张伟",
    "刘洋",
    "陈静",
    "杨帆",
    "赵敏",
    "黄磊",
    "周婷",
    "吴昊",
    "徐蕾",
    "孙悦",
    "马骁",
    "朱琳",
    "胡斌",
    "郭晶",
    "何雨",
    "高翔",
    "林慧",
    "罗佳",
    "郑凯",
    "梁爽",
    "谢婷",
    "宋涛",
  ],
  en: [
    "Emma Walsh",
    "James Okafor",
    "Sophie Turner",
    "Daniel Chen",
    "Grace Mensah",
    "Oliver Reid",
    "Hannah Lee",
    "Samuel Boateng",
    "Chloe Martin",
    "Lucas Wright",
    "Amara Nwosu",
    "Ben Carter",
  ],
  fr: [
    "Camille Dubois",
    "Mamadou Diallo",
    "Léa Martin",
    "Hugo Bernard",
    "Aïcha Traoré",
    "Julien Moreau",
    "Chloé Lefèvre",
    "Ibrahima Ndiaye",
    "Manon Girard",
    "Théo Laurent",
    "Fatou Sow",
    "Sarah Petit",
  ],
};
