/**
 * A small, defensive zip reader for Office files: it reads the central directory, refuses
 * encrypted entries, and inflates parts with a hard limit on their real decompressed size, so a
 * zip bomb is refused before any other library sees the file.
 */
import { inflateRawSync } from 'node:zlib';

/** One file inside a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

/** Why a zip could not be read. */
export class ZipError extends Error {
  constructor(
    readonly code: 'corrupt' | 'encrypted' | 'too-large' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** A zip archive held in memory. */
export class ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private inflated = 0;

  /**
   * @param buffer the whole file
   * @param maxTotalBytes the most that all inflated parts together may take
   */
  constructor(
    private readonly buffer: Buffer,
    private readonly maxTotalBytes: number,
  ) {
    this.entries = readCentralDirectory(buffer);
  }

  /** True when the archive has a part with this name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of a part, or null when there is no such part. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.encrypted) throw new ZipError('encrypted', `part ${name} is encrypted`);
    const buffer = this.buffer;
    const offset = entry.localHeaderOffset;
    if (offset + 30 > buffer.length || buffer.readUInt32LE(offset) !== LOCAL_FILE_HEADER) {
      throw new ZipError('corrupt', `part ${name} has no local header`);
    }
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    const start = offset + 30 + nameLength + extraLength;
    const end = start + entry.compressedSize;
    if (end > buffer.length) throw new ZipError('corrupt', `part ${name} is cut short`);
    const data = buffer.subarray(start, end);
    const budget = this.maxTotalBytes - this.inflated;
    let output: Buffer;
    if (entry.method === 0) {
      output = Buffer.from(data);
    } else if (entry.method === 8) {
      try {
        output = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new ZipError('too-large', `part ${name} inflates to more than the limit`);
        }
        throw new ZipError('corrupt', `part ${name} cannot be inflated`);
      }
    } else {
      throw new ZipError('unsupported', `part ${name} uses compression method ${entry.method}`);
    }
    this.inflated += output.length;
    if (this.inflated > this.maxTotalBytes) throw new ZipError('too-large', 'the parts inflate to more than the limit');
    return output;
  }

  /** A part as UTF-8 text (a byte order mark is dropped), or null. */
  text(name: string): string | null {
    const bytes = this.read(name);
    if (!bytes) return null;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

function readCentralDirectory(buffer: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  const floor = Math.max(0, buffer.length - 65_557);
  let eocd = -1;
  for (let position = buffer.length - 22; position >= floor; position--) {
    if (buffer.readUInt32LE(position) === END_OF_CENTRAL_DIRECTORY) {
      eocd = position;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt', 'no end of central directory (the file is cut short or not a zip)');
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const start = buffer.readUInt32LE(eocd + 16);
  if (start === 0xffffffff || count === 0xffff) throw new ZipError('unsupported', 'zip64 archives are not supported');
  if (start + size > buffer.length) throw new ZipError('corrupt', 'the central directory is outside the file');
  const entries = new Map<string, ZipEntry>();
  let position = start;
  for (let index = 0; index < count; index++) {
    if (position + 46 > buffer.length || buffer.readUInt32LE(position) !== CENTRAL_FILE_HEADER) {
      throw new ZipError('corrupt', 'bad central directory entry');
    }
    const flags = buffer.readUInt16LE(position + 8);
    const method = buffer.readUInt16LE(position + 10);
    const compressedSize = buffer.readUInt32LE(position + 20);
    const declaredSize = buffer.readUInt32LE(position + 24);
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    const localHeaderOffset = buffer.readUInt32LE(position + 42);
    const name = buffer.toString('utf8', position + 46, position + 46 + nameLength);
    entries.set(name, { name, method, compressedSize, declaredSize, localHeaderOffset, encrypted: (flags & 1) === 1 });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
