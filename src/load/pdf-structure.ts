/**
 * What pdf.js does not give from a tagged PDF's structure tree: the attributes of table cells.
 * pdf.js's `getStructTree()` gives each element's role, alt text and language, but not its
 * attribute dictionaries (`/A`, and classes through `/C` and the `/ClassMap`), which is where a
 * cell's `/RowSpan` and `/ColSpan` are. So the file's own objects are read here: direct objects,
 * found by scanning the file as pdf.js does when it repairs one, and those in Flate-compressed
 * object streams; then the structure tree is walked from the catalog. What cannot be read (an
 * encrypted object stream, a damaged object) is left out, and then no cell is known to span.
 */
import { inflateSync } from 'node:zlib';

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}

  /** As pdf.js writes a reference in its ids (`12R`, or `12R1` for generation 1). */
  toString(): string {
    return this.gen === 0 ? `${this.num}R` : `${this.num}R${this.gen}`;
  }
}

export class Name {
  constructor(readonly name: string) {}
}

export type PdfValue = number | boolean | null | string | Name | Ref | PdfValue[] | Dict;
export type Dict = Map<string, PdfValue>;

/** Past this, a file's structure is not read further (a loop or a hostile file). */
const MAX_DEPTH = 64;
const MAX_ELEMENTS = 200_000;
const MAX_STREAM_BYTES = 64 * 1024 * 1024;

/** NUL, tab, line feed, form feed, carriage return, space, and ( ) < > [ ] { } / % */
const DELIMITER_OR_SPACE = new Set([0, 9, 10, 12, 13, 32, ...[...'()<>[]{}/%'].map((char) => char.charCodeAt(0))]);

function isDelimiterOrSpace(code: number): boolean {
  return DELIMITER_OR_SPACE.has(code);
}

/** Reads PDF values (dictionaries, arrays, names, numbers, strings, references) from text. */
export class Parser {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  private skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code === 0x25) {
        while (this.pos < text.length && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos++;
      } else if (code === 0 || code === 9 || code === 10 || code === 12 || code === 13 || code === 32) {
        this.pos++;
      } else {
        return;
      }
    }
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new Error('nested too deeply');
    this.skipSpace();
    const text = this.text;
    const char = text[this.pos];
    if (char === undefined) throw new Error('unexpected end');
    if (char === '<' && text[this.pos + 1] === '<') {
      this.pos += 2;
      const dict: Dict = new Map();
      for (;;) {
        this.skipSpace();
        if (text.startsWith('>>', this.pos)) {
          this.pos += 2;
          return dict;
        }
        const key = this.value(depth + 1);
        if (!(key instanceof Name)) throw new Error('a dictionary key that is not a name');
        dict.set(key.name, this.value(depth + 1));
      }
    }
    if (char === '[') {
      this.pos++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (text[this.pos] === ']') {
          this.pos++;
          return array;
        }
        array.push(this.value(depth + 1));
      }
    }
    if (char === '/') {
      const start = ++this.pos;
      while (this.pos < text.length && !isDelimiterOrSpace(text.charCodeAt(this.pos))) this.pos++;
      return new Name(text.slice(start, this.pos).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    }
    if (char === '(') return this.literalString();
    if (char === '<') {
      const end = text.indexOf('>', this.pos);
      if (end < 0) throw new Error('unterminated string');
      const hex = text.slice(this.pos + 1, end).replace(/\s+/g, '');
      this.pos = end + 1;
      return hex.replace(/(..?)/g, (pair: string) => String.fromCharCode(parseInt(pair.padEnd(2, '0'), 16)));
    }
    const start = this.pos;
    while (this.pos < text.length && !isDelimiterOrSpace(text.charCodeAt(this.pos))) this.pos++;
    const word = text.slice(start, this.pos);
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) {
      if (/^\d+$/.test(word)) {
        // An indirect reference: two integers and R.
        const reference = /^\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(text.slice(this.pos, this.pos + 24));
        if (reference) {
          this.pos += reference[0].length;
          return new Ref(Number(word), Number(reference[1]));
        }
      }
      return Number(word);
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    throw new Error(`unexpected “${word || char}”`);
  }

  private literalString(): string {
    const text = this.text;
    let nesting = 0;
    let value = '';
    for (let at = this.pos; at < text.length; at++) {
      const char = text[at] ?? '';
      if (char === '\\') {
        value += text[++at] ?? '';
        continue;
      }
      if (char === '(') nesting++;
      else if (char === ')' && --nesting === 0) {
        this.pos = at + 1;
        return value.slice(1);
      }
      value += char;
    }
    throw new Error('unterminated string');
  }
}

