import { expect, test } from "vitest";
import { meilisearchOptions } from "#search/server.ts";

const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];

test("the bundled Meilisearch is bounded by default: one indexing thread, 256 MiB of indexing memory", () => {
  const { args } = meilisearchOptions({});
  expect(flag(args, "--max-indexing-threads")).toBe("1");
  expect(flag(args, "--max-indexing-memory")).toBe("256 MiB");
});

test("Meilisearch's own variables override the bounds; an empty one keeps the default", () => {
  const { args } = meilisearchOptions({ MEILI_MAX_INDEXING_MEMORY: "1 GiB", MEILI_MAX_INDEXING_THREADS: " " });
  expect(flag(args, "--max-indexing-memory")).toBe("1 GiB");
  expect(flag(args, "--max-indexing-threads")).toBe("1");
});
