import path from "node:path";
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { countries } from "#db/schema/index.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const tempDir = useTempDirs("srm-client-");

test("a connection reuses a statement for the same SQL, and a caller's raw or pluck mode never leaks to the next", () => {
  const db = openDatabase(path.join(tempDir(), "client.db"));
  migrateDatabase(db);
  db.insert(countries)
    .values({
      code: "KE",
      nameEn: "Kenya",
      nameZh: "肯尼亚",
      nameFr: "Kenya",
      adjectiveEn: "Kenyan",
      ofFr: "du Kenya",
      region: "east",
      colors: ["#000000"],
    })
    .run();
  const sql = "SELECT code, name_en FROM countries WHERE code = ?";
  const first = db.$client.prepare(sql);
  expect(db.$client.prepare(sql)).toBe(first);
  // Drizzle reads through .raw() (rows as arrays); a plain caller of the same SQL still gets objects.
  expect(first.raw().get("KE")).toEqual(["KE", "Kenya"]);
  expect(db.$client.prepare(sql).get("KE")).toEqual({ code: "KE", name_en: "Kenya" });
  expect(db.$client.prepare(sql).pluck().get("KE")).toBe("KE");
  expect(db.$client.prepare(sql).get("KE")).toEqual({ code: "KE", name_en: "Kenya" });
  // Drizzle's own queries, twice over the same cached statement, with other parameters.
  const byCode = (code: string) => db.select().from(countries).where(eq(countries.code, code)).get();
  expect(byCode("KE")?.nameZh).toBe("肯尼亚");
  expect(byCode("GH")).toBeUndefined();
  expect(byCode("KE")?.nameFr).toBe("Kenya");
  // Writes (statements that return no rows) are reused too.
  db.update(countries).set({ nameFr: "le Kenya" }).where(eq(countries.code, "KE")).run();
  db.update(countries).set({ nameFr: "Kenya" }).where(eq(countries.code, "KE")).run();
  expect(byCode("KE")?.nameFr).toBe("Kenya");
  db.$client.close();
});
