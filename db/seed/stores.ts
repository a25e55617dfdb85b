/**
 * The 100 campaign stores. Names are written per language the way a local brand would present itself
 * abroad (a transliteration plus a descriptor in Chinese, a natural French form), not translated
 * word for word. `kinds` are the product kinds the store sells, first one leading.
 */
import { L } from "./kinds.ts";

export interface StoreSeed {
  slug: string;
  country: string;
  name: L;
  city: L;
  kinds: string[];
  founded: number;
}

type Row = [country: string, slug: string, en: string, zh: string, fr: string, city: [string, string, string], kinds: string, founded: number];

const ADDIS: [string, string, string] = ["Addis Ababa", "亚的斯亚贝巴", "Addis-Abeba"];
const NAIROBI: [string, string, string] = ["Nairobi", "内罗毕", "Nairobi"];
const ACCRA: [string, string, string] = ["Accra", "阿克拉", "Accra"];
const KUMASI: [string, string, string] = ["Kumasi", "库马西", "Kumasi"];
const MARRAKESH: [string, string, string] = ["Marrakesh", "马拉喀什", "Marrakech"];
const FES: [string, string, string] = ["Fès", "非斯", "Fès"];
const CAPE_TOWN: [string, string, string] = ["Cape Town", "开普敦", "Le Cap"];
const STELLENBOSCH: [string, string, string] = ["Stellenbosch", "斯泰伦博斯", "Stellenbosch"];
const ZANZIBAR: [string, string, string] = ["Zanzibar City", "桑给巴尔城", "Zanzibar"];
const ARUSHA: [string, string, string] = ["Arusha", "阿鲁沙", "Arusha"];
const DAR: [string, string, string] = ["Dar es Salaam", "达累斯萨拉姆", "Dar es Salam"];
const LAGOS: [string, string, string] = ["Lagos", "拉各斯", "Lagos"];
const KANO: [string, string, string] = ["Kano", "卡诺", "Kano"];
const DAKAR: [string, string, string] = ["Dakar", "达喀尔", "Dakar"];
const KIGALI: [string, string, string] = ["Kigali", "基加利", "Kigali"];
const KAMPALA: [string, string, string] = ["Kampala", "坎帕拉", "Kampala"];
const ABIDJAN: [string, string, string] = ["Abidjan", "阿比让", "Abidjan"];
const TANA: [string, string, string] = ["Antananarivo", "塔那那利佛", "Antananarivo"];
const TUNIS: [string, string, string] = ["Tunis", "突尼斯城", "Tunis"];
const SFAX: [string, string, string] = ["Sfax", "斯法克斯", "Sfax"];
const CAIRO: [string, string, string] = ["Cairo", "开罗", "Le Caire"];
const LILONGWE: [string, string, string] = ["Lilongwe", "利隆圭", "Lilongwe"];
const BLANTYRE: [string, string, string] = ["Blantyre", "布兰太尔", "Blantyre"];
const MAPUTO: [string, string, string] = ["Maputo", "马普托", "Maputo"];
const OUAGA: [string, string, string] = ["Ouagadougou", "瓦加杜古", "Ouagadougou"];
const BAMAKO: [string, string, string] = ["Bamako", "巴马科", "Bamako"];
const ALGIERS: [string, string, string] = ["Algiers", "阿尔及尔", "Alger"];
const DOUALA: [string, string, string] = ["Douala", "杜阿拉", "Douala"];

