import net from "node:net";
import { afterAll, beforeAll, inject } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import { clearSearchConnection, createClient, setSearchConnection, type SearchConnection } from "#search/client.ts";
import { applyIndexSettings, reindexAll } from "#search/indexer.ts";
import type { SearchServerAddress } from "#tests/setup/search-broker.ts";

/** The shared test Meilisearch (started by the first file that asks; see tests/setup/search-broker.ts). */
async function searchServer(): Promise<SearchServerAddress> {
  const response = await fetch(`${inject("searchBroker")}/`);
  if (!response.ok) throw new Error(`the test Meilisearch could not be started: ${await response.text()}`);
  return (await response.json()) as SearchServerAddress;
}

/**
 * Gives the calling test file its own indexes (a unique prefix on the shared test server) and
 * deletes them afterwards. Only files that check indexing or searching through Meilisearch call
 * this; the others search through the SQLite fallback.
 *
 * `catalog` (the default) fills them from the file's database copy, for tests that search the seeded
 * catalog. `empty` only creates them with their settings (much cheaper: indexing the 1,000 seeded
 * products is most of a file's set-up), for files that index only what they create, through the outbox.
 */
export function useSearchIndex({
  documents = "catalog",
}: { documents?: "catalog" | "empty" } = {}): () => SearchConnection {
  let connection: SearchConnection;
  beforeAll(async () => {
    const { host, apiKey } = await searchServer();
    connection = { host, apiKey, indexPrefix: `t${process.pid}_${Math.random().toString(36).slice(2, 8)}_` };
    setSearchConnection(connection);
    const client = createClient(connection, 60_000);
    if (documents === "catalog") await reindexAll(getDb(), client, connection);
    else await applyIndexSettings(getDb(), client, connection);
  });
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
