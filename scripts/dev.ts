/**
 * npm run dev: migrate and seed an empty database, then the same server as production (headers,
 * CSRF, limits, request context, background jobs) with Vite in middleware mode for hot reload.
 */
import { loadEnv } from "#app/utils/env.server.ts";
import { prepareDatabase } from "#db/prepare.ts";
import { runMarketplace } from "../server/run.ts";

process.env.NODE_ENV ??= "development";
const env = loadEnv();
await prepareDatabase(env.DATABASE_PATH);
await runMarketplace({ mode: "development" });
