/**
 * Load a Word document (.docx) into the document model. mammoth (pinned) reads the text and
 * structure — paragraphs, headings, lists, tables, hyperlinks — and a second pass over the XML
 * adds what mammoth drops: formatting resolved through styles, images' alt text and decorative
 * flag, the title and language, the page colour. Locations are paragraph numbers. Damaged,
 * encrypted, macro-enabled, unsafe and oversized files, and zips whose records disagree, are
 * refused with a clear error; mammoth reads a zip rebuilt from the checked parts only.
 */
import { zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import {
  basicMeta,
  type Block,
  type BlockKind,
  type BlockStyle,
  type CellRef,
  type DocModel,
  type Image,
  type Link,
  type ListInfo,
  type ListRef,
  type RunStyle,
  type SourceMap,
  type TableInfo,
} from '../document/model.js';
import type { FileError } from '../types.js';
import { ListTracker, paragraphPlace, SectionTracker } from '../document/trackers.js';
import { BodyReader, type XmlParagraph } from './docx-body.js';
import { alignmentOf, ThemeColors, WordStyles } from './docx-styles.js';
import { DEFAULT_LIMITS, partLimits, type LoadLimits, type LoadResult } from './result.js';
import { attr, child, childrenNamed, descendants, parseXml, textOf, UnsafeXmlError, type XmlElement } from './xml.js';
import { ZipArchive, ZipError } from './zip.js';

const WORD_MAIN = /^application\/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.(?:document|template)\.main|ms-word\.(?:document|template)\.macroenabled(?:template)?\.main)\+xml$/i;
const MACRO_MAIN = /macroenabled/i;

/** Why a Word file was refused. */
export type Failure = { readonly ok: false; readonly error: FileError; readonly format: 'docx' };

function refuse(code: string, message: string): Failure {
  return { ok: false, error: { code, message }, format: 'docx' };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Load a .docx held in memory. */
export async function loadDocx(buffer: Buffer, shown: string, limits: LoadLimits): Promise<LoadResult> {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(buffer, limits.maxInflatedBytes);
  } catch (error) {
    return describeZipError(error, shown, limits);
  }
  let checked: CheckedPackage;
  try {
    const result = checkPackage(zip, shown);
    if (!result.ok) return result;
    checked = result;
  } catch (error) {
    return describeZipError(error, shown, limits);
  }
  let tree: MammothNode;
  try {
    tree = await readWithMammoth(checked);
  } catch (error) {
    return refuse('corrupt-docx', `${shown}: the Word file is damaged (${firstLine(error)}) — open it in Word, save it again and check the new copy`);
  }
  return { ok: true, format: 'docx', doc: buildModel(tree, checked.parts) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 120) ?? 'unknown error';
}

/** The refusal for an error met while reading a Word file (zip, XML or mammoth). */
export function describeZipError(error: unknown, shown: string, limits: LoadLimits): Failure {
  if (error instanceof ZipError) {
    if (error.code === 'too-large') {
      const limit = megabytes(error.limit ?? limits.maxInflatedBytes);
      if (error.subject !== null) {
        return refuse('zip-bomb', `${shown}: ${error.subject} unpacks to more than ${limit}, far more than a real Word document needs — it may be a “zip bomb”; do not open it, and check where it came from`);
      }
      return refuse('zip-bomb', `${shown}: unpacks to more than ${limit} — it may be a “zip bomb”; do not open it, and check where it came from`);
    }
    if (error.code === 'encrypted') {
      return refuse('encrypted', `${shown}: has encrypted parts — remove the password in Word and check it again`);
    }
    if (error.code === 'zip64') {
      return refuse('zip64', `${shown}: uses the zip64 format, which recruit-check does not read — open it in Word and save it again as .docx`);
    }
    if (error.code === 'inconsistent') {
      return refuse(
        'corrupt-docx',
        `${shown}: the Word file’s zip records do not agree (${error.message}) — it is damaged, or built to show different programs different text; open it in Word, save it again and check the new copy`,
      );
    }
    return refuse('corrupt-docx', `${shown}: the Word file is damaged or cut short (${error.message}) — open it in Word, save it again and check the new copy`);
  }
  if (error instanceof UnsafeXmlError) {
    return refuse('unsafe-xml', `${shown}: contains XML entity declarations, which Word never writes and which can be used to attack programs — it was not read; open it in Word and save it again if you trust it`);
  }
  return refuse('corrupt-docx', `${shown}: the Word file is damaged (${firstLine(error)}) — open it in Word, save it again and check the new copy`);
}

