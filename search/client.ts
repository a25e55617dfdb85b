import { Meilisearch } from "meilisearch";
import { nodeHttpClient } from "./http.ts";

export interface SearchConnection {
  host: string;
  apiKey?: string;
  /** Prefix for index names, so test files (or several apps) can share one server. */
  indexPrefix: string;
}

// On globalThis: the start script sets the connection before it imports the server build, which
// bundles its own copy of this module.
const registry = globalThis as unknown as { __silkRoadSearch?: SearchConnection | null };

/** Set by whoever started or found Meilisearch; null means "no server, use the SQLite fallback". */
export function setSearchConnection(connection: SearchConnection | null) {
  registry.__silkRoadSearch = connection;
}

/** The connection in use: the registered one, else MEILI_HOST from the environment, else none. */
export function getSearchConnection(): SearchConnection | null {
  if (registry.__silkRoadSearch !== undefined) return registry.__silkRoadSearch;
  const host = process.env.MEILI_HOST;
  if (!host) return null;
  return { host, apiKey: process.env.MEILI_MASTER_KEY, indexPrefix: process.env.MEILI_INDEX_PREFIX ?? "" };
}

export const indexNames = (connection: SearchConnection) => ({
  products: `${connection.indexPrefix}products`,
  stores: `${connection.indexPrefix}stores`,
});

/** A client whose every request gives up after `timeoutMs` (search answers within 300 ms or falls back). */
export function createClient(connection: SearchConnection, timeoutMs: number): Meilisearch {
  return new Meilisearch({
    host: connection.host,
    apiKey: connection.apiKey,
    timeout: timeoutMs,
    httpClient: nodeHttpClient,
  });
}

/** Forget any registered connection (back to MEILI_HOST from the environment). */
export function clearSearchConnection() {
  delete registry.__silkRoadSearch;
}
