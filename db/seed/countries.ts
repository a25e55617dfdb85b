/**
 * All 54 African countries. Names follow common usage in each language (zh: 中华人民共和国外交部
 * country names; fr: French official short forms). `ofFr` carries the article and elision French
 * titles need ("huile d'argan du Maroc", "café d'Éthiopie").
 */
export interface CountrySeed {
  code: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  adjectiveEn: string;
  ofFr: string;
  region: "north" | "west" | "central" | "east" | "southern";
  colors: string[];
}

type Row = [string, string, string, string, string, string, CountrySeed["region"], string];

const rows: Row[] = [
  ["DZ", "Algeria", "阿尔及利亚", "Algérie", "Algerian", "d'Algérie", "north", "#006233 #FFFFFF #D21034"],
  ["AO", "Angola", "安哥拉", "Angola", "Angolan", "d'Angola", "southern", "#CC092F #000000 #FFCB00"],
  ["BJ", "Benin", "贝宁", "Bénin", "Beninese", "du Bénin", "west", "#008751 #FCD116 #E8112D"],
  ["BW", "Botswana", "博茨瓦纳", "Botswana", "Botswanan", "du Botswana", "southern", "#75AADB #FFFFFF #000000"],
  ["BF", "Burkina Faso", "布基纳法索", "Burkina Faso", "Burkinabè", "du Burkina Faso", "west", "#EF2B2D #009E49 #FCD116"],
  ["BI", "Burundi", "布隆迪", "Burundi", "Burundian", "du Burundi", "east", "#CE1126 #1EB53A #FFFFFF"],
  ["CV", "Cabo Verde", "佛得角", "Cap-Vert", "Cape Verdean", "du Cap-Vert", "west", "#003893 #FFFFFF #CF2027 #F7D116"],
  ["CM", "Cameroon", "喀麦隆", "Cameroun", "Cameroonian", "du Cameroun", "central", "#007A5E #CE1126 #FCD116"],
  ["CF", "Central African Republic", "中非共和国", "République centrafricaine", "Central African", "de Centrafrique", "central", "#003082 #FFFFFF #289728 #FFCE00 #D21034"],
  ["TD", "Chad", "乍得", "Tchad", "Chadian", "du Tchad", "central", "#002664 #FECB00 #C60C30"],
  ["KM", "Comoros", "科摩罗", "Comores", "Comorian", "des Comores", "east", "#3A75C4 #FFC61E #FFFFFF #CE1126 #3D8E33"],
  ["CG", "Republic of the Congo", "刚果（布）", "République du Congo", "Congolese", "du Congo", "central", "#009543 #FBDE4A #DC241F"],
  ["CD", "DR Congo", "刚果（金）", "République démocratique du Congo", "Congolese", "de RD Congo", "central", "#007FFF #F7D618 #CE1021"],
  ["CI", "Côte d'Ivoire", "科特迪瓦", "Côte d'Ivoire", "Ivorian", "de Côte d'Ivoire", "west", "#F77F00 #FFFFFF #009E60"],
  ["DJ", "Djibouti", "吉布提", "Djibouti", "Djiboutian", "de Djibouti", "east", "#6AB2E7 #12AD2B #FFFFFF #D7141A"],
  ["EG", "Egypt", "埃及", "Égypte", "Egyptian", "d'Égypte", "north", "#CE1126 #FFFFFF #000000 #C09300"],
  ["GQ", "Equatorial Guinea", "赤道几内亚", "Guinée équatoriale", "Equatoguinean", "de Guinée équatoriale", "central", "#3E9A00 #FFFFFF #E32118 #0073CE"],
  ["ER", "Eritrea", "厄立特里亚", "Érythrée", "Eritrean", "d'Érythrée", "east", "#12AD2B #4189DD #EA0437 #FFC726"],
  ["SZ", "Eswatini", "斯威士兰", "Eswatini", "Swazi", "d'Eswatini", "southern", "#3E5EB9 #FFD900 #B10C0C"],
  ["ET", "Ethiopia", "埃塞俄比亚", "Éthiopie", "Ethiopian", "d'Éthiopie", "east", "#078930 #FCDD09 #DA121A #0F47AF"],
  ["GA", "Gabon", "加蓬", "Gabon", "Gabonese", "du Gabon", "central", "#009E60 #FCD116 #3A75C4"],
  ["GM", "The Gambia", "冈比亚", "Gambie", "Gambian", "de Gambie", "west", "#CE1126 #0C1C8C #3A7728 #FFFFFF"],
  ["GH", "Ghana", "加纳", "Ghana", "Ghanaian", "du Ghana", "west", "#CE1126 #FCD116 #006B3F #000000"],
  ["GN", "Guinea", "几内亚", "Guinée", "Guinean", "de Guinée", "west", "#CE1126 #FCD116 #009460"],
  ["GW", "Guinea-Bissau", "几内亚比绍", "Guinée-Bissau", "Bissau-Guinean", "de Guinée-Bissau", "west", "#CE1126 #FCD116 #009E49 #000000"],
  ["KE", "Kenya", "肯尼亚", "Kenya", "Kenyan", "du Kenya", "east", "#000000 #BB0000 #006600 #FFFFFF"],
  ["LS", "Lesotho", "莱索托", "Lesotho", "Basotho", "du Lesotho", "southern", "#00209F #FFFFFF #009543 #000000"],
  ["LR", "Liberia", "利比里亚", "Liberia", "Liberian", "du Liberia", "west", "#BF0A30 #FFFFFF #002868"],
  ["LY", "Libya", "利比亚", "Libye", "Libyan", "de Libye", "north", "#E70013 #000000 #239E46 #FFFFFF"],
  ["MG", "Madagascar", "马达加斯加", "Madagascar", "Malagasy", "de Madagascar", "east", "#FC3D32 #007E3A #FFFFFF"],
  ["MW", "Malawi", "马拉维", "Malawi", "Malawian", "du Malawi", "southern", "#000000 #CE1126 #339E35"],
  ["ML", "Mali", "马里", "Mali", "Malian", "du Mali", "west", "#14B53A #FCD116 #CE1126"],
  ["MR", "Mauritania", "毛里塔尼亚", "Mauritanie", "Mauritanian", "de Mauritanie", "west", "#006233 #FFC400 #D01C1F"],
  ["MU", "Mauritius", "毛里求斯", "Maurice", "Mauritian", "de l'île Maurice", "east", "#EA2839 #1A206D #FFD500 #00A551"],
  ["MA", "Morocco", "摩洛哥", "Maroc", "Moroccan", "du Maroc", "north", "#C1272D #006233"],
  ["MZ", "Mozambique", "莫桑比克", "Mozambique", "Mozambican", "du Mozambique", "southern", "#007168 #000000 #FCE100 #D21034 #FFFFFF"],
  ["NA", "Namibia", "纳米比亚", "Namibie", "Namibian", "de Namibie", "southern", "#003580 #FFFFFF #009543 #D21034 #FFCE00"],
  ["NE", "Niger", "尼日尔", "Niger", "Nigerien", "du Niger", "west", "#E05206 #FFFFFF #0DB02B"],
  ["NG", "Nigeria", "尼日利亚", "Nigeria", "Nigerian", "du Nigeria", "west", "#008751 #FFFFFF"],
  ["RW", "Rwanda", "卢旺达", "Rwanda", "Rwandan", "du Rwanda", "east", "#00A1DE #FAD201 #20603D"],
  ["ST", "São Tomé and Príncipe", "圣多美和普林西比", "Sao Tomé-et-Principe", "Santomean", "de Sao Tomé-et-Principe", "central", "#12AD2B #FFCE00 #D21034 #000000"],
  ["SN", "Senegal", "塞内加尔", "Sénégal", "Senegalese", "du Sénégal", "west", "#00853F #FDEF42 #E31B23"],
  ["SC", "Seychelles", "塞舌尔", "Seychelles", "Seychellois", "des Seychelles", "east", "#003F87 #FCD856 #D62828 #FFFFFF #007A3D"],
  ["SL", "Sierra Leone", "塞拉利昂", "Sierra Leone", "Sierra Leonean", "de Sierra Leone", "west", "#1EB53A #FFFFFF #0072C6"],
  ["SO", "Somalia", "索马里", "Somalie", "Somali", "de Somalie", "east", "#4189DD #FFFFFF"],
  ["ZA", "South Africa", "南非", "Afrique du Sud", "South African", "d'Afrique du Sud", "southern", "#007A4D #FFB612 #DE3831 #002395 #000000"],
  ["SS", "South Sudan", "南苏丹", "Soudan du Sud", "South Sudanese", "du Soudan du Sud", "east", "#000000 #DA121A #078930 #0F47AF #FCDD09"],
  ["SD", "Sudan", "苏丹", "Soudan", "Sudanese", "du Soudan", "north", "#D21034 #FFFFFF #000000 #007229"],
  ["TZ", "Tanzania", "坦桑尼亚", "Tanzanie", "Tanzanian", "de Tanzanie", "east", "#1EB53A #FCD116 #000000 #00A3DD"],
  ["TG", "Togo", "多哥", "Togo", "Togolese", "du Togo", "west", "#006A4E #FFCE00 #D21034 #FFFFFF"],
  ["TN", "Tunisia", "突尼斯", "Tunisie", "Tunisian", "de Tunisie", "north", "#E70013 #FFFFFF"],
  ["UG", "Uganda", "乌干达", "Ouganda", "Ugandan", "d'Ouganda", "east", "#000000 #FCDC04 #D90000"],
  ["ZM", "Zambia", "赞比亚", "Zambie", "Zambian", "de Zambie", "southern", "#198A00 #DE2010 #000000 #EF7D00"],
  ["ZW", "Zimbabwe", "津巴布韦", "Zimbabwe", "Zimbabwean", "du Zimbabwe", "southern", "#006400 #FFD200 #D40000 #000000"],
];

export const COUNTRIES: CountrySeed[] = rows.map(([code, nameEn, nameZh, nameFr, adjectiveEn, ofFr, region, colors]) => ({
  code,
  nameEn,
  nameZh,
  nameFr,
  adjectiveEn,
  ofFr,
  region,
  colors: colors.split(" "),
}));

export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
