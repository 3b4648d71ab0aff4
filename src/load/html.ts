/**
 * Load HTML (a job board's export, a saved web page) into the document model. Headings,
 * paragraphs, list items, table cells and quotes become blocks; whitespace is collapsed as a
 * browser would; scripts, styles and other non-text elements are left out. Locations are
 * line:column in the original HTML, exact through character references.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { basicMeta, type Block, type BlockKind, type CellRef, type DocMeta, type DocModel, type Image, type Link, type ListInfo, type ListRef, type Mark, type TableInfo } from '../document/model.js';
import { nextTextLineIn, parseDirective, resolveDirectives, type DirectiveComment } from '../document/directives.js';
import { BlockTextBuilder, indexSource, type OffsetIndex } from '../document/text-source.js';
import { SectionTracker } from '../document/trackers.js';
import { checkHtmlDepth } from './limits.js';

const parser = unified().use(rehypeParse);

/** Elements whose content is never read. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'svg', 'math', 'iframe', 'object', 'canvas',
  'video', 'audio', 'select', 'option', 'textarea', 'button', 'pre', 'map',
]);
/** Elements that start a new block. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const MARKS: Readonly<Record<string, Mark['kind']>> = {
  b: 'strong', strong: 'strong', i: 'emphasis', em: 'emphasis', cite: 'emphasis', u: 'underline',
  ins: 'underline', code: 'code', kbd: 'code', samp: 'code', s: 'delete', del: 'delete', strike: 'delete',
};

interface Context {
  readonly kind: BlockKind;
  readonly depth: number | null;
  readonly list: ListRef | null;
  readonly cell: CellRef | null;
  readonly quoted: boolean;
  readonly listDepth: number;
}

/** Parse HTML into a `DocModel` whose locations are line:column in `source`. */
export function loadHtml(source: string): DocModel {
  // Refuse a file nested too deeply before the parser sees it (see ./limits.ts).
  checkHtmlDepth(source);
  return new HtmlWalker(source, parser.parse(source) as Root).walk();
}

function text(node: Element | Root): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : ''))
    .join('');
}

