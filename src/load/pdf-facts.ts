/**
 * Everything recruit-check reads from a PDF, as plain data: text items per page with their
 * position and size, links, whether a page is only a picture, and the accessibility facts
 * (tagging, title, language, figures and their alt text, heading levels, table headers).
 * pdf-parse (v2) loads the file and reads its metadata and links; the loaded pdf.js document
 * gives the rest, so the file is parsed once.
 */
import { PDFParse } from 'pdf-parse';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
  /** The catalog's /Lang, or the structure tree's language. */
  readonly language: string | null;
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
  readonly rowSpan?: number;
  readonly colSpan?: number;
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
    const metadata = info.metadata as { get(name: string): unknown } | null;
    const markInfo = await doc.getMarkInfo();
    const pages: PdfPage[] = [];
    const figures: { alt: string | null; page: number }[] = [];
    const headingLevels: number[] = [];
    const tables: PdfTable[] = [];
    let structLanguage: string | null = null;
    let hasStructTree = false;
    let nextElement = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const tree = await page.getStructTree();
      // Which structure element owns each piece of marked content, so paragraphs come from the tags.
      const owners = new Map<string, { element: number; role: string }>();
      if (tree) mapContent(tree, owners, () => nextElement++);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const items: PdfItem[] = [];
      const open: (string | null)[] = [];
      let chars = 0;
      for (const raw of content.items) {
        const item = raw as { type?: string; id?: string; str?: string; transform?: number[]; width?: number; fontName?: string; hasEOL?: boolean };
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          open.push(item.id ?? null);
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
        for (let depth = open.length - 1; depth >= 0 && !owner; depth--) owner = owners.get(open[depth] ?? '');
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
        structLanguage ??= clean(tree.lang);
        walkStructure(tree, number, figures, headingLevels, tables, (lang) => (structLanguage ??= lang));
      }
      const links = info.pages.find((entry) => entry.pageNumber === number)?.links ?? [];
      pages.push({ number, width: viewport.width, height: viewport.height, items, chars, paintsImages, links: links.map((link) => ({ url: link.url, text: link.text })) });
      page.cleanup();
    }
    return {
      ok: true,
      facts: {
        pages,
        infoTitle: clean(record['Title']),
        xmpTitle: clean(metadata?.get('dc:title')),
        language: clean(record['Language']) ?? structLanguage,
        tagged: markInfo?.Marked === true && hasStructTree,
        figures,
        headingLevels,
        tables,
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
  language: (lang: string) => void,
): void {
  const role = node.role ?? '';
  if (node.lang) language(node.lang);
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
      merged: all.some((cell) => (cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1),
      page,
    });
  }
  for (const child of node.children ?? []) {
    if ('role' in child) walkStructure(child as StructNode, page, figures, headingLevels, tables, language);
  }
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