/** The objects of a PDF file, read when asked for. */
class PdfObjects {
  private readonly text: string;
  /** Where each object's value starts, the last definition winning (as in an incremental update). */
  private readonly offsets = new Map<number, number>();
  /** Objects in object streams: the stream's decoded text and where the object starts in it. */
  private compressed: Map<number, { readonly text: string; readonly offset: number }> | null = null;

  constructor(data: Uint8Array) {
    this.text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    for (const match of this.text.matchAll(/(?<![\d.])(\d{1,10})\s+\d{1,5}\s+obj\b/g)) this.offsets.set(Number(match[1]), match.index + match[0].length);
  }

  /** The catalog, from the last trailer (or cross-reference stream) that names one. */
  catalog(): Dict | null {
    const roots = [...this.text.matchAll(/\/Root\s+(\d+)\s+(\d+)\s+R/g)];
    const last = roots[roots.length - 1];
    return last ? this.dict(new Ref(Number(last[1]), Number(last[2]))) : null;
  }

  /** A value with references followed. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    for (let hops = 0; value instanceof Ref && hops < 8; hops++) value = this.object(value.num);
    return value instanceof Ref ? undefined : value;
  }

  dict(value: PdfValue | undefined): Dict | null {
    const resolved = this.resolve(value);
    return resolved instanceof Map ? resolved : null;
  }

  private object(num: number): PdfValue | undefined {
    const offset = this.offsets.get(num);
    if (offset !== undefined) {
      try {
        return new Parser(this.text, offset).value();
      } catch {
        // A damaged object: try the object streams.
      }
    }
    const entry = this.objectStreams().get(num);
    if (!entry) return undefined;
    try {
      return new Parser(entry.text, entry.offset).value();
    } catch {
      return undefined;
    }
  }

  /** Every object stream's objects, decoded the first time an object is not found directly. */
  private objectStreams(): Map<number, { readonly text: string; readonly offset: number }> {
    if (this.compressed) return this.compressed;
    const found = new Map<number, { readonly text: string; readonly offset: number }>();
    this.compressed = found;
    for (const offset of [...this.offsets.values()].sort((a, b) => a - b)) {
      const head = this.text.slice(offset, offset + 1024);
      const streamAt = head.indexOf('stream');
      if (streamAt < 0 || !/\/Type\s*\/ObjStm\b/.test(head.slice(0, streamAt))) continue;
      try {
        const parser = new Parser(this.text, offset);
        const dict = parser.value();
        if (!(dict instanceof Map)) continue;
        const content = this.streamText(dict, parser.pos);
        const count = dict.get('N');
        const first = dict.get('First');
        if (content === null || typeof count !== 'number' || typeof first !== 'number') continue;
        const header = new Parser(content, 0);
        for (let index = 0; index < count; index++) {
          const num = header.value();
          const at = header.value();
          if (typeof num !== 'number' || typeof at !== 'number') break;
          found.set(num, { text: content, offset: first + at });
        }
      } catch {
        // An object stream that cannot be decoded (encrypted, or damaged) is left out.
      }
    }
    return found;
  }

  /** A Flate-compressed stream's data as text, or null when it is compressed some other way. */
  private streamText(dict: Dict, afterDict: number): string | null {
    const keyword = /^\s*stream(?:\r\n|\n|\r)/.exec(this.text.slice(afterDict, afterDict + 32));
    if (!keyword) return null;
    const start = afterDict + keyword[0].length;
    const filter = dict.get('Filter');
    const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
    if (filters.length !== 1 || !(filters[0] instanceof Name) || filters[0].name !== 'FlateDecode' || dict.has('DecodeParms')) return null;
    // An object stream's /Length is never itself in an object stream: only direct objects are looked up.
    const declared = dict.get('Length');
    const length = typeof declared === 'number' ? declared : declared instanceof Ref && this.offsets.has(declared.num) ? new Parser(this.text, this.offsets.get(declared.num) ?? 0).value() : null;
    let end = typeof length === 'number' && length >= 0 && /^\s*endstream/.test(this.text.slice(start + length, start + length + 16)) ? start + length : -1;
    if (end < 0) end = this.text.indexOf('endstream', start);
    if (end < 0) return null;
    const bytes = Buffer.from(this.text.slice(start, end), 'latin1');
    return inflateSync(bytes, { maxOutputLength: MAX_STREAM_BYTES }).toString('latin1');
  }
}

