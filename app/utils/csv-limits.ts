/**
 * The limits of a CSV import, on their own so the import page's browser code can show and check
 * them without bundling the CSV parser (csv-parse needs Node's Buffer). Decision 029.
 */
/** An import file: at most this many bytes (streamed to disk, never held in memory) and data rows. */
export const MAX_CSV_MB = 30;
export const MAX_CSV_BYTES = MAX_CSV_MB * 1024 * 1024;
export const MAX_CSV_ROWS = 50_000;
/** Rows of an import's diff shown per page. */
export const IMPORT_PAGE_SIZE = 50;
