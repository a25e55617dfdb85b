/**
 * `npm start` with WEB_CONCURRENCY > 1 (decision 031): this primary process finds or starts
 * Meilisearch once, then forks that many workers (node:cluster), which share the port and serve the
 * built app over the one SQLite file in WAL mode. Everything the workers share lives in that file:
 * sessions, rate limits, the search index generation, and the jobs lease that lets exactly one of
 * them run the background jobs. The primary serves nothing itself; it replaces a worker that dies
 * and, on SIGTERM/SIGINT, stops the workers (each finishes its requests and its jobs) and then
 * Meilisearch.
 */
import cluster, { type Worker } from "node:cluster";
import { loadEnv } from "#app/utils/env.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { connectSearch } from "#search/connect.ts";

/** A worker that dies this soon after starting is not replaced at once (a crash loop would spin). */
const RESPAWN_DELAY_MS = 1_000;

export async function runCluster({ workers, declaredNodeEnv }: { workers: number; declaredNodeEnv: string }) {
  const env = loadEnv();
  const search = await connectSearch({
    databasePath: env.DATABASE_PATH,
    meiliHost: env.MEILI_HOST,
    masterKey: env.MEILI_MASTER_KEY,
    indexPrefix: env.MEILI_INDEX_PREFIX,
  });
  // Workers use the server found or started here; they prepare nothing themselves.
  const workerEnv: Record<string, string> = {
    NODE_ENV: declaredNodeEnv,
    // Empty counts as unset: without a server here, the workers search through the SQLite fallback.
    MEILI_HOST: search.connection?.host ?? "",
    MEILI_MASTER_KEY: search.connection?.apiKey ?? "",
    MEILI_INDEX_PREFIX: search.connection?.indexPrefix ?? "",
  };

  let stopping = false;
  const fork = () => cluster.fork(workerEnv);
  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) return;
    logger.error(`worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(() => {
      if (!stopping) fork();
    }, RESPAWN_DELAY_MS).unref();
  });
  const listening = new Promise<void>((resolve) => {
    let count = 0;
    cluster.on("listening", () => {
      count += 1;
      if (count === workers) resolve();
    });
  });
  for (let i = 0; i < workers; i += 1) fork();
  await listening;
  logger.info(`Silk Road Market is serving on http://localhost:${env.PORT} with ${workers} worker processes`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping the workers`);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    try {
      await search.server?.stop();
    } catch (error) {
      logger.error(`shutdown: ${errorMessage(error)}`);
    }
    logger.flush?.();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
