/**
 * Load Markdown (CommonMark, GitHub-flavoured tables, strikethrough, footnotes, task items and bare
 * addresses, front matter) into the document model. The GitHub-flavoured syntax a text can use
 * must be loaded first (`loadGfmFeatures(gfmFeaturesIn(text))`, see ./markdown-syntax.ts).
 */
import type {
  Definition,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Yaml,
} from 'mdast';
import { EditMap } from 'micromark-util-edit-map';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { yaml } from '../yaml/located.js';
import {
  basicMeta,
  type Block,
  type BlockKind,
  type CellRef,
  type DocMeta,
  type TableInfo,
  type DocModel,
  type Image,
  type Link,
  type ListInfo,
  type ListRef,
  type Mark,
} from '../document/model.js';
import { directivesIn, nextTextLineIn, resolveDirectives, type DirectiveComment } from '../document/directives.js';
import { BlockTextBuilder, indexSource, type OffsetIndex } from '../document/text-source.js';
import { SectionTracker } from '../document/trackers.js';
import { checkMarkdownDepth } from './limits.js';
import { gfmFeaturesIn, gfmSyntax, type GfmFeature } from './markdown-syntax.js';

/**
 * micromark moves events about with an edit map each time a list or a quote ends, and the edit
 * map's `consume` copied every event of the document so far to do it: a file of many short
 * quotes (“> a”, a blank line, “> b” …) took time that grew with the square of its length (100 KB,
 * a minute). This `consume` makes the same changes to the same array, but copies only what comes
 * after the first change: the part before it stays where it is.
 */
function consumeEdits(this: EditMap, events: unknown[]): void {
  const edits = (this as unknown as { map: [number, number, unknown[]][]; index: Map<number, unknown> });
  edits.map.sort((a, b) => a[0] - b[0]);
  if (edits.map.length === 0) return;
  const pieces: unknown[][] = [];
  for (let index = edits.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = edits.map[index] as [number, number, unknown[]];
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  // `events` is now what comes before the first change; put the rest back after it, in order.
  for (let piece = pieces.pop(); piece; piece = pieces.pop()) for (const event of piece) events.push(event);
  edits.map.length = 0;
  edits.index.clear();
}
(EditMap.prototype as unknown as { consume: typeof consumeEdits }).consume = consumeEdits;

const parsers = new Map<string, ReturnType<typeof parserWith>>();

/** A parser with the GitHub-flavoured syntax of `features` (loaded), then front matter. */
function parserWith(features: readonly GfmFeature[]) {
  const syntax = gfmSyntax(features);
  return unified()
    .use(remarkParse)
    .use(function gfmParts(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...syntax.map((part) => part.micromark));
      (data.fromMarkdownExtensions ??= []).push(...syntax.map((part) => part.mdast));
    })
    .use(remarkFrontmatter, ['yaml', 'toml']);
}

function parserFor(features: readonly GfmFeature[]) {
  const key = features.join(' ');
  let parser = parsers.get(key);
  if (!parser) {
    parser = parserWith(features);
    parsers.set(key, parser);
  }
  return parser;
}

type BuiltBlock = Pick<Block, 'text' | 'sourceMap' | 'links' | 'marks' | 'images'>;

interface Context {
  readonly list: ListRef | null;
  readonly listDepth: number;
  readonly quoted: boolean;
}

/**
 * Parse Markdown text into a `DocModel` whose locations are line:column in `source`, with the
 * GitHub-flavoured syntax `features` (by default, those the text has the markers of).
 */
export function loadMarkdown(source: string, features: readonly GfmFeature[] = gfmFeaturesIn(source)): DocModel {
  // Refuse a file nested too deeply before the parser sees it (see ./limits.ts).
  checkMarkdownDepth(source);
  const tree = parserFor(features).parse(source) as Root;
  return new MarkdownWalker(source, tree).walk();
}