/** A Word package that passed `checkPackage`: the XML trees the loader reads, and what mammoth may read. */
export interface CheckedPackage {
  readonly ok: true;
  /** The parsed parts the loader reads: `main`, `word/styles.xml`, `word/theme/theme1.xml`, `docProps/core.xml`. */
  readonly parts: Map<string, XmlElement>;
  /** Every part by name, in the zip's order: the checked bytes of XML and other text parts, and nothing for pictures and other binary parts. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Binary parts, by content type (anything that is not XML) or by extension: pictures, fonts, embedded files, macros. */
function isBinaryPart(name: string, contentType: string | null): boolean {
  if (contentType !== null && !/xml/i.test(contentType)) return true;
  return /\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|wdp|jxr|ico|bin|odttf|ttf|otf|fntdata|xlsx|xlsm|xlsb|xls|docx|docm|doc|pptx|pptm|ppt|vsdx|vsd|pdf|zip|mp3|mp4|m4a|wav|wma|wmv|avi|mov)$/i.test(name);
}

/**
 * Check the package is a Word document without macros, inflate every XML (and other text)
 * part within its size limit, refusing any that declares entities, and parse the parts we need.
 * Each part is refused before it is inflated when its recorded size is over its limit (the zip
 * reader holds it to that size), so no oversized part is ever inflated or parsed.
 *
 * Binary parts — pictures, fonts, embedded files — are not inflated: nothing reads them (an
 * image's alt text is in document.xml, and mammoth reads a picture's bytes only to write it into
 * HTML, which recruit-check never asks for), and the sizes the zip records for them, which count
 * against the total, are all that matters. mammoth is given empty parts in their place.
 */
