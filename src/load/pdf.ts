/**
 * Load a PDF into the document model. Its streams are first decoded within a size limit
 * (./pdf-streams.ts), so a decompression bomb is refused before pdf.js sees it; the file is then
 * read in a worker thread with a time limit, so a PDF that never finishes parsing is stopped;
 * then lines are rebuilt from text items, and paragraphs, list items and headings from lines,
 * page by page. Locations are page and line.
 */
import { Worker } from 'node:worker_threads';
import { compiledWorker } from '../paths.js';
import {
  basicMeta,
  type Block,
  type BlockKind,
  type BlockStyle,
  type DocModel,
  type Link,
  type ListRef,
  type RunStyle,
  type SourceMap,
  type SourcePlace,
  type TableInfo,
} from '../document/model.js';
import { ListTracker, pagePlace, SectionTracker } from '../document/trackers.js';
import type { PdfFacts, PdfFailure, PdfItem, PdfPage } from './pdf-facts.js';
import { SCANNED_PAGE_CHARS } from './pdf-scanned.js';
import { scanPdfStreams } from './pdf-streams.js';
import { partLimits, pdfTimeoutError, type LoadLimits, type LoadResult } from './result.js';

type ReadResult = { ok: true; facts: PdfFacts } | { ok: false; failure: PdfFailure };

/** One worker, reused for every PDF, replaced when a PDF runs out of time. */
class PdfWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (result: ReadResult | 'timeout') => void>();

  private start(): Worker {
    // A small young generation, as for the check workers: the PDF worker holds one file at a time.
    const worker = new Worker(compiledWorker('load/pdf-worker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.on('message', (message: { id: number; result: ReadResult }) => {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      resolve?.(message.result);
    });
    worker.on('error', (error) => this.failAll({ ok: false, failure: { kind: 'other', message: error.message } }));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll({ ok: false, failure: { kind: 'other', message: 'the PDF reader stopped' } });
    });
    return worker;
  }

  private failAll(result: ReadResult): void {
    for (const resolve of this.pending.values()) resolve(result);
    this.pending.clear();
  }

  read(data: Uint8Array, timeoutMs: number): Promise<ReadResult | 'timeout'> {
    this.worker ??= this.start();
    const worker = this.worker;
    worker.ref();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // Stop the stuck worker; the next PDF gets a fresh one.
        this.worker = null;
        void worker.terminate();
        resolve('timeout');
      }, timeoutMs);
      this.pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      worker.postMessage({ id, data });
    });
  }
}

const reader = new PdfWorker();

let readHere = false;

/**
 * Read PDFs in this thread instead of in a PDF worker. A check worker does this (one heap with
 * pdf.js's caches instead of two): the pool that owns it enforces the time limit on every file,
 * stopping the whole worker when one runs too long.
 */
