import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { en } from "#app/i18n/messages/en.ts";
import { fr } from "#app/i18n/messages/fr.ts";
import { zh } from "#app/i18n/messages/zh.ts";
import { LOCALES } from "#app/i18n/locales.ts";
import { AFRICA_NUMERIC, getAfricaGeometry, mapBucket, mapLegend } from "#app/models/admin/africa-map.server.ts";
import { moveToPosition, parseOrder } from "#app/models/admin/reorder.server.ts";
import { editDistance, suggestSynonymTarget } from "#app/models/admin/synonyms.server.ts";
import { trendStarts, weekStart } from "#app/models/admin/trends.server.ts";
import { AUDIT_ACTIONS } from "#app/utils/admin-constants.ts";
import { AUDIT_ENTITY_LABELS, AUDIT_LABELS, auditChanges } from "#app/utils/audit-labels.ts";
import { STORE_DECISIONS } from "#app/models/admin/store-reviews.server.ts";

const messages = { en, zh, fr };
const root = path.resolve(import.meta.dirname, "../..");

/** Every audit code app code writes: the literals passed to recordAudit, and `store.${decision}`. */
function auditCodesInCode(): Set<string> {
  const codes = new Set<string>();
  const files = fs
    .readdirSync(path.join(root, "app"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const call of text.matchAll(/recordAudit\(\s*[^,]+,\s*[^,]+,\s*([`"])([^`"]+)\1/g)) {
      const code = call[2]!;
      if (code.includes("${")) {
        expect(code, `${file}: a templated audit code this test knows`).toBe("store.${args.decision}");
        for (const d of STORE_DECISIONS) codes.add(`store.${d}`);
      } else codes.add(code);
    }
  }
  return codes;
}

describe("audit log translations", () => {
  test("every audit code app code writes is a known action with a name in zh, en and fr", () => {
    const written = auditCodesInCode();
    expect(written.size).toBeGreaterThan(15);
    for (const code of written) expect(AUDIT_ACTIONS as readonly string[], code).toContain(code);
    for (const action of AUDIT_ACTIONS)
      for (const locale of LOCALES) {
        const text = (messages[locale] as Record<string, unknown>)[AUDIT_LABELS[action]];
        expect(typeof text === "string" && text.length > 0, `${locale}: ${action}`).toBe(true);
      }
    for (const key of Object.values(AUDIT_ENTITY_LABELS))
      for (const locale of LOCALES) expect((messages[locale] as Record<string, unknown>)[key], key).toBeTruthy();
  });

  test("before → after field by field, only what changed", () => {
    expect(auditChanges({ status: "pending", reviewNote: "" }, { status: "approved", reviewNote: "" })).toEqual([
      { field: "status", before: "pending", after: "approved" },
    ]);
    expect(auditChanges(null, { position: 3 })).toEqual([{ field: "position", before: "—", after: "3" }]);
    expect(auditChanges(["coffee", "café"], ["coffee", "café", "咖啡"])).toEqual([
      { field: "", before: "coffee, café", after: "coffee, café, 咖啡" },
    ]);
    expect(auditChanges({ order: [3, 1, 2] }, { order: [1, 2, 3] })).toEqual([
      { field: "order", before: "3, 1, 2", after: "1, 2, 3" },
    ]);
  });
});

describe("reordering", () => {
  test("one item moves to any position in one step; the others keep their order", () => {
    const order = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    expect(moveToPosition(order, 13, 1)).toEqual([13, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(moveToPosition(order, 1, 99)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1]);
    expect(moveToPosition([5, 6, 7], 6, 0)).toEqual([6, 5, 7]);
    expect(moveToPosition([5, 6, 7], 9, 1)).toEqual([5, 6, 7]);
  });

  test("an order is positive whole numbers without repeats", () => {
    expect(parseOrder("12, 7,3")).toEqual([12, 7, 3]);
    expect(parseOrder("1,1")).toBeNull();
    expect(parseOrder("1,x")).toBeNull();
    expect(parseOrder("")).toBeNull();
    expect(parseOrder("0")).toBeNull();
  });
});

describe("Africa map", () => {
  test("all 54 countries have a shape; the small island states a dot", () => {
    const geometry = getAfricaGeometry();
    expect(Object.keys(AFRICA_NUMERIC)).toHaveLength(54);
    expect(geometry.countries.map((c) => c.code).sort()).toEqual(Object.keys(AFRICA_NUMERIC).sort());
    for (const c of geometry.countries) expect(c.d, c.code).toMatch(/^M[\d.]+[ -][\d.]+l/);
    const dotted = geometry.countries.filter((c) => c.marker).map((c) => c.code);
    for (const island of ["CV", "ST", "KM", "MU", "SC"]) expect(dotted).toContain(island);
    expect(getAfricaGeometry()).toBe(geometry); // worked out once per process
  });

  test("colour buckets: 0 is missing, then four steps up to the maximum", () => {
    expect(mapBucket(0, 10)).toBe(0);
    expect(mapBucket(1, 10)).toBe(1);
    expect(mapBucket(10, 10)).toBe(4);
    expect(mapBucket(3, 3)).toBe(3);
    expect(mapLegend(8)).toEqual([
      { bucket: 1, from: 1, to: 2 },
      { bucket: 2, from: 3, to: 4 },
      { bucket: 3, from: 5, to: 6 },
      { bucket: 4, from: 7, to: 8 },
    ]);
  });
});

describe("trends", () => {
  test("weeks start on Monday (Beijing calendar); spans end with the current period", () => {
    expect(weekStart("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    const days = trendStarts("day", "2026-11-30");
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe("2026-11-30");
    expect(days[0]).toBe("2026-11-01");
    const weeks = trendStarts("week", "2026-12-02");
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe("2026-11-30");
  });
});

describe("add as synonym", () => {
  test("suggests the closest query that found something", () => {
    expect(editDistance("moringa", "moringa")).toBe(0);
    expect(editDistance("morniga", "moringa")).toBe(2);
    expect(suggestSynonymTarget("cofee", ["coffee", "tea"])).toBe("coffee");
    expect(suggestSynonymTarget("xyz", ["coffee"])).toBe("");
  });
});