export function checkPackage(zip: ZipArchive, shown: string): CheckedPackage | Failure {
  const limits = partLimits({ maxInflatedBytes: zip.maxTotalBytes });
  let xmlBytes = 0;
  const files = new Map<string, Uint8Array>();
  const texts = new Map<string, string>();
  const readText = (name: string, limit: number): string | null => {
    const known = texts.get(name);
    if (known !== undefined) return known;
    const left = limits.allXml - xmlBytes;
    const entry = zip.entries.get(name);
    if (entry && entry.declaredSize > left && left < limit) {
      throw new ZipError('too-large', `the XML parts inflate to more than ${limits.allXml} bytes`, 'the XML in it', limits.allXml);
    }
    const bytes = zip.read(name, limit);
    if (!bytes) return null;
    xmlBytes += bytes.length;
    files.set(name, bytes);
    const decoded = bytes.toString('utf8');
    const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    texts.set(name, text);
    return text;
  };
  const typesText = readText('[Content_Types].xml', limits.xmlPart);
  if (typesText === null) {
    return refuse('not-word', `${shown}: is a zip file but not a Word document — check it is the right file, or save it from Word as .docx`);
  }
  const types = parseXml(typesText);
  const typeOf = contentTypes(types);
  const mainPath = mainPartPath(zip, (name) => readText(name, limits.xmlPart));
  const contentType = typeOf(mainPath);
  if (!WORD_MAIN.test(contentType ?? '')) {
    const all = [...childrenNamed(types, 'Override'), ...childrenNamed(types, 'Default')].map((entry) => attr(entry, 'ContentType') ?? '');
    const kind = all.some((type) => /spreadsheetml/.test(type))
      ? 'is an Excel workbook, not a Word document'
      : all.some((type) => /presentationml/.test(type))
        ? 'is a PowerPoint presentation, not a Word document'
        : 'is a zip file but not a Word document';
    return refuse('not-word', `${shown}: ${kind} — check it is the right file, or save it from Word as .docx`);
  }
  if (MACRO_MAIN.test(contentType ?? '') || zip.has('word/vbaProject.bin')) {
    return refuse('macro-enabled', `${shown}: is a macro-enabled Word file (.docm) — macros are not checked or run; save it as a Word Document (.docx) and check that`);
  }
  // Inflate every text part now, within its limit, so nothing oversized reaches a parser.
  const parts = new Map<string, XmlElement>();
  const wanted = new Set([mainPath, 'word/styles.xml', 'word/theme/theme1.xml', 'docProps/core.xml']);
  const binary: string[] = [];
  for (const name of zip.entries.keys()) {
    if (name.endsWith('/')) continue;
    const text = name === mainPath || /\.(xml|rels)$/i.test(name) || !isBinaryPart(name, typeOf(name));
    if (!text) {
      binary.push(name);
      continue;
    }
    const content = readText(name, name === mainPath ? limits.mainPart : limits.xmlPart);
    if (content === null) continue;
    if (/<!DOCTYPE|<!ENTITY/i.test(content)) throw new UnsafeXmlError(`${name} declares entities`);
    if (wanted.has(name)) parts.set(name === mainPath ? 'main' : name, parseXml(content));
  }
  if (!parts.has('main')) {
    return refuse('corrupt-docx', `${shown}: the Word file has no document part — open it in Word, save it again and check the new copy`);
  }
  for (const name of binary) files.set(name, new Uint8Array(0));
  // In the zip's order, as mammoth would have listed them.
  const ordered = new Map<string, Uint8Array>();
  for (const name of zip.entries.keys()) {
    const bytes = files.get(name);
    if (bytes) ordered.set(name, bytes);
  }
  return { ok: true, parts, files: ordered };
}

