/**
 * The audit's table of documents, kept compactly: one row of numbers per document in a
 * Float64Array, names that repeat (groups, folders, employers, kinds, lists of missing topics)
 * kept once and named by number, and paths as UTF-16 in a buffer, both made their final size
 * when the number of files is known. Neither buffer is on the JavaScript heap, so the rows of
 * 15,000 documents (about 1.5 MB) do not make V8 enlarge the audit's heap as objects would
 * (measured: the young generation doubled from 16 to 32 MB between 1,000 and 5,000 documents,
 * from the rows alone). A row becomes an object again only while a report is written.
 */
import type { FileError, Format } from '../types.js';

/** One document in the table of documents. */
export interface DocumentRow {
  readonly path: string;
  readonly group: string;
  readonly folder: string;
  readonly employer: string | null;
  readonly type: string | null;
  readonly format: Format | null;
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  readonly readingAge: number | null;
  /** The required topics it leaves out. */
  readonly missing: readonly string[];
  /** Why it could not be read, or null. */
  readonly error: FileError | null;
}

/** Strings that repeat, each kept once and named by its number (−1 for null). */
class Names<T> {
  private readonly numbers = new Map<string, number>();
  private readonly values: T[] = [];

  constructor(private readonly key: (value: T) => string) {}

  number(value: T | null): number {
    if (value === null) return -1;
    const key = this.key(value);
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.numbers.set(key, number);
    }
    return number;
  }

  value(number: number): T | null {
    return number < 0 ? null : (this.values[number] as T);
  }
}

/** The numbers of one row, in this order. */
const enum Field {
  PathStart,
  PathEnd,
  Group,
  Folder,
  Employer,
  Type,
  Format,
  Errors,
  Warnings,
  Info,
  ReadingAge,
  Missing,
  Fields,
}

/** Grow `buffer` to hold at least `needed` units, doubling. */
function grown<T extends Float64Array | Buffer>(buffer: T, needed: number, make: (size: number) => T): T {
  if (needed <= buffer.length) return buffer;
  const larger = make(Math.max(needed, buffer.length * 2));
  larger.set(buffer);
  return larger;
}

/** The rows of the table of documents, in the order they were added. */
export class DocumentTable implements Iterable<DocumentRow> {
  private numbers: Float64Array;
  private paths: Buffer;
  private pathBytes = 0;
  private rows = 0;
  private readonly strings = new Names<string>((value) => value);
  private readonly lists = new Names<readonly string[]>((value) => value.join('\n'));
  /** Why files could not be read, by row (in row order): few, so kept as they are. */
  private readonly errors = new Map<number, FileError>();

  /**
   * `expected`: how many rows, and how many UTF-16 units their paths take, when that is known
   * (an audit knows its files before it checks them): the buffers are made that size at once, so
   * they need not grow, and no outgrown copy waits for the collector (outside the JavaScript heap,
   * an outgrown buffer is freed only by a full collection, which a busy thread rarely has).
   */
  constructor(expected: { readonly rows: number; readonly pathUnits: number } = { rows: 64, pathUnits: 64 * 64 }) {
    this.numbers = new Float64Array(Math.max(1, expected.rows) * Field.Fields);
    this.paths = Buffer.alloc(Math.max(64, expected.pathUnits * 2));
  }

  get length(): number {
    return this.rows;
  }

  add(row: DocumentRow): void {
    const bytes = Buffer.byteLength(row.path, 'utf16le');
    this.paths = grown(this.paths, this.pathBytes + bytes, (size) => Buffer.alloc(size));
    this.paths.write(row.path, this.pathBytes, 'utf16le');
    const at = this.rows * Field.Fields;
    this.numbers = grown(this.numbers, at + Field.Fields, (size) => new Float64Array(size));
    const numbers = this.numbers;
    numbers[at + Field.PathStart] = this.pathBytes;
    numbers[at + Field.PathEnd] = this.pathBytes + bytes;
    numbers[at + Field.Group] = this.strings.number(row.group);
    numbers[at + Field.Folder] = this.strings.number(row.folder);
    numbers[at + Field.Employer] = this.strings.number(row.employer);
    numbers[at + Field.Type] = this.strings.number(row.type);
    numbers[at + Field.Format] = this.strings.number(row.format);
    numbers[at + Field.Errors] = row.errors;
    numbers[at + Field.Warnings] = row.warnings;
    numbers[at + Field.Info] = row.info;
    numbers[at + Field.ReadingAge] = row.readingAge ?? Number.NaN;
    numbers[at + Field.Missing] = this.lists.number(row.missing);
    if (row.error) this.errors.set(this.rows, row.error);
    this.pathBytes += bytes;
    this.rows++;
  }

  /** The path of row `index`. */
  private path(index: number): string {
    const at = index * Field.Fields;
    return this.paths.toString('utf16le', this.numbers[at + Field.PathStart], this.numbers[at + Field.PathEnd]);
  }

  /** Row `index` (from 0) as an object. */
  row(index: number): DocumentRow {
    const numbers = this.numbers;
    const at = index * Field.Fields;
    const string = (field: Field): string | null => this.strings.value(numbers[at + field] as number);
    const readingAge = numbers[at + Field.ReadingAge] as number;
    return {
      path: this.path(index),
      group: string(Field.Group) as string,
      folder: string(Field.Folder) as string,
      employer: string(Field.Employer),
      type: string(Field.Type),
      format: string(Field.Format) as Format | null,
      errors: numbers[at + Field.Errors] as number,
      warnings: numbers[at + Field.Warnings] as number,
      info: numbers[at + Field.Info] as number,
      readingAge: Number.isNaN(readingAge) ? null : readingAge,
      missing: this.lists.value(numbers[at + Field.Missing] as number) ?? [],
      error: this.errors.get(index) ?? null,
    };
  }

  *[Symbol.iterator](): Iterator<DocumentRow> {
    for (let index = 0; index < this.rows; index++) yield this.row(index);
  }

  /** The rows with the most errors first, then the most warnings, then by path; sorted as numbers, so no row becomes an object. */
  *worstFirst(): Generator<DocumentRow> {
    const numbers = this.numbers;
    const count = (index: number, field: Field): number => numbers[index * Field.Fields + field] as number;
    const order = Uint32Array.from({ length: this.rows }, (_, index) => index).sort((a, b) => {
      const by = count(b, Field.Errors) - count(a, Field.Errors) || count(b, Field.Warnings) - count(a, Field.Warnings);
      if (by !== 0) return by;
      const [x, y] = [this.path(a), this.path(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (const index of order) yield this.row(index);
  }

  /** The rows of files that could not be read, in order. */
  *unreadable(): Generator<DocumentRow> {
    for (const index of this.errors.keys()) yield this.row(index);
  }
}
