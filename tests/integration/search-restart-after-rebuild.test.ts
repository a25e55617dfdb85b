import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { clearSearchConnection, createClient, indexNames } from "#search/client.ts";
import { connectSearch, type SearchSetup } from "#search/connect.ts";
import { useTempDirs } from "#tests/support/temp.ts";

/**
 * Decision 038: Meilisearch keeps the heap a full rebuild took, so the server we started is restarted
 * after a rebuild at start (same address, same data), and not when the index was already in step.
 */
const tempDir = useTempDirs("srm-meili-restart-");
const setups: SearchSetup[] = [];
afterAll(async () => {
  for (const setup of setups) await setup.server?.stop();
  clearSearchConnection();
});

/** Meilisearch processes this test process has started, by pid. */
function meilisearchChildren(): number[] {
  const pids = fs
    .readdirSync(`/proc/${process.pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8").trim().split(/\s+/))
    .filter(Boolean)
    .map(Number);
  return pids.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("meilisearch");
    } catch {
      return false;
    }
  });
}

test("a rebuild at start is followed by a restart of our Meilisearch, which then answers searches; an index in step is not restarted", async () => {
  const databasePath = path.join(tempDir(), "market.db");
  const source = new Database(process.env.DATABASE_PATH!, { readonly: true });
  await source.backup(databasePath);
  source.close();

  const lines: string[] = [];
  let indexedBy: number[] = [];
  const first = await connectSearch({
    databasePath,
    log: (line) => {
      lines.push(line);
      if (line.startsWith("search: reindexed")) indexedBy = meilisearchChildren();
    },
  });
  setups.push(first);
  expect(lines.some((l) => l.includes("rebuilding"))).toBe(true);
  expect(lines).toContain("Search: Meilisearch restarted after the rebuild, to release its indexing memory");
  expect(indexedBy.length).toBeGreaterThan(0);
  const pid = first.server!.process!.pid!;
  expect(indexedBy).not.toContain(pid);
  expect(fs.existsSync(`/proc/${pid}`)).toBe(true);
  // Same address as during the rebuild: what the workers were told still holds, and the index is there.
  const client = createClient(first.connection!, 10_000);
  const result = await client.index(indexNames(first.connection!).products).search("coffee");
  expect(result.hits.length).toBeGreaterThan(0);
  await first.server!.stop();

  const again: string[] = [];
  const second = await connectSearch({ databasePath, log: (line) => again.push(line) });
  setups.push(second);
  expect(again.some((l) => l.includes("rebuilding") || l.includes("restarted"))).toBe(false);
  expect(second.connection).not.toBeNull();
}, 180_000);
