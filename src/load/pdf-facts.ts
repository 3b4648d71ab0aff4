/**
 * Everything recruit-check reads from a PDF, as plain data: text items per page with their
 * position and size, links, whether a page is only a picture, and the accessibility facts
 * (tagging, title, language, figures and their alt text, heading levels, table headers).
 * pdf-parse (v2) loads the file and reads its metadata and links; the loaded pdf.js document
 * gives the rest, so the file is parsed once; only the table cells' spans, which pdf.js does not
 * give, are read from the file's own objects (`pdf-structure.ts`), and only when it has a table.
 */
import { PDFParse } from 'pdf-parse';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mergedTableContent } from './pdf-structure.js';
import { SCANNED_PAGE_CHARS } from './pdf-scanned.js';

/** One run of text on a page. */
export interface PdfItem {
  readonly str: string;
  /** Left edge and baseline, in points from the bottom-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size in points (from the text matrix). */
  readonly size: number;
  readonly fontName: string;
  /** True when the item ends a line. */
  readonly hasEOL: boolean;
  /** In a tagged PDF: the structure element the text belongs to (a number unique in the file). */
  readonly element: number | null;
  /** In a tagged PDF: that element's role (P, H1, LI, TD…). */
  readonly role: string | null;
}

/** One page. */
export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
  /** Characters of text on the page, spaces excluded. */
  readonly chars: number;
  /** True when the page paints a raster image. */
  readonly paintsImages: boolean;
  readonly links: readonly { readonly url: string; readonly text: string }[];
}

/** A table in the structure tree. */
export interface PdfTable {
  readonly rows: number;
  readonly columns: number;
  readonly header: boolean;
  readonly merged: boolean;
  readonly page: number;
}

/** The facts of a PDF. */
export interface PdfFacts {
  readonly pages: readonly PdfPage[];
  /** The Info dictionary's title. */
  readonly infoTitle: string | null;
  /** The XMP metadata's dc:title. */
  readonly xmpTitle: string | null;
  /** The catalog's /Lang: the language of the whole document. */
  readonly language: string | null;
  /** The /Lang of structure elements, each once, in order. */
  readonly partLanguages: readonly string[];
  /**
   * With no catalog /Lang: true when the structure elements' /Lang covers everything a screen
   * reader reads — all text (but artifacts) and alt text — and there are no bookmarks, and no
   * title without a language of its own, whose language only the catalog can give.
   */
  readonly languageFromParts: boolean;
  /** MarkInfo says the file is tagged, and there is a structure tree. */
  readonly tagged: boolean;
  readonly figures: readonly { readonly alt: string | null; readonly page: number }[];
  /** Levels of the H1–H6 structure elements, in order. */
  readonly headingLevels: readonly number[];
  readonly tables: readonly PdfTable[];
}

/** Why a PDF could not be read. */
export interface PdfFailure {
  readonly kind: 'password' | 'invalid' | 'other';
  readonly message: string;
}


const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject,
  OPS.paintInlineImageXObjectGroup,
]);

/** A pdf.js structure tree node (the documented shape). */
interface StructNode {
  readonly role?: string;
  readonly alt?: string;
  readonly lang?: string;
  readonly children?: readonly (StructNode | { readonly type: string; readonly id?: string })[];
}

/** The parts of pdf.js's document and page objects used here. */
interface PdfPageProxy {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(options?: { includeMarkedContent?: boolean }): Promise<{ items: readonly unknown[] }>;
  getStructTree(): Promise<StructNode | null>;
  getOperatorList(): Promise<{ fnArray: readonly number[] }>;
  cleanup(): void;
}
interface PdfDocumentProxy {
  readonly numPages: number;
  getPage(number: number): Promise<PdfPageProxy>;
  getMarkInfo(): Promise<{ Marked?: boolean } | null>;
  getOutline(): Promise<readonly unknown[] | null>;
  getData(): Promise<Uint8Array>;
}

