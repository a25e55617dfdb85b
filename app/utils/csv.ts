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

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage
 * return as a formula (`=HYPERLINK(...)`, `@SUM(...)`). Export puts a single quote before such a
 * cell, which spreadsheets show as text, and import takes it off again, so export → import changes
 * nothing. A cell that already starts with quotes before one of those characters gets one more
 * quote, so a title typed as `'=x` also comes back as it was.
 *
 * Every column is treated alike: no column here holds a negative number (prices and stock are
 * refused below zero by the listing schema), so a leading "-" is always text. Were a signed number
 * column added, a "'-4" in it would still import as -4.
 */
const FORMULA_CELL = /^'*[=+\-@\t\r]/;
export const neutraliseFormulaCell = (cell: string) => (FORMULA_CELL.test(cell) ? `'${cell}` : cell);
export const restoreFormulaCell = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** CSV text → rows of cells; a cell that export neutralised against formula injection comes back as it was. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    if (cell.length > MAX_CELL_LENGTH) throw new CsvError("cellTooLong", `row ${rows.length + 1}`);
    row.push(restoreFormulaCell(cell));
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
/** Rows → CSV text (UTF-8 BOM, CRLF), formula-leading cells neutralised (see above). */
export function toCsv(rows: string[][]): string {
  const cellText = (raw: string) => {
    const cell = neutraliseFormulaCell(raw);
    return needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  return `\uFEFF${rows.map((r) => r.map(cellText).join(",")).join("\r\n")}\r\n`;
}