/** The main document part, from the package relationships (usually `word/document.xml`). */
export function mainPartPath(zip: ZipArchive, readText: (name: string) => string | null = (name) => zip.text(name, partLimits({ maxInflatedBytes: zip.maxTotalBytes }).xmlPart)): string {
  const rels = readText('_rels/.rels');
  if (rels) {
    const office = childrenNamed(parseXml(rels), 'Relationship').find((relationship) => /\/officeDocument$/.test(attr(relationship, 'Type') ?? ''));
    const target = attr(office, 'Target');
    if (target) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}

/** A part's content type: its Override, or the Default for its extension (looked up in tables, so a package of thousands of parts is checked in linear time). */
function contentTypes(types: XmlElement): (part: string) => string | null {
  const overrides = new Map<string, string | null>();
  for (const entry of childrenNamed(types, 'Override')) {
    const key = (attr(entry, 'PartName') ?? '').replace(/^\//, '').toLowerCase();
    if (!overrides.has(key)) overrides.set(key, attr(entry, 'ContentType'));
  }
  const defaults = new Map<string, string | null>();
  for (const entry of childrenNamed(types, 'Default')) {
    const key = (attr(entry, 'Extension') ?? '').toLowerCase();
    if (!defaults.has(key)) defaults.set(key, attr(entry, 'ContentType'));
  }
  return (part) => {
    const override = overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    return defaults.get(part.split('.').pop()?.toLowerCase() ?? '') ?? null;
  };
}

/** A node of mammoth's document tree (its documented shape, loosely typed). */
export interface MammothNode {
  readonly type: string;
  readonly children?: readonly MammothNode[];
  readonly value?: string;
  readonly styleId?: string | null;
  readonly styleName?: string | null;
  readonly numbering?: { readonly isOrdered: boolean; readonly level: string | number } | null;
  readonly alignment?: string | null;
  readonly href?: string;
  readonly anchor?: string;
  readonly isHeader?: boolean;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly breakType?: string;
}

/**
 * The zip mammoth reads: rebuilt from the parts `checkPackage` checked, stored uncompressed, so
 * mammoth (and JSZip inside it) reads exactly the bytes that were size-limited and checked for
 * entities, under the names that were checked for duplicates — whatever else the original file
 * holds (parts only some readers see, data between entries, a second directory) is not in it.
 * Proving instead that JSZip could see nothing else would mean matching its reading of every
 * odd archive; rebuilding costs one copy of the XML, a few megabytes at most. Binary parts are
 * empty here (see `checkPackage`).
 */
export function packageForMammoth(checked: CheckedPackage): Buffer {
  // No prototype: a part named `__proto__` is just a name.
  const files = Object.create(null) as Zippable;
  for (const [name, bytes] of checked.files) files[name] = [bytes, { level: 0, mtime: PART_DATE }];
  const zipped = zipSync(files);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

// The earliest date a zip can hold, on every rebuilt part.
const PART_DATE = new Date(1980, 0, 1);

/**
 * mammoth's document tree, captured before any HTML is written. Given a checked package, mammoth
 * reads the zip rebuilt from it; given the bytes of a file, they are checked first, as the
 * loader checks them, and a file the loader would refuse is refused here too (with a `ZipError`,
 * `UnsafeXmlError` or `Error`).
 */
export async function readWithMammoth(source: Buffer | CheckedPackage, limits: LoadLimits = DEFAULT_LIMITS): Promise<MammothNode> {
  let checked: CheckedPackage;
  if (Buffer.isBuffer(source)) {
    const result = checkPackage(new ZipArchive(source, limits.maxInflatedBytes), 'the Word file');
    if (!result.ok) throw new Error(result.error.message);
    checked = result;
  } else {
    checked = source;
  }
  const buffer = packageForMammoth(checked);
  let captured: MammothNode | null = null;
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: MammothNode & { notes?: unknown }) => {
        captured = document;
        // Nothing needs converting to HTML: hand back an empty document.
        return { type: 'document', children: [], notes: document.notes, comments: [] };
      },
    },
  );
  if (!captured) throw new Error('mammoth returned no document');
  return captured;
}

/** A paragraph's text as mammoth gives it, and the ranges of its hyperlinks. */
function paragraphContent(node: MammothNode): { text: string; links: Link[] } {
  const links: Link[] = [];
  let text = '';
  const inline = (nodes: readonly MammothNode[]): void => {
    for (const item of nodes) {
      if (item.type === 'text') text += item.value ?? '';
      else if (item.type === 'tab') text += '\t';
      else if (item.type === 'break') text += '\n';
      else if (item.type === 'run') inline(item.children ?? []);
      else if (item.type === 'hyperlink') {
        const start = text.length;
        inline(item.children ?? []);
        const url = item.href ?? (item.anchor ? `#${item.anchor}` : '');
        if (text.length > start) links.push({ start, end: text.length, url });
      }
    }
  };
  inline(node.children ?? []);
  return { text, links };
}

const HEADING_STYLE = /^heading\s*([1-9])$/i;

interface Context {
  readonly cell: CellRef | null;
  readonly inTable: boolean;
}

class WordModelBuilder {
  private readonly blocks: Block[] = [];
  private readonly lists = new ListTracker();
  private readonly tables: TableInfo[] = [];
  private readonly sections = new SectionTracker();
  private readonly blankRuns: { paragraph: number; count: number }[] = [];
  private blank: { paragraph: number; count: number } | null = null;
  private paragraphNumber = 0;
  private readonly records: readonly (XmlParagraph | null)[];

  constructor(
    private readonly styles: WordStyles,
    paragraphs: readonly MammothNode[],
    xmlParagraphs: readonly XmlParagraph[],
  ) {
    this.records = alignParagraphs(paragraphs, xmlParagraphs);
  }

