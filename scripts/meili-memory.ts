/**
 * The experiment behind decision 038 (Meilisearch's memory at 100,000 products), one configuration a run:
 *
 *   MEM_LABEL=defaults nice -n 10 npx tsx scripts/meili-memory.ts
 *
 * starts Meilisearch with a fresh database under data/bench/meili-memory/<label> (search/server.ts's
 * options, so the MEILI_* variables change them), measures it idle, indexes the 100,000-product bench
 * catalog (data/bench/100000, the bench's own seed) while sampling /proc every 200 ms, then runs a
 * search load (16 connections, MEM_LOAD_SECONDS, default 60) and prints one table row; the JSON goes
 * to bench/results/meili-memory-<label>.json. MEM_SETTINGS='{"faceting":{"maxValuesPerFacet":20}}'
 * overrides product index settings for the run; MEM_KEEP=1 keeps the indexed database, to measure a
 * restarted server with MEM_DATA=<that label> MEM_SKIP_INDEXING=1; MEM_SMAPS=1 records the largest
 * anonymous mappings after indexing; MEM_RESTART=1 restarts the server after indexing, as
 * search/connect.ts does after a rebuild.
 */
import fs from "node:fs";
import path from "node:path";
import type { SearchConnection } from "#search/client.ts";
import { readMemory, sampleMemory, searchLoad, type Memory } from "./bench-meili-memory.ts";

/** The largest resident mappings (size, resident and anonymous MB, name), to tell heaps apart. */
function largestMappings(pid: number) {
  const rows: { range: string; name: string; sizeMb: number; rssMb: number; anonMb: number }[] = [];
  let current: (typeof rows)[number] | null = null;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      current = { range: `${head[1]}-${head[2]}`, name: head[3] || "[anon]", sizeMb: 0, rssMb: 0, anonMb: 0 };
      rows.push(current);
      continue;
    }
    const field = /^(Size|Rss|Anonymous):\s+(\d+) kB/.exec(line);
    if (field && current) {
      const key = field[1] === "Size" ? "sizeMb" : field[1] === "Rss" ? "rssMb" : "anonMb";
      current[key] = Math.round(Number(field[2]) / 1024);
    }
  }
  return rows.sort((a, b) => b.anonMb - a.anonMb).slice(0, 25);
}

/** The experiment: one configuration, from an empty database to indexed to loaded. */
async function experiment() {
  const root = path.resolve(import.meta.dirname, "..");
  const size = Number(process.env.MEM_SIZE ?? 100_000);
  const label = process.env.MEM_LABEL ?? "run";
  const seconds = Number(process.env.MEM_LOAD_SECONDS ?? 60);
  const { prepareCatalog } = await import("./bench-search.ts");
  const { openDatabase } = await import("#db/client.ts");
  const { createClient } = await import("#search/client.ts");
  const { applyIndexSettings, reindexAll } = await import("#search/indexer.ts");
  const { PRODUCT_SETTINGS } = await import("#search/settings.ts");
  const { startMeilisearch } = await import("#search/server.ts");
  if (process.env.MEM_SETTINGS) Object.assign(PRODUCT_SETTINGS, JSON.parse(process.env.MEM_SETTINGS));
  const file = await prepareCatalog(size);
  const dataDir = path.join(root, "data/bench/meili-memory", process.env.MEM_DATA ?? label);
  const skipIndexing = process.env.MEM_SKIP_INDEXING === "1";
  if (!skipIndexing) fs.rmSync(dataDir, { recursive: true, force: true });
  let server = await startMeilisearch({ dataDir, log: console.error });
  let pid = server.process!.pid!;
  const connection: SearchConnection = { host: server.host, apiKey: server.masterKey, indexPrefix: `b${size}_` };
  const client = createClient(connection, 600_000);
  const db = openDatabase(file);
  const result: Record<string, unknown> = {
    label,
    size,
    options: server.process!.spawnargs.slice(1).filter((a) => a !== server.masterKey),
    settings: process.env.MEM_SETTINGS ?? null,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(MEILI_|MALLOC_|MIMALLOC_)/.test(k))),
  };
  try {
    await new Promise((r) => setTimeout(r, 3000));
    result.idle = readMemory(pid);
    if (!skipIndexing) {
      const sampler = sampleMemory(pid);
      const started = performance.now();
      await reindexAll(db, client, connection);
      result.indexingSeconds = Math.round((performance.now() - started) / 100) / 10;
      result.indexingPeak = sampler.stop().peak;
      await new Promise((r) => setTimeout(r, 5000));
      result.afterIndexing = readMemory(pid);
      if (process.env.MEM_SMAPS === "1") result.largestMappings = largestMappings(pid);
    }
    if (process.env.MEM_RESTART === "1") {
      // What search/connect.ts does after a rebuild: the same server restarted on the same address.
      await server.stop();
      server = await startMeilisearch({ dataDir, port: Number(new URL(server.host).port), log: console.error });
      pid = server.process!.pid!;
      result.restarted = true;
    }
    await applyIndexSettings(db, client, connection);
    await new Promise((r) => setTimeout(r, 2000));
    result.beforeLoad = readMemory(pid);
    const sampler = sampleMemory(pid);
    result.search = await searchLoad(connection, seconds);
    const { peak, end } = sampler.stop();
    result.loadPeak = peak;
    result.loadEnd = end;
    await new Promise((r) => setTimeout(r, 10_000));
    result.afterLoad = readMemory(pid);
  } finally {
    db.$client.close();
    await server.stop();
    if (process.env.MEM_KEEP !== "1" && !skipIndexing) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const out = path.join(root, "bench/results", `meili-memory-${label}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  const m = (x: unknown) => {
    const v = x as Memory | undefined;
    return v ? `${v.rss} (${v.anon}/${v.file}) t${v.threads}` : "—";
  };
  const s = result.search as Awaited<ReturnType<typeof searchLoad>>;
  console.log(
    `| ${label} | ${m(result.idle)} | ${m(result.indexingPeak)} | ${m(result.afterIndexing)} | ${result.indexingSeconds ?? "—"} | ${m(result.loadPeak)} | ${m(result.loadEnd)} | ${m(result.afterLoad)} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.errors} |`,
  );
}

await experiment();
process.exit(0);
