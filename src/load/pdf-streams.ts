/**
 * Decompression bombs in PDFs, found before pdf.js sees the file. pdf.js decodes a stream
 * whole, into memory, with no limit: a 1 MB file can hold a Flate stream that inflates to 1 GB.
 * pdf.js has no hook to limit that, so the file is scanned first: every stream is decoded here
 * as pdf.js would decode it — Flate, LZW and run-length (the filters that can expand a lot),
 * after ASCII85 or ASCIIHex — with Node's zlib and a hard cap on the output, and the decoded
 * sizes are added up against a budget. A file over the budget, or with one stream over its cap,
 * is refused before pdf.js reads it.
 *
 * What is scanned, and why:
 * - Every `stream` keyword in the file, not only those the cross-reference table lists: pdf.js
 *   may reach objects by its table, by repairing the file, or inside object streams, so each
 *   stream is found by its keyword, and the decoded output of every stream is scanned again for
 *   streams inside it (pdf.js reads a stream stored in any stream it is told is an object
 *   stream, whatever that stream's /Type says).
 * - Images too: pdf.js decodes a Flate image's whole stream (with `DecompressionStream`, then
 *   keeps what the image needs) whenever a page's operator list is built — which the loader does
 *   for every page with almost no text, to tell a scanned page (see pdf-facts.ts). And a stream
 *   marked as an image could be used as a page's content instead. An image may be as large as
 *   its width and height say, though, even over the cap on other streams.
 * - The filter is taken from /F before /Filter (as pdf.js does), with references followed; and
 *   data that starts with a valid zlib header is inflated whatever its dictionary says, so a
 *   dictionary this scan cannot read, or one naming its filter in an unexpected way, hides no
 *   Flate stream.
 * - Flate data is given to zlib from its start to the end of the file (zlib stops at the end of
 *   the compressed data), so a wrong or indirect /Length, or an `endstream` hidden inside the
 *   data, cannot cut a stream short here while pdf.js reads it whole.
 *
 * What is left to pdf.js: a stream that cannot be decoded (encrypted — pdf.js decrypts it with
 * the file's key, which is not done here — or damaged) counts only as far as it decodes; the
 * image codecs (DCT, JPX, JBIG2, CCITT), whose output is bounded by the image's size; and
 * inline images, whose data is inside an already-counted content stream.
 *
 * The scan is linear in the file and its decoded streams: each keyword is looked at once,
 * dictionaries are read backwards only as far as the previous keyword, and the total input fed
 * to the decoders is itself limited (streams that overlap, to make the scan decode the same
 * bytes again and again, are refused).
 */
