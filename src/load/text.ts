/**
 * Load plain text into the document model. Paragraphs are separated by blank lines; lines that
 * start with a bullet or a number are list items; short lines without closing punctuation that
 * stand alone or introduce a list are headings (underlined `===`/`---` headings too).
 */
import { basicMeta, type Block, type BlockKind, type DocModel, type ListRef } from '../document/model.js';
import { BlockTextBuilder, indexSource, type OffsetIndex } from '../document/text-source.js';
import { ListTracker, SectionTracker } from '../document/trackers.js';

interface Line {
  /** Text of the line without its line ending. */
  readonly text: string;
  /** Offset of the line's first character in the file. */
  readonly start: number;
}

const BULLET = /^(\s*)([-*•·◦▪‣–—+]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+(?=\S)/;
const UNDERLINE = /^\s*(=+|-+)\s*$/;
const CLOSING_PUNCTUATION = /[.!?;:,)]["'’”]?$/;
const MAX_HEADING_WORDS = 8;

/** Split text into lines, remembering where each starts. */
function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of source.matchAll(pattern)) {
    lines.push({ text: source.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  if (start < source.length) lines.push({ text: source.slice(start), start });
  return lines;
}

function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || CLOSING_PUNCTUATION.test(trimmed) || BULLET.test(trimmed)) return false;
  if (!/\p{L}/u.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= MAX_HEADING_WORDS;
}

function startsLikeNewLine(text: string): boolean {
  return BULLET.test(text) || /^\s*[\p{Lu}\p{N}£$€]/u.test(text);
}

/** Parse plain text into a `DocModel` whose locations are line:column in `source`. */
export function loadText(source: string): DocModel {
  return new TextWalker(source).walk();
}

class TextWalker {
  private readonly index: OffsetIndex;
  private readonly blocks: Block[] = [];
  private readonly lists = new ListTracker();
  private readonly sections = new SectionTracker();

  constructor(private readonly source: string) {
    this.index = indexSource(source);
  }

  walk(): DocModel {
    const paragraphs: Line[][] = [];
    let current: Line[] = [];
    for (const line of splitLines(this.source)) {
      if (line.text.trim() === '') {
        if (current.length > 0) paragraphs.push(current);
        current = [];
      } else {
        current.push(line);
      }
    }
    if (current.length > 0) paragraphs.push(current);
    paragraphs.forEach((lines, position) => {
      this.paragraph(lines, position === paragraphs.length - 1);
    });
    this.lists.close();
    return {
      format: 'text',
      blocks: this.blocks,
      lists: this.lists.lists,
      tables: [],
      meta: basicMeta(null, null),
    };
  }

  private paragraph(lines: readonly Line[], isLast: boolean): void {
    let rest = lines;
    const [first, second] = rest;
    if (first && second && UNDERLINE.test(second.text) && looksLikeHeading(first.text)) {
      this.heading([first], second.text.trim().startsWith('=') ? 1 : 2);
      rest = rest.slice(2);
    } else if (first && rest.length === 1 && !isLast && looksLikeHeading(first.text)) {
      this.heading([first], null);
      return;
    } else if (first && second && looksLikeHeading(first.text) && startsLikeNewLine(second.text)) {
      this.heading([first], null);
      rest = rest.slice(1);
    }
    let group: Line[] = [];
    let groupIsItem = false;
    const flush = (): void => {
      if (group.length > 0) this.addBlock(group, groupIsItem);
      group = [];
    };
    for (const line of rest) {
      const bullet = BULLET.exec(line.text);
      if (bullet) {
        flush();
        groupIsItem = true;
        group.push(line);
      } else {
        // Indented or lazy continuation of the current item or paragraph.
        if (group.length === 0) groupIsItem = false;
        group.push(line);
      }
    }
    flush();
    if (!groupIsItem) this.lists.close();
  }

  private heading(lines: readonly Line[], depth: number | null): void {
    this.lists.close();
    const level = depth ?? (this.blocks.length === 0 ? 1 : 2);
    const { text, sourceMap } = this.collect(lines, false).build(lines[0]?.start ?? 0);
    this.sections.enter(level, text);
    this.pushBlock('heading', text, sourceMap, level, null);
  }

  private addBlock(lines: readonly Line[], isItem: boolean): void {
    const builder = this.collect(lines, isItem);
    const { text, sourceMap } = builder.build(lines[0]?.start ?? 0);
    if (text === '') return;
    let list: ListRef | null = null;
    if (isItem) {
      // A change from bullets to numbers (or back) starts a new list.
      const ordered = /\d|[a-z]/.test(BULLET.exec(lines[0]?.text ?? '')?.[2] ?? '');
      list = this.lists.item(ordered, this.blocks.length);
    } else {
      this.lists.close();
    }
    this.pushBlock(isItem ? 'list-item' : 'paragraph', text, sourceMap, null, list);
  }

  private pushBlock(
    kind: BlockKind,
    text: string,
    sourceMap: Block['sourceMap'],
    depth: number | null,
    list: ListRef | null,
  ): void {
    this.blocks.push({
      index: this.blocks.length,
      kind,
      text,
      depth,
      section: this.sections.path(),
      list,
      cell: null,
      quoted: false,
      links: [],
      marks: [],
      images: [],
      style: null,
      sourceMap,
    });
  }

  /** Join lines into one block's text: leading indentation and any bullet dropped, `\n` between. */
  private collect(lines: readonly Line[], isItem: boolean): BlockTextBuilder {
    const builder = new BlockTextBuilder(this.source, this.index);
    lines.forEach((line, position) => {
      let skip = /^\s*/.exec(line.text)?.[0].length ?? 0;
      if (position === 0 && isItem) skip = BULLET.exec(line.text)?.[0].length ?? skip;
      // `trimEnd` removes what `/\s+$/` matches, without trying the expression at every space of a long run.
      const content = line.text.slice(skip).trimEnd();
      if (position > 0) builder.push('\n', line.start - 1, line.start);
      builder.pushVerbatim(content, line.start + skip);
    });
    return builder;
  }
}
