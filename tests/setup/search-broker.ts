import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { startMeilisearch, type MeiliServer } from "#search/server.ts";
import { MEILI_DATA_DIR } from "./paths.ts";

export interface SearchServerAddress {
  host: string;
  apiKey?: string;
}

/**
 * Meilisearch on demand. Most integration files never search through Meilisearch, so the server is
 * started by the first file that asks for it (see tests/support/search.ts), not before the run. The
 * server must outlive the file that asked (each file runs in its own process), so it belongs to the
 * main Vitest process: this tiny local HTTP endpoint lives there and starts it once.
 * MEILI_HOST, when set, is handed out instead and nothing is started.
 */
export async function startSearchBroker(): Promise<{ url: string; close(): Promise<void> }> {
  const external = process.env.MEILI_HOST
    ? { host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY }
    : undefined;
  let server: Promise<MeiliServer> | undefined;
  const address = async (): Promise<SearchServerAddress> => {
    if (external) return external;
    server ??= (async () => {
      // Indexes left by earlier runs are of no use (each file makes its own); start from an empty store.
      fs.rmSync(path.join(MEILI_DATA_DIR, "db"), { recursive: true, force: true });
      return startMeilisearch({ dataDir: MEILI_DATA_DIR });
    })();
    const started = await server;
    return { host: started.host, apiKey: started.masterKey };
  };

  const broker = http.createServer((_request, response) => {
    address().then(
      (body) => response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body)),
      (error: unknown) =>
        response
          .writeHead(503, { "Content-Type": "text/plain" })
          .end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(broker.address() as AddressInfo).port}`,
    async close() {
      broker.closeAllConnections();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      if (server) await (await server.catch(() => undefined))?.stop();
    },
  };
}