  build(document: MammothNode): { blocks: Block[]; lists: ListInfo[]; tables: TableInfo[]; blankRuns: { paragraph: number; count: number }[] } {
    this.children(document.children ?? [], { cell: null, inTable: false });
    this.endBlank();
    this.lists.close();
    return { blocks: this.blocks, lists: this.lists.lists, tables: this.tables, blankRuns: this.blankRuns };
  }

  private children(nodes: readonly MammothNode[], context: Context): void {
    for (const node of nodes) {
      if (node.type === 'paragraph') this.paragraph(node, context);
      else if (node.type === 'table') this.table(node, context);
    }
  }

  private table(node: MammothNode, context: Context): void {
    this.lists.close();
    const id = this.tables.length;
    const rows = (node.children ?? []).filter((row) => row.type === 'tableRow');
    const info: TableInfo = {
      id,
      rows: rows.length,
      columns: Math.max(0, ...rows.map((row) => (row.children ?? []).reduce((total, cell) => total + (cell.colSpan ?? 1), 0))),
      headerRow: rows[0]?.isHeader === true,
      merged: rows.some((row) => (row.children ?? []).some((cell) => (cell.colSpan ?? 1) > 1 || (cell.rowSpan ?? 1) > 1)),
      nested: context.inTable,
      firstBlock: this.blocks.length,
      place: paragraphPlace(this.paragraphNumber + 1),
    };
    this.tables.push(info);
    rows.forEach((row, rowIndex) => {
      let column = 0;
      for (const cell of row.children ?? []) {
        const ref: CellRef = { table: id, row: rowIndex, column, header: row.isHeader === true };
        this.children(cell.children ?? [], { cell: ref, inTable: true });
        column += cell.colSpan ?? 1;
      }
    });
    this.lists.close();
  }

  private paragraph(node: MammothNode, context: Context): void {
    const number = ++this.paragraphNumber;
    const record = this.records[number - 1] ?? null;
    const { text, links } = paragraphContent(node);
    const images: Image[] = (record?.objects ?? [])
      .filter((object) => object.kind !== 'text-box')
      .map((object) => ({ alt: object.alt, decorative: object.decorative, url: '', place: paragraphPlace(number) }));
    if (text.trim() === '' && images.length === 0) {
      if (this.blank) this.blank.count++;
      else this.blank = { paragraph: number, count: 1 };
      return;
    }
    this.endBlank();
    const depth = this.headingDepth(node, record);
    let kind: BlockKind = context.cell ? 'table-cell' : 'paragraph';
    let list: ListRef | null = null;
    if (depth !== null) {
      kind = 'heading';
      this.lists.close();
      this.sections.enter(depth, text.trim());
    } else if (node.numbering && !context.cell) {
      kind = 'list-item';
      list = this.lists.item(node.numbering.isOrdered, this.blocks.length, Number(node.numbering.level) || 0);
    } else if (!context.cell) {
      this.lists.close();
    }
    const runs = record && record.text === text ? toRunStyles(record) : [];
    const style: BlockStyle = {
      styleName: node.styleName ?? this.styles.name(node.styleId ?? null),
      alignment: (node.alignment ? alignmentOf(node.alignment) : undefined) ?? record?.para.alignment ?? this.styles.paragraph(node.styleId ?? null).alignment ?? null,
      runs,
    };
    const place = paragraphPlace(number);
    const sourceMap: SourceMap = { locate: () => place };
    this.blocks.push({
      index: this.blocks.length,
      kind,
      text,
      depth,
      section: this.sections.path(),
      list,
      cell: context.cell,
      quoted: false,
      links,
      marks: [],
      images,
      style,
      sourceMap,
    });
  }

