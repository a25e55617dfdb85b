import { CsvError as ParseError, parse as parseSync } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV for listing import/export (RFC 4180 through csv-parse and csv-stringify: commas, double
 * quotes, doubled quotes inside quotes, CRLF, LF or CR line ends, an optional UTF-8 BOM). The
 * streaming reader the import uses is app/utils/csv-stream.server.ts; these are the shared rules.
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
export { IMPORT_PAGE_SIZE, MAX_CSV_BYTES, MAX_CSV_MB, MAX_CSV_ROWS } from "./csv-limits.ts";
/**
 * The longest record (in characters) the parser will hold: every cell of a listing at its longest
 * fits many times over. A quote that is never closed stops here instead of reading the whole file
 * into one cell.
 */
export const MAX_RECORD_CHARS = 100_000;

export class CsvError extends Error {
  constructor(
    readonly code: "notUtf8" | "tooLarge" | "malformed" | "cellTooLong" | "tooManyRows" | "empty" | "missingColumns",
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
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

/** The csv-parse options of every reader here (the streaming one adds `info`). */
export const CSV_PARSE_OPTIONS = {
  bom: true,
  relax_column_count: true,
  max_record_size: MAX_RECORD_CHARS,
} as const;

/** A csv-parse error → ours: a record too long, or anything else malformed (an unclosed or stray quote). */
export function csvErrorOf(error: unknown, line: number): CsvError | null {
  if (!(error instanceof ParseError)) return null;
  return new CsvError(error.code === "CSV_MAX_RECORD_SIZE" ? "cellTooLong" : "malformed", String(line));
}

/**
 * Small CSV text → rows of cells (empty lines left out); a cell that export neutralised against
 * formula injection comes back as it was. For tests and small texts: imports stream instead.
 */
export function parseCsv(text: string): string[][] {
  try {
    const rows = parseSync(text, CSV_PARSE_OPTIONS) as string[][];
    return rows.filter((r) => !(r.length === 1 && r[0] === "")).map((r) => r.map(restoreFormulaCell));
  } catch (error) {
    throw csvErrorOf(error, (error as { lines?: number }).lines ?? 0) ?? error;
  }
}

/** Header cells → the position of each known column (unknown columns are ignored); refuses a header without the required ones. */
export function columnPositions(header: string[]): Map<CsvColumn, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new CsvError("missingColumns", missing.join(", "));
  return new Map(CSV_COLUMNS.filter((c) => names.includes(c)).map((c) => [c, names.indexOf(c)]));
}

/** One row's cells → a record keyed by column (trimmed, formula quote taken off; absent columns empty). */
export function recordOf(positions: Map<CsvColumn, number>, cells: string[]): Record<CsvColumn, string> {
  return Object.fromEntries(
    CSV_COLUMNS.map((c) => {
      const at = positions.get(c);
      return [c, at === undefined ? "" : restoreFormulaCell((cells[at] ?? "").trim())];
    }),
  ) as Record<CsvColumn, string>;
}

/** Rows → CSV text (UTF-8 BOM, CRLF), formula-leading cells neutralised (see above). */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${stringify(
    rows.map((r) => r.map(neutraliseFormulaCell)),
    { record_delimiter: "windows", quoted_match: /[\r\n]/ },
  )}`;
}
