/**
 * Measures a large CSV import (decision 029): writes a file of ROWS rows (default 50,000, ~20 MB)
 * to disk, then checks it into a job and confirms it, on a copy of a seeded database, reporting
 * the time of each step and the process's peak resident memory (sampled, and the kernel's maxRSS).
 *
 *   tsx scripts/bench-import.ts <seeded.db> [rows] [--check-only]
 *
 * To show the check is bounded rather than merely small, run it with a heap far smaller than the
 * file: NODE_OPTIONS=--max-old-space-size=48 tsx scripts/bench-import.ts <db> 50000 --check-only
 *
 * e.g. with the integration tests' base: tsx scripts/bench-import.ts data/test/base-*.db
 */
import { CSV_COLUMNS } from "#app/utils/csv.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify";

const [source, rowsArg] = process.argv.slice(2);
if (!source) throw new Error("usage: tsx scripts/bench-import.ts <seeded.db> [rows]");
const ROWS = Number(rowsArg ?? 50_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
fs.copyFileSync(source, path.join(dir, "market.db"));
fs.chmodSync(path.join(dir, "market.db"), 0o644);
process.env.DATABASE_PATH = path.join(dir, "market.db");
process.env.SESSION_SECRET ??= "bench-session-secret-that-is-long-enough-0123456789";

const { eq } = await import("drizzle-orm");
const { confirmImportJob, createImportJob, importDir } = await import("#app/models/owner/import-export.server.ts");
const { getDb, closeDb } = await import("#app/utils/db.server.ts");
const { stores } = await import("#db/schema/index.ts");
type OwnStore = import("#app/models/access.server.ts").OwnStore;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

try {
  // The file is written as a stream too, so the measurement is of the import, not of making the file.
  fs.mkdirSync(importDir(), { recursive: true });
  const file = path.join(importDir(), "bench.csv");
  const out = fs.createWriteStream(file);
  const writer = stringify({ record_delimiter: "windows", bom: true, quoted_match: /[\r\n]/ });
  writer.pipe(out);
  writer.write([...CSV_COLUMNS]);
  for (let i = 0; i < ROWS; i++) {
    const ok = writer.write([
      `BENCH-${i}`,
      `Baobab powder, batch ${i}`,
      `猴面包树果粉 第${i}批`,
      `Poudre de baobab, lot ${i}`,
      `Cold-milled baobab fruit pulp from Malawi, batch ${i}.\nRich in vitamin C; stir into porridge or water. `.repeat(
        2,
      ),
      `马拉维冷磨猴面包树果肉，第${i}批。富含维生素C，可冲水或拌入燕麦粥。`,
      `Pulpe de fruit de baobab du Malawi moulue à froid, lot ${i}. Riche en vitamine C.`,
      "superfoods",
      "baobab|vitamin c",
      "12.50",
      String(i % 100),
      "active",
    ]);
    if (!ok) await new Promise((resolve) => writer.once("drain", resolve));
  }
  writer.end();
  await new Promise<void>((resolve) => out.on("finish", () => resolve()));
  const bytes = fs.statSync(file).size;
  const store = getDb().select().from(stores).where(eq(stores.slug, "blantyre-baobab")).get()! as OwnStore;
  const baseline = process.memoryUsage().rss;
  peak = baseline;
  console.log(`file: ${ROWS} rows, ${mb(bytes)}; rss before the check ${mb(baseline)}`);

  let t = performance.now();
  const job = await createImportJob(store, store.ownerId, { filePath: file, fileName: "bench.csv", bytes });
  if (!job.ok) throw job.error;
  console.log(
    `check (stream → diff rows): ${((performance.now() - t) / 1000).toFixed(1)} s, peak rss ${mb(peak)}, heap used ${mb(process.memoryUsage().heapUsed)}`,
  );

  if (!process.argv.includes("--check-only")) {
    peak = process.memoryUsage().rss;
    t = performance.now();
    const result = confirmImportJob(store, job.jobId);
    console.log(
      `confirm (one transaction): ${((performance.now() - t) / 1000).toFixed(1)} s, peak rss ${mb(peak)}`,
      result,
    );
  }
  console.log(`kernel maxRSS of the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  clearInterval(sampler);
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}
