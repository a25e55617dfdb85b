/** Used by `npm run dev`: migrate, and seed an empty database. */
import { loadEnv } from "#app/utils/env.server.ts";
import { prepareDatabase } from "#db/prepare.ts";

await prepareDatabase(loadEnv().DATABASE_PATH);
