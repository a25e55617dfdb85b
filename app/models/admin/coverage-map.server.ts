import type { Locale } from "#app/i18n/locales.ts";
import type { Translate } from "#app/i18n/translate.ts";
import type { MapMetric } from "#app/utils/admin-constants.ts";
import type { Actor } from "../access.server.ts";
import { mapLegend, renderAfricaMap } from "./africa-map.server.ts";
import { getCountryCoverage, type CoverageRow } from "./dashboard.server.ts";

/** The coverage map's facts for the page around it: the legend's ranges and the countries still missing. */
export function coverageMapFacts(rows: CoverageRow[], metric: MapMetric) {
  const max = Math.max(0, ...rows.map((r) => r[metric]));
  const missing = rows.filter((r) => r[metric] === 0).map((r) => r.name);
  return { max, legend: mapLegend(max), missing, represented: rows.length - missing.length, total: rows.length };
}

export function renderCoverageMap(actor: Actor, locale: Locale, metric: MapMetric, t: Translate): string {
  const rows = getCountryCoverage(actor, locale);
  const facts = coverageMapFacts(rows, metric);
  return renderAfricaMap({
    counts: new Map(rows.map((r) => [r.key, r[metric]])),
    names: new Map(rows.map((r) => [r.key, r.name])),
    title: t(metric === "stores" ? "org.mapTitleStores" : "org.mapTitleProducts"),
    description: t("org.mapSummary", { count: facts.represented, total: facts.total }),
    tooltip: (name, count) =>
      `${name}: ${t(metric === "stores" ? "org.mapStoresCount" : "org.mapProductsCount", { count })}`,
  });
}
