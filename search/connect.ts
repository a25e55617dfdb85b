import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/client.ts";
import { createClient, setSearchConnection, type SearchConnection } from "./client.ts";
import { reindexIfOutOfStep } from "./indexer.ts";
import { startMeilisearch, type MeiliServer } from "./server.ts";
import { logger } from "#app/utils/logger.server.ts";

export interface SearchSetup {
  connection: SearchConnection | null;
  server?: MeiliServer;
}

/** Meilisearch's data lives beside the SQLite file: data/market.db → data/meilisearch/. */
export function meiliDataDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), "meilisearch");
}

const addressFile = (dataDir: string) => path.join(dataDir, "address.json");

/** The server another process of ours started on this data directory, if it still answers. */
export async function runningServer(dataDir: string): Promise<SearchConnection | null> {
  try {
    const { host, apiKey } = JSON.parse(fs.readFileSync(addressFile(dataDir), "utf8")) as {
      host: string;
      apiKey: string;
    };
    const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(500) });
    return response.ok ? { host, apiKey, indexPrefix: "" } : null;
  } catch {
    return null;
  }
}

/**
 * Finds or starts Meilisearch and brings the index in step with the database. With MEILI_HOST set it
 * uses that server and starts nothing; otherwise it starts the bundled binary. Any failure leaves
 * search on the SQLite fallback with one log line, never a failed start.
 */
export async function connectSearch(options: {
  databasePath: string;
  meiliHost?: string;
  masterKey?: string;
  indexPrefix?: string;
  log?: (line: string) => void;
  /** False in a cluster worker: the primary already brought the index in step. */
  prepareIndex?: boolean;
}): Promise<SearchSetup> {
  const log = options.log ?? ((line: string) => logger.info(line));
  let connection: SearchConnection;
  let server: MeiliServer | undefined;
  if (options.meiliHost) {
    connection = {
      host: options.meiliHost.replace(/\/$/, ""),
      apiKey: options.masterKey,
      indexPrefix: options.indexPrefix ?? "",
    };
  } else {
    const dataDir = meiliDataDir(options.databasePath);
    try {
      server = await startMeilisearch({ dataDir, log });
      connection = { host: server.host, apiKey: server.masterKey, indexPrefix: options.indexPrefix ?? "" };
      fs.writeFileSync(
        addressFile(dataDir),
        JSON.stringify({ host: server.host, apiKey: server.masterKey, pid: process.pid }),
        { mode: 0o600 },
      );
    } catch (error) {
      log(
        `Search: Meilisearch could not start (${error instanceof Error ? error.message : String(error)}); using the SQLite fallback.`,
      );
      setSearchConnection(null);
      return { connection: null };
    }
  }
  setSearchConnection(connection);
  if (options.prepareIndex === false) return { connection, server };
  const db = openDatabase(options.databasePath);
  try {
    const rebuilt = await reindexIfOutOfStep(db, createClient(connection, 120_000), connection, log);
    // Meilisearch keeps the heap a full rebuild took (about 1 GB at 100,000 products) for the life
    // of the process, where searching needs a few hundred MB (decision 038): the server we started
    // is restarted on the same address to hand it back. Searches meanwhile use the SQLite fallback.
    if (rebuilt && server) {
      const port = Number(new URL(server.host).port);
      await server.stop();
      server = await startMeilisearch({ dataDir: meiliDataDir(options.databasePath), port, log });
      log("Search: Meilisearch restarted after the rebuild, to release its indexing memory");
    }
    log(`Search: Meilisearch at ${connection.host}`);
  } catch (error) {
    log(
      `Search: the index could not be prepared (${error instanceof Error ? error.message : String(error)}); searches fall back to SQLite until it answers.`,
    );
  } finally {
    db.$client.close();
  }
  return { connection, server };
}
