import { eq } from "drizzle-orm";
import { routeArgs, unwrap } from "#tests/support/loaders.ts";
import { beforeAll, describe, expect, test } from "vitest";
import * as exporter from "#app/routes/sell.export[.csv].ts";
import * as importer from "#app/routes/($lang).sell.import.tsx";
import { getDb } from "#app/utils/db.server.ts";
import { parseCsv, toCsv } from "#app/utils/csv.ts";
import { products } from "#db/schema/index.ts";
import { cookieFor, ownerOf } from "#tests/support/auth.ts";
import { createProduct } from "#tests/support/factories.ts";

let cookie: string;
let storeId: number;
beforeAll(async () => {
  const owner = ownerOf("blantyre-baobab");
  cookie = await cookieFor(owner.user.id);
  storeId = owner.store.id;
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

async function post(body: FormData | URLSearchParams) {
  const request = new Request("http://localhost:3000/sell/import", {
    method: "POST",
    body,
    headers: { Cookie: cookie },
  });
  return unwrap(await importer.action(await routeArgs(request, {})));
}
const upload = (text: string | Uint8Array) => {
  const form = new FormData();
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  form.append("csv", new File([new Uint8Array(bytes)], "listings.csv", { type: "text/csv" }));
  return post(form);
};
const confirm = (csv: string) => post(new URLSearchParams({ intent: "import", csv }));
const own = () => getDb().select().from(products).where(eq(products.storeId, storeId)).all();

describe("CSV import", () => {
  test("preview reports per-row problems; import writes the valid rows in one go; the same file again changes nothing", async () => {
    const rows = [
      header,
      ...Array.from({ length: 1000 }, (_, i) => row(`BAO-${i}`)),
      row("BAO-bad-price", { price_usd: "-4" }),
      row("BAO-bad-cat", { category: "weapons" }),
      row("BAO-0"), // duplicate of the first row
      row("SRM-ET-0001-0001"), // another store's SKU
      row("BAO-status", { status: "sold" }),
    ];
    const csv = toCsv(rows);
    const preview = await upload(csv);
    expect(preview.status).toBe(200);
    const body = preview.body as {
      step: string;
      valid: number;
      invalidCount: number;
      invalid: { line: number; errors: { column: string; key: string }[] }[];
    };
    expect(body.step).toBe("preview");
    expect(body.valid).toBe(1000);
    expect(body.invalidCount).toBe(5);
    expect(body.invalid.map((r) => r.errors)).toEqual([
      [{ column: "price_usd", key: "form.price" }],
      [{ column: "category", key: "form.chooseCategory" }],
      [{ column: "sku", key: "form.skuDuplicate" }],
      [{ column: "sku", key: "form.skuTaken" }],
      [{ column: "status", key: "form.status" }],
    ]);
    expect(body.invalid[0]!.line).toBe(1002);
    const before = own().length;
    expect(own().some((p) => p.sku === "BAO-0")).toBe(false); // preview saved nothing

    const done = await confirm(csv);
    expect(done.body).toMatchObject({ step: "done", counts: { created: 1000, updated: 0, unchanged: 0, skipped: 5 } });
    // The skipped rows come back with their problems, as the preview showed them.
    expect((done.body as { problems: unknown[] }).problems).toEqual(body.invalid);
    expect(own().length).toBe(before + 1000);
    expect(own().find((p) => p.sku === "BAO-7")).toMatchObject({
      titleZh: "猴面包树果粉 BAO-7",
      priceCents: 1250,
      stock: 40,
      status: "active",
      tags: ["baobab", "vitamin c"],
    });

    const snapshot = own();
    const again = await confirm(csv);
    expect(again.body).toMatchObject({ step: "done", counts: { created: 0, updated: 0, unchanged: 1000, skipped: 5 } });
    expect(own()).toEqual(snapshot);

    const changed = toCsv([header, row("BAO-7", { stock: "3", title_fr: "Poudre de baobab bio" })]);
    expect((await confirm(changed)).body).toEqual({
      step: "done",
      counts: { created: 0, updated: 1, unchanged: 0, skipped: 0 },
      problems: [],
    });
    expect(own().find((p) => p.sku === "BAO-7")).toMatchObject({ stock: 3, titleFr: "Poudre de baobab bio" });
  });

  test.each([
    ["a GBK file", Uint8Array.from([0x73, 0x6b, 0x75, 0x0a, 0xb7, 0xe4, 0xc3, 0xdb]), "import.notUtf8"],
    ["missing columns", "sku,title_en\nA,B\n", "import.missingColumns"],
    ["a header only", "sku,title_en,category,price_usd,stock\n", "import.empty"],
    ["broken quotes", 'sku,title_en,category,price_usd,stock\n"A,B,c,1,1\n', "import.malformed"],
  ])("%s is refused with a clear message and nothing changes", async (_, content, key) => {
    const before = own().length;
    const result = await upload(content);
    expect(result.status).toBe(400);
    expect((result.body as { error: { key: string } }).error.key).toBe(key);
    expect(own().length).toBe(before);
  });

  test("a failure in the middle of an import rolls the whole import back", async () => {
    const before = own();
    // A database error on the third row (a test-only trigger), after two rows were written in the transaction.
    getDb().$client.exec(
      "CREATE TEMP TRIGGER fail_on_boom BEFORE INSERT ON products WHEN NEW.sku = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END;",
    );
    try {
      await expect(confirm(toCsv([header, row("ROLL-1"), row("ROLL-2"), row("BOOM"), row("ROLL-3")]))).rejects.toThrow(
        /boom/,
      );
    } finally {
      getDb().$client.exec("DROP TRIGGER fail_on_boom");
    }
    expect(own()).toEqual(before);
    expect(own().some((p) => p.sku.startsWith("ROLL-"))).toBe(false);
  });

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
    const result = await confirm(text);
    expect((result.body as { counts: { unchanged: number; created: number; updated: number } }).counts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: own().length,
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
    const preview = await upload(text);
    expect(preview.body).toMatchObject({ step: "preview", invalidCount: 0, valid: snapshot.length });
    const done = await confirm((preview.body as { csv: string }).csv);
    expect((done.body as { counts: object }).counts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: snapshot.length,
    });
    expect(own()).toEqual(snapshot);
    expect(
      own()
        .filter((p) => created.some((c) => c.id === p.id))
        .map((p) => p.titleEn),
    ).toEqual(titles);
  });

  test("export and import are owners-only", async () => {
    const anonymous = await exporter
      .loader(await routeArgs(new Request("http://localhost:3000/sell/export.csv"), {}))
      .catch((e: unknown) => e);
    expect((anonymous as Response).status).toBe(302);
  });
});
