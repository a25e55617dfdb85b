import { describe, expect, test } from "vitest";
import {
  type CsvError,
  MAX_RECORD_CHARS,
  columnPositions,
  neutraliseFormulaCell,
  parseCsv,
  recordOf,
  restoreFormulaCell,
  toCsv,
} from "#app/utils/csv.ts";

const csvRecords = ([header, ...rows]: string[][]) => {
  const positions = columnPositions(header!);
  return rows.map((cells) => recordOf(positions, cells));
};

const fail = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as CsvError).code;
  }
  throw new Error("expected a CsvError");
};

describe("parseCsv", () => {
  test("quotes, doubled quotes, commas and new lines inside cells, CRLF, BOM", () => {
    const text = '\uFEFFsku,title_en,title_zh\r\nA-1,"Shea, raw","乳木果油"\r\nA-2,"He said ""hi""\nthen left",\r\n';
    expect(parseCsv(text)).toEqual([
      ["sku", "title_en", "title_zh"],
      ["A-1", "Shea, raw", "乳木果油"],
      ["A-2", 'He said "hi"\nthen left', ""],
    ]);
  });

  test("malformed quoting and huge records are refused", () => {
    expect(fail(() => parseCsv('a,"unclosed\n'))).toBe("malformed");
    expect(fail(() => parseCsv('a,b"c"\n'))).toBe("malformed");
    expect(fail(() => parseCsv(`a,"${"x".repeat(MAX_RECORD_CHARS + 1)}\n`))).toBe("cellTooLong");
  });

  test("round-trips what toCsv writes", () => {
    const rows = [
      ["sku", "title_fr"],
      ["B-2", "Café « moulu », 250 g"],
      ["B-3", 'a "quoted"\nline'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe("formula injection (OWASP CSV injection)", () => {
  const FORMULAS = ['=HYPERLINK("http://evil","x")', "+cmd", "-2+3", "@SUM(1)", "\tTAB", "\r=1", "'=already", "''+two"];

  test.each(FORMULAS)("%j is written with a leading quote and read back unchanged", (cell) => {
    expect(neutraliseFormulaCell(cell)).toBe(`'${cell}`);
    expect(restoreFormulaCell(neutraliseFormulaCell(cell))).toBe(cell);
    const text = toCsv([["title_en"], [cell]]);
    expect(text.split("\r\n")[1]!.replace(/^"/, "")).toMatch(/^'/);
    expect(parseCsv(text)).toEqual([["title_en"], [cell]]);
  });

  test.each(["plain", "12.50", "0", "'quoted", "'", "a=b", "", "咖啡", "é=mc²"])(
    "%j is left alone both ways",
    (cell) => {
      expect(neutraliseFormulaCell(cell)).toBe(cell);
      expect(restoreFormulaCell(cell)).toBe(cell);
    },
  );

  test("the raw text carries no cell a spreadsheet would run", () => {
    const text = toCsv([
      ["sku", "title_en", "price_usd"],
      ["=1+1", '=HYPERLINK("http://evil","x")', "12.50"],
      ["@SUM(1)", "-2+3", "3.00"],
    ]);
    expect(text).toBe(
      '\uFEFFsku,title_en,price_usd\r\n\'=1+1,"\'=HYPERLINK(""http://evil"",""x"")",12.50\r\n\'@SUM(1),\'-2+3,3.00\r\n',
    );
    for (const cell of parseCsv(text).flat())
      expect(cell).toMatch(/^(sku|title_en|price_usd|=1\+1|=HYPERLINK|@SUM|-2\+3|\d)/);
  });

  test("import takes the quote off a hand-made file's neutralised cell, and only that", () => {
    const records = csvRecords(
      parseCsv("sku,title_en,category,price_usd,stock\n'-A1,'=cmd,tea,12.50,4\n'B2,'plain,tea,'7,5\n"),
    );
    expect(records.map((r) => [r.sku, r.title_en, r.price_usd])).toEqual([
      ["-A1", "=cmd", "12.50"],
      ["'B2", "'plain", "'7"],
    ]);
  });
});

describe("csvRecords", () => {
  test("maps known columns by name, in any order, ignoring unknown ones", () => {
    const [record] = csvRecords([
      ["Stock", "SKU", "extra", "title_en", "category", "price_usd"],
      ["5", "X-1", "?", "Tea", "tea-infusions", "9.50"],
    ]);
    expect(record).toMatchObject({
      sku: "X-1",
      stock: "5",
      title_en: "Tea",
      category: "tea-infusions",
      price_usd: "9.50",
      title_zh: "",
      status: "",
    });
  });
  test("missing required columns are refused", () => {
    expect(
      fail(() =>
        csvRecords([
          ["sku", "title_en"],
          ["a", "b"],
        ]),
      ),
    ).toBe("missingColumns");
  });
});
