import { remember } from "@epic-web/remember";
import { Meilisearch } from "meilisearch";
import { nodeHttpClient } from "./http.ts";

export interface SearchConnection {
  host: string;
  apiKey?: string;
  /** Prefix for index names, so test files (or several apps) can share one server. */
  indexPrefix: string;
}

// Process-wide: the server script sets the connection before it loads the app build, which bundles
// its own copy of this module. `undefined` means "not set: read MEILI_HOST".
const registry = remember("searchConnection", () => ({ connection: undefined as SearchConnection | null | undefined }));

/** Set by whoever started or found Meilisearch; null means "no server, use the SQLite fallback". */
export function setSearchConnection(connection: SearchConnection | null) {
  registry.connection = connection;
}

/** The connection in use: the registered one, else MEILI_HOST from the environment, else none. */
export function getSearchConnection(): SearchConnection | null {
  if (registry.connection !== undefined) return registry.connection;
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
  registry.connection = undefined;
}