import { constants, inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { Name, Parser, Ref, type Dict, type PdfValue } from './pdf-structure.js';

/** How much a PDF's streams may decode to. */
export interface StreamLimits {
  /** All streams together, in bytes. */
  readonly total: number;
  /** One stream, in bytes (an image may take its declared size, up to `total`). */
  readonly perStream: number;
}

/** The scan's verdict: the bytes the streams decode to, or why the file was refused. */
export type StreamScan =
  | { readonly ok: true; readonly decoded: number; readonly streams: number }
  | { readonly ok: false; readonly reason: 'total' | 'stream' | 'overlap'; readonly limit: number };

class Refused extends Error {
  constructor(
    readonly reason: 'total' | 'stream' | 'overlap',
    readonly limit: number,
  ) {
    super(reason);
  }
}

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
/** Streams inside streams inside streams…: deeper than this is not a real file (each level is counted in the total anyway). */
const MAX_DEPTH = 8;
/** The largest dictionary read before a `stream` keyword. */
const MAX_DICT = 64 * 1024;

function isSpace(code: number | undefined): boolean {
  return code === 0 || code === 9 || code === 10 || code === 12 || code === 13 || code === 32;
}

function isDelimiterOrSpace(code: number | undefined): boolean {
  // ( ) < > [ ] { } / %
  return code === undefined || isSpace(code) || code === 0x28 || code === 0x29 || code === 0x3c || code === 0x3e || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d || code === 0x2f || code === 0x25;
}

/** A filter, as far as the scan cares: one that may expand, one that passes data through, or an image codec (which ends the chain). */
type Stage = 'flate' | 'lzw' | 'runlength' | 'ascii85' | 'asciihex' | 'pass' | 'image';

function stageOf(name: string): Stage {
  switch (name) {
    case 'Fl':
    case 'FlateDecode':
      return 'flate';
    case 'LZW':
    case 'LZWDecode':
      return 'lzw';
    case 'RL':
    case 'RunLengthDecode':
      return 'runlength';
    case 'A85':
    case 'ASCII85Decode':
      return 'ascii85';
    case 'AHx':
    case 'ASCIIHexDecode':
      return 'asciihex';
    case 'DCT':
    case 'DCTDecode':
    case 'JPX':
    case 'JPXDecode':
    case 'JBIG2Decode':
    case 'CCF':
    case 'CCITTFaxDecode':
      return 'image';
    default:
      // pdf.js passes data through a filter it does not know (and through Crypt).
      return 'pass';
  }
}

/** The file's objects by number, for following references (built only when a reference needs following). */
class ObjectIndex {
  private readonly text: string;
  private readonly offsets = new Map<number, number>();
  /** Each object once, however often it is referred to. */
  private readonly values = new Map<number, PdfValue | undefined>();

  constructor(file: Buffer) {
    this.text = file.toString('latin1');
    // The last definition wins, as in an incremental update.
    for (const match of this.text.matchAll(/(?<![\d.])(\d{1,10})\s+\d{1,5}\s+obj\b/g)) this.offsets.set(Number(match[1]), match.index + match[0].length);
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    for (let hops = 0; value instanceof Ref && hops < 8; hops++) value = this.object(value.num);
    return value instanceof Ref ? undefined : value;
  }

  private object(num: number): PdfValue | undefined {
    if (this.values.has(num)) return this.values.get(num);
    const offset = this.offsets.get(num);
    let value: PdfValue | undefined;
    try {
      value = offset === undefined ? undefined : new Parser(this.text, offset).value();
    } catch {
      value = undefined;
    }
    this.values.set(num, value);
    return value;
  }
}

/** Decode a PDF's streams within the limits; linear in the file and the decoded data. */
export function scanPdfStreams(data: Uint8Array, limits: StreamLimits): StreamScan {
  const file = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const scan = new Scan(file, limits);
  try {
    scan.scan(file, 0);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, limit: error.limit };
    throw error;
  }
  return { ok: true, decoded: scan.decoded, streams: scan.streams };
}

class Scan {
  decoded = 0;
  streams = 0;
  /** Bytes fed to the decoders; more than the file and its decoded streams only when streams overlap. */
  private work = 0;
  private readonly maxWork: number;
  private index: ObjectIndex | null = null;

  constructor(
    private readonly file: Buffer,
    private readonly limits: StreamLimits,
  ) {
    this.maxWork = 2 * (file.length + limits.total) + 1024 * 1024;
  }

