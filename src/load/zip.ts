/**
 * A small, defensive zip reader for Office files. Before anything is inflated it checks that the
 * archive says one thing only: the end record, the central directory and every local header
 * must agree (counts, sizes, names, methods, offsets), the entries must fill the file from its
 * first byte to the directory with nothing unlisted between them, and no two parts may share a
 * name. Parts are inflated with a hard limit on their real decompressed size, which must be the
 * size the directory records, so a zip bomb is refused before any other library sees the file.
 *
 * Why so strict: zip readers disagree about inconsistent archives. JSZip (inside mammoth) reads
 * entries until the central directory runs out rather than as many as the end record counts,
 * lets a later entry with the same name replace an earlier one, takes names from the Unicode
 * path extra field, and forgives a directory that starts in the wrong place; Word repairs
 * archives in its own ways again. Any such difference lets a file show one text to recruit-check
 * and another to the people who open it. Nothing here has to match those readers quirk for
 * quirk, though: the loader hands mammoth a zip it rebuilds from the parts checked here (see
 * `packageForMammoth` in ./docx.ts), and these checks refuse the files on which readers could
 * disagree.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** One file inside a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** The uncompressed size the central directory records; the part must inflate to exactly this. */
  readonly declaredSize: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
  /** Where the part's (compressed) data starts, after its local header. */
  readonly dataOffset: number;
  readonly encrypted: boolean;
}

