/**
 * npm start: validate the environment, migrate, seed an empty database, build when the build is
 * missing or older than the sources, then serve on PORT (server/run.ts: search, background jobs,
 * the Express pipeline, clean shutdown) — in this process, or in WEB_CONCURRENCY worker processes
 * (server/cluster.ts), each of which runs this script again as a cluster worker and goes straight
 * to serving.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { loadEnv } from "#app/utils/env.server.ts";
import { logger } from "#app/utils/logger.server.ts";
import { prepareDatabase } from "#db/prepare.ts";

const root = path.resolve(import.meta.dirname, "..");
// Validated before NODE_ENV is forced below: the SESSION_SECRET rule applies when the operator
// declares production, not to a local `npm start` of the demo.
const env = loadEnv();
process.env.NODE_ENV = "production";
// Imported only now: React (which the server reaches through the e-mail templates) picks its
// development or production build when first loaded, from NODE_ENV. Loaded before this line, the
// production server rendered every page with React's development element checks (decision 037).
const { runCluster } = await import("../server/cluster.ts");
const { runMarketplace } = await import("../server/run.ts");
const buildDir = path.join(root, "build");

if (cluster.isWorker) {
  await runMarketplace({ mode: "production", buildDir });
} else {
  await prepareDatabase(env.DATABASE_PATH);
  buildIfStale();
  const workers = env.WEB_CONCURRENCY ?? (env.NODE_ENV === "production" ? os.availableParallelism() : 1);
  if (workers > 1) await runCluster({ workers, declaredNodeEnv: env.NODE_ENV });
  else await runMarketplace({ mode: "production", buildDir });
}

function buildIfStale() {
  if (!buildIsStale(buildDir)) return;
  logger.info("Building the app…");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) {
    logger.fatal("Build failed; see the output above.");
    process.exit(1);
  }
}

/** True when there is no build, or a source file changed after it was made. */
function buildIsStale(dir: string): boolean {
  const marker = path.join(dir, "server/index.js");
  if (!fs.existsSync(marker)) return true;
  const builtAt = fs.statSync(marker).mtimeMs;
  const sources = ["app", "db", "search", "public"].map((d) => path.join(root, d));
  const extra = ["vite.config.ts", "package-lock.json"].map((f) => path.join(root, f));
  return [...extra.filter(fs.existsSync), ...sources.flatMap(listFiles)].some((f) => fs.statSync(f).mtimeMs > builtAt);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
