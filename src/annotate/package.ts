/**
 * A Word package as a list of parts, read with the loader's defensive zip reader and written
 * with fflate. Parts keep their names, order and content; only the parts given new text change.
 */
import { zipSync, type Zippable } from 'fflate';
import { ZipArchive } from '../load/zip.js';

/** One part of the package. */
interface Part {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Stored without compression in the original (kept so, e.g. for pictures). */
  readonly stored: boolean;
}

const BOM = '\uFEFF';
// Word writes 1 January 1980 (the earliest zip date) on every part; so do we, so output is reproducible.
const PART_DATE = new Date(1980, 0, 1);

/** The parts of a zip held in memory, in their order in the zip. */
export class WordPackage {
  private readonly parts: Part[] = [];
  private readonly texts = new Map<string, { text: string; bom: boolean }>();

  /**
   * Reads every part, within the loader's limit on how much they may inflate to. The zip reader
   * refuses archives whose records disagree or that name a part twice, so the parts written back
   * are the parts the loader checked.
   */
  constructor(buffer: Buffer, maxInflatedBytes: number) {
    const zip = new ZipArchive(buffer, maxInflatedBytes);
    for (const entry of zip.entries.values()) {
      const bytes = entry.name.endsWith('/') ? new Uint8Array(0) : (zip.read(entry.name) ?? new Uint8Array(0));
      this.parts.push({ name: entry.name, bytes, stored: entry.method === 0 });
    }
  }

  /** True when the package has a part with this name. */
  has(name: string): boolean {
    return this.parts.some((part) => part.name === name);
  }

  /** The names of every part. */
  names(): string[] {
    return this.parts.map((part) => part.name);
  }

  /** A part as UTF-8 text (without its byte order mark), or null when there is no such part. */
  text(name: string): string | null {
    const cached = this.texts.get(name);
    if (cached) return cached.text;
    const part = this.parts.find((entry) => entry.name === name);
    if (!part) return null;
    const decoded = new TextDecoder('utf-8').decode(part.bytes);
    const bom = decoded.startsWith(BOM);
    const text = bom ? decoded.slice(1) : decoded;
    this.texts.set(name, { text, bom });
    return text;
  }

  /** Replace a part's text (keeping its byte order mark, if it had one; a part with the same text is left as it was), or add a new part at the end. */
  setText(name: string, text: string): void {
    if (this.has(name) && this.text(name) === text) return;
    const bom = this.texts.get(name)?.bom ?? false;
    const bytes = new TextEncoder().encode(bom ? BOM + text : text);
    const index = this.parts.findIndex((part) => part.name === name);
    const part: Part = { name, bytes, stored: false };
    if (index >= 0) this.parts[index] = part;
    else this.parts.push(part);
    this.texts.set(name, { text, bom });
  }

  /** The package as a zip file. */
  toZip(): Uint8Array {
    // No prototype: a part named `__proto__` is just a name.
    const files = Object.create(null) as Zippable;
    for (const part of this.parts) files[part.name] = [part.bytes, { level: part.stored ? 0 : 6, mtime: PART_DATE }];
    return zipSync(files);
  }
}
