import { afterAll, beforeAll, inject } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import { clearSearchConnection, createClient, setSearchConnection, type SearchConnection } from "#search/client.ts";
import { reindexAll } from "#search/indexer.ts";
import type { SearchServerAddress } from "#tests/setup/search-broker.ts";

/** The shared test Meilisearch (started by the first file that asks; see tests/setup/search-broker.ts). */
async function searchServer(): Promise<SearchServerAddress> {
  const response = await fetch(`${inject("searchBroker")}/`);
  if (!response.ok) throw new Error(`the test Meilisearch could not be started: ${await response.text()}`);
  return (await response.json()) as SearchServerAddress;
}

/**
 * Gives the calling test file its own indexes (a unique prefix on the shared test server), filled
 * from the file's own database copy, and deletes them afterwards. Only files that check indexing or
 * searching through Meilisearch call this; the others search through the SQLite fallback.
 */
export function useSearchIndex(): () => SearchConnection {
  let connection: SearchConnection;
  beforeAll(async () => {
    const { host, apiKey } = await searchServer();
    connection = { host, apiKey, indexPrefix: `t${process.pid}_${Math.random().toString(36).slice(2, 8)}_` };
    setSearchConnection(connection);
    await reindexAll(getDb(), createClient(connection, 60_000), connection);
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