/**
 * The directives in raw HTML that starts on `line`, as `directivesIn(html, line)` finds them, but
 * comment by comment: `directivesIn` counts the lines before each comment from the start, and
 * tries every “<!--” against the rest of the text, which takes time that grows with the square
 * of a block of thousands of comments (or of “<!--” without an end).
 */
function commentDirectives(html: string, line: number): DirectiveComment[] {
  const found: DirectiveComment[] = [];
  let lines = 0;
  let counted = 0;
  for (let at = html.indexOf('<!--'); at >= 0; ) {
    const end = html.indexOf('-->', at + 4);
    if (end < 0) break;
    for (; counted < at; counted++) if (html.charCodeAt(counted) === 10) lines++;
    for (const directive of directivesIn(html.slice(at, end + 3), line + lines)) found.push(directive);
    at = html.indexOf('<!--', end + 3);
  }
  return found;
}

class MarkdownWalker {
  private readonly index: OffsetIndex;
  private readonly blocks: Block[] = [];
  private readonly lists: ListInfo[] = [];
  private readonly sections = new SectionTracker();
  private readonly definitions = new Map<string, string>();
  private tableCount = 0;
  private meta: DocMeta = basicMeta(null, null);
  private readonly tables: TableInfo[] = [];

  constructor(
    private readonly source: string,
    private readonly tree: Root,
  ) {
    this.index = indexSource(source);
  }

  walk(): DocModel {
    this.collectDefinitions(this.tree);
    const top: Context = { list: null, listDepth: 0, quoted: false };
    for (const child of this.tree.children) this.visit(child, top);
    const comments: DirectiveComment[] = [];
    this.collectDirectives(this.tree, comments);
    const suppressions = comments.length > 0 ? resolveDirectives(comments, nextTextLineIn(this.source)) : [];
    return { format: 'markdown', blocks: this.blocks, lists: this.lists, tables: this.tables, meta: this.meta, suppressions };
  }

  /** Suppression comments: raw HTML (blocks and inline), never code. */
  private collectDirectives(node: Nodes, found: DirectiveComment[]): void {
    if (node.type === 'html') {
      if (node.value.includes('recruit-check-')) for (const directive of commentDirectives(node.value, node.position?.start.line ?? 1)) found.push(directive);
      return;
    }
    if ('children' in node) for (const child of node.children) this.collectDirectives(child, found);
  }

  private collectDefinitions(node: Nodes): void {
    if (node.type === 'definition') {
      const definition = node as Definition;
      if (!this.definitions.has(definition.identifier)) {
        this.definitions.set(definition.identifier, definition.url);
      }
    }
    if ('children' in node) for (const child of node.children) this.collectDefinitions(child);
  }

  private visit(node: RootContent, context: Context): void {
    switch (node.type) {
      case 'heading': {
        const built = this.build(node.children);
        this.sections.enter(node.depth, built.text);
        this.push(built, 'heading', context, node.depth, null);
        return;
      }
      case 'paragraph': {
        const kind: BlockKind = context.list ? 'list-item' : context.quoted ? 'quote' : 'paragraph';
        this.push(this.build(node.children), kind, context, null, null);
        return;
      }
      case 'blockquote':
        for (const child of node.children) this.visit(child, { ...context, quoted: true });
        return;
      case 'list': {
        const id = this.lists.length;
        const info: ListInfo = {
          id,
          ordered: node.ordered === true,
          depth: context.listDepth,
          items: node.children.length,
          firstBlock: this.blocks.length,
        };
        this.lists.push(info);
        node.children.forEach((item, position) => {
          const itemContext: Context = {
            list: { id, item: position },
            listDepth: context.listDepth + 1,
            quoted: context.quoted,
          };
          for (const child of item.children) this.visit(child, itemContext);
        });
        return;
      }
      case 'table': {
        const table = this.tableCount++;
        const from = node.position?.start.offset ?? 0;
        const point = this.index.toPoint(from);
        // GFM tables always have a header row and cannot merge cells.
        this.tables.push({
          id: table,
          rows: node.children.length,
          columns: node.children.reduce((most, row) => Math.max(most, row.children.length), 0),
          headerRow: true,
          merged: false,
          nested: false,
          firstBlock: this.blocks.length,
          place: { line: point.line, column: point.column, endLine: point.line, endColumn: point.column, page: null, paragraph: null },
        });
        node.children.forEach((row, rowIndex) => {
          row.children.forEach((cell, column) => {
            const ref: CellRef = { table, row: rowIndex, column, header: rowIndex === 0 };
            this.push(this.build(cell.children), 'table-cell', context, null, ref);
          });
        });
        return;
      }
      case 'footnoteDefinition':
        for (const child of node.children) this.visit(child, context);
        return;
      case 'yaml':
        this.readFrontMatter(node);
        return;
      default:
        // code, html, thematicBreak, definition, toml: not prose.
        return;
    }
  }

