import { afterAll, beforeAll } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import {
  clearSearchConnection,
  createClient,
  getSearchConnection,
  setSearchConnection,
  type SearchConnection,
} from "#search/client.ts";
import { reindexAll } from "#search/indexer.ts";

/**
 * Gives the calling test file its own indexes (a unique prefix on the shared test server), filled
 * from the file's own database copy, and deletes them afterwards.
 */
export function useSearchIndex(): () => SearchConnection {
  let connection: SearchConnection;
  beforeAll(async () => {
    const base = getSearchConnection();
    if (!base) throw new Error("the test setup did not provide MEILI_HOST");
    connection = { ...base, indexPrefix: `t${process.pid}_${Math.random().toString(36).slice(2, 8)}_` };
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