  private resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof Ref)) return value;
    this.index ??= new ObjectIndex(this.file);
    return this.index.resolve(value);
  }

  /** Find and decode every stream in `bytes` (the file, or a decoded stream). */
  scan(bytes: Buffer, depth: number): void {
    let from = 0;
    // Where the previous keyword ended: a dictionary is looked for after it only, so each byte is read backwards once.
    let floor = 0;
    // The next line feed, carriage return and `endstream`, kept while keywords come before them
    // (-1 once there are no more; -2 before the first look).
    let lineFeed = -2;
    let carriageReturn = -2;
    let endKeyword = -2;
    for (;;) {
      const at = bytes.indexOf(STREAM, from);
      if (at < 0) return;
      from = at + STREAM.length;
      const windowStart = floor;
      floor = from;
      // A token of its own: not `endstream`, `mainstream` or `streams`.
      if ((at > 0 && !isDelimiterOrSpace(bytes[at - 1])) || (from < bytes.length && !isDelimiterOrSpace(bytes[from]))) continue;
      // As pdf.js: the data starts after the end of the keyword's line.
      if (lineFeed !== -1 && lineFeed < from) lineFeed = bytes.indexOf(0x0a, from);
      if (carriageReturn !== -1 && carriageReturn < from) carriageReturn = bytes.indexOf(0x0d, from);
      const lineEnd = lineFeed < 0 ? carriageReturn : carriageReturn < 0 ? lineFeed : Math.min(lineFeed, carriageReturn);
      if (lineEnd < 0) return;
      const start = lineEnd + (bytes[lineEnd] === 0x0d && bytes[lineEnd + 1] === 0x0a ? 2 : 1);
      const dict = dictionaryBefore(bytes, at, windowStart);
      if (endKeyword !== -1 && endKeyword < start) endKeyword = bytes.indexOf(ENDSTREAM, start);
      this.stream(bytes, start, dict, endKeyword, depth);
    }
  }

  /** Decode one stream: its data starts at `start`; `endKeyword` is the next `endstream` (-1 for none). */
  private stream(bytes: Buffer, start: number, dict: Dict | null, endKeyword: number, depth: number): void {
    this.streams++;
    const filters = dict ? this.filters(dict) : { stages: [] as Stage[], params: [] as (Dict | null)[] };
    const cap = this.capFor(dict);
    // Data that looks like zlib is inflated whatever the dictionary says (pdf.js inflates nothing else).
    if (filters.stages.find((stage) => stage !== 'pass') !== 'flate' && hasZlibHeader(bytes, start)) this.decode(bytes, start, bytes.length, false, { stages: ['flate'], params: [null] }, cap, depth);
    if (filters.stages.length === 0) return;
    let end = endKeyword < 0 ? bytes.length : endKeyword;
    // A /Length held in another object is looked up only for the filters that need it: Flate data ends itself.
    const declared = dict?.get('Length');
    const length = declared instanceof Ref && filters.stages[0] === 'flate' ? undefined : this.resolve(declared);
    let exact = false;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0 && start + length <= bytes.length) {
      // pdf.js takes /Length when `endstream` follows it.
      let after = start + length;
      const limit = Math.min(bytes.length, after + 1024);
      while (after < limit && isSpace(bytes[after])) after++;
      if (bytes.subarray(after, after + ENDSTREAM.length).equals(ENDSTREAM)) {
        end = start + length;
        exact = true;
      }
    }
    this.decode(bytes, start, end, exact, filters, cap, depth);
  }

  /** Run a stream's data, from `start` to `end` (`exact` when that is certainly where pdf.js ends it), through its filters, and scan what comes out. */
  private decode(bytes: Buffer, start: number, end: number, exact: boolean, filters: { stages: Stage[]; params: (Dict | null)[] }, cap: number, depth: number): void {
    let input: Buffer = bytes.subarray(start, end);
    // True while the input is the stream's own data (filters that pass data through leave it so).
    let raw = true;
    for (const [index, stage] of filters.stages.entries()) {
      if (stage === 'image') return;
      if (stage === 'pass') continue;
      let output: Buffer | null;
      if (stage === 'flate') {
        // From the stream's start to the end of the file when the stream's length is not certain: zlib stops where the data does.
        output = this.inflate(raw && !exact ? bytes.subarray(start) : input, cap);
      } else {
        output = this.decodeOther(stage, input, cap, filters.params[index] ?? null);
      }
      if (output === null) return;
      // pdf.js applies a predictor after Flate and LZW only.
      const predicted = stage === 'flate' || stage === 'lzw' ? unpredict(output, filters.params[index] ?? null, (value) => this.resolve(value)) : output;
      if (depth < MAX_DEPTH && predicted.length > 0) this.scan(predicted, depth + 1);
      input = predicted;
      raw = false;
    }
  }

  /** The filter chain and its parameters, as pdf.js reads them (/F before /Filter, /DP before /DecodeParms). */
  private filters(dict: Dict): { stages: Stage[]; params: (Dict | null)[] } {
    const filter = this.resolve(dict.has('F') ? dict.get('F') : dict.get('Filter'));
    const params = this.resolve(dict.has('DP') ? dict.get('DP') : dict.get('DecodeParms'));
    const names = filter instanceof Name ? [filter] : Array.isArray(filter) ? filter.map((item) => this.resolve(item)) : [];
    const paramList = Array.isArray(params) ? params.map((item) => this.resolve(item)) : [params];
    const stages: Stage[] = [];
    const found: (Dict | null)[] = [];
    names.forEach((name, index) => {
      if (!(name instanceof Name)) return;
      stages.push(stageOf(name.name));
      const param = paramList[index];
      found.push(param instanceof Map ? param : null);
    });
    return { stages, params: found };
  }

  /** The cap on one stream: an image may be as large as its width and height say, up to the total. */
  private capFor(dict: Dict | null): number {
    const { perStream, total } = this.limits;
    if (!dict) return perStream;
    const subtype = this.resolve(dict.get('Subtype'));
    if (!(subtype instanceof Name) || subtype.name !== 'Image') return perStream;
    const width = this.resolve(dict.get('Width'));
    const height = this.resolve(dict.get('Height'));
    const bits = this.resolve(dict.get('BitsPerComponent'));
    if (typeof width !== 'number' || typeof height !== 'number' || width <= 0 || height <= 0) return perStream;
    // Four colour components (CMYK) at most, and a predictor's byte per row.
    const perRow = Math.ceil((width * 4 * (typeof bits === 'number' && bits > 0 && bits <= 16 ? bits : 8)) / 8) + 1;
    return Math.min(total, Math.max(perStream, perRow * height));
  }

  /** Count a stream's decoded bytes, refusing the file when they are over the stream's cap or what is left of the total. */
  private count(bytes: number, streamCap: number): void {
    const left = this.limits.total - this.decoded;
    if (bytes > Math.min(streamCap, left)) throw streamCap < left ? new Refused('stream', streamCap) : new Refused('total', this.limits.total);
    this.decoded += bytes;
  }

  private fed(bytes: number): void {
    this.work += bytes;
    if (this.work > this.maxWork) throw new Refused('overlap', this.maxWork);
  }

  /** Inflate zlib data as pdf.js does (checking the header, ignoring the checksum), within `cap`; null when it is not zlib data. */
  private inflate(input: Buffer, streamCap: number): Buffer | null {
    if (!hasZlibHeader(input, 0)) return null;
    const cap = Math.min(streamCap, this.limits.total - this.decoded);
    const raw = input.subarray(2);
    try {
      const { buffer, engine } = inflateRawSync(raw, { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH, info: true }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      this.fed(engine.bytesWritten + 2);
      this.count(buffer.length, streamCap);
      return buffer;
    } catch (error) {
      if (error instanceof Refused) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        this.count(cap + 1, streamCap);
        return null;
      }
    }
    // Damaged data: pdf.js decodes it up to the damage, so count that much (more slowly, without
    // keeping it; in small pieces, as what a piece decodes to is lost when it holds the damage).
    let produced = 0;
    let consumed = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
    });
    try {
      for (let at = 0; at < raw.length && produced <= cap; at += 4096) {
        const slice = raw.subarray(at, at + 4096);
        consumed += slice.length;
        inflater.push(slice, false);
      }
    } catch {
      // The damage.
    }
    this.fed(consumed);
    this.count(Math.min(produced, cap + 1), streamCap);
    return null;
  }

  private decodeOther(stage: Stage, input: Buffer, streamCap: number, params: Dict | null): Buffer {
    const cap = Math.min(streamCap, this.limits.total - this.decoded);
    let result: { output: Buffer; consumed: number };
    if (stage === 'lzw') {
      const early = params ? this.resolve(params.get('EarlyChange')) : undefined;
      result = decodeLzw(input, cap + 1, early === 0 ? 0 : 1);
    } else if (stage === 'runlength') {
      result = decodeRunLength(input, cap + 1);
    } else if (stage === 'ascii85') {
      result = decodeAscii85(input, cap + 1);
    } else {
      result = decodeAsciiHex(input, cap + 1);
    }
    this.fed(result.consumed);
    this.count(result.output.length, streamCap);
    return result.output;
  }
}

