/**
 * npm run dev: migrate and seed an empty database, find or start Meilisearch, then run the Vite dev
 * server with the search connection in its environment; Meilisearch stops when this stops.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { loadEnv } from "#app/utils/env.server.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { connectSearch } from "#search/connect.ts";

const env = loadEnv();
await prepareDatabase(env.DATABASE_PATH);
const search = await connectSearch({
  databasePath: env.DATABASE_PATH,
  meiliHost: env.MEILI_HOST,
  masterKey: env.MEILI_MASTER_KEY,
  indexPrefix: env.MEILI_INDEX_PREFIX,
});
const root = path.resolve(import.meta.dirname, "..");
const vite = spawn(
  process.execPath,
  [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:dev", "--port", String(env.PORT)],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...(search.connection
        ? { MEILI_HOST: search.connection.host, MEILI_MASTER_KEY: search.connection.apiKey ?? "" }
        : {}),
    },
  },
);
const stop = async () => {
  vite.kill("SIGTERM");
  await search.server?.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
vite.once("exit", async (code) => {
  await search.server?.stop();
  process.exit(code ?? 0);
});