export function readPdfsInThisThread(): void {
  readHere = true;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Load a PDF held in memory. */
export async function loadPdf(buffer: Uint8Array, shown: string, limits: LoadLimits): Promise<LoadResult> {
  // Decompression bombs are refused before pdf.js, which would decode them whole, sees the file.
  const scan = scanPdfStreams(buffer, { total: limits.maxInflatedBytes, perStream: partLimits(limits).pdfStream });
  if (!scan.ok) {
    const what =
      scan.reason === 'total'
        ? `unpacks to more than ${megabytes(scan.limit)}`
        : scan.reason === 'stream'
          ? `has a stream that unpacks to more than ${megabytes(scan.limit)}, far more than a real PDF needs`
          : 'has compressed streams that overlap, so unpacking it would take the same data again and again';
    return {
      ok: false,
      format: 'pdf',
      error: { code: 'zip-bomb', message: `${shown}: ${what} — it may be built to exhaust memory (“a decompression bomb”); do not open it, and check where it came from` },
    };
  }
  const data = new Uint8Array(buffer);
  const result = readHere ? await (await import('./pdf-facts.js')).readPdfFacts(data) : await reader.read(data, limits.timeoutMs);
  if (result === 'timeout') return { ok: false, format: 'pdf', error: pdfTimeoutError(shown, limits) };
  if (!result.ok) {
    const { kind, message } = result.failure;
    const error =
      kind === 'password'
        ? { code: 'encrypted', message: `${shown}: is password-protected — remove the password (or save an unprotected copy from the original document) and check it again` }
        : { code: 'corrupt-pdf', message: `${shown}: the PDF is damaged (${message.split('\n')[0]?.slice(0, 100)}) — save it again from the original document and check the new copy` };
    return { ok: false, format: 'pdf', error };
  }
  return { ok: true, format: 'pdf', doc: buildPdfModel(result.facts) };
}

/** A line of text on a page. */
interface Line {
  readonly page: number;
  /** 1-based line number on the page. */
  readonly number: number;
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
  readonly runs: readonly { start: number; end: number; size: number }[];
  /** In a tagged PDF: the structure element of the line's text, and its role. */
  readonly element: number | null;
  readonly role: string | null;
}

const BULLET = /^(?:[•·◦▪‣●○■□➢➤✓✔-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/u;

/** Join a page's text items into lines. */
export function pageLines(page: PdfPage): Line[] {
  const lines: Line[] = [];
  let text = '';
  let runs: { start: number; end: number; size: number }[] = [];
  let first: PdfItem | null = null;
  let last: PdfItem | null = null;
  let owner: PdfItem | null = null;
  let right = 0;
  const flush = (): void => {
    const trimmed = text.replace(/\s+$/, '');
    const leading = text.length - text.trimStart().length;
    if (first && trimmed.trim() !== '') {
      // Text split off because it belongs to another tagged element (a table cell beside
      // another) keeps the number of the visual line it is on.
      const previous = lines.at(-1);
      const sameLine = previous !== undefined && Math.abs(previous.y - first.y) < 0.5 * Math.max(previous.size, 1);
      lines.push({
        page: page.number,
        number: sameLine ? previous.number : (previous?.number ?? 0) + 1,
        text: trimmed.trimStart(),
        x: first.x,
        right,
        y: first.y,
        size: Math.max(...runs.map((run) => run.size)),
        runs: runs.map((run) => ({ start: Math.max(0, run.start - leading), end: Math.min(trimmed.length - leading, run.end - leading), size: run.size })).filter((run) => run.end > run.start),
        element: owner?.element ?? null,
        role: owner?.role ?? null,
      });
    }
    text = '';
    runs = [];
    first = null;
    last = null;
    owner = null;
    right = 0;
  };
  for (const item of page.items) {
    const newElement = owner !== null && item.element !== null && item.str.trim() !== '' && item.element !== owner.element;
    if ((last && first && Math.abs(item.y - last.y) > 0.5 * Math.max(item.size, last.size, 1) && item.str !== '') || newElement) flush();
    if (owner === null && item.str.trim() !== '' && item.element !== null) owner = item;
    if (item.str !== '') {
      if (last && text !== '' && !/\s$/.test(text) && !/^\s/.test(item.str) && item.x - (last.x + last.width) > 0.15 * Math.max(item.size, 1)) text += ' ';
      const start = text.length;
      text += item.str;
      if (item.str.trim() !== '') runs.push({ start, end: text.length, size: Math.round(item.size * 10) / 10 });
      first ??= item;
      last = item;
      right = Math.max(right, item.x + item.width);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** The most common font size on a page, weighted by characters: the body text size. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) for (const run of line.runs) weight.set(run.size, (weight.get(run.size) ?? 0) + run.end - run.start);
  let best = 0;
  let bestWeight = -1;
  for (const [size, count] of weight) if (count > bestWeight) [best, bestWeight] = [size, count];
  return best || 12;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/** The block kind for a structure role. */
function kindOfRole(role: string | null): BlockKind {
  if (role && /^H[1-6]?$/.test(role)) return 'heading';
  if (role === 'LI' || role === 'LBody' || role === 'Lbl') return 'list-item';
  if (role === 'TD' || role === 'TH') return 'table-cell';
  return 'paragraph';
}

/** A line set larger than the body text, short and without closing punctuation. */
function isHeadingLine(line: Line, body: number): boolean {
  return line.size >= body + 0.5 && line.text.split(/\s+/).length <= 12 && !/[.;,:]$/.test(line.text);
}

/** Build the document model from a PDF's facts. */
export function buildPdfModel(facts: PdfFacts): DocModel {
  const blocks: Block[] = [];
  const lists = new ListTracker();
  const sections = new SectionTracker();
  const allLines = facts.pages.map(pageLines);
  const body = bodySize(allLines.flat());
  const headingSizes = [...new Set(allLines.flat().filter((line) => isHeadingLine(line, body)).map((line) => Math.round(line.size)))].sort((a, b) => b - a);
  const pushBlock = (group: readonly Line[], kind: BlockKind, page: PdfPage): void => {
    let text = '';
    const starts: { offset: number; line: Line }[] = [];
    const runs: RunStyle[] = [];
    group.forEach((line, index) => {
      let lineText = line.text;
      let shift = 0;
      if (index === 0 && kind === 'list-item') {
        const marker = BULLET.exec(lineText)?.[0] ?? '';
        lineText = lineText.slice(marker.length);
        shift = marker.length;
      }
      if (index > 0) text += '\n';
      starts.push({ offset: text.length, line });
      for (const run of line.runs) {
        const start = Math.max(0, run.start - shift) + text.length;
        const end = Math.max(0, run.end - shift) + text.length;
        if (end > start) runs.push({ start, end, sizePt: run.size, bold: false, italic: false, underline: false, caps: false, color: null, background: null, link: false });
      }
      text += lineText;
    });
    if (text.trim() === '') return;
    const tagLevel = /^H([1-6])$/.exec(group[0]?.role ?? '')?.[1];
    const depth = kind === 'heading' ? (tagLevel ? Number(tagLevel) : headingSizes.indexOf(Math.round(group[0]?.size ?? 0)) + 1 || 1) : null;
    if (kind === 'heading' && depth !== null) {
      sections.enter(depth, text);
    }
    let list: ListRef | null = null;
    if (kind === 'list-item') {
      list = lists.item(/^\(?[\da-z]/.test(group[0]?.text ?? ''), blocks.length);
    } else {
      lists.close();
    }
    const placeAt = (offset: number): Line => {
      let found = starts[0]?.line;
      for (const start of starts) if (start.offset <= offset) found = start.line;
      return found as Line;
    };
    const sourceMap: SourceMap = {
      locate(start: number, end: number): SourcePlace {
        const from = placeAt(start);
        const to = placeAt(Math.max(start, end - 1));
        return { line: from.number, column: null, endLine: to.number, endColumn: null, page: from.page, paragraph: null };
      },
    };
    const links: Link[] = [];
    for (const link of page.links) {
      const at = link.text.trim() === '' ? -1 : text.indexOf(link.text.trim());
      if (at >= 0) links.push({ start: at, end: at + link.text.trim().length, url: link.url });
    }
    const style: BlockStyle = { styleName: null, alignment: alignmentOf(group, page), runs };
    blocks.push({
      index: blocks.length,
      kind,
      text,
      depth: kind === 'heading' ? depth : null,
      section: sections.path(),
      list,
      cell: null,
      quoted: false,
      links,
      marks: [],
      images: [],
      style,
      sourceMap,
    });
  };

  // Geometry of each page: the usual gap between lines, and the left and right text edges.
  const geometry = facts.pages.map((page, index) => {
    const lines = allLines[index] ?? [];
    const gaps = lines.slice(1).map((line, i) => (lines[i]?.y ?? 0) - line.y).filter((gap) => gap > 0);
    return {
      page,
      typicalGap: median(gaps) ?? body * 1.2,
      left: Math.min(...lines.map((line) => line.x)),
      margin: Math.max(...lines.map((line) => line.right)),
    };
  });
  // The last line of a paragraph usually stops well short of the right margin.
  const isShort = (line: Line): boolean => {
    const { left, margin } = geometry[line.page - 1] ?? { left: 0, margin: 0 };
    return line.right < left + 0.7 * (margin - left);
  };
  let group: Line[] = [];
  let kind: BlockKind = 'paragraph';
  const flush = (): void => {
    const first = group[0];
    const page = first ? geometry[first.page - 1]?.page : undefined;
    if (first && page) pushBlock(group, kind, page);
    group = [];
  };
  for (const line of allLines.flat()) {
    const previous = group.at(-1);
    if (facts.tagged && line.element !== null) {
      // A tagged PDF says where each paragraph, heading and list item starts and ends.
      if (!previous || previous.element !== line.element) {
        flush();
        kind = kindOfRole(line.role);
        // Bullets typed into paragraphs are still a list to the reader.
        if (kind === 'paragraph' && BULLET.test(line.text)) kind = 'list-item';
      }
      group.push(line);
      continue;
    }
    const heading = isHeadingLine(line, body);
    const bullet = BULLET.test(line.text);
    let newBlock: boolean;
    if (!previous) {
      newBlock = true;
    } else if (previous.page !== line.page) {
      // A paragraph runs on to the next page when it stops mid-sentence and the next line goes on in lower case.
      newBlock = heading || bullet || kind === 'heading' || /[.!?:]$/.test(previous.text) || isShort(previous) || !/^\p{Ll}/u.test(line.text);
    } else {
      const gap = previous.y - line.y;
      const typicalGap = geometry[line.page - 1]?.typicalGap ?? body * 1.2;
      newBlock = heading || kind === 'heading' || bullet || Math.abs(line.size - previous.size) >= 0.5 || isShort(previous) || gap > typicalGap * 1.3 || gap < 0;
    }
    if (newBlock) {
      flush();
      kind = heading ? 'heading' : bullet ? 'list-item' : 'paragraph';
    }
    group.push(line);
  }
  flush();
  lists.close();

  const textChars = facts.pages.reduce((total, page) => total + page.chars, 0);
  const scannedPages = facts.pages.filter((page) => page.chars < SCANNED_PAGE_CHARS && page.paintsImages).map((page) => page.number);
  const tables: TableInfo[] = facts.tables.map((table, id) => ({
    id,
    rows: table.rows,
    columns: table.columns,
    headerRow: table.header,
    merged: table.merged,
    nested: false,
    firstBlock: -1,
    place: pagePlace(table.page),
  }));
  return {
    format: 'pdf',
    blocks,
    lists: lists.lists,
    tables,
    meta: {
      ...basicMeta(facts.xmpTitle ?? facts.infoTitle, facts.language),
      partLanguages: facts.partLanguages,
      languageFromParts: facts.languageFromParts,
      pages: facts.pages.length,
      tagged: facts.tagged,
      // No text layer: hardly any text, and pictures instead (a PDF with little text and no pictures is just short).
      textLayer: textChars >= SCANNED_PAGE_CHARS || scannedPages.length === 0,
      scannedPages,
      figures: facts.figures,
      headingLevels: facts.tagged ? facts.headingLevels : null,
    },
  };
}

/** Justified when the right edges of all but the last line line up; centred when the middles do. */
function alignmentOf(group: readonly Line[], page: PdfPage): BlockStyle['alignment'] {
  if (group.length < 3) return null;
  const body = group.slice(0, -1);
  const tolerance = Math.max(1.5, page.width * 0.004);
  const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);
  const rights = body.map((line) => line.right);
  const lefts = body.map((line) => line.x);
  if (spread(rights) <= tolerance && spread(lefts) <= tolerance) return 'justify';
  const middles = group.map((line) => (line.x + line.right) / 2);
  if (spread(middles) <= tolerance && spread(lefts) > tolerance) return 'center';
  return 'left';
}
