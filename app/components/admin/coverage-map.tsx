import { Link } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MapMetric } from "#app/utils/admin-constants.ts";

export interface CoverageMapProps {
  metric: MapMetric;
  /** Every campaign country, most products first. */
  rows: { key: string; name: string; stores: number; products: number }[];
  legend: { bucket: 1 | 2 | 3 | 4; from: number; to: number }[];
  missing: string[];
  represented: number;
  total: number;
  width: number;
  height: number;
  /** The rest of the dashboard's query, kept by the toggle's links. */
  keep: string;
}

/** The colours of africa-map.server.ts's buckets, for the legend (index 0: missing, hatched). */
const SWATCHES = ["#f3dcc0", "#dfa86b", "#b8702f", "#7a3f14"];

/**
 * The dashboard's Africa map (decision 030): an SVG image drawn on the server, a toggle between
 * stores and products that is a plain link, a legend, the countries still missing in words, and the
 * whole map as a table (its text alternative).
 */
export function CoverageMap({
  metric,
  rows,
  legend,
  missing,
  represented,
  total,
  width,
  height,
  keep,
}: CoverageMapProps) {
  const t = useT();
  const href = useHref();
  const title = t(metric === "stores" ? "org.mapTitleStores" : "org.mapTitleProducts");
  const summary = t("org.mapSummary", { count: represented, total });
  return (
    <section aria-labelledby="map-heading" data-testid="coverage-map">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="map-heading" className="text-lg font-bold text-clay-900">
          {t("org.mapHeading")}
        </h2>
        <nav aria-label={t("org.mapBy")} className="flex items-center gap-2 text-sm">
          <span className="text-stone-700">{t("org.mapBy")}:</span>
          {(["stores", "products"] as const).map((m) => (
            <Link
              key={m}
              to={href(`/admin?map=${m}&${keep}#map-heading`)}
              preventScrollReset
              aria-current={m === metric ? "true" : undefined}
              className={`rounded-full px-3 py-1 ${m === metric ? "bg-clay-700 text-white" : "bg-clay-100 text-clay-900 underline"}`}
            >
              {t(m === "stores" ? "org.mapByStores" : "org.mapByProducts")}
            </Link>
          ))}
        </nav>
      </div>
      <figure className="rounded-lg border border-stone-200 bg-white p-4">
        <figcaption className="mb-2">
          <span className="block text-sm font-semibold text-clay-900">{title}</span>
          <span className="block text-xs text-stone-700">{summary}</span>
        </figcaption>
        <div className="grid gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
          <img
            src={href(`/admin/coverage-map.svg?metric=${metric}`)}
            width={width}
            height={height}
            alt={`${title}. ${summary}`}
            className="h-auto w-full"
            data-testid="coverage-map-image"
          />
          <div className="space-y-3 text-sm">
            <div>
              <h3 className="mb-1 font-semibold text-clay-900">{t("org.mapLegend")}</h3>
              <ul className="space-y-1" data-testid="map-legend">
                <li className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block h-4 w-6 rounded-sm border border-stone-500"
                    style={{
                      background: "repeating-linear-gradient(45deg, #fafaf9 0 3px, #a8a29e 3px 5px)",
                    }}
                  />
                  {t("org.mapMissing")}
                </li>
                {legend.map((l) => (
                  <li key={l.bucket} className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="inline-block h-4 w-6 rounded-sm border border-stone-500"
                      style={{ background: SWATCHES[l.bucket - 1] }}
                    />
                    {l.from === l.to ? l.from : t("org.mapRange", { from: l.from, to: l.to })}
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-stone-600">{t("org.mapSmallNote")}</p>
            </div>
            <p className="text-stone-800" data-testid="map-missing">
              {missing.length === 0
                ? t("org.noneMissing")
                : t("org.missingList", { names: missing.join(t("org.listSeparator")) })}
            </p>
          </div>
        </div>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-clay-700 underline">{t("org.mapTable")}</summary>
          <div className="mt-2 max-h-96 overflow-y-auto">
            <table className="w-full text-left" data-testid="coverage-countries">
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-white text-xs text-stone-700">
                <tr>
                  <th scope="col" className="py-1 pr-2">
                    {t("org.colCountry")}
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    {t("org.colStores")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("org.colProducts")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} className="border-t border-stone-100" data-country={r.key}>
                    <th scope="row" className="py-1 pr-2 font-normal">
                      {r.name}
                      {r[metric] === 0 ? <span className="ml-1 text-xs text-red-800">({t("org.missing")})</span> : null}
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{r.stores}</td>
                    <td className="py-1 text-right tabular-nums">{r.products}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </section>
  );
}
