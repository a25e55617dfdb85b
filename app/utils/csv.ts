/**
 * CSV for listing import/export (RFC 4180: commas, double quotes, doubled quotes inside quotes,
 * CRLF or LF line ends, an optional UTF-8 BOM). Pure functions, unit-tested.
 */
export const CSV_COLUMNS = [
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
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: CsvColumn[] = ["sku", "title_en", "category", "price_usd", "stock"];
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;
export const MAX_CELL_LENGTH = 10_000;

export class CsvError extends Error {
  constructor(
    readonly code: "notUtf8" | "tooLarge" | "malformed" | "cellTooLong" | "tooManyRows" | "empty" | "missingColumns",
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
  }
}

/** Bytes → text, refusing anything that is not valid UTF-8 (a GBK or Latin-1 file would garble Chinese and French). */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length > MAX_CSV_BYTES) throw new CsvError("tooLarge");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvError("notUtf8");
  }
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    if (cell.length > MAX_CELL_LENGTH) throw new CsvError("cellTooLong", `row ${rows.length + 1}`);
    row.push(cell);
    cell = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') {
      if (cell !== "") throw new CsvError("malformed", `row ${rows.length + 1}`);
      quoted = true;
    } else if (c === ",") endCell();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
      if (rows.length > MAX_CSV_ROWS + 1) throw new CsvError("tooManyRows");
    } else cell += c;
  }
  if (quoted) throw new CsvError("malformed", "unclosed quote");
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** Header row → records keyed by known column names (unknown columns are ignored). */
export function csvRecords(rows: string[][]): Record<CsvColumn, string>[] {
  const [header, ...body] = rows;
  if (!header || body.length === 0) throw new CsvError("empty");
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new CsvError("missingColumns", missing.join(", "));
  if (body.length > MAX_CSV_ROWS) throw new CsvError("tooManyRows");
  return body.map(
    (cells) =>
      Object.fromEntries(
        CSV_COLUMNS.map((c) => [c, names.includes(c) ? (cells[names.indexOf(c)] ?? "").trim() : ""]),
      ) as Record<CsvColumn, string>,
  );
}

const needsQuotes = /[",\r\n]/;
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map((cell) => (needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\r\n")}\r\n`;
}