/** Why a zip could not be read. */
export class ZipError extends Error {
  constructor(
    /**
     * `corrupt`: damaged or cut short; `inconsistent`: its records disagree (damaged, or built to
     * show different readers different parts); `too-large`: inflates past a limit; `zip64`: uses
     * the zip64 extensions; `unsupported`: a compression method or layout Word never writes.
     */
    readonly code: 'corrupt' | 'inconsistent' | 'encrypted' | 'too-large' | 'unsupported' | 'zip64',
    message: string,
    /** For `too-large`: what is over its limit, as a message says it (`its part word/styles.xml`; null for all the parts together), and the limit. */
    readonly subject: string | null = null,
    readonly limit: number | null = null,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
const UNICODE_PATH_EXTRA = 0x7075;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** A part name as readers that forgive odd names see it: `\` as `/`, no leading `/`, any case (OPC compares part names case-insensitively). */
function nameKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** A zip archive held in memory. */
export class ZipArchive {
  /** The parts, in central directory order. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private inflated = 0;

  /**
   * Checks the archive's structure (throwing `ZipError`), and that the sizes its directory
   * records add up to no more than `maxTotalBytes`.
   * @param buffer the whole file
   * @param maxTotalBytes the most that all inflated parts together may take
   */
  constructor(
    private readonly buffer: Buffer,
    readonly maxTotalBytes: number,
  ) {
    this.entries = readArchive(buffer);
    let declared = 0;
    for (const entry of this.entries.values()) declared += entry.declaredSize;
    if (declared > maxTotalBytes) throw new ZipError('too-large', 'the parts inflate to more than the limit', null, maxTotalBytes);
  }

  /** True when the archive has a part with this name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Bytes inflated so far. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /**
   * The inflated bytes of a part, or null when there is no such part. The part may take at most
   * `maxBytes` (and no more than is left of the archive's total); it is refused before it is
   * inflated when its recorded size is larger, and when it inflates to other than that size.
   */
  read(name: string, maxBytes = Number.POSITIVE_INFINITY): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.encrypted) throw new ZipError('encrypted', `part ${name} is encrypted`);
    const left = this.maxTotalBytes - this.inflated;
    if (entry.declaredSize > Math.min(maxBytes, left)) {
      const partLimit = maxBytes < left;
      throw new ZipError('too-large', `part ${name} inflates to more than the limit`, partLimit ? `its part ${name}` : null, partLimit ? maxBytes : this.maxTotalBytes);
    }
    const data = this.buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let output: Buffer;
    if (entry.method === 0) {
      output = Buffer.from(data);
    } else if (entry.method === 8) {
      try {
        // One byte more than recorded is enough to tell that the part is bigger than it says.
        output = inflateRawSync(data, { maxOutputLength: entry.declaredSize + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new ZipError('inconsistent', `part ${name} unpacks to more than the ${entry.declaredSize} bytes its directory entry records`);
        }
        throw new ZipError('corrupt', `part ${name} cannot be inflated`);
      }
    } else {
      throw new ZipError('unsupported', `part ${name} uses compression method ${entry.method}`);
    }
    if (output.length !== entry.declaredSize) {
      throw new ZipError('inconsistent', `part ${name} unpacks to ${output.length} bytes, not the ${entry.declaredSize} its directory entry records`);
    }
    if (crc32(output) !== entry.crc) throw new ZipError('corrupt', `part ${name} fails its checksum`);
    this.inflated += output.length;
    return output;
  }

  /** A part as UTF-8 text (a byte order mark is dropped), or null. */
  text(name: string, maxBytes?: number): string | null {
    const bytes = this.read(name, maxBytes);
    if (!bytes) return null;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** The end-of-central-directory record: the last one whose comment runs exactly to the end of the file, else the last one. */
function findEndRecord(buffer: Buffer): number {
  if (buffer.length < 22) throw new ZipError('corrupt', 'no end of central directory (the file is cut short or not a zip)');
  // The record is in the last 64 KB (its comment's longest) + 22 bytes.
  const floor = Math.max(0, buffer.length - 65_557);
  let last = -1;
  for (let position = buffer.length - 22; position >= floor; position--) {
    if (buffer.readUInt32LE(position) !== END_OF_CENTRAL_DIRECTORY) continue;
    if (position + 22 + buffer.readUInt16LE(position + 20) === buffer.length) return position;
    if (last < 0) last = position;
  }
  if (last < 0) throw new ZipError('corrupt', 'no end of central directory (the file is cut short or not a zip)');
  return last;
}

/** Visit each extra field (id, start, size) of an extra block. */
function extraFields(buffer: Buffer, start: number, length: number, visit: (id: number, at: number, size: number) => void): void {
  let position = start;
  const end = start + length;
  while (position + 4 <= end) {
    const id = buffer.readUInt16LE(position);
    const size = buffer.readUInt16LE(position + 2);
    if (position + 4 + size > end) break;
    visit(id, position + 4, size);
    position += 4 + size;
  }
}

interface CentralRecord {
  readonly entry: ZipEntry;
  readonly flags: number;
  readonly nameBytes: Buffer;
}

function readArchive(buffer: Buffer): Map<string, ZipEntry> {
  const eocd = findEndRecord(buffer);
  // zip64: a locator just before the end record, or a field of the record at its 16/32-bit maximum.
  const locator = eocd >= 20 && buffer.readUInt32LE(eocd - 20) === ZIP64_END_LOCATOR;
  const disk = buffer.readUInt16LE(eocd + 4);
  const directoryDisk = buffer.readUInt16LE(eocd + 6);
  const countHere = buffer.readUInt16LE(eocd + 8);
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const start = buffer.readUInt32LE(eocd + 16);
  if (locator || count === MAX_16 || countHere === MAX_16 || size === MAX_32 || start === MAX_32) {
    throw new ZipError('zip64', 'the archive uses zip64 records');
  }
  if (disk !== 0 || directoryDisk !== 0 || countHere !== count) throw new ZipError('unsupported', 'the archive is split across several files');
  if (start + size > eocd) throw new ZipError('corrupt', 'the central directory is outside the file');
  if (start + size < eocd) {
    const zip64 = buffer.readUInt32LE(start + size) === ZIP64_END_OF_CENTRAL_DIRECTORY;
    if (zip64) throw new ZipError('zip64', 'the archive uses zip64 records');
    throw new ZipError('inconsistent', 'there are bytes between the central directory and its end record');
  }
  const records: CentralRecord[] = [];
  let position = start;
  for (let index = 0; index < count; index++) {
    if (position + 46 > start + size || buffer.readUInt32LE(position) !== CENTRAL_FILE_HEADER) {
      throw new ZipError('corrupt', 'bad central directory entry');
    }
    const flags = buffer.readUInt16LE(position + 8);
    const method = buffer.readUInt16LE(position + 10);
    const crc = buffer.readUInt32LE(position + 16);
    const compressedSize = buffer.readUInt32LE(position + 20);
    const declaredSize = buffer.readUInt32LE(position + 24);
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    const startDisk = buffer.readUInt16LE(position + 34);
    const localHeaderOffset = buffer.readUInt32LE(position + 42);
    const next = position + 46 + nameLength + extraLength + commentLength;
    if (next > start + size) throw new ZipError('corrupt', 'bad central directory entry');
    const nameBytes = buffer.subarray(position + 46, position + 46 + nameLength);
    const name = nameBytes.toString('utf8');
    let zip64 = compressedSize === MAX_32 || declaredSize === MAX_32 || localHeaderOffset === MAX_32 || startDisk === MAX_16;
    extraFields(buffer, position + 46 + nameLength, extraLength, (id, at, fieldSize) => {
      if (id === ZIP64_EXTRA) zip64 = true;
      // JSZip names the part from this field when its checksum matches the header's name.
      if (id === UNICODE_PATH_EXTRA && fieldSize >= 5 && buffer.toString('utf8', at + 5, at + fieldSize) !== name) {
        throw new ZipError('inconsistent', `part ${name} has a second, different name in its Unicode path field`);
      }
    });
    if (zip64) throw new ZipError('zip64', `part ${name} has zip64 sizes`);
    if (startDisk !== 0) throw new ZipError('unsupported', 'the archive is split across several files');
    if (name === '') throw new ZipError('corrupt', 'a part has no name');
    if (method === 0 && compressedSize !== declaredSize && (flags & FLAG_ENCRYPTED) === 0) {
      throw new ZipError('inconsistent', `part ${name} is stored uncompressed but records two different sizes`);
    }
    const encrypted = (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || method === 99;
    records.push({ entry: { name, method, compressedSize, declaredSize, crc, localHeaderOffset, dataOffset: 0, encrypted }, flags, nameBytes });
    position = next;
  }
  if (position !== start + size) {
    const more = position + 4 <= buffer.length && buffer.readUInt32LE(position) === CENTRAL_FILE_HEADER;
    throw new ZipError('inconsistent', more ? `the central directory has more entries than the ${count} its end record counts` : 'the central directory is longer than its entries');
  }
  // Names: one part per name, however a reader spells it.
  const seen = new Map<string, string>();
  for (const { entry } of records) {
    const key = nameKey(entry.name);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ZipError('inconsistent', other === entry.name ? `two parts are named ${entry.name}` : `two parts, ${other} and ${entry.name}, have the same name to Word`);
    }
    seen.set(key, entry.name);
  }
  const checked = records.map((record) => checkLocalHeader(buffer, record, start));
  // The parts must fill the file from its first byte to the central directory, in some order,
  // with nothing between them: no overlaps, and no local entries the directory does not list.
  const byOffset = [...checked].sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset);
  let covered = 0;
  for (const { entry, end } of byOffset) {
    if (entry.localHeaderOffset < covered) throw new ZipError('inconsistent', `part ${entry.name} overlaps another part`);
    if (entry.localHeaderOffset > covered) throw new ZipError('inconsistent', `there are ${entry.localHeaderOffset - covered} bytes before part ${entry.name} that the central directory does not list`);
    covered = end;
  }
  if (covered !== start) throw new ZipError('inconsistent', `there are ${start - covered} bytes before the central directory that it does not list`);
  return new Map(checked.map(({ entry }) => [entry.name, entry]));
}

/** Check a part's local header against its central directory entry; its data's offset, and where the part ends. */
function checkLocalHeader(buffer: Buffer, record: CentralRecord, directoryStart: number): { entry: ZipEntry; end: number } {
  const { entry, flags } = record;
  const offset = entry.localHeaderOffset;
  if (offset + 30 > directoryStart || buffer.readUInt32LE(offset) !== LOCAL_FILE_HEADER) {
    throw new ZipError('corrupt', `part ${entry.name} has no local header`);
  }
  const localFlags = buffer.readUInt16LE(offset + 6);
  const method = buffer.readUInt16LE(offset + 8);
  const crc = buffer.readUInt32LE(offset + 14);
  const compressedSize = buffer.readUInt32LE(offset + 18);
  const size = buffer.readUInt32LE(offset + 22);
  const nameLength = buffer.readUInt16LE(offset + 26);
  const extraLength = buffer.readUInt16LE(offset + 28);
  if (compressedSize === MAX_32 || size === MAX_32) throw new ZipError('zip64', `part ${entry.name} has zip64 sizes`);
  const nameEnd = offset + 30 + nameLength;
  if (nameEnd > directoryStart || !buffer.subarray(offset + 30, nameEnd).equals(record.nameBytes)) {
    throw new ZipError('inconsistent', `part ${entry.name} has another name in its local header`);
  }
  if (method !== entry.method) throw new ZipError('inconsistent', `part ${entry.name} records two compression methods`);
  const mask = FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR | FLAG_STRONG_ENCRYPTION;
  if ((localFlags & mask) !== (flags & mask)) throw new ZipError('inconsistent', `part ${entry.name} records two sets of flags`);
  const descriptor = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
  // With a data descriptor, the local header may leave the checksum and sizes as zero.
  const agrees = (local: number, central: number): boolean => local === central || (descriptor && local === 0);
  if (!agrees(crc, entry.crc) || !agrees(compressedSize, entry.compressedSize) || !agrees(size, entry.declaredSize)) {
    throw new ZipError('inconsistent', `part ${entry.name} records other sizes in its local header`);
  }
  const dataOffset = nameEnd + extraLength;
  let end = dataOffset + entry.compressedSize;
  if (end > directoryStart) throw new ZipError('corrupt', `part ${entry.name} is cut short`);
  if (descriptor) {
    const matches = (at: number): boolean =>
      at + 12 <= directoryStart && buffer.readUInt32LE(at) === entry.crc && buffer.readUInt32LE(at + 4) === entry.compressedSize && buffer.readUInt32LE(at + 8) === entry.declaredSize;
    if (end + 16 <= directoryStart && buffer.readUInt32LE(end) === DATA_DESCRIPTOR && matches(end + 4)) end += 16;
    else if (matches(end)) end += 12;
    else throw new ZipError('inconsistent', `part ${entry.name} records other sizes after its data`);
  }
  return { entry: { ...entry, dataOffset }, end };
}
