import { useId } from "react";
import { barChart, type BarChart } from "#app/utils/bar-chart.ts";

export interface TrendPoint {
  /** First Beijing day of the period (YYYY-MM-DD). */
  start: string;
  /** null: nothing to measure (a rate with no searches); drawn as no bar, shown as "—". */
  value: number | null;
}

/**
 * One trend as a server-drawn SVG bar chart (decision 030). Its text alternative is the summary in
 * the <figcaption> (also the image's description) and every figure in a table under a disclosure
 * that works without JavaScript. Drawn twice, for a phone and for a wider screen; CSS shows one.
 */
export function TrendChart({
  title,
  summary,
  points,
  format,
  axisFormat = format,
  periodLabel,
  periodHeader,
  tableLabel,
  testId,
}: {
  title: string;
  summary: string;
  points: TrendPoint[];
  format: (value: number) => string;
  axisFormat?: (value: number) => string;
  periodLabel: (start: string, style: "short" | "long") => string;
  periodHeader: string;
  tableLabel: string;
  testId: string;
}) {
  const id = useId();
  const data = points.map((p) => ({ label: p.start, value: p.value ?? 0 }));
  const wide = barChart(data, { width: 560, height: 170, left: 64 });
  const narrow = barChart(data, { width: 340, height: 160, left: 58 });
  const labelled = new Set([0, Math.floor((points.length - 1) / 2), points.length - 1]);
  const svg = (chart: BarChart, className: string) => (
    <svg
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      className={`h-auto w-full ${className}`}
      role="img"
      aria-labelledby={`${id}-${chart.width}-t ${id}-${chart.width}-d`}
    >
      <title id={`${id}-${chart.width}-t`}>{title}</title>
      <desc id={`${id}-${chart.width}-d`}>{summary}</desc>
      {chart.ticks.map((tick) => (
        <g key={tick.y}>
          <line x1={chart.left} x2={chart.width} y1={tick.y} y2={tick.y} className="stroke-stone-200" />
          <text x={chart.left - 6} y={tick.y + 4} textAnchor="end" className="fill-stone-600 text-[12px]">
            {axisFormat(tick.value)}
          </text>
        </g>
      ))}
      {chart.bars.map((bar, i) => (
        <g key={bar.label}>
          <rect
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            className={i === points.length - 1 ? "fill-clay-600 opacity-50" : "fill-clay-600"}
          >
            <title>{`${periodLabel(bar.label, "long")}: ${points[i]!.value === null ? "—" : format(bar.value)}`}</title>
          </rect>
          {labelled.has(i) ? (
            <text
              x={bar.x + bar.width / 2}
              y={chart.height - 4}
              textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"}
              className="fill-stone-600 text-[12px]"
            >
              {periodLabel(bar.label, "short")}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-2">
        <span className="block text-sm font-semibold text-clay-900">{title}</span>
        <span className="block text-xs text-stone-700" data-testid={`${testId}-summary`}>
          {summary}
        </span>
      </figcaption>
      {svg(narrow, "sm:hidden")}
      {svg(wide, "hidden sm:block")}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-clay-700 underline">{tableLabel}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-2">
                {periodHeader}
              </th>
              <th scope="col" className="py-1 text-right">
                {title}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start} className="border-t border-stone-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  <time dateTime={p.start}>{periodLabel(p.start, "long")}</time>
                </th>
                <td className="py-1 text-right tabular-nums">{p.value === null ? "—" : format(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
