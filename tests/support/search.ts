import net from "node:net";
import { afterAll, beforeAll, inject } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import {
  clearSearchConnection,
  createClient,
  indexNames,
  setSearchConnection,
  type SearchConnection,
} from "#search/client.ts";
import { PRODUCT_DOCUMENT_VERSION } from "#search/documents.ts";
import { applyIndexSettings, reindexAll, setSearchState } from "#search/indexer.ts";
import type { SearchServerAddress } from "#tests/setup/search-broker.ts";

/** The shared test Meilisearch (started by the first file that asks; see tests/setup/search-broker.ts). */
async function searchServer(catalog: boolean): Promise<SearchServerAddress> {
  const response = await fetch(`${inject("searchBroker")}/${catalog ? "catalog" : ""}`);
  if (!response.ok) throw new Error(`the test Meilisearch could not be started: ${await response.text()}`);
  return (await response.json()) as SearchServerAddress;
}

/**
 * Gives the calling test file its own indexes on the shared test server and deletes them
 * afterwards. Only files that check indexing or searching through Meilisearch call this; the others
 * search through the SQLite fallback.
 *
 * `catalog` (the default): the indexes hold the seeded catalog, as `reindexAll` from the file's own
 * database copy leaves them. They are usually prepared before the run (see search-broker.ts): the
 * same reindex of the same base database, done once instead of once per file.
 * `empty`: the indexes only exist, with their settings, for files that index only what they create
 * (through the outbox).
 */
export function useSearchIndex({
  documents = "catalog",
}: { documents?: "catalog" | "empty" } = {}): () => SearchConnection {
  let connection: SearchConnection;
  beforeAll(async () => {
    const server = await searchServer(documents === "catalog");
    const own = `t${process.pid}_${Math.random().toString(36).slice(2, 8)}_`;
    connection = { host: server.host, apiKey: server.apiKey, indexPrefix: server.catalogPrefix ?? own };
    setSearchConnection(connection);
    const db = getDb();
    const client = createClient(connection, 60_000);
    if (documents === "empty") {
      await applyIndexSettings(db, client, connection);
    } else if (!server.catalogPrefix) {
      await reindexAll(db, client, connection);
    } else {
      // What reindexAll would have recorded in this database.
      const now = new Date();
      setSearchState(db, "lastReindexAt", now);
      setSearchState(db, "productDocumentVersion", String(PRODUCT_DOCUMENT_VERSION));
      setSearchState(db, "lastSyncAt", now);
    }
    // The app gives Meilisearch 300 ms (10 s in tests) before it answers from SQLite instead. A server that has just
    // started (or an index just opened) loads its word lists on the first searches; do those here,
    // without a deadline, so the tests' searches meet a warm server even on a busy machine.
    for (const q of ["coffee", "咖啡", "café"]) await client.index(indexNames(connection).products).search(q);
  }, 300_000); // preparing the catalog indexes on the first run can take a while on a busy machine
  afterAll(async () => {
    const client = createClient(connection, 60_000);
    const { results } = await client.getIndexes({ limit: 1000 });
    for (const index of results.filter((i) => i.uid.startsWith(connection.indexPrefix)))
      await client.deleteIndex(index.uid).waitTask();
    clearSearchConnection();
  });
  return () => connection;
}

/**
 * A TCP relay in front of the test Meilisearch that can be taken down and brought back on the same
 * address: an outage as the app sees it (connections refused, open ones cut), without stopping the
 * server other files share or starting one of our own.
 */
export async function outageRelay(target: string) {
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const listener = net.createServer((client) => {
        const remote = net.connect(Number(upstream.port), upstream.hostname);
        const drop = () => {
          client.destroy();
          remote.destroy();
          sockets.delete(client);
          sockets.delete(remote);
        };
        for (const socket of [client, remote]) {
          sockets.add(socket);
          socket.on("error", drop).on("close", drop);
        }
        client.pipe(remote).pipe(client);
      });
      listener.once("error", reject);
      listener.listen(port, "127.0.0.1", () => {
        port = (listener.address() as net.AddressInfo).port;
        server = listener;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await up();
  return { host: `http://127.0.0.1:${port}`, up, down };
}