  private headingDepth(node: MammothNode, record: XmlParagraph | null): number | null {
    const names = this.styles.names(node.styleId ?? null);
    const name = node.styleName ?? names[0] ?? '';
    if (/^title$/i.test(name)) return 1;
    for (const styleName of [name, ...names]) {
      const match = HEADING_STYLE.exec(styleName);
      if (match) return Number(match[1]);
    }
    const outline = record?.para.outlineLevel ?? this.styles.paragraph(node.styleId ?? null).outlineLevel;
    return outline ?? null;
  }

  private endBlank(): void {
    if (this.blank && this.blank.count >= 2) this.blankRuns.push(this.blank);
    this.blank = null;
  }
}

function toRunStyles(record: XmlParagraph): RunStyle[] {
  return record.runs.map((run) => ({
    start: run.start,
    end: run.end,
    sizePt: run.props.sizePt ?? null,
    bold: run.props.bold === true,
    italic: run.props.italic === true,
    underline: run.props.underline === true,
    caps: run.props.caps === true,
    color: run.props.color && run.props.color !== 'auto' ? run.props.color : null,
    background: run.props.background ?? null,
    link: run.link,
  }));
}

/** Every paragraph of mammoth's tree, in reading order (table cells included). */
export function mammothParagraphs(node: MammothNode, found: MammothNode[] = []): MammothNode[] {
  for (const item of node.children ?? []) {
    if (item.type === 'paragraph') found.push(item);
    else if (item.type === 'table' || item.type === 'tableRow' || item.type === 'tableCell') mammothParagraphs(item, found);
  }
  return found;
}

/**
 * Line mammoth's paragraphs up with the XML's. They come in the same order, so position decides;
 * where the counts differ, the XML paragraph with the same text (a few ahead) is used.
 */
export function alignParagraphs(paragraphs: readonly MammothNode[], records: readonly XmlParagraph[]): (XmlParagraph | null)[] {
  if (paragraphs.length === records.length) return [...records];
  const aligned: (XmlParagraph | null)[] = [];
  let cursor = 0;
  for (const paragraph of paragraphs) {
    const { text } = paragraphContent(paragraph);
    let found = -1;
    for (let ahead = cursor; ahead < Math.min(records.length, cursor + 8); ahead++) {
      if (records[ahead]?.text === text) {
        found = ahead;
        break;
      }
    }
    if (found >= 0) {
      aligned.push(records[found] ?? null);
      cursor = found + 1;
    } else {
      aligned.push(null);
    }
  }
  return aligned;
}

function buildModel(tree: MammothNode, parts: Map<string, XmlElement>): DocModel {
  const theme = new ThemeColors(parts.get('word/theme/theme1.xml') ?? null);
  const styles = new WordStyles(parts.get('word/styles.xml') ?? null, theme);
  const main = parts.get('main') ?? null;
  const body = child(main, 'w:body');
  const records = body ? new BodyReader(styles, theme).read(body) : [];
  const built = new WordModelBuilder(styles, mammothParagraphs(tree), records).build(tree);
  const core = parts.get('docProps/core.xml') ?? null;
  const coreText = (name: string): string | null => {
    const element = core ? child(core, name) : null;
    const value = element ? textOf(element).trim() : '';
    return value === '' ? null : value;
  };
  const background = attr(child(main, 'w:background'), 'w:color');
  // Languages set on runs and paragraphs (Review › Language on a selection), each once.
  const partLanguages = new Set(body ? descendants(body, 'w:lang').flatMap((lang) => attr(lang, 'w:val')?.trim() || []) : []);
  return {
    format: 'docx',
    blocks: built.blocks,
    lists: built.lists,
    tables: built.tables,
    meta: {
      ...basicMeta(coreText('dc:title'), coreText('dc:language') ?? styles.language),
      partLanguages: [...partLanguages],
      pageColor: background && /^[0-9a-f]{6}$/i.test(background) ? background.toUpperCase() : null,
      blankRuns: built.blankRuns,
      floatingObjects: records.reduce((total, record) => total + record.objects.filter((object) => object.floating || object.kind === 'text-box').length, 0),
    },
  };
}
