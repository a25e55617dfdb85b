import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { loadEnv } from "#app/utils/env.server.ts";

const env = loadEnv();
const db = openDatabase(env.DATABASE_PATH);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${env.DATABASE_PATH}`);
