/**
 * npm start: validate the environment, migrate, seed an empty database, build when the build is
 * missing or older than the sources, then serve on PORT.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadEnv } from "#app/utils/env.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { connectSearch } from "#search/connect.ts";
import { startSyncWorker } from "#search/outbox.ts";
import { startReservationSweeper } from "#app/models/checkout.server.ts";
import { startServer } from "./server.ts";

const root = path.resolve(import.meta.dirname, "..");
// Validated before NODE_ENV is forced below: the SESSION_SECRET rule applies when the operator
// declares production, not to a local `npm start` of the demo.
const env = loadEnv();
process.env.NODE_ENV = "production";

await prepareDatabase(env.DATABASE_PATH);

const buildDir = path.join(root, "build");
if (buildIsStale(buildDir)) {
  console.log("Building the app…");
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
    console.error("Build failed; see the output above.");
    process.exit(1);
  }
}

const search = await connectSearch({
  databasePath: env.DATABASE_PATH,
  meiliHost: env.MEILI_HOST,
  masterKey: env.MEILI_MASTER_KEY,
  indexPrefix: env.MEILI_INDEX_PREFIX,
});
startSyncWorker(getDb);
// Unpaid checkouts give their stock back when their reservation runs out.
startReservationSweeper();
const stopSearch = () => void search.server?.stop();
process.once("SIGTERM", stopSearch);
process.once("SIGINT", stopSearch);

try {
  await startServer({ port: env.PORT, buildDir });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `Port ${env.PORT} is already in use; set PORT to another port.`
      : `Could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
console.log(`Silk Road Market is serving on http://localhost:${env.PORT}`);

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