/** A zlib header as pdf.js accepts one: method 8, a valid check, no preset dictionary. */
function hasZlibHeader(bytes: Buffer, at: number): boolean {
  const cmf = bytes[at];
  const flg = bytes[at + 1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 0x08 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** The dictionary just before a `stream` keyword at `at`, read no further back than `floor`; null when there is none that can be read. */
function dictionaryBefore(bytes: Buffer, at: number, floor: number): Dict | null {
  let end = at - 1;
  while (end > floor && isSpace(bytes[end])) end--;
  if (end - 1 < floor || bytes[end] !== 0x3e || bytes[end - 1] !== 0x3e) return null;
  const lowest = Math.max(floor, at - MAX_DICT);
  let depth = 0;
  let position = end;
  while (position - 1 >= lowest) {
    if (bytes[position] === 0x3e && bytes[position - 1] === 0x3e) {
      depth++;
      position -= 2;
    } else if (bytes[position] === 0x3c && bytes[position - 1] === 0x3c) {
      depth--;
      position -= 2;
      if (depth === 0) {
        // Without a name in it, a dictionary says nothing the scan needs.
        if (!bytes.subarray(position + 1, end).includes(0x2f)) return new Map();
        try {
          const value = new Parser(bytes.toString('latin1', position + 1, end + 1), 0).value();
          return value instanceof Map ? value : null;
        } catch {
          return null;
        }
      }
    } else {
      position--;
    }
  }
  return null;
}

/** Undo a PNG or (8-bit) TIFF predictor, so that streams inside the data can be found; the data as it is otherwise. */
function unpredict(data: Buffer, params: Dict | null, resolve: (value: PdfValue | undefined) => PdfValue | undefined): Buffer {
  if (!params) return data;
  const number = (key: string, fallback: number): number => {
    const value = resolve(params.get(key));
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
  };
  const predictor = number('Predictor', 1);
  if (predictor < 2) return data;
  const colors = number('Colors', 1);
  const bits = number('BitsPerComponent', 8);
  const columns = number('Columns', 1);
  const pixelBytes = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowBytes = Math.ceil((columns * colors * bits) / 8);
  if (rowBytes <= 0 || rowBytes > 1 << 24) return data;
  if (predictor === 2) {
    if (bits !== 8) return data;
    const output = Buffer.from(data);
    for (let row = 0; row < output.length; row += rowBytes) {
      for (let at = row + colors; at < Math.min(row + rowBytes, output.length); at++) output[at] = ((output[at] ?? 0) + (output[at - colors] ?? 0)) & 0xff;
    }
    return output;
  }
  // PNG: each row starts with its filter type.
  const rows = Math.floor(data.length / (rowBytes + 1));
  const output = Buffer.alloc(rows * rowBytes);
  for (let row = 0; row < rows; row++) {
    const type = data[row * (rowBytes + 1)] ?? 0;
    const source = row * (rowBytes + 1) + 1;
    const target = row * rowBytes;
    for (let column = 0; column < rowBytes; column++) {
      const raw = data[source + column] ?? 0;
      const left = column >= pixelBytes ? (output[target + column - pixelBytes] ?? 0) : 0;
      const up = row > 0 ? (output[target - rowBytes + column] ?? 0) : 0;
      const upLeft = row > 0 && column >= pixelBytes ? (output[target - rowBytes + column - pixelBytes] ?? 0) : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) {
        const estimate = left + up - upLeft;
        const toLeft = Math.abs(estimate - left);
        const toUp = Math.abs(estimate - up);
        const toUpLeft = Math.abs(estimate - upLeft);
        value = raw + (toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft);
      }
      output[target + column] = value & 0xff;
    }
  }
  return output;
}

/** A growing output buffer that stops at `limit` bytes. */
class Output {
  private buffer: Buffer;
  length = 0;
  constructor(private readonly limit: number) {
    this.buffer = Buffer.alloc(Math.min(limit, 64 * 1024));
  }

  get full(): boolean {
    return this.length >= this.limit;
  }

  push(byte: number): void {
    if (this.length >= this.limit) return;
    if (this.length === this.buffer.length) {
      const bigger = Buffer.alloc(Math.min(this.limit, this.buffer.length * 2));
      this.buffer.copy(bigger);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = byte;
  }

  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** LZW as pdf.js decodes it (9 to 12-bit codes, 256 clears, 257 ends), up to `limit` bytes. */
function decodeLzw(input: Buffer, limit: number, earlyChange: number): { output: Buffer; consumed: number } {
  const output = new Output(limit);
  const values = new Uint8Array(4096);
  const lengths = new Uint16Array(4096);
  const previous = new Uint16Array(4096);
  const sequence = new Uint8Array(4097);
  for (let code = 0; code < 256; code++) {
    values[code] = code;
    lengths[code] = 1;
  }
  let codeLength = 9;
  let nextCode = 258;
  let sequenceLength = 0;
  let previousCode = 0;
  let cached = 0;
  let bitsCached = 0;
  let position = 0;
  while (!output.full) {
    while (bitsCached < codeLength && position < input.length) {
      cached = ((cached << 8) | (input[position++] ?? 0)) & 0xffffff;
      bitsCached += 8;
    }
    if (bitsCached < codeLength) break;
    bitsCached -= codeLength;
    const code = (cached >>> bitsCached) & ((1 << codeLength) - 1);
    const hadPrevious = sequenceLength > 0;
    if (code < 256) {
      sequence[0] = code;
      sequenceLength = 1;
    } else if (code >= 258) {
      if (code < nextCode) {
        sequenceLength = lengths[code] ?? 0;
        for (let at = sequenceLength - 1, q = code; at >= 0; at--) {
          sequence[at] = values[q] ?? 0;
          q = previous[q] ?? 0;
        }
      } else if (sequenceLength < sequence.length) {
        sequence[sequenceLength++] = sequence[0] ?? 0;
      }
    } else if (code === 256) {
      codeLength = 9;
      nextCode = 258;
      sequenceLength = 0;
      continue;
    } else {
      break;
    }
    if (hadPrevious) {
      if (nextCode < 4096) {
        previous[nextCode] = previousCode;
        lengths[nextCode] = Math.min(4096, (lengths[previousCode] ?? 0) + 1);
        values[nextCode] = sequence[0] ?? 0;
      }
      nextCode++;
      const next = nextCode + earlyChange;
      codeLength = next & (next - 1) ? codeLength : Math.min(Math.floor(Math.log2(next)) + 1, 12);
    }
    previousCode = code;
    for (let at = 0; at < sequenceLength && !output.full; at++) output.push(sequence[at] ?? 0);
  }
  return { output: output.result(), consumed: position };
}

/** Run-length data (a length byte, then bytes to copy or one byte to repeat; 128 ends), up to `limit` bytes. */
function decodeRunLength(input: Buffer, limit: number): { output: Buffer; consumed: number } {
  const output = new Output(limit);
  let position = 0;
  while (position < input.length && !output.full) {
    const length = input[position++] ?? 128;
    if (length === 128) break;
    if (length < 128) {
      for (let count = 0; count <= length && position < input.length && !output.full; count++) output.push(input[position++] ?? 0);
    } else {
      const byte = input[position++];
      if (byte === undefined) break;
      for (let count = 0; count < 257 - length && !output.full; count++) output.push(byte);
    }
  }
  return { output: output.result(), consumed: position };
}

/** ASCII85 (`z` for four zeros, `~>` ends), up to `limit` bytes. */
function decodeAscii85(input: Buffer, limit: number): { output: Buffer; consumed: number } {
  const output = new Output(limit);
  let group = 0;
  let count = 0;
  let position = 0;
  for (; position < input.length && !output.full; position++) {
    const byte = input[position] ?? 0;
    if (isSpace(byte)) continue;
    if (byte === 0x7e) break;
    if (byte === 0x7a && count === 0) {
      for (let zero = 0; zero < 4; zero++) output.push(0);
      continue;
    }
    if (byte < 0x21 || byte > 0x75) break;
    group = group * 85 + (byte - 0x21);
    if (++count === 5) {
      for (let shift = 24; shift >= 0; shift -= 8) output.push((group >>> shift) & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count > 1) {
    for (let pad = count; pad < 5; pad++) group = group * 85 + 84;
    for (let index = 0, shift = 24; index < count - 1; index++, shift -= 8) output.push((group >>> shift) & 0xff);
  }
  return { output: output.result(), consumed: position };
}

/** ASCIIHex (`>` ends), up to `limit` bytes. */
function decodeAsciiHex(input: Buffer, limit: number): { output: Buffer; consumed: number } {
  const output = new Output(limit);
  let high = -1;
  let position = 0;
  for (; position < input.length && !output.full; position++) {
    const byte = input[position] ?? 0;
    if (byte === 0x3e) break;
    const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      output.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) output.push(high << 4);
  return { output: output.result(), consumed: position };
}
