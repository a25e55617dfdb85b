import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { readCsvRecords } from "#app/utils/csv-stream.server.ts";
import type { CsvError } from "#app/utils/csv.ts";

/** The bytes in chunks of `size`, so line breaks, BOM and multi-byte characters fall across chunk edges. */
async function read(text: string | Uint8Array, size = 3) {
  const bytes = typeof text === "string" ? Buffer.from(text) : Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: [number, string, string][] = [];
  try {
    for await (const { line, record } of readCsvRecords(Readable.from(chunks)))
      out.push([line, record.sku, record.title_en]);
  } catch (error) {
    return `${(error as CsvError).code}${(error as CsvError).detail ? `@${(error as CsvError).detail}` : ""}`;
  }
  return out;
}

const header = "sku,title_en,category,price_usd,stock";

describe("readCsvRecords: each record at the physical line it starts on", () => {
  test.each([
    ["CRLF", "\r\n"],
    ["LF", "\n"],
    ["CR", "\r"],
  ])("%s, with a BOM, cells holding line breaks and blank lines", async (_, nl) => {
    for (const size of [1, 2, 3, 7, 1000]) {
      const text = `\uFEFF${header}${nl}A,"one${nl}two",c,1,1${nl}${nl}B,咖啡,c,1,1${nl}C,"x${nl}${nl}y${nl}z",c,1,1${nl}D,d,c,1,1`;
      expect(await read(text, size), `chunks of ${size}`).toEqual([
        [2, "A", `one${nl}two`],
        [5, "B", "咖啡"],
        [6, "C", `x${nl}${nl}y${nl}z`],
        [10, "D", "d"],
      ]);
    }
  });

  test("a CRLF file whose cells hold bare LF breaks (spreadsheets write Alt+Enter so)", async () => {
    expect(await read(`${header}\r\nA,"one\ntwo\nthree",c,1,1\r\nB,b,c,1,1\r\n`)).toEqual([
      [2, "A", "one\ntwo\nthree"],
      [5, "B", "b"],
    ]);
  });

  test("blank lines before the header count too", async () => {
    expect(await read(`\n\n${header}\nA,a,c,1,1\n`)).toEqual([[4, "A", "a"]]);
  });

  test("file-level problems, with the line where a broken record starts", async () => {
    expect(await read(`${header}\r\nA,"a\r\nb",c,1,1\r\nB,"unclosed,c,1,1\r\nC,c,c,1,1\r\n`)).toBe("malformed@4");
    expect(await read(`${header}\nA,a"b",c,1,1\n`)).toBe("malformed@2");
    expect(await read(`${header}\nA,"${"x".repeat(200_000)}`, 4096)).toBe("cellTooLong@2");
    expect(await read(Uint8Array.from([0x73, 0x6b, 0x75, 0x0a, 0x63, 0x61, 0x66, 0xe9]))).toBe("notUtf8");
    expect(await read(Uint8Array.from([0x73, 0x6b, 0x75, 0x0a, 0xe5, 0x92]))).toBe("notUtf8"); // cut mid-character
    expect(await read("sku,title_en\nA,B\n")).toBe("missingColumns@category, price_usd, stock");
    expect(await read(`${header}\n\n`)).toBe("empty");
    expect(await read("")).toBe("empty");
  });
});
