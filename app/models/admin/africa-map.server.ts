import { createRequire } from "node:module";
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * The organizers' Africa coverage map (decision 030), drawn on the server as plain SVG: world-atlas's
 * 50 m countries (the 110 m file lacks the small island states), projected with d3-geo once per
 * process, coordinates rounded to 0.1 px and points closer than ~0.7 px dropped, so the whole image
 * stays small. Only the colours change per request. No map code reaches the browser.
 */

/** ISO 3166-1 alpha-2 (our `countries.code`) → numeric (world-atlas's feature id), for the 54 countries. */
export const AFRICA_NUMERIC: Readonly<Record<string, string>> = {
  DZ: "012",
  AO: "024",
  BJ: "204",
  BW: "072",
  BF: "854",
  BI: "108",
  CV: "132",
  CM: "120",
  CF: "140",
  TD: "148",
  KM: "174",
  CG: "178",
  CD: "180",
  CI: "384",
  DJ: "262",
  EG: "818",
  GQ: "226",
  ER: "232",
  SZ: "748",
  ET: "231",
  GA: "266",
  GM: "270",
  GH: "288",
  GN: "324",
  GW: "624",
  KE: "404",
  LS: "426",
  LR: "430",
  LY: "434",
  MG: "450",
  MW: "454",
  ML: "466",
  MR: "478",
  MU: "480",
  MA: "504",
  MZ: "508",
  NA: "516",
  NE: "562",
  NG: "566",
  RW: "646",
  ST: "678",
  SN: "686",
  SC: "690",
  SL: "694",
  SO: "706",
  ZA: "710",
  SS: "728",
  SD: "729",
  TZ: "834",
  TG: "768",
  TN: "788",
  UG: "800",
  ZM: "894",
  ZW: "716",
};

/** Land drawn in grey for context: not among the campaign's 54 countries. */
const CONTEXT_IDS = new Set(["732"]); // Western Sahara
/** Features without an id that belong, for this map, to a campaign country. */
const ATTACHED_BY_NAME: Record<string, string> = { Somaliland: "SO" };

export const MAP_WIDTH = 600;
/** Below this size (px, the larger side of its box) a country also gets a dot, so it can be seen. */
const SMALL_PX = 10;

export interface MapCountryShape {
  code: string;
  d: string;
  /** A dot (and, for the smallest, a label) for states too small to see as shapes. */
  marker: { x: number; y: number; label: boolean } | null;
}
export interface MapGeometry {
  width: number;
  height: number;
  countries: MapCountryShape[];
  context: string[];
}

/**
 * A d3-geo path context writing compact SVG path data: relative commands, 0.1 px precision, points
 * nearer than `minStep` px to the previous one left out (a simplification fine at this size).
 */
class CompactPath {
  private out: string[] = [];
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private inLine = false;
  constructor(private readonly minStep = 0.7) {}
  private static n(v: number) {
    const r = Math.round(v * 10) / 10;
    return Object.is(r, -0) ? "0" : String(r);
  }
  private static pair(a: number, b: number) {
    return `${CompactPath.n(a)}${b < 0 ? "" : " "}${CompactPath.n(b)}`;
  }
  moveTo(x: number, y: number) {
    this.x = this.startX = Math.round(x * 10) / 10;
    this.y = this.startY = Math.round(y * 10) / 10;
    this.out.push(`M${CompactPath.pair(this.x, this.y)}`);
    this.inLine = false;
  }
  lineTo(x: number, y: number) {
    if (Math.hypot(x - this.x, y - this.y) < this.minStep) return;
    const rx = Math.round(x * 10) / 10;
    const ry = Math.round(y * 10) / 10;
    const dx = Math.round((rx - this.x) * 10) / 10;
    const pair = CompactPath.pair(dx, ry - this.y);
    // After an "l", further pairs need no letter: a space, or nothing before a minus sign.
    this.out.push(this.inLine ? (pair.startsWith("-") ? pair : ` ${pair}`) : `l${pair}`);
    this.inLine = true;
    this.x = rx;
    this.y = ry;
  }
  closePath() {
    this.out.push("z");
    this.x = this.startX;
    this.y = this.startY;
    this.inLine = false;
  }
  arc() {}
  result() {
    return this.out.join("");
  }
}

function compactPathData(projection: GeoProjection, f: GeoPermissibleObjects): string {
  const ctx = new CompactPath();
  geoPath(projection, ctx as never)(f);
  return ctx.result();
}

let cached: MapGeometry | null = null;

