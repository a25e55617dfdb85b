import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { openDatabase } from "#db/client.ts";
import { createClient } from "#search/client.ts";
import { reindexAll } from "#search/indexer.ts";
import { startMeilisearch, type MeiliServer } from "#search/server.ts";
import { alive } from "./alive.ts";
import { MEILI_DATA_DIR, ROOT, TEST_DATA_DIR } from "./paths.ts";

export interface SearchServerAddress {
  host: string;
  apiKey?: string;
  /**
   * Indexes already filled with the seeded catalog, for this file alone (absent when none is left:
   * the file then indexes the catalog itself).
   */
  catalogPrefix?: string;
}

/**
 * Catalog indexes prepared ahead, one per test file that searches the seeded catalog (search, admin,
 * festivals). Indexing the 1,000 products is most of such a file's set-up, and Meilisearch indexes
 * one task at a time, so every file waiting to index delays all the others.
 */
const CATALOG_SLOTS = 3;

/** What the prepared catalog indexes depend on: the base database (its name holds its key) and search/. */
function catalogKey(baseDatabase: string): string {
  const hash = crypto.createHash("sha256").update(path.basename(baseDatabase));
  const files = ["search", "tests/setup/search-broker.ts"].flatMap((entry) => {
    const absolute = path.join(ROOT, entry);
    if (fs.statSync(absolute).isFile()) return [absolute];
    return fs
      .readdirSync(absolute, { recursive: true, encoding: "utf8" })
      .map((f) => path.join(absolute, f))
      .filter((f) => fs.statSync(f).isFile());
  });
  for (const file of files.sort()) hash.update(`${path.relative(ROOT, file)}\0`).update(fs.readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Fills a fresh Meilisearch database under MEILI_DATA_DIR with CATALOG_SLOTS copies of the catalog
 * indexes, made by reindexing the base database exactly as a test file would, and keeps a copy of
 * it (taken with the server stopped) for later runs, until the base database or search/ changes.
 */
async function buildCatalog(baseDatabase: string, template: string) {
  const work = path.join(MEILI_DATA_DIR, "catalog-build");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  // reindexAll records when it ran in the database it reads; that must not be the shared base.
  const copy = path.join(work, "catalog.db");
  fs.copyFileSync(baseDatabase, copy);
  fs.chmodSync(copy, 0o644);
  const db = openDatabase(copy);
  const server = await startMeilisearch({ dataDir: MEILI_DATA_DIR });
  try {
    for (let slot = 0; slot < CATALOG_SLOTS; slot++) {
      const connection = { host: server.host, apiKey: server.masterKey, indexPrefix: `catalog${slot}_` };
      await reindexAll(db, createClient(connection, 120_000), connection);
    }
  } finally {
    await server.stop();
    db.$client.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const partial = `${template}.${process.pid}.partial`;
  fs.cpSync(path.join(MEILI_DATA_DIR, "db"), partial, { recursive: true });
  fs.renameSync(partial, template);
  for (const entry of fs.readdirSync(TEST_DATA_DIR)) {
    if (!entry.startsWith("meilisearch-catalog-") || entry === path.basename(template)) continue;
    const builder = entry.match(/\.(\d+)\.partial$/);
    if (builder && alive(Number(builder[1]))) continue;
    fs.rmSync(path.join(TEST_DATA_DIR, entry), { recursive: true, force: true });
  }
}

/** A Meilisearch database with the catalog indexes ready, under MEILI_DATA_DIR (earlier runs' indexes gone). */
async function prepareCatalog(baseDatabase: string) {
  const template = path.join(TEST_DATA_DIR, `meilisearch-catalog-${catalogKey(baseDatabase)}`);
  const db = path.join(MEILI_DATA_DIR, "db");
  fs.rmSync(db, { recursive: true, force: true });
  if (fs.existsSync(template)) fs.cpSync(template, db, { recursive: true });
  else await buildCatalog(baseDatabase, template);
}

/**
 * Meilisearch on demand. Most integration files never search through Meilisearch, so the server is
 * started by the first file that asks for it (see tests/support/search.ts), not before the run. The
 * server must outlive the file that asked (each file runs in its own process), so it belongs to the
 * main Vitest process: this tiny local HTTP endpoint lives there, starts it once and hands out the
 * prepared catalog indexes. MEILI_HOST, when set, is handed out instead and nothing is started or
 * prepared (files then index the catalog themselves).
 */
export async function startSearchBroker(baseDatabase: string): Promise<{ url: string; close(): Promise<void> }> {
  const external = process.env.MEILI_HOST
    ? { host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY }
    : undefined;
  let server: Promise<MeiliServer> | undefined;
  let nextSlot = 0;
  const address = async (wantsCatalog: boolean): Promise<SearchServerAddress> => {
    if (external) return external;
    server ??= (async () => {
      await prepareCatalog(baseDatabase);
      return startMeilisearch({ dataDir: MEILI_DATA_DIR });
    })();
    const started = await server;
    const slot = wantsCatalog && nextSlot < CATALOG_SLOTS ? nextSlot++ : undefined;
    return {
      host: started.host,
      apiKey: started.masterKey,
      ...(slot === undefined ? {} : { catalogPrefix: `catalog${slot}_` }),
    };
  };

  const broker = http.createServer((request, response) => {
    address(request.url === "/catalog").then(
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
