/**
 * Meilisearch's memory (issue #19, decision 038): resident memory split into anonymous (heap: what
 * the process allocated) and file-backed (pages of the LMDB files it maps, which the kernel can drop),
 * read from /proc/<pid>/status.
 *
 * Used by the bench (scripts/bench-search.ts: idle and under a search load at each size) and by the
 * experiment behind decision 038 (scripts/meili-memory.ts).
 */
import fs from "node:fs";
import type { SearchConnection } from "#search/client.ts";
import type { Locale } from "#search/results.ts";

export interface Memory {
  /** Resident set, MB. */
  rss: number;
  /** Anonymous resident memory (heap, stacks), MB. */
  anon: number;
  /** File-backed resident memory (the mapped index files), MB. */
  file: number;
  /** Threads of the process. */
  threads: number;
}

export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const mb = (name: string) => Math.round(kb(name) / 1024);
  return { rss: mb("VmRSS"), anon: mb("RssAnon"), file: mb("RssFile") + mb("RssShmem"), threads: kb("Threads") };
}

/** Polls the process every `intervalMs`; `stop` gives the peak of each figure and the last sample. */
export function sampleMemory(pid: number, intervalMs = 200) {
  const peak: Memory = { rss: 0, anon: 0, file: 0, threads: 0 };
  let last = readMemory(pid);
  const take = () => {
    try {
      last = readMemory(pid);
    } catch {
      return; // exited
    }
    for (const key of Object.keys(peak) as (keyof Memory)[]) peak[key] = Math.max(peak[key], last[key]);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peak, end: last };
    },
  };
}

/** 30 terms, ten products in each language, with the filters and sorts the search page offers. */
const TERMS: [string, Locale][] = [
  ...["coffee", "shea butter", "vanilla", "cashew", "kente", "honey", "leather bag", "rooibos", "beads", "tea"].map(
    (q) => [q, "en"] as [string, Locale],
  ),
  ...["咖啡", "乳木果油", "香草", "腰果", "肯特布", "蜂蜜", "皮包", "路易波士", "串珠", "茶"].map(
    (q) => [q, "zh"] as [string, Locale],
  ),
  ...[
    "café",
    "beurre de karité",
    "vanille",
    "noix de cajou",
    "kente",
    "miel",
    "sac en cuir",
    "rooibos",
    "perles",
    "thé",
  ].map((q) => [q, "fr"] as [string, Locale]),
];
const FILTERS = ["", "&country=KE", "&category=textiles", "&inStock=1", "&sort=price-asc", "&country=GH&inStock=1"];

/** Search parameters of the load: every term with each filter in turn (the store facet comes with a narrowed search). */
export const LOAD_QUERIES: [string, Locale][] = TERMS.flatMap(([q, locale], i) =>
  [0, 1].map((j) => [`q=${encodeURIComponent(q)}${FILTERS[(i + j * 3) % FILTERS.length]}`, locale] as [string, Locale]),
);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/**
 * `connections` clients searching Meilisearch as the app does (search/meili-search.ts: facets,
 * highlight, filters, sorts), one request after another each, for `seconds`.
 */
export async function searchLoad(connection: SearchConnection, seconds: number, connections = 16) {
  const [{ createClient }, { meiliSearch }, { parseSearchParams }] = await Promise.all([
    import("#search/client.ts"),
    import("#search/meili-search.ts"),
    import("#search/query.ts"),
  ]);
  const client = createClient(connection, 10_000);
  const parsed = LOAD_QUERIES.map(
    ([query, locale]) => [parseSearchParams(new URLSearchParams(query)).params, locale] as const,
  );
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const [params, locale] = parsed[next++ % parsed.length]!;
        const started = performance.now();
        try {
          await meiliSearch(client, connection, params, locale);
          latencies.push(performance.now() - started);
        } catch {
          errors++;
        }
      }
    }),
  );
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    errors,
  };
}

export interface MeiliMemoryRow {
  size: number;
  idle: Memory;
  loadPeak: Memory;
  loadEnd: Memory;
  search: Awaited<ReturnType<typeof searchLoad>>;
}

/** For the bench: Meilisearch idle with this size's index, then under the search load on it. */
export async function meiliMemoryAt(
  pid: number,
  size: number,
  connection: SearchConnection,
  seconds: number,
): Promise<MeiliMemoryRow> {
  await new Promise((r) => setTimeout(r, 2000));
  const idle = readMemory(pid);
  const sampler = sampleMemory(pid);
  const search = await searchLoad(connection, seconds);
  const { peak, end } = sampler.stop();
  return { size, idle, loadPeak: peak, loadEnd: end, search };
}

export function printMeiliMemory(atStart: Memory, rows: MeiliMemoryRow[], seconds: number) {
  const m = (x: Memory) => `${x.rss} (${x.anon} / ${x.file})`;
  console.log(
    `\nMeilisearch memory, MB: RSS (anonymous / file-backed); at start ${m(atStart)}; idle = with this size indexed; load = 16 connections searching it directly, ${seconds} s, ${LOAD_QUERIES.length} queries`,
  );
  console.log("| products | idle | under load, peak | under load, end | searches/s | p50 | p95 |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows)
    console.log(
      `| ${r.size.toLocaleString("en")} | ${m(r.idle)} | ${m(r.loadPeak)} | ${m(r.loadEnd)} | ${r.search.perSecond} | ${r.search.p50} | ${r.search.p95} |`,
    );
}
