/**
 * What `npm start` and `npm run dev` share once the database file is ready: find or start
 * Meilisearch, start the background jobs, serve, and on SIGTERM/SIGINT stop in order — no new
 * requests, requests under way finish, background work under way finishes and the search log is
 * written, SQLite closes, the Meilisearch child stops.
 */
import cluster from "node:cluster";
import { startBackgroundJobs, stopBackgroundJobs } from "#app/jobs.server.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { setSearchConnection } from "#search/client.ts";
import { connectSearch } from "#search/connect.ts";
import { startServer, type ServerOptions } from "./index.ts";

export async function runMarketplace(options: Omit<ServerOptions, "port">) {
  const env = loadEnv();
  // A cluster worker (server/cluster.ts) uses the Meilisearch its primary found or started, or none.
  const search =
    cluster.isWorker && !env.MEILI_HOST
      ? (setSearchConnection(null), { connection: null, server: undefined })
      : await connectSearch({
          databasePath: env.DATABASE_PATH,
          meiliHost: env.MEILI_HOST,
          masterKey: env.MEILI_MASTER_KEY,
          indexPrefix: env.MEILI_INDEX_PREFIX,
          prepareIndex: !cluster.isWorker,
        });
  startBackgroundJobs();

  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ ...options, port: env.PORT });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    logger.fatal(
      code === "EADDRINUSE"
        ? `Port ${env.PORT} is already in use; set PORT to another port.`
        : `Could not start: ${errorMessage(error)}`,
    );
    await stopBackgroundJobs();
    await search.server?.stop();
    process.exit(1);
  }
  if (!cluster.isWorker) logger.info(`Silk Road Market is serving on http://localhost:${env.PORT}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing requests and background work`);
    try {
      await running.close();
      await stopBackgroundJobs();
      await search.server?.stop();
    } catch (error) {
      logger.error(`shutdown: ${errorMessage(error)}`);
    }
    logger.flush?.();
    process.exit(0);
  };
  // In development the Remix plugin's child compiler (a second Vite server) registers Vite's own
  // "close and exit" SIGTERM handler, which would exit before this shutdown has finished; the
  // shutdown above closes Vite itself.
  for (const listener of process.listeners("SIGTERM"))
    if (listener.name === "parentSigtermCallback") process.off("SIGTERM", listener);
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  return running;
}