  private readFrontMatter(node: Yaml): void {
    let data: unknown;
    try {
      data = yaml().parse(node.value);
    } catch {
      return;
    }
    if (data === null || typeof data !== 'object') return;
    const record = data as Record<string, unknown>;
    const text = (value: unknown): string | null =>
      typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    this.meta = basicMeta(text(record['title']), text(record['lang']) ?? text(record['language']));
  }

  /** Build a block's text, links, marks and images from phrasing content. */
  private build(children: readonly PhrasingContent[]): BuiltBlock {
    const builder = new BlockTextBuilder(this.source, this.index);
    const links: Link[] = [];
    const marks: Mark[] = [];
    const images: Image[] = [];
    this.inline(children, builder, links, marks, images);
    return { ...builder.finish(children[0]?.position?.start.offset ?? 0, links, marks), images };
  }

  /** Append a built block, unless it has nothing in it. */
  private push(
    built: BuiltBlock,
    kind: BlockKind,
    context: Context,
    depth: number | null,
    cell: CellRef | null,
  ): void {
    if (built.text === '' && built.images.length === 0) return;
    this.blocks.push({
      ...built,
      index: this.blocks.length,
      kind,
      depth,
      section: this.sections.path(),
      list: context.list,
      cell,
      quoted: context.quoted,
      style: null,
    });
  }

  private inline(
    nodes: readonly PhrasingContent[],
    builder: BlockTextBuilder,
    links: Link[],
    marks: Mark[],
    images: Image[],
  ): void {
    for (const node of nodes) {
      const from = node.position?.start.offset ?? 0;
      const to = node.position?.end.offset ?? from;
      switch (node.type) {
        case 'text':
          builder.appendAligned(node.value, from, to);
          break;
        case 'inlineCode': {
          const start = builder.length;
          builder.appendAligned(node.value, from, to);
          marks.push({ kind: 'code', start, end: builder.length });
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete': {
          const start = builder.length;
          this.inline(node.children, builder, links, marks, images);
          marks.push({ kind: node.type, start, end: builder.length });
          break;
        }
        case 'link':
        case 'linkReference': {
          const start = builder.length;
          this.inline(node.children, builder, links, marks, images);
          const url =
            node.type === 'link' ? node.url : (this.definitions.get(node.identifier) ?? '');
          links.push({ start, end: builder.length, url });
          break;
        }
        case 'image':
        case 'imageReference': {
          const url =
            node.type === 'image' ? node.url : (this.definitions.get(node.identifier) ?? '');
          const a = this.index.toPoint(from);
          const b = this.index.toPoint(to);
          images.push({
            // Markdown cannot mark an image as decorative: empty alt text is missing alt text.
            alt: node.alt === '' || node.alt === undefined || node.alt === null ? null : node.alt,
            decorative: false,
            url,
            place: {
              line: a.line,
              column: a.column,
              endLine: b.line,
              endColumn: b.column,
              page: null,
              paragraph: null,
            },
          });
          break;
        }
        case 'break':
          builder.push('\n', from, to);
          break;
        default:
          // html, footnoteReference: no visible prose.
          break;
      }
    }
  }
}