/** The projected shapes, worked out on first use and kept for the life of the process. */
export function getAfricaGeometry(): MapGeometry {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-50m.json") as Topology<{ countries: GeometryCollection }>;
  const all = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
  const codeById = new Map(Object.entries(AFRICA_NUMERIC).map(([code, id]) => [id, code]));
  const campaign: { code: string; feature: Feature<Geometry, { name: string }> }[] = [];
  const context: Feature<Geometry, { name: string }>[] = [];
  for (const f of all) {
    const id = f.id === undefined ? undefined : String(f.id);
    const code = id ? codeById.get(id) : ATTACHED_BY_NAME[f.properties.name];
    if (code) campaign.push({ code, feature: f });
    else if (id && CONTEXT_IDS.has(id)) context.push(f);
  }
  // The frame: Cabo Verde to Mauritius, Tunisia to the Cape (far islands such as Prince Edward fall outside).
  const frame: GeoPermissibleObjects = {
    type: "MultiPoint",
    coordinates: [
      [-25.5, -35.5],
      [58.5, 37.6],
    ],
  };
  const projection = geoMercator().fitWidth(MAP_WIDTH - 16, frame);
  const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
  const [tx, ty] = projection.translate();
  projection.translate([tx + 8, ty - y0 + 8]);
  const height = Math.ceil(y1 - y0 + 16);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  const measure = geoPath(projection);
  const byCode = new Map<string, MapCountryShape>();
  for (const { code, feature: f } of campaign) {
    const d = compactPathData(projection, f);
    const existing = byCode.get(code);
    if (existing) {
      existing.d += d; // Somaliland drawn as part of Somalia
      continue;
    }
    const [[bx0, by0], [bx1, by1]] = measure.bounds(f);
    const size = Math.max(bx1 - bx0, by1 - by0);
    const [cx, cy] = measure.centroid(f);
    byCode.set(code, {
      code,
      d,
      marker:
        size < SMALL_PX || isIsland(code)
          ? { x: Math.round(cx * 10) / 10, y: Math.round(cy * 10) / 10, label: isIsland(code) }
          : null,
    });
  }
  cached = {
    width: MAP_WIDTH,
    height,
    countries: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)),
    context: context.map((f) => compactPathData(projection, f)),
  };
  return cached;
}

const ISLANDS = new Set(["CV", "ST", "KM", "MU", "SC"]);
const isIsland = (code: string) => ISLANDS.has(code);

/** The colour classes: 0 is "missing"; 1..4 split 1..max in four even steps. */
export function mapBucket(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (max <= 4) return Math.min(4, count) as 1 | 2 | 3 | 4;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

/** The counts each colour stands for ("1", "2–3", …), for the legend. */
export function mapLegend(max: number): { bucket: 1 | 2 | 3 | 4; from: number; to: number }[] {
  const ranges: { bucket: 1 | 2 | 3 | 4; from: number; to: number }[] = [];
  for (let n = 1; n <= Math.max(1, max); n++) {
    const b = mapBucket(n, max) as 1 | 2 | 3 | 4;
    const last = ranges.at(-1);
    if (last && last.bucket === b) last.to = n;
    else ranges.push({ bucket: b, from: n, to: n });
  }
  return ranges;
}

export const MAP_COLORS = ["url(#missing)", "#f3dcc0", "#dfa86b", "#b8702f", "#7a3f14"] as const;

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * The map as an SVG document: each campaign country filled by its bucket (missing ones hatched, not
 * just a colour), small states with a dot, the smallest islands labelled. `names` localizes labels
 * and tooltips.
 */
export function renderAfricaMap(args: {
  counts: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, string>;
  title: string;
  description: string;
  tooltip: (name: string, count: number) => string;
}): string {
  const g = getAfricaGeometry();
  const max = Math.max(0, ...args.counts.values());
  const fill = (code: string) => MAP_COLORS[mapBucket(args.counts.get(code) ?? 0, max)];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-labelledby="t d">`,
    `<title id="t">${escapeXml(args.title)}</title><desc id="d">${escapeXml(args.description)}</desc>`,
    `<defs><pattern id="missing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fafaf9"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a8a29e" stroke-width="2"/></pattern></defs>`,
    `<g fill="#e7e5e4" stroke="#fff" stroke-width=".5">${g.context.map((d) => `<path d="${d}"/>`).join("")}</g>`,
    `<g stroke="#57534e" stroke-width=".5" stroke-linejoin="round">`,
  ];
  for (const c of g.countries) {
    const tip = escapeXml(args.tooltip(args.names.get(c.code) ?? c.code, args.counts.get(c.code) ?? 0));
    parts.push(`<path data-code="${c.code}" fill="${fill(c.code)}" d="${c.d}"><title>${tip}</title></path>`);
  }
  parts.push(`</g><g stroke="#292524" stroke-width="1" font-family="system-ui,sans-serif" font-size="11">`);
  for (const c of g.countries) {
    if (!c.marker) continue;
    const { x, y, label } = c.marker;
    const name = args.names.get(c.code) ?? c.code;
    parts.push(
      `<circle data-marker="${c.code}" cx="${x}" cy="${y}" r="4.5" fill="${fill(c.code)}"><title>${escapeXml(args.tooltip(name, args.counts.get(c.code) ?? 0))}</title></circle>`,
    );
    if (label) {
      const right = x < g.width * 0.7;
      parts.push(
        `<text x="${right ? x + 7 : x - 7}" y="${y + 4}" text-anchor="${right ? "start" : "end"}" stroke="#fff" stroke-width="3" paint-order="stroke" fill="#292524">${escapeXml(name)}</text>`,
      );
    }
  }
  parts.push("</g></svg>");
  return parts.join("");
}
