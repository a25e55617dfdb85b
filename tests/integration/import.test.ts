import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, max } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { expireImportJobs, IMPORT_JOB_TTL_MS, importDir } from "#app/models/owner/import-export.server.ts";
import * as exporter from "#app/routes/sell.export[.csv].ts";
import { MAX_CSV_BYTES, parseCsv, toCsv } from "#app/utils/csv.ts";
import { getDb } from "#app/utils/db.server.ts";
import { importJobs, importRows, products, searchOutbox } from "#db/schema/index.ts";
import { cookieFor, ownerOf } from "#tests/support/auth.ts";
import { createProduct } from "#tests/support/factories.ts";
import { confirmImport, uploadCsv, viewImport } from "#tests/support/import.ts";
import { routeArgs } from "#tests/support/loaders.ts";

let cookie: string;
let otherCookie: string;
let storeId: number;
beforeAll(async () => {
  const owner = ownerOf("blantyre-baobab");
  cookie = await cookieFor(owner.user.id);
  storeId = owner.store.id;
  otherCookie = await cookieFor(ownerOf("yirga-highlands-coffee").user.id);
});

const header = ["sku", "title_en", "title_zh", "title_fr", "category", "tags", "price_usd", "stock", "status"];
const row = (sku: string, extra: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    sku,
    title_en: `Baobab Powder ${sku}`,
    title_zh: `猴面包树果粉 ${sku}`,
    title_fr: `Poudre de baobab ${sku}`,
    category: "superfoods",
    tags: "baobab|vitamin c",
    price_usd: "12.50",
    stock: "40",
    status: "active",
    ...extra,
  };
  return header.map((h) => values[h] ?? "");
};
const own = () => getDb().select().from(products).where(eq(products.storeId, storeId)).all();
const bySku = (sku: string) => getDb().select().from(products).where(eq(products.sku, sku)).get();
const lastOutboxId = () =>
  getDb()
    .select({ id: max(searchOutbox.id) })
    .from(searchOutbox)
    .get()?.id ?? 0;
const outboxSince = (id: number) =>
  getDb()
    .select()
    .from(searchOutbox)
    .all()
    .filter((r) => r.id > id);

/** Uploads, expecting a job: returns its id. */
async function newJob(csv: string | Uint8Array, who = cookie) {
  const result = await uploadCsv(who, csv);
  expect(result.status, JSON.stringify(result.body)).toBe(302);
  expect(result.jobId).toBeTruthy();
  return result.jobId!;
}

