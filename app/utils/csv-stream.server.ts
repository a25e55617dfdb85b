import { Transform, type Readable, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import {
  CSV_PARSE_OPTIONS,
  CsvError,
  MAX_CSV_ROWS,
  columnPositions,
  csvErrorOf,
  recordOf,
  type CsvColumn,
} from "./csv.ts";

/**
 * The bytes of a CSV file as they stream by: refuses anything that is not UTF-8 (a GBK or Latin-1
 * file would garble Chinese and French) and remembers where each physical line ends (CRLF, LF or a
 * lone CR, inside a quoted cell or not), so a record's byte offset gives the line it starts on.
 * csv-parse's own `info.lines` counts a CRLF inside quotes twice; its `info.bytes` is exact.
 */
class LineIndex extends Transform {
  private offset = 0;
  private pendingCr = false;
  /** Byte offsets just after each line break not yet passed by a lookup. */
  private breaks: number[] = [];
  private next = 0;
  private passed = 0;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      return done(new CsvError("notUtf8"));
    }
    for (let i = 0; i < chunk.length; i++) {
      const at = this.offset + i;
      const byte = chunk[i];
      if (this.pendingCr) {
        this.pendingCr = false;
        if (byte === 0x0a) {
          this.breaks.push(at + 1);
          continue;
        }
        this.breaks.push(at);
      }
      if (byte === 0x0d) this.pendingCr = true;
      else if (byte === 0x0a) this.breaks.push(at + 1);
    }
    this.offset += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback) {
    try {
      this.decoder.decode();
    } catch {
      return done(new CsvError("notUtf8"));
    }
    if (this.pendingCr) this.breaks.push(this.offset);
    done();
  }

  /** The physical line (from 1) of the byte at `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    while (this.next < this.breaks.length && this.breaks[this.next]! <= offset) this.next++;
    if (this.next > 10_000) {
      this.breaks.splice(0, this.next);
      this.passed += this.next;
      this.next = 0;
    }
    return this.passed + this.next + 1;
  }
}

export interface CsvLine {
  /** The physical line the record starts on (the header is line 1, unless empty lines come first). */
  line: number;
  record: Record<CsvColumn, string>;
}

/**
 * A CSV byte stream → its records one by one, each with the physical line it starts on, never
 * holding more than one record (and csv-parse's buffer) in memory. Empty lines are skipped but
 * counted. Throws CsvError for a file-level problem: not UTF-8, malformed quoting (with the line of
 * the record), a record too long, a header without the required columns, too many rows, no rows.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvLine> {
  const index = new LineIndex();
  let parsedTo = 0; // byte offset after the last record parsed: where a malformed one starts
  const parser = parse({
    ...CSV_PARSE_OPTIONS,
    info: true,
    // Called as each record is parsed, before records waiting to be read: an error thrown later
    // still knows where the last good record ended.
    on_record: (record, context) => {
      parsedTo = context.bytes;
      return record;
    },
  });
  input.on("error", (error) => index.destroy(error));
  index.on("error", (error) => parser.destroy(error));
  input.pipe(index).pipe(parser);
  let positions: Map<CsvColumn, number> | null = null;
  let start = 0; // byte offset where the next record starts
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const line = index.lineAt(start);
      start = info.bytes;
      if (record.length === 1 && record[0]!.trim() === "") continue;
      if (!positions) {
        positions = columnPositions(record);
        continue;
      }
      if (++rows > MAX_CSV_ROWS) throw new CsvError("tooManyRows");
      yield { line, record: recordOf(positions, record) };
    }
  } catch (error) {
    if (error instanceof CsvError) throw error;
    throw csvErrorOf(error, index.lineAt(Math.max(start, parsedTo))) ?? error;
  } finally {
    input.unpipe();
    input.destroy();
    parser.destroy();
  }
  if (rows === 0) throw new CsvError("empty");
}
