/**
 * npm run bench:search — discovery performance on this machine.
 *
 * For 1,000 and 100,000 products (separate databases under data/bench/ and separate index prefixes on
 * one Meilisearch): the same mixed-language queries, with and without filters, against Meilisearch,
 * the SQLite FTS5 fallback and a naive LIKE scan, run one after another in this process (p50/p95 and
 * ratios). Then the production server on the 100,000-product catalog under load: /api/search with
 * 16 concurrent clients (autocannon), and what our endpoint adds over Meilisearch's processingTimeMs.
 * Prints a table and writes bench/results/search-<time>.json.
 */
import { spawn } from "node:child_process";
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase, type DB } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { clearCatalog, seedDatabase } from "#db/seed/seed.ts";
import { createClient, type SearchConnection } from "#search/client.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { applyIndexSettings, countVisibleProducts, reindexAll } from "#search/indexer.ts";
import { meiliSearch } from "#search/meili-search.ts";
import { parseSearchParams, type SearchParams } from "#search/query.ts";
import type { Locale } from "#search/results.ts";
import { startMeilisearch } from "#search/server.ts";
import { meiliMemoryAt, printMeiliMemory, readMemory, type MeiliMemoryRow } from "./bench-meili-memory.ts";
import { progressBar } from "./progress.ts";

const root = path.resolve(import.meta.dirname, "..");
const benchDir = path.join(root, "data/bench");
const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15);
/** Meilisearch's own memory under a direct search load at each size (decision 038); 0 skips it. */
const MEMORY_SECONDS = Number(process.env.BENCH_MEILI_MEMORY_SECONDS ?? 30);