/** A table being walked: whether a cell spans rows or columns, and the content inside it. */
interface OpenTable {
  spans: boolean;
  readonly content: string[];
}

/**
 * The marked content (by the ids pdf.js gives it, `p12R_mc3`) of every table in the structure
 * tree that has a cell spanning more than one row or column. Empty when the file has no such
 * table, no structure tree, or one that cannot be read.
 */
export function mergedTableContent(data: Uint8Array): Set<string> {
  const merged = new Set<string>();
  try {
    const objects = new PdfObjects(data);
    const root = objects.dict(objects.catalog()?.get('StructTreeRoot'));
    if (!root) return merged;
    const roleMap = objects.dict(root.get('RoleMap'));
    const classMap = objects.dict(root.get('ClassMap'));
    const roleOf = (element: Dict): string => {
      let role = element.get('S');
      // A custom role maps, perhaps in steps, to a standard one.
      for (let step = 0; step < 8 && role instanceof Name && roleMap?.get(role.name) instanceof Name; step++) role = roleMap.get(role.name);
      return role instanceof Name ? role.name : '';
    };
    const attributes = (element: Dict): Dict[] => {
      const found: Dict[] = [];
      const add = (value: PdfValue | undefined): void => {
        const resolved = objects.resolve(value);
        if (resolved instanceof Map) found.push(resolved);
        // An array holds dictionaries, each perhaps followed by its revision number.
        else if (Array.isArray(resolved)) for (const item of resolved) if (!(typeof item === 'number')) add(item);
      };
      add(element.get('A'));
      const classes = objects.resolve(element.get('C'));
      for (const name of Array.isArray(classes) ? classes : [classes]) if (name instanceof Name) add(classMap?.get(name.name));
      return found;
    };
    const spans = (element: Dict): boolean =>
      attributes(element).some((attribute) => ['RowSpan', 'ColSpan'].some((key) => {
        const span = objects.resolve(attribute.get(key));
        return typeof span === 'number' && span > 1;
      }));

    const seen = new Set<string>();
    const open: OpenTable[] = [];
    const walk = (kid: PdfValue | undefined, page: string | null, depth: number): void => {
      if (depth > MAX_DEPTH || seen.size > MAX_ELEMENTS) return;
      if (typeof kid === 'number') {
        // Marked content on the element's page.
        if (page !== null) for (const table of open) table.content.push(`p${page}_mc${kid}`);
        return;
      }
      if (Array.isArray(kid)) {
        for (const item of kid) walk(item, page, depth + 1);
        return;
      }
      if (kid instanceof Ref) {
        // Each element once, so a loop in a damaged tree ends.
        if (seen.has(kid.toString())) return;
        seen.add(kid.toString());
        const resolved = objects.resolve(kid);
        if (resolved !== undefined && !(resolved instanceof Ref)) walk(resolved, page, depth + 1);
        return;
      }
      if (!(kid instanceof Map)) return;
      const element = kid;
      const pg = element.get('Pg');
      const here = pg instanceof Ref ? pg.toString() : page;
      const type = element.get('Type');
      if (type instanceof Name && type.name === 'MCR') {
        const mcid = element.get('MCID');
        if (typeof mcid === 'number') walk(mcid, here, depth + 1);
        return;
      }
      if (type instanceof Name && type.name === 'OBJR') return;
      const role = roleOf(element);
      if (role === 'Table') open.push({ spans: false, content: [] });
      else if ((role === 'TD' || role === 'TH') && open.length > 0 && spans(element)) (open[open.length - 1] as OpenTable).spans = true;
      walk(element.get('K'), here, depth + 1);
      if (role === 'Table') {
        const table = open.pop();
        if (table?.spans) for (const id of table.content) merged.add(id);
      }
    };
    walk(root.get('K'), null, 0);
  } catch {
    // A structure tree that cannot be read: no table is known to have merged cells.
  }
  return merged;
}