function clean(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Read the facts of a PDF; a failure says why. */
export async function readPdfFacts(data: Uint8Array): Promise<{ ok: true; facts: PdfFacts } | { ok: false; failure: PdfFailure }> {
  const parser = new PDFParse({ data });
  try {
    const info = await parser.getInfo({ parsePageInfo: true });
    // pdf-parse keeps the loaded pdf.js document; `load` returns it without parsing again.
    const doc = await (parser as unknown as { load(): Promise<PdfDocumentProxy> }).load();
    const record = (info.info ?? {}) as Record<string, unknown>;
    const metadata = info.metadata as { get(name: string): unknown; getRaw?(): string } | null;
    const markInfo = await doc.getMarkInfo();
    const pages: PdfPage[] = [];
    const figures: { alt: string | null; page: number }[] = [];
    const headingLevels: number[] = [];
    const tables: PdfTable[] = [];
    /** The marked content of each table, to find the tables with merged cells. */
    const tableContent: string[][] = [];
    const partLanguages = new Set<string>();
    // Whether any text or alt text has no language from its structure elements.
    let textWithoutLanguage = false;
    let textWithLanguage = false;
    let hasStructTree = false;
    let nextElement = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const tree = await page.getStructTree();
      // Which structure element owns each piece of marked content, so paragraphs come from the tags.
      const owners = new Map<string, { element: number; role: string }>();
      if (tree) mapContent(tree, owners, () => nextElement++);
      // Which marked content has a language from its structure elements.
      const languages = new Map<string, boolean>();
      if (tree && markLanguages(tree, false, languages)) textWithoutLanguage = true;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const items: PdfItem[] = [];
      // The marked content the text is in, innermost last; an artifact (a page number, a rule) is not read out.
      const open: { readonly id: string | null; readonly artifact: boolean }[] = [];
      let chars = 0;
      for (const raw of content.items) {
        const item = raw as { type?: string; id?: string; tag?: string; str?: string; transform?: number[]; width?: number; fontName?: string; hasEOL?: boolean };
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          open.push({ id: item.id ?? null, artifact: item.tag === 'Artifact' || open[open.length - 1]?.artifact === true });
          continue;
        }
        if (item.type === 'endMarkedContent') {
          open.pop();
          continue;
        }
        if (typeof item.str !== 'string' || !item.transform) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
        chars += item.str.replace(/\s+/g, '').length;
        let owner: { element: number; role: string } | undefined;
        for (let depth = open.length - 1; depth >= 0 && !owner; depth--) owner = owners.get(open[depth]?.id ?? '');
        if (open[open.length - 1]?.artifact !== true && item.str.trim() !== '') {
          let language: boolean | undefined;
          for (let depth = open.length - 1; depth >= 0 && language === undefined; depth--) language = languages.get(open[depth]?.id ?? '');
          if (language === true) textWithLanguage = true;
          else textWithoutLanguage = true;
        }
        items.push({
          str: item.str,
          x: e,
          y: f,
          width: item.width ?? 0,
          size: Math.hypot(a, b),
          fontName: item.fontName ?? '',
          hasEOL: item.hasEOL === true,
          element: owner?.element ?? null,
          role: owner?.role ?? null,
        });
      }
      let paintsImages = false;
      if (chars < SCANNED_PAGE_CHARS) {
        const operators = await page.getOperatorList();
        paintsImages = operators.fnArray.some((op) => IMAGE_OPS.has(op));
      }
      if (tree) {
        hasStructTree = true;
        walkStructure(tree, number, figures, headingLevels, tables, tableContent, (lang) => partLanguages.add(lang));
      }
      const links = info.pages.find((entry) => entry.pageNumber === number)?.links ?? [];
      pages.push({ number, width: viewport.width, height: viewport.height, items, chars, paintsImages, links: links.map((link) => ({ url: link.url, text: link.text })) });
      page.cleanup();
    }
    // pdf.js gives the catalog's /Lang as the document's Language.
    const language = clean(record['Language']);
    const infoTitle = clean(record['Title']);
    const xmpTitle = clean(metadata?.get('dc:title'));
    let languageFromParts = false;
    if (language === null && hasStructTree && textWithLanguage && !textWithoutLanguage) {
      const outline = await doc.getOutline();
      const title = xmpTitle ?? infoTitle;
      languageFromParts = (outline?.length ?? 0) === 0 && (title === null || titleHasLanguage(metadata?.getRaw?.() ?? ''));
    }
    // Cell spans are read from the file only when there is a table to look at.
    const merged = tables.length > 0 ? mergedTableContent(await doc.getData()) : new Set<string>();
    return {
      ok: true,
      facts: {
        pages,
        infoTitle,
        xmpTitle,
        language,
        partLanguages: [...partLanguages],
        languageFromParts,
        tagged: markInfo?.Marked === true && hasStructTree,
        figures,
        headingLevels,
        tables: tables.map((table, index) => ((tableContent[index] ?? []).some((id) => merged.has(id)) ? { ...table, merged: true } : table)),
      },
    };
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    const message = (error as Error).message ?? String(error);
    if (/Password/i.test(name) || /password/i.test(message)) return { ok: false, failure: { kind: 'password', message } };
    if (/InvalidPDF|FormatError/i.test(name) || /Invalid PDF|bad XRef|no PDF header/i.test(message)) return { ok: false, failure: { kind: 'invalid', message } };
    return { ok: false, failure: { kind: 'other', message } };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function walkStructure(
  node: StructNode,
  page: number,
  figures: { alt: string | null; page: number }[],
  headingLevels: number[],
  tables: PdfTable[],
  tableContent: string[][],
  language: (lang: string) => void,
): void {
  const role = node.role ?? '';
  const lang = clean(node.lang);
  if (lang) language(lang);
  if (role === 'Figure') figures.push({ alt: clean(node.alt), page });
  const heading = /^H([1-6])$/.exec(role);
  if (heading) headingLevels.push(Number(heading[1]));
  else if (role === 'H') headingLevels.push(0);
  if (role === 'Table') {
    const rows = collect(node, 'TR');
    const cells = (row: StructNode): StructNode[] => (row.children ?? []).filter((child): child is StructNode => 'role' in child && (child.role === 'TD' || child.role === 'TH'));
    const all = rows.flatMap(cells);
    tables.push({
      rows: rows.length,
      columns: Math.max(0, ...rows.map((row) => cells(row).length)),
      header: all.some((cell) => cell.role === 'TH'),
      // pdf.js does not give the cells' spans: they are read from the file at the end.
      merged: false,
      page,
    });
    tableContent.push(contentIds(node));
  }
  for (const child of node.children ?? []) {
    if ('role' in child) walkStructure(child as StructNode, page, figures, headingLevels, tables, tableContent, language);
  }
}

/** The ids of the marked content inside a structure element. */
function contentIds(node: StructNode, found: string[] = []): string[] {
  for (const child of node.children ?? []) {
    if ('role' in child) contentIds(child as StructNode, found);
    else if ('type' in child && child.type === 'content' && child.id) found.push(child.id);
  }
  return found;
}

/**
 * Record, for each piece of marked content, whether it has a language from its structure element
 * or one around it; true when some alt text (or replacement text) has none.
 */
function markLanguages(node: StructNode, inherited: boolean, languages: Map<string, boolean>): boolean {
  const has = inherited || clean(node.lang) !== null;
  let altWithout = node.alt !== undefined && node.alt.trim() !== '' && !has;
  for (const child of node.children ?? []) {
    if ('role' in child) altWithout = markLanguages(child as StructNode, has, languages) || altWithout;
    else if ('type' in child && child.type === 'content' && child.id) languages.set(child.id, has);
  }
  return altWithout;
}

/** True when the XMP title has an entry in a language of its own, not only the default (`x-default`). */
function titleHasLanguage(xmp: string): boolean {
  const title = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(xmp)?.[1] ?? '';
  return [...title.matchAll(/xml:lang=["']([^"']*)["']/g)].some((match) => match[1] !== undefined && match[1] !== '' && match[1].toLowerCase() !== 'x-default');
}

/** Roles that make a block of text (a paragraph, heading, list item or cell). */
const BLOCK_ROLES = /^(?:P|H[1-6]?|LI|Lbl|LBody|TD|TH|Caption|BlockQuote|Note|Title|TOCI|Figure|Formula|Form)$/;

/**
 * Map each marked-content id to the block-level structure element that holds it: text in a Link
 * or Span belongs to the paragraph around it.
 */
function mapContent(
  node: StructNode,
  owners: Map<string, { element: number; role: string }>,
  next: () => number,
  block: { element: number; role: string } | null = null,
): void {
  const role = node.role ?? '';
  // LBody and Lbl are parts of one list item.
  const owner = BLOCK_ROLES.test(role) && !(block && (role === 'LBody' || role === 'Lbl') && block.role === 'LI') ? { element: next(), role } : block;
  for (const child of node.children ?? []) {
    if ('role' in child) mapContent(child as StructNode, owners, next, owner);
    else if ('type' in child && child.type === 'content' && child.id) owners.set(child.id, owner ?? { element: next(), role });
  }
}

function collect(node: StructNode, role: string, found: StructNode[] = []): StructNode[] {
  for (const child of node.children ?? []) {
    if (!('role' in child)) continue;
    const element = child as StructNode;
    if (element.role === role) found.push(element);
    else if (element.role !== 'Table') collect(element, role, found);
  }
  return found;
}