const QUERIES: [string, Locale][] = [
  ["q=coffee", "en"],
  ["q=咖啡", "zh"],
  ["q=café", "fr"],
  ["q=shea butter", "en"],
  ["q=乳木果油", "zh"],
  ["q=beurre de karité", "fr"],
  ["q=vanilla&country=MG", "en"],
  ["q=腰果&inStock=1", "zh"],
  ["q=kente&sort=price-asc", "en"],
  ["q=honey&minPrice=10&maxPrice=25", "en"],
  ["q=miel&category=honey-sweets", "fr"],
  ["q=马赛串珠", "zh"],
  ["q=leather bag", "en"],
  ["q=cofee", "en"],
  ["country=KE&sort=newest", "en"],
  ["category=textiles&inStock=1", "en"],
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (n: number) => Math.round(n * 100) / 100;

/** The naive baseline: a LIKE scan over titles and descriptions, no index. */
function likeSearch(db: DB, params: SearchParams) {
  const pattern = `%${params.q}%`;
  return db.all(sql`SELECT p.id FROM products p JOIN stores s ON s.id = p.store_id JOIN categories k ON k.id = p.category_id
    WHERE p.status = 'active' AND s.status = 'approved'
    AND (p.title_en LIKE ${pattern} OR p.title_zh LIKE ${pattern} OR p.title_fr LIKE ${pattern}
      OR p.description_en LIKE ${pattern} OR p.description_zh LIKE ${pattern} OR p.description_fr LIKE ${pattern})
    ${params.country ? sql`AND s.country_code = ${params.country}` : sql``}
    ${params.category ? sql`AND k.slug = ${params.category}` : sql``}
    ORDER BY p.created_at DESC LIMIT 24`);
}

/** The benchmark catalog of this size under data/bench/ (seeded once, reused while it matches). */
export async function prepareCatalog(size: number): Promise<string> {
  const file = path.join(benchDir, String(size), "market.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  // Re-seed when the size differs or the catalog predates festivals.
  const festivals = (db.$client.prepare("SELECT count(*) AS n FROM festivals").get() as { n: number }).n;
  if (countVisibleProducts(db) !== size || festivals === 0) {
    clearCatalog(db);
    const bar = progressBar(`seeding ${size} products`);
    await seedDatabase(db, { products: size, onProgress: bar.update });
    bar.done();
  }
  db.$client.close();
  return file;
}

async function timeIt<T>(fn: () => Promise<T> | T): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function runSearchBench() {
  fs.mkdirSync(benchDir, { recursive: true });
  const meiliDir = path.join(benchDir, "meilisearch");
  let server = await startMeilisearch({ dataDir: meiliDir });
  const results: Record<string, unknown> = {
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    at: new Date().toISOString(),
    engines: [] as unknown[],
  };
  const engineRows: { size: number; engine: string; p50: number; p95: number }[] = [];
  const meiliStart = readMemory(server.process!.pid!);
  const memoryRows: MeiliMemoryRow[] = [];
  let loadDb = "";
  let loadConnection: SearchConnection | null = null;
  try {
    for (const size of SIZES) {
      const file = await prepareCatalog(size);
      const db = openDatabase(file);
      const connection: SearchConnection = { host: server.host, apiKey: server.masterKey, indexPrefix: `b${size}_` };
      const client = createClient(connection, 120_000);
      const stats = await client
        .index(`b${size}_products`)
        .getStats()
        .catch(() => null);
      if (stats?.numberOfDocuments !== size) {
        const indexing = await timeIt(() => reindexAll(db, client, connection));
        console.log(`indexed ${size} products in ${(indexing / 1000).toFixed(1)} s`);
        // As `npm start` does after a rebuild (decision 038): a fresh process hands back the memory
        // the indexing held, so the memory rows show what a serving Meilisearch uses.
        await server.stop();
        server = await startMeilisearch({ dataDir: meiliDir, port: Number(new URL(connection.host).port) });
      }
      await applyIndexSettings(db, client, connection);
      const searchClient = createClient(connection, 5000);
      const timings: Record<string, number[]> = { meilisearch: [], sqlite: [], like: [] };
      for (let run = 0; run < RUNS; run++) {
        for (const [query, locale] of QUERIES) {
          const { params } = parseSearchParams(new URLSearchParams(query));
          timings.meilisearch!.push(await timeIt(() => meiliSearch(searchClient, connection, params, locale)));
          timings.sqlite!.push(await timeIt(() => fallbackSearch(db, params, locale)));
          timings.like!.push(await timeIt(() => likeSearch(db, params)));
        }
      }
      for (const [engine, values] of Object.entries(timings))
        engineRows.push({ size, engine, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) });
      db.$client.close();
      if (MEMORY_SECONDS > 0)
        memoryRows.push(await meiliMemoryAt(server.process!.pid!, size, connection, MEMORY_SECONDS));
      if (size === Math.max(...SIZES)) {
        loadDb = file;
        loadConnection = connection;
      }
    }
    (results.engines as unknown[]).push(...engineRows);
    results.meilisearchMemory = { atStart: meiliStart, sizes: memoryRows, seconds: MEMORY_SECONDS };

    // The endpoint under load, on the largest catalog.
    const port = 3400;
    const app = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        API_SEARCH_RATE_LIMIT: "0",
        DATABASE_PATH: loadDb,
        MEILI_HOST: loadConnection!.host,
        MEILI_MASTER_KEY: loadConnection!.apiKey,
        MEILI_INDEX_PREFIX: loadConnection!.indexPrefix,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 600; i++) {
        const ok = await fetch(`${base}/healthz`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const paths = QUERIES.map(
        ([query, locale]) => `/api/search?${new URLSearchParams(query).toString()}&locale=${locale}`,
      );
      // Overhead: sequential requests, endpoint wall time minus Meilisearch's own processing time.
      const overhead: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        for (const p of paths) {
          const started = performance.now();
          const body = (await (await fetch(base + p)).json()) as { processingTimeMs: number; engine: string };
          if (body.engine !== "meilisearch") throw new Error(`endpoint answered from ${body.engine}`);
          overhead.push(performance.now() - started - body.processingTimeMs);
        }
      }
      let next = 0;
      const instance = autocannon({
        url: base,
        connections: 16,
        duration: LOAD_SECONDS,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
      }) as unknown as EventEmitter & PromiseLike<autocannon.Result>;
      // autocannon's summary has p90 and p97.5 but no p95: keep every response time for exact percentiles.
      const latencies: number[] = [];
      instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        latencies.push(responseTime),
      );
      const load = await instance;
      results.endpoint = {
        catalog: Math.max(...SIZES),
        connections: 16,
        seconds: LOAD_SECONDS,
        requestsPerSecond: load.requests.average,
        latency: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
        },
        non2xx: load.non2xx,
        errors: load.errors,
        overheadOverMeilisearchMs: { p50: round(percentile(overhead, 50)), p95: round(percentile(overhead, 95)) },
      };
    } finally {
      app.kill("SIGTERM");
    }
  } finally {
    await server.stop();
  }

  console.log("\nSearch engines (ms per query, sequential, same queries)");
  console.log("| products | engine | p50 | p95 | p50 vs meilisearch |");
  console.log("|---:|---|---:|---:|---:|");
  for (const row of engineRows) {
    const meili = engineRows.find((r) => r.size === row.size && r.engine === "meilisearch")!;
    console.log(
      `| ${row.size.toLocaleString("en")} | ${row.engine} | ${row.p50} | ${row.p95} | ${round(row.p50 / meili.p50)}× |`,
    );
  }
  if (MEMORY_SECONDS > 0) printMeiliMemory(meiliStart, memoryRows, MEMORY_SECONDS);
  const endpoint = results.endpoint as {
    requestsPerSecond: number;
    latency: Record<string, number>;
    non2xx: number;
    overheadOverMeilisearchMs: Record<string, number>;
  };
  console.log(
    `\n/api/search on ${Math.max(...SIZES).toLocaleString("en")} products, 16 connections, ${LOAD_SECONDS} s`,
  );
  console.log(`| req/s | p50 | p95 | p99 | non-2xx | overhead over Meilisearch p50 / p95 |`);
  console.log(`|---:|---:|---:|---:|---:|---:|`);
  console.log(
    `| ${Math.round(endpoint.requestsPerSecond)} | ${endpoint.latency.p50} | ${endpoint.latency.p95} | ${endpoint.latency.p99} | ${endpoint.non2xx} | ${endpoint.overheadOverMeilisearchMs.p50} / ${endpoint.overheadOverMeilisearchMs.p95} |`,
  );
  const out = path.join(root, "bench/results", `search-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
  console.log(`\nwritten to ${path.relative(root, out)}`);
}

// Run directly (npm run bench:search), or imported by scripts/bench.ts.
if (process.argv[1]?.endsWith("bench-search.ts")) {
  await runSearchBench();
  process.exit(0);
}