function attribute(node: Element, name: string): string | null {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return null;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Suppression comments anywhere in the page (not inside script, style or text areas, which are not comments). */
function collectDirectives(node: Root | RootContent | ElementContent, found: DirectiveComment[]): void {
  if (node.type === 'comment') {
    const directive = parseDirective(node.value, node.position?.start.line ?? 1, node.position?.end.line ?? 1);
    if (directive) found.push(directive);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDirectives(child, found);
}

class HtmlWalker {
  private readonly index: OffsetIndex;
  private readonly blocks: Block[] = [];
  private readonly lists: ListInfo[] = [];
  private readonly sections = new SectionTracker();
  private meta: DocMeta = basicMeta(null, null);
  private readonly tableInfos: TableInfo[] = [];
  private tables = 0;
  private builder: BlockTextBuilder;
  private links: Link[] = [];
  private marks: Mark[] = [];
  private images: Image[] = [];
  private anchor = 0;

  constructor(
    private readonly source: string,
    private readonly tree: Root,
  ) {
    this.index = indexSource(source);
    this.builder = new BlockTextBuilder(source, this.index);
  }

  walk(): DocModel {
    this.readMeta(this.tree);
    const top: Context = { kind: 'paragraph', depth: null, list: null, cell: null, quoted: false, listDepth: 0 };
    this.children(this.tree.children, top);
    this.flush(top);
    const comments: DirectiveComment[] = [];
    collectDirectives(this.tree, comments);
    const suppressions = comments.length > 0 ? resolveDirectives(comments, nextTextLineIn(this.source)) : [];
    return { format: 'html', blocks: this.blocks, lists: this.lists, tables: this.tableInfos, meta: this.meta, suppressions };
  }

  private readMeta(root: Root): void {
    const find = (nodes: readonly RootContent[], tag: string): Element | null => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        if (node.tagName === tag) return node;
        const inner = find(node.children, tag);
        if (inner) return inner;
      }
      return null;
    };
    const html = find(root.children, 'html');
    const title = find(root.children, 'title');
    const titleText = title ? text(title).replace(/\s+/g, ' ').trim() : '';
    const language = html ? attribute(html, 'lang') : null;
    this.meta = basicMeta(titleText === '' ? null : titleText, language && language.trim() !== '' ? language.trim() : null);
  }

  private children(nodes: readonly (RootContent | ElementContent)[], context: Context): void {
    for (const node of nodes) this.node(node, context);
  }

  private node(node: RootContent | ElementContent, context: Context): void {
    if (node.type === 'text') {
      this.text(node.value, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      return;
    }
    if (node.type !== 'element') return;
    const tag = node.tagName;
    if (SKIPPED.has(tag) || attribute(node, 'hidden') !== null || attribute(node, 'ariaHidden') === 'true') return;
    if (BLOCK.has(tag)) {
      this.block(node, context);
      return;
    }
    this.inline(node, context);
  }

  /** A block element: flush what came before, read its content as a new block, flush again. */
  private block(node: Element, context: Context): void {
    this.flush(context);
    const tag = node.tagName;
    let inner = context;
    if (/^h[1-6]$/.test(tag)) {
      inner = { ...context, kind: 'heading', depth: Number(tag[1]) };
    } else if (tag === 'blockquote') {
      inner = { ...context, kind: context.kind === 'paragraph' ? 'quote' : context.kind, quoted: true };
    } else if (tag === 'ul' || tag === 'ol') {
      this.list(node, context, tag === 'ol');
      return;
    } else if (tag === 'table') {
      this.table(node, context);
      return;
    }
    this.anchor = node.position?.start.offset ?? this.anchor;
    this.children(node.children, inner);
    this.flush(inner);
  }

  private list(node: Element, context: Context, ordered: boolean): void {
    const id = this.lists.length;
    const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    this.lists.push({ id, ordered, depth: context.listDepth, items: items.length, firstBlock: this.blocks.length });
    items.forEach((item, position) => {
      const inner: Context = { ...context, kind: 'list-item', depth: null, list: { id, item: position }, listDepth: context.listDepth + 1 };
      this.anchor = item.position?.start.offset ?? this.anchor;
      this.children(item.children, inner);
      this.flush(inner);
    });
  }

  private table(node: Element, context: Context): void {
    const table = this.tables++;
    const rows: { row: Element; inHead: boolean }[] = [];
    const collect = (element: Element, inHead: boolean): void => {
      for (const child of element.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'tr') rows.push({ row: child, inHead });
        else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child, child.tagName === 'thead');
        else if (child.tagName === 'caption') this.block(child, context);
      }
    };
    collect(node, false);
    const firstRow = rows[0];
    const from = node.position?.start.offset ?? 0;
    const point = this.index.toPoint(from);
    const span = (cell: Element, name: string): number => Number(attribute(cell, name) ?? '1') || 1;
    const cellsOf = (row: Element): Element[] => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    this.tableInfos.push({
      id: table,
      rows: rows.length,
      columns: rows.reduce((most, { row }) => Math.max(most, cellsOf(row).reduce((total, cell) => total + span(cell, 'colSpan'), 0)), 0),
      // A header row, or a header column: a key-fields table whose rows each open with a <th>
      // (“Salary | £24,071 a year”) has its headers marked, as WCAG technique H63 describes.
      headerRow:
        firstRow !== undefined &&
        (firstRow.inHead ||
          (cellsOf(firstRow.row).length > 0 && cellsOf(firstRow.row).every((cell) => cell.tagName === 'th')) ||
          rows.every(({ row }) => cellsOf(row)[0]?.tagName === 'th')),
      merged: rows.some(({ row }) => cellsOf(row).some((cell) => span(cell, 'colSpan') > 1 || span(cell, 'rowSpan') > 1)),
      nested: context.cell !== null,
      firstBlock: this.blocks.length,
      place: { line: point.line, column: point.column, endLine: point.line, endColumn: point.column, page: null, paragraph: null },
    });
    rows.forEach(({ row, inHead }, rowIndex) => {
      const cells = row.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'));
      cells.forEach((cell, column) => {
        const ref: CellRef = { table, row: rowIndex, column, header: inHead || cell.tagName === 'th' };
        const inner: Context = { ...context, kind: 'table-cell', depth: null, cell: ref };
        this.anchor = cell.position?.start.offset ?? this.anchor;
        this.children(cell.children, inner);
        this.flush(inner);
      });
    });
  }

  private inline(node: Element, context: Context): void {
    const tag = node.tagName;
    if (tag === 'br') {
      const from = node.position?.start.offset ?? 0;
      if (this.builder.length > 0) this.builder.push('\n', from, node.position?.end.offset ?? from);
      return;
    }
    if (tag === 'img' || (tag === 'input' && attribute(node, 'type') === 'image')) {
      this.image(node);
      return;
    }
    const start = this.builder.length;
    this.children(node.children, context);
    const end = this.builder.length;
    if (tag === 'a') {
      const href = attribute(node, 'href');
      if (href !== null && end > start) this.links.push({ start, end, url: href });
    }
    const mark = MARKS[tag];
    if (mark && end > start) this.marks.push({ kind: mark, start, end });
  }

  private image(node: Element): void {
    const alt = attribute(node, 'alt');
    const role = attribute(node, 'role');
    const from = node.position?.start.offset ?? 0;
    const to = node.position?.end.offset ?? from;
    const a = this.index.toPoint(from);
    const b = this.index.toPoint(to);
    this.images.push({
      alt: alt === null ? null : alt.trim(),
      // In HTML, alt="" (or a presentation role) says the image is decorative.
      decorative: alt === '' || role === 'presentation' || role === 'none',
      url: attribute(node, 'src') ?? '',
      place: { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, page: null, paragraph: null },
    });
  }

  /** Append text, collapsing whitespace as a browser does. */
  private text(value: string, from: number, to: number): void {
    let collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
    const last = this.builder.value.at(-1);
    if (this.builder.length === 0 || last === ' ' || last === '\n') collapsed = collapsed.replace(/^ /, '');
    if (collapsed !== '') this.builder.appendAligned(collapsed, from, to);
  }

  /** Turn the text gathered so far into a block. */
  private flush(context: Context): void {
    const { text: blockText, sourceMap, links, marks } = this.builder.finish(this.anchor, this.links, this.marks);
    if (blockText !== '' || this.images.length > 0) {
      if (context.kind === 'heading' && context.depth !== null) this.sections.enter(context.depth, blockText);
      this.blocks.push({
        index: this.blocks.length,
        kind: context.kind,
        text: blockText,
        depth: context.kind === 'heading' ? context.depth : null,
        section: this.sections.path(),
        list: context.list,
        cell: context.cell,
        quoted: context.quoted,
        links,
        marks,
        images: this.images,
        style: null,
        sourceMap,
      });
    }
    this.builder = new BlockTextBuilder(this.source, this.index);
    this.links = [];
    this.marks = [];
    this.images = [];
  }
}