describe("the preview is a diff against the store's listings", () => {
  test("new, changed field by field (old → new), unchanged, and every problem of every row; nothing is written", async () => {
    const same = createProduct(getDb(), {
      storeSlug: "blantyre-baobab",
      categorySlug: "superfoods",
      sku: "DIFF-SAME",
      titleEn: "Same",
      titleZh: "相同",
      titleFr: "Pareil",
      tags: ["baobab"],
      priceCents: 990,
      stock: 5,
    });
    createProduct(getDb(), {
      storeSlug: "blantyre-baobab",
      categorySlug: "superfoods",
      sku: "DIFF-CHANGE",
      titleEn: "Changing",
      titleZh: "会变",
      titleFr: "Ça change",
      tags: ["baobab"],
      priceCents: 990,
      stock: 5,
    });
    const csv = toCsv([
      header,
      ["DIFF-SAME", "Same", "相同", "Pareil", "superfoods", "baobab", "9.90", "5", "active"],
      ["DIFF-CHANGE", "Changing", "会变", "Ça change bio", "superfoods", "baobab|bio", "11.00", "5", "active"],
      row("DIFF-NEW-1"),
      row("DIFF-BAD", { price_usd: "-4", category: "weapons", status: "sold", stock: "many" }),
      row("DIFF-NEW-1"), // twice in the file
      row("SRM-ET-0001-0001"), // another store's SKU
      row("DIFF-NEW-2", { title_en: "" }),
    ]);
    const before = own();
    const outbox = lastOutboxId();
    const jobId = await newJob(csv);
    expect(own()).toEqual(before);
    expect(outboxSince(outbox)).toEqual([]);

    const { view } = await viewImport(cookie, jobId);
    expect(view.job).toMatchObject({
      status: "ready",
      rowCount: 7,
      newCount: 1,
      changedCount: 1,
      unchangedCount: 1,
      errorCount: 4,
    });
    // Problems come first, each row with all of its problems and the line it is on.
    expect(view.show).toBe("errors");
    expect(view.rows.map((r) => [r.line, r.sku, r.errors.map((e) => `${e.column}:${e.key}`)])).toEqual([
      [
        5,
        "DIFF-BAD",
        ["price_usd:form.price", "stock:form.stock", "status:form.status", "category:form.chooseCategory"],
      ],
      [6, "DIFF-NEW-1", ["sku:form.skuDuplicate"]],
      [7, "SRM-ET-0001-0001", ["sku:form.skuTaken"]],
      [8, "DIFF-NEW-2", ["title_en:form.required"]],
    ]);

    const changed = (await viewImport(cookie, jobId, "&show=changed")).view;
    expect(changed.rows).toEqual([
      expect.objectContaining({
        line: 3,
        sku: "DIFF-CHANGE",
        changes: [
          { column: "title_fr", old: "Ça change", new: "Ça change bio" },
          { column: "tags", old: "baobab", new: "baobab|bio" },
          { column: "price_usd", old: "9.90", new: "11.00" },
        ],
      }),
    ]);
    const fresh = (await viewImport(cookie, jobId, "&show=new")).view;
    expect(fresh.rows.map((r) => [r.line, r.sku, r.values?.price, r.values?.stock])).toEqual([
      [4, "DIFF-NEW-1", 1250, 40],
    ]);

    // Confirming writes the new and the changed listing, leaves the rest, and queues their search sync.
    const unchangedBefore = bySku("DIFF-SAME");
    const done = await confirmImport(cookie, jobId);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/sell/import?job=${jobId}`);
    expect(bySku("DIFF-CHANGE")).toMatchObject({ titleFr: "Ça change bio", tags: ["baobab", "bio"], priceCents: 1100 });
    expect(bySku("DIFF-NEW-1")).toMatchObject({ storeId, priceCents: 1250, onHand: 40, status: "active" });
    expect(bySku("DIFF-SAME")).toEqual(unchangedBefore);
    expect(bySku("DIFF-NEW-2")).toBeUndefined();
    expect(
      outboxSince(outbox)
        .map((r) => r.entityId)
        .sort(),
    ).toEqual([bySku("DIFF-CHANGE")!.id, bySku("DIFF-NEW-1")!.id].sort());
    expect(same.id).toBe(unchangedBefore!.id);
    const after = (await viewImport(cookie, jobId)).view;
    expect(after.job).toMatchObject({ status: "imported", createdCount: 1, updatedCount: 1, skippedCount: 0 });
  });

  test("large jobs are shown a page at a time, with the counts", async () => {
    const rows = [header, ...Array.from({ length: 130 }, (_, i) => row(`PAGE-${i}`, { price_usd: "x" }))];
    const jobId = await newJob(toCsv(rows));
    const first = (await viewImport(cookie, jobId)).view;
    expect(first).toMatchObject({ show: "errors", page: 1, pages: 3, total: 130 });
    expect(first.rows).toHaveLength(50);
    const last = (await viewImport(cookie, jobId, "&show=errors&page=3")).view;
    expect(last.rows.map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => 102 + i));
    // Out-of-range pages land on the last one.
    expect((await viewImport(cookie, jobId, "&show=errors&page=99")).view.page).toBe(3);
  });
});

describe("physical line numbers", () => {
  // Line 1 header, 2–3 a cell with a line break, 4 blank, 5 a valid row, 6–8 a row with two
  // breaks in a cell (refused for its price), 9 another refused row.
  const lines = (nl: string, bom: string) =>
    bom +
    [
      "sku,title_en,category,price_usd,stock,description_en",
      `LINE-1,Baobab,superfoods,5.00,1,"first${nl}second"`,
      "",
      "LINE-2,Baobab,superfoods,5.00,1,",
      `LINE-3,Baobab,superfoods,-1,1,"a${nl}b${nl}c"`,
      "LINE-4,,superfoods,5.00,1,",
    ].join(nl) +
    nl;

  test.each([
    ["CRLF with a BOM", "\r\n", "\uFEFF"],
    ["LF", "\n", ""],
    ["CR", "\r", "\uFEFF"],
  ])("%s: each row is reported at the line it starts on", async (_, nl, bom) => {
    const jobId = await newJob(lines(nl, bom));
    const errors = (await viewImport(cookie, jobId, "&show=errors")).view.rows;
    expect(errors.map((r) => [r.line, r.sku])).toEqual([
      [6, "LINE-3"],
      [9, "LINE-4"],
    ]);
    const fresh = (await viewImport(cookie, jobId, "&show=new")).view.rows;
    expect(fresh.map((r) => [r.line, r.sku, r.values?.descriptionEn])).toEqual([
      [2, "LINE-1", `first${nl}second`],
      [5, "LINE-2", ""],
    ]);
  });

  test("a malformed file names the line where the broken row starts", async () => {
    const csv = `\uFEFFsku,title_en,category,price_usd,stock\r\nA,"x\r\ny",superfoods,1,1\r\nB,b,superfoods,1,1\r\nC,c"d",superfoods,1,1\r\n`;
    const result = await uploadCsv(cookie, csv);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { key: "import.malformed", detail: "5" } });
  });
});

describe("file-level refusals", () => {
  test.each([
    ["a GBK file", Uint8Array.from([0x73, 0x6b, 0x75, 0x0a, 0xb7, 0xe4, 0xc3, 0xdb]), "import.notUtf8"],
    ["missing columns", "sku,title_en\nA,B\n", "import.missingColumns"],
    ["a header only", "sku,title_en,category,price_usd,stock\n", "import.empty"],
    ["broken quotes", 'sku,title_en,category,price_usd,stock\n"A,B,c,1,1\n', "import.malformed"],
    ["an empty file", "", "import.noFile"],
  ])("%s is refused with a clear message; no job and no file are left", async (_, content, key) => {
    const before = own().length;
    const jobs = getDb().select().from(importJobs).all().length;
    const result = await uploadCsv(cookie, content);
    expect(result.status).toBe(400);
    expect((result.body as { error: { key: string } }).error.key).toBe(key);
    expect(own().length).toBe(before);
    expect(getDb().select().from(importJobs).all().length).toBe(jobs);
    expect(fs.readdirSync(importDir())).toEqual([]);
  });

  test("a file over the size limit is refused while it streams, with the limit in the message", async () => {
    const big = new Uint8Array(MAX_CSV_BYTES + 1).fill(0x61);
    const result = await uploadCsv(cookie, big);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { key: "import.tooLarge" } });
    expect(fs.readdirSync(importDir())).toEqual([]);
  });
});

describe("confirming a job", () => {
  test("twice (a double click) imports once; the second is told so", async () => {
    const jobId = await newJob(toCsv([header, row("TWICE-1"), row("TWICE-2")]));
    const before = own().length;
    const outbox = lastOutboxId();
    const [first, second] = await Promise.all([confirmImport(cookie, jobId), confirmImport(cookie, jobId)]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body).toMatchObject({ step: "error", error: { key: "import.imported" } });
    expect(own().length).toBe(before + 2);
    expect(outboxSince(outbox)).toHaveLength(2);
    expect((await confirmImport(cookie, jobId)).status).toBe(409);
    expect(own().length).toBe(before + 2);
  });

  test("another owner's job is not found, to read or to confirm, and stays as it was", async () => {
    const jobId = await newJob(toCsv([header, row("THEIRS-1")]));
    expect((await viewImport(otherCookie, jobId)).status).toBe(404);
    const attempt = await confirmImport(otherCookie, jobId);
    expect(attempt.status).toBe(404);
    expect(bySku("THEIRS-1")).toBeUndefined();
    expect(getDb().select().from(importJobs).where(eq(importJobs.id, jobId)).get()!.status).toBe("ready");
    expect((await viewImport(cookie, "no-such-job")).status).toBe(404);
    // The owner still can.
    expect((await confirmImport(cookie, jobId)).status).toBe(302);
    expect(bySku("THEIRS-1")).toMatchObject({ storeId });
  });

  test("a failure in the middle rolls the whole import back, and the job can be confirmed again", async () => {
    const jobId = await newJob(toCsv([header, row("ROLL-1"), row("ROLL-2"), row("BOOM"), row("ROLL-3")]));
    const before = own();
    const outbox = lastOutboxId();
    // A database error on the third row (a test-only trigger), after two rows were written in the transaction.
    getDb().$client.exec(
      "CREATE TEMP TRIGGER fail_on_boom BEFORE INSERT ON products WHEN NEW.sku = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END;",
    );
    try {
      await expect(confirmImport(cookie, jobId)).rejects.toThrow(/boom/);
    } finally {
      getDb().$client.exec("DROP TRIGGER fail_on_boom");
    }
    expect(own()).toEqual(before);
    expect(outboxSince(outbox)).toEqual([]);
    expect(getDb().select().from(importJobs).where(eq(importJobs.id, jobId)).get()).toMatchObject({
      status: "ready",
      createdCount: null,
    });
    expect((await confirmImport(cookie, jobId)).status).toBe(302);
    expect(own().length).toBe(before.length + 4);
  });

  test("a SKU another store took after the check is skipped, with the reason; the rest goes in", async () => {
    const jobId = await newJob(toCsv([header, row("RACE-1"), row("RACE-2")]));
    createProduct(getDb(), { storeSlug: "yirga-highlands-coffee", sku: "RACE-2" });
    expect((await confirmImport(cookie, jobId)).status).toBe(302);
    expect(bySku("RACE-1")).toMatchObject({ storeId });
    expect(bySku("RACE-2")!.storeId).not.toBe(storeId);
    const { view } = await viewImport(cookie, jobId);
    expect(view.job).toMatchObject({ createdCount: 1, skippedCount: 1 });
    expect(view.show).toBe("skipped");
    expect(view.rows.map((r) => [r.line, r.sku, r.errors])).toEqual([
      [3, "RACE-2", [{ column: "sku", key: "form.skuTaken" }]],
    ]);
  });
});

describe("expiry", () => {
  test("a job not confirmed in time expires: rows and files deleted, confirmation refused, nothing imported", async () => {
    const jobId = await newJob(toCsv([header, row("LATE-1"), row("LATE-2", { price_usd: "x" })]));
    const rows = () => getDb().select().from(importRows).where(eq(importRows.jobId, jobId)).all();
    expect(rows()).toHaveLength(2);
    // A file an interrupted upload left behind, and one no job refers to.
    fs.mkdirSync(importDir(), { recursive: true });
    const leftover = path.join(importDir(), "leftover.csv");
    const orphan = path.join(importDir(), "orphan.csv");
    fs.writeFileSync(leftover, "x");
    fs.writeFileSync(orphan, "x");
    const old = new Date(Date.now() - IMPORT_JOB_TTL_MS - 60_000);
    fs.utimesSync(orphan, old, old);
    getDb()
      .insert(importJobs)
      .values({
        id: "interrupted",
        storeId,
        userId: ownerOf("blantyre-baobab").user.id,
        status: "parsing",
        fileName: "x.csv",
        filePath: leftover,
        createdAt: old,
        expiresAt: new Date(old.getTime() + IMPORT_JOB_TTL_MS),
      })
      .run();

    // Before its time nothing happens to the job.
    await expireImportJobs();
    expect(rows()).toHaveLength(2);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(orphan)).toBe(false);

    // Past its time (the background job may not have run yet): it reads as expired and cannot be confirmed.
    getDb()
      .update(importJobs)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(importJobs.id, jobId))
      .run();
    expect((await viewImport(cookie, jobId)).view.job.status).toBe("expired");
    const refused = await confirmImport(cookie, jobId);
    expect(refused.status).toBe(410);
    expect(refused.body).toMatchObject({ error: { key: "import.expired" } });
    expect(bySku("LATE-1")).toBeUndefined();

    expect(await expireImportJobs()).toBe(1);
    expect(rows()).toEqual([]);
    const jobs = getDb()
      .select({ id: importJobs.id, status: importJobs.status, filePath: importJobs.filePath })
      .from(importJobs)
      .where(inArray(importJobs.id, [jobId, "interrupted"]))
      .all();
    expect(jobs).toEqual(
      expect.arrayContaining([
        { id: jobId, status: "expired", filePath: null },
        { id: "interrupted", status: "expired", filePath: null },
      ]),
    );
    expect((await confirmImport(cookie, jobId)).status).toBe(410);
    // Job records go after 30 days.
    await expireImportJobs(new Date(Date.now() + 31 * 24 * 60 * 60_000));
    expect(
      getDb()
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, jobId)))
        .get(),
    ).toBeUndefined();
  });
});

describe("export", () => {
  test("export writes the same format, so export → import changes nothing", async () => {
    const response = await exporter.loader(
      await routeArgs(new Request("http://localhost:3000/sell/export.csv", { headers: { Cookie: cookie } }), {}),
    );
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      "sku",
      "title_en",
      "title_zh",
      "title_fr",
      "description_en",
      "description_zh",
      "description_fr",
      "category",
      "tags",
      "price_usd",
      "stock",
      "status",
    ]);
    expect(rows.length - 1).toBe(own().length);
    const snapshot = own();
    const jobId = await newJob(text);
    expect((await viewImport(cookie, jobId)).view.job).toMatchObject({
      newCount: 0,
      changedCount: 0,
      errorCount: 0,
      unchangedCount: snapshot.length,
    });
    expect(own()).toEqual(snapshot);
  });

  test("export neutralises cells a spreadsheet would run as formulas, and import restores them (issue #13)", async () => {
    const titles = ['=HYPERLINK("http://evil","x")', "+cmd", "@SUM(1)", "-2+3"];
    const created = titles.map((titleEn, i) =>
      createProduct(getDb(), {
        storeSlug: "blantyre-baobab",
        categorySlug: "superfoods",
        titleEn,
        titleFr: `'=déjà cité ${i}`,
        descriptionEn: `=1+${i}`,
        tags: ["@tag", "baobab"],
      }),
    );
    const response = await exporter.loader(
      await routeArgs(new Request("http://localhost:3000/sell/export.csv", { headers: { Cookie: cookie } }), {}),
    );
    const text = await response.text();
    const lines = text.split("\r\n");
    for (const [i, p] of created.entries()) {
      const line = lines.find((l) => l.startsWith(`${p.sku},`))!;
      expect(line).toBeDefined();
      const expectedTitle = [`"'=HYPERLINK(""http://evil"",""x"")"`, "'+cmd", "'@SUM(1)", "'-2+3"][i]!;
      expect(line).toContain(`,${expectedTitle},`);
      expect(line).toContain(`,''=déjà cité ${i},`);
      expect(line).toContain(`,'=1+${i},`);
      expect(line).toContain(",'@tag|baobab,");
      expect(line).toMatch(/,15\.00,10,active$/);
    }
    // No cell of the raw text starts a formula.
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);

    const snapshot = own();
    const jobId = await newJob(text);
    expect((await viewImport(cookie, jobId)).view.job).toMatchObject({
      errorCount: 0,
      newCount: 0,
      changedCount: 0,
      unchangedCount: snapshot.length,
    });
    expect(own()).toEqual(snapshot);
  });

  test("export and import are owners-only", async () => {
    const anonymous = await exporter
      .loader(await routeArgs(new Request("http://localhost:3000/sell/export.csv"), {}))
      .catch((e: unknown) => e);
    expect((anonymous as Response).status).toBe(302);
  });
});