const rows: Row[] = [
  // Ethiopia
  ["ET", "yirga-highlands-coffee", "Yirga Highlands Coffee", "耶加高地咖啡", "Café des Hauts de Yirga", ["Yirgacheffe", "耶加雪菲", "Yirgacheffe"], "coffee home-decor", 2014],
  ["ET", "abyssinia-roasters", "Abyssinia Roasters", "阿比西尼亚烘焙坊", "Torréfacteurs d'Abyssinie", ADDIS, "coffee spice-blends", 2011],
  ["ET", "sidama-sun-coffee", "Sidama Sun Coffee", "西达玛阳光咖啡", "Café Soleil de Sidama", ["Hawassa", "阿瓦萨", "Hawassa"], "coffee honey", 2017],
  ["ET", "tigray-white-honey", "Tigray White Honey Co.", "提格雷白蜜坊", "Miel Blanc du Tigré", ["Mekelle", "默克莱", "Mekele"], "honey spice-blends", 2015],
  ["ET", "merkato-leather-house", "Merkato Leather House", "梅卡托皮具坊", "Maison du Cuir de Merkato", ADDIS, "leather cosmetics", 2009],
  ["ET", "lalibela-crafts", "Lalibela Crafts & Silver", "拉利贝拉手工银饰", "Artisanat et Argent de Lalibela", ["Lalibela", "拉利贝拉", "Lalibela"], "beadwork home-decor", 2016],
  // Kenya
  ["KE", "nyeri-hills-coffee", "Nyeri Hills Coffee", "涅里山丘咖啡", "Café des Collines de Nyeri", ["Nyeri", "涅里", "Nyeri"], "coffee tea", 2013],
  ["KE", "kericho-leaf-estates", "Kericho Leaf Estates", "凯里乔茶园", "Domaines de thé de Kericho", ["Kericho", "凯里乔", "Kericho"], "tea honey", 2008],
  ["KE", "rift-valley-macadamia", "Rift Valley Macadamia", "裂谷夏威夷果", "Macadamia de la Vallée du Rift", ["Thika", "锡卡", "Thika"], "macadamia honey", 2016],
  ["KE", "maasai-mara-beadworks", "Maasai Mara Beadworks", "马赛马拉串珠工坊", "Perles du Maasai Mara", ["Narok", "纳罗克", "Narok"], "beadwork leather", 2012],
  ["KE", "kisii-stone-and-sisal", "Kisii Stone & Sisal", "基西石艺与剑麻编织", "Pierre et Sisal de Kisii", ["Kisii", "基西", "Kisii"], "carvings baskets home-decor", 2018],
  ["KE", "mombasa-kikoi-and-kitenge", "Mombasa Kikoi & Kitenge", "蒙巴萨基滕格布坊", "Kikoi et Kitenge de Mombasa", ["Mombasa", "蒙巴萨", "Mombasa"], "printed-textiles beverages baskets", 2019],
  // Ghana
  ["GH", "tamale-shea-collective", "Tamale Shea Collective", "塔马利乳木果合作社", "Collectif Karité de Tamale", ["Tamale", "塔马利", "Tamale"], "shea cosmetics", 2010],
  ["GH", "ashanti-cocoa-works", "Ashanti Cocoa Works", "阿散蒂可可工坊", "Chocolaterie Ashanti", KUMASI, "cocoa dried-fruit", 2015],
  ["GH", "bonwire-kente-weavers", "Bonwire Kente Weavers", "邦维尔肯特布织坊", "Tisserands de Kente de Bonwire", ["Bonwire", "邦维尔", "Bonwire"], "kente printed-textiles", 2007],
  ["GH", "bolga-baskets", "Bolgatanga Basket Co-op", "博尔加坦加编织合作社", "Coopérative de paniers de Bolgatanga", ["Bolgatanga", "博尔加坦加", "Bolgatanga"], "baskets shea", 2012],
  ["GH", "krobo-bead-house", "Krobo Bead House", "克罗博玻璃珠坊", "Maison des Perles Krobo", ["Odumase Krobo", "奥杜马塞克罗博", "Odumase Krobo"], "beadwork cosmetics", 2014],
  ["GH", "accra-chocolate-atelier", "Accra Chocolate Atelier", "阿克拉巧克力工作室", "Atelier du Chocolat d'Accra", ACCRA, "cocoa beverages whole-spices", 2020],
  // Morocco
  ["MA", "souss-argan-cooperative", "Souss Argan Cooperative", "苏斯坚果油合作社", "Coopérative d'Argan du Souss", ["Agadir", "阿加迪尔", "Agadir"], "argan cosmetics", 2006],
  ["MA", "fes-medina-leather", "Fès Medina Leather", "非斯老城皮具", "Cuirs de la Médina de Fès", FES, "leather home-decor", 2004],
  ["MA", "atlas-weavers", "Atlas Weavers & Potters", "阿特拉斯织毯陶艺坊", "Tisserands et Potiers de l'Atlas", ["Azrou", "阿兹鲁", "Azrou"], "home-decor leather", 2011],
  ["MA", "taliouine-saffron-house", "Taliouine Saffron House", "塔利温藏红花之家", "Maison du Safran de Taliouine", ["Taliouine", "塔利温", "Taliouine"], "whole-spices spice-blends olive-oil", 2013],
  ["MA", "rose-valley-naturals", "Rose Valley Naturals", "玫瑰谷天然护肤", "Naturels de la Vallée des Roses", ["Kelâat M'Gouna", "凯拉阿特姆古纳", "Kelâat M'Gouna"], "cosmetics argan", 2017],
  // South Africa
  ["ZA", "cederberg-rooibos", "Cederberg Rooibos Co.", "塞德堡路易波士茶", "Rooibos du Cederberg", ["Clanwilliam", "克兰威廉", "Clanwilliam"], "rooibos cosmetics", 2009],
  ["ZA", "stellenbosch-cellar-door", "Stellenbosch Cellar Door", "斯泰伦博斯酒窖", "Cave de Stellenbosch", STELLENBOSCH, "wine", 2002],
  ["ZA", "swartland-vintners", "Swartland Vintners", "斯瓦特兰酒庄", "Vignerons du Swartland", ["Malmesbury", "马姆斯伯里", "Malmesbury"], "wine rooibos", 2010],
  ["ZA", "durban-zulu-craft", "Durban Zulu Craft", "德班祖鲁手工艺", "Artisanat Zoulou de Durban", ["Durban", "德班", "Durban"], "beadwork baskets", 2014],
  ["ZA", "cape-pantry-and-spice", "Cape Pantry & Spice", "开普香料食品铺", "Épicerie du Cap", CAPE_TOWN, "spice-blends macadamia beverages", 2018],
  // Tanzania
  ["TZ", "zanzibar-spice-farm", "Zanzibar Spice Farm", "桑给巴尔香料农场", "Ferme aux Épices de Zanzibar", ZANZIBAR, "whole-spices vanilla", 2008],
  ["TZ", "mtwara-cashew-house", "Mtwara Cashew House", "姆特瓦拉腰果坊", "Maison de la Cajou de Mtwara", ["Mtwara", "姆特瓦拉", "Mtwara"], "cashew dried-fruit", 2015],
  ["TZ", "makonde-art-studio", "Makonde Art Studio", "马孔德艺术工作室", "Atelier d'Art Makondé", DAR, "carvings home-decor", 2005],
  ["TZ", "arusha-maasai-market", "Arusha Maasai Market", "阿鲁沙马赛市集", "Marché Massaï d'Arusha", ARUSHA, "beadwork printed-textiles", 2013],
  ["TZ", "kilimanjaro-coffee-estates", "Kilimanjaro Coffee Estates", "乞力马扎罗咖啡庄园", "Domaines Caféiers du Kilimandjaro", ["Moshi", "莫希", "Moshi"], "coffee honey", 2011],
  // Nigeria
  ["NG", "kaduna-ginger-and-zobo", "Kaduna Ginger & Zobo", "卡杜纳生姜洛神花", "Gingembre et Zobo de Kaduna", ["Kaduna", "卡杜纳", "Kaduna"], "hibiscus whole-spices spice-blends", 2016],
  ["NG", "abeokuta-adire-house", "Abeokuta Adire House", "阿贝奥库塔扎染坊", "Maison de l'Adire d'Abeokuta", ["Abeokuta", "阿贝奥库塔", "Abeokuta"], "printed-textiles home-decor", 2012],
  ["NG", "kano-leather-guild", "Kano Leather Guild", "卡诺皮革行会", "Guilde du Cuir de Kano", KANO, "leather", 2003],
  ["NG", "lagos-naturals", "Lagos Naturals", "拉各斯天然护肤", "Lagos Naturels", LAGOS, "cosmetics shea cocoa", 2019],
  // Senegal
  ["SN", "baobab-du-sine", "Baobab du Sine", "锡内猴面包树", "Baobab du Sine", ["Kaolack", "考拉克", "Kaolack"], "baobab hibiscus", 2014],
  ["SN", "dakar-bissap-house", "Dakar Bissap House", "达喀尔比萨普饮品坊", "Maison du Bissap de Dakar", DAKAR, "beverages hibiscus spice-blends", 2017],
  ["SN", "thies-weavers", "Thiès Weavers & Painters", "捷斯织造与绘画工坊", "Tisserands et Peintres de Thiès", ["Thiès", "捷斯", "Thiès"], "baskets home-decor printed-textiles", 2010],
  // Rwanda
  ["RW", "lake-kivu-coffee", "Lake Kivu Coffee", "基伍湖咖啡", "Café du Lac Kivu", ["Rubavu", "鲁巴武", "Rubavu"], "coffee", 2012],
  ["RW", "huye-mountain-coffee", "Huye Mountain Coffee", "胡耶山咖啡", "Café du Mont Huye", ["Huye", "胡耶", "Huye"], "coffee honey", 2010],
  ["RW", "kigali-tea-and-baskets", "Kigali Leaf & Weave", "基加利茶叶编织坊", "Feuille et Tressage de Kigali", KIGALI, "baskets tea", 2015],
  // Uganda
  ["UG", "mount-elgon-coffee", "Mount Elgon Coffee", "埃尔贡山咖啡", "Café du Mont Elgon", ["Mbale", "姆巴莱", "Mbale"], "coffee vanilla", 2013],
  ["UG", "kampala-craft-village", "Kampala Craft Village", "坎帕拉手工艺村", "Village Artisanal de Kampala", KAMPALA, "baskets printed-textiles beadwork", 2011],
  ["UG", "rwenzori-tea-and-cocoa", "Rwenzori Tea & Cocoa", "鲁文佐里茶与可可", "Thé et Cacao du Rwenzori", ["Fort Portal", "波特尔堡", "Fort Portal"], "tea cocoa", 2016],
  // Côte d'Ivoire
  ["CI", "bouake-cashew", "Bouaké Cashew Co.", "布瓦凯腰果公司", "Cajou de Bouaké", ["Bouaké", "布瓦凯", "Bouaké"], "cashew", 2014],
  ["CI", "san-pedro-chocolat", "San-Pédro Chocolat", "圣佩德罗巧克力", "San-Pédro Chocolat", ["San-Pédro", "圣佩德罗", "San-Pédro"], "cocoa", 2018],
  ["CI", "korhogo-art-house", "Korhogo Art House", "科霍戈艺术之家", "Maison d'Art de Korhogo", ["Korhogo", "科霍戈", "Korhogo"], "printed-textiles carvings", 2009],
  // Madagascar
  ["MG", "sava-vanilla", "SAVA Vanilla Growers", "萨瓦香草种植者", "Producteurs de Vanille de la SAVA", ["Sambava", "桑巴瓦", "Sambava"], "vanilla whole-spices", 2007],
  ["MG", "tana-spice-and-silk", "Tana Spice & Silk", "塔那香料与丝绸", "Épices et Soie de Tana", TANA, "whole-spices printed-textiles home-decor", 2015],
  ["MG", "sambirano-cacao", "Sambirano Cacao", "桑比拉诺可可", "Cacao du Sambirano", ["Ambanja", "安巴尼亚", "Ambanja"], "cocoa vanilla", 2012],
  // Tunisia
  ["TN", "sfax-olive-groves", "Sfax Olive Groves", "斯法克斯橄榄园", "Oliveraies de Sfax", SFAX, "olive-oil", 2005],
  ["TN", "tozeur-date-palms", "Tozeur Date Palms", "托泽尔椰枣园", "Palmeraie de Tozeur", ["Tozeur", "托泽尔", "Tozeur"], "dates olive-oil", 2010],
  ["TN", "nabeul-ceramics", "Nabeul Ceramics & Harissa", "纳布勒陶艺与哈里萨", "Céramiques et Harissa de Nabeul", ["Nabeul", "纳布勒", "Nabeul"], "home-decor spice-blends", 2008],
  // Egypt
  ["EG", "siwa-oasis-dates", "Siwa Oasis Dates", "锡瓦绿洲椰枣", "Dattes de l'Oasis de Siwa", ["Siwa", "锡瓦", "Siwa"], "dates hibiscus", 2013],
  ["EG", "cairo-papyrus-and-cotton", "Cairo Papyrus & Cotton", "开罗纸莎草与棉织", "Papyrus et Coton du Caire", CAIRO, "home-decor printed-textiles", 2006],
  ["EG", "khan-el-khalili-naturals", "Khan el-Khalili Naturals", "汗哈利利天然铺", "Naturels de Khan el-Khalili", CAIRO, "cosmetics spice-blends", 2016],
  // Malawi
  ["MW", "shire-highlands-tea", "Shire Highlands Tea", "希雷高地茶", "Thés des Hautes Terres de la Shire", ["Thyolo", "乔洛", "Thyolo"], "tea macadamia", 2009],
  ["MW", "lilongwe-macadamia", "Lilongwe Macadamia Growers", "利隆圭夏威夷果农", "Producteurs de Macadamia de Lilongwe", LILONGWE, "macadamia baobab", 2014],
  ["MW", "blantyre-baobab", "Blantyre Baobab Co.", "布兰太尔猴面包树", "Baobab de Blantyre", BLANTYRE, "baobab cosmetics tea", 2017],
  // Mozambique
  ["MZ", "nampula-cashew", "Nampula Cashew", "楠普拉腰果", "Cajou de Nampula", ["Nampula", "楠普拉", "Nampula"], "cashew spice-blends", 2012],
  ["MZ", "maputo-makonde-gallery", "Maputo Makonde Gallery", "马普托马孔德画廊", "Galerie Makondé de Maputo", MAPUTO, "carvings spice-blends", 2010],
  // Burkina Faso
  ["BF", "bobo-shea-women", "Bobo Shea Women's Union", "博博乳木果妇女联合会", "Union des Femmes du Karité de Bobo", ["Bobo-Dioulasso", "博博迪乌拉索", "Bobo-Dioulasso"], "shea cosmetics", 2001],
  ["BF", "ouaga-bronze-and-bogolan", "Ouaga Bronze & Bogolan", "瓦加青铜与泥染", "Bronze et Bogolan de Ouaga", OUAGA, "carvings bogolan dried-fruit", 2011],
  // Mali
  ["ML", "segou-bogolan", "Ségou Bogolan Workshop", "塞古泥染工坊", "Atelier de Bogolan de Ségou", ["Ségou", "塞古", "Ségou"], "bogolan hibiscus", 2006],
  ["ML", "bamako-sahel-silver", "Bamako Sahel Silver", "巴马科萨赫勒银饰", "Argent du Sahel de Bamako", BAMAKO, "beadwork baobab dried-fruit", 2013],
  // Algeria
  ["DZ", "biskra-deglet-nour", "Biskra Deglet Nour", "比斯克拉德格莱特努尔椰枣", "Deglet Nour de Biskra", ["Biskra", "比斯克拉", "Biskra"], "dates", 2008],
  ["DZ", "kabylie-olive-and-silver", "Kabylie Olive & Silver", "卡比利亚橄榄与银饰", "Olive et Argent de Kabylie", ["Tizi Ouzou", "提济乌祖", "Tizi Ouzou"], "olive-oil beadwork dates", 2012],
  // Cameroon
  ["CM", "penja-pepper-house", "Penja Pepper House", "彭贾胡椒之家", "Maison du Poivre de Penja", ["Penja", "彭贾", "Penja"], "whole-spices honey", 2013],
  ["CM", "bamenda-crafts-and-cocoa", "Grassfields Crafts & Cocoa", "草原高地手工艺与可可", "Artisanat et Cacao des Grassfields", ["Bamenda", "巴门达", "Bamenda"], "cocoa carvings home-decor", 2011],
  // One store each
  ["ZM", "miombo-honey-zambia", "Miombo Forest Honey", "米翁博森林蜂蜜", "Miel de la Forêt de Miombo", ["Kabompo", "卡邦波", "Kabompo"], "honey coffee", 2010],
  ["BI", "kayanza-coffee-burundi", "Kayanza Hills Coffee", "卡扬扎山丘咖啡", "Café des Collines de Kayanza", ["Kayanza", "卡扬扎", "Kayanza"], "coffee tea", 2014],
  ["LS", "maseru-basotho-blankets", "Maseru Basotho Heritage", "马塞卢巴索托传统工坊", "Patrimoine Basotho de Maseru", ["Maseru", "马塞卢", "Maseru"], "printed-textiles baskets", 2012],
  ["NA", "kalahari-naturals", "Kalahari Naturals", "卡拉哈里天然", "Naturels du Kalahari", ["Windhoek", "温得和克", "Windhoek"], "cosmetics beadwork", 2015],
  ["BW", "okavango-weavers", "Okavango Weavers", "奥卡万戈编织坊", "Vanniers de l'Okavango", ["Maun", "马翁", "Maun"], "baskets cosmetics", 2008],
  ["ZW", "tengenenge-stone-and-coffee", "Tengenenge Stone & Chipinge Coffee", "滕格嫩格石雕与奇平格咖啡", "Pierre de Tengenenge et Café de Chipinge", ["Harare", "哈拉雷", "Harare"], "carvings coffee baskets", 2009],
  ["SZ", "eswatini-sisal-and-candle", "Eswatini Sisal & Candle", "斯威士剑麻与蜡烛", "Sisal et Bougies d'Eswatini", ["Mbabane", "姆巴巴内", "Mbabane"], "baskets cosmetics home-decor", 2011],
  ["TG", "kpalime-harvest", "Kpalimé Harvest", "帕利梅丰收", "Récoltes de Kpalimé", ["Kpalimé", "帕利梅", "Kpalimé"], "cocoa shea dried-fruit", 2016],
  ["BJ", "cotonou-cashew-and-wax", "Cotonou Cashew & Wax", "科托努腰果与蜡染布", "Cajou et Wax de Cotonou", ["Cotonou", "科托努", "Cotonou"], "cashew printed-textiles dried-fruit", 2013],
  ["KM", "anjouan-perfume-island", "Anjouan Perfume Island", "昂儒昂香水岛", "Anjouan, l'Île aux Parfums", ["Mutsamudu", "穆察穆杜", "Mutsamudu"], "cosmetics vanilla whole-spices", 2010],
  ["SC", "mahe-spice-garden", "Mahé Spice Garden", "马埃岛香料园", "Jardin d'Épices de Mahé", ["Victoria", "维多利亚", "Victoria"], "whole-spices vanilla", 2014],
  ["MU", "mauritius-vanilla-tea", "Island Tea & Sugar Mauritius", "毛里求斯海岛茶糖坊", "Thé et Sucre de l'Île Maurice", ["Curepipe", "居尔皮普", "Curepipe"], "tea beverages honey", 2007],
  ["ST", "sao-tome-cacao-estate", "São Tomé Cacao Estate", "圣多美可可庄园", "Domaine de Cacao de São Tomé", ["São Tomé", "圣多美", "São Tomé"], "cocoa", 2006],
  ["CV", "fogo-volcano-coffee", "Fogo Volcano Coffee", "福戈火山咖啡", "Café du Volcan de Fogo", ["São Filipe", "圣菲利佩", "São Filipe"], "coffee", 2012],
  ["AO", "amboim-coffee-and-honey", "Amboim Coffee & Honey", "安博因咖啡与蜂蜜", "Café et Miel d'Amboim", ["Gabela", "加贝拉", "Gabela"], "coffee honey carvings", 2015],
  ["LR", "liberica-revival", "Liberica Revival Coffee", "利比里卡复兴咖啡", "Café Liberica Renaissance", ["Monrovia", "蒙罗维亚", "Monrovia"], "coffee", 2018],
  ["GN", "fouta-djallon-harvest", "Fouta Djallon Harvest", "富塔贾隆丰收", "Récoltes du Fouta-Djalon", ["Labé", "拉贝", "Labé"], "coffee dried-fruit", 2016],
  ["SL", "freetown-cocoa-and-mango", "Freetown Cocoa & Mango", "弗里敦可可与芒果", "Cacao et Mangue de Freetown", ["Freetown", "弗里敦", "Freetown"], "cocoa dried-fruit", 2017],
  ["GM", "gambia-river-cashew", "Gambia River Cashew & Honey", "冈比亚河腰果与蜂蜜", "Cajou et Miel du Fleuve Gambie", ["Banjul", "班珠尔", "Banjul"], "cashew honey", 2015],
  ["GW", "bissau-cashew-cooperative", "Bissau Cashew Cooperative", "比绍腰果合作社", "Coopérative de Cajou de Bissau", ["Bissau", "比绍", "Bissau"], "cashew", 2011],
  ["SO", "somali-frankincense", "Sanaag Frankincense & Honey", "萨纳格乳香与蜂蜜", "Oliban et Miel du Sanaag", ["Erigavo", "埃里加沃", "Erigavo"], "cosmetics honey", 2014],
  ["ER", "asmara-mesob-weavers", "Asmara Mesob Weavers", "阿斯马拉梅索布编织坊", "Vanniers de Mesob d'Asmara", ["Asmara", "阿斯马拉", "Asmara"], "baskets home-decor spice-blends", 2013],
  ["TD", "ndjamena-chebe", "N'Djamena Chébé & Gum", "恩贾梅纳切贝护发", "Chébé de N'Djamena", ["N'Djamena", "恩贾梅纳", "N'Djamena"], "cosmetics hibiscus shea", 2019],
  ["NE", "agadez-tuareg-silver", "Agadez Tuareg Silver", "阿加德兹图阿雷格银饰", "Argent Touareg d'Agadez", ["Agadez", "阿加德兹", "Agadez"], "beadwork leather", 2005],
  ["MR", "atar-oasis-crafts", "Atar Oasis Dates & Crafts", "阿塔尔绿洲椰枣与手工艺", "Dattes et Artisanat de l'Oasis d'Atar", ["Atar", "阿塔尔", "Atar"], "dates leather beadwork", 2012],
  ["CD", "kivu-coffee-and-kuba", "Kivu Coffee & Kuba Cloth", "基伍咖啡与库巴布", "Café du Kivu et Velours du Kasaï", ["Bukavu", "布卡武", "Bukavu"], "coffee printed-textiles carvings", 2016],
  ["GA", "gabon-forest-and-stone", "Gabon Forest & Stone", "加蓬森林与石艺", "Forêt et Pierre du Gabon", ["Libreville", "利伯维尔", "Libreville"], "carvings home-decor", 2010],
  ["SD", "kordofan-karkade", "Kordofan Karkadé & Dates", "科尔多凡洛神花与椰枣", "Karkadé et Dattes du Kordofan", ["El-Obeid", "欧拜伊德", "El-Obeid"], "hibiscus dates", 2013],
  ["LY", "jebel-akhdar-olives", "Jebel Akhdar Olives & Dates", "绿山橄榄与椰枣", "Olives et Dattes du Djebel Akhdar", ["Bayda", "贝达", "Bayda"], "olive-oil dates", 2014],
];

export const STORES: StoreSeed[] = rows.map(([country, slug, en, zh, fr, city, kinds, founded]) => ({
  slug,
  country,
  name: L(en, zh, fr),
  city: L(...city),
  kinds: kinds.split(" "),
  founded,
}));
