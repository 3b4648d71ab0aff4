/**
 * The document model (`DocModel`): the one shape every rule reads, whatever the file format.
 *
 * A document is an ordered list of blocks (headings, paragraphs, list items, table cells,
 * quotes). Each block holds the text a reader sees and a source map that turns any range of
 * that text into a location a person can find. Rules report a block and a range; they never
 * compute positions themselves.
 */
import type { Format } from '../types.js';

/** The kinds of block a document is made of. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'quote';

/** A half-open range `[start, end)` of a block's text (UTF-16 offsets). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A hyperlink inside a block: its visible text range and its target. */
export interface Link extends TextRange {
  readonly url: string;
}

/** Inline formatting over a range of a block's text. */
export interface Mark extends TextRange {
  readonly kind: 'emphasis' | 'strong' | 'code' | 'delete';
}

/** An image with its alternative text. */
export interface Image {
  readonly alt: string;
  readonly url: string;
  /** Where the image is, as a place in the source. */
  readonly place: SourcePlace;
}

/** Membership of a list. */
export interface ListRef {
  /** Index into `DocModel.lists`. */
  readonly id: number;
  /** 0-based position of the item in its list. */
  readonly item: number;
}

/** A list of items: ordered (numbered) or not. */
export interface ListInfo {
  readonly id: number;
  readonly ordered: boolean;
  /** Nesting depth: 0 for a top-level list. */
  readonly depth: number;
  /** Number of items in the list. */
  readonly items: number;
  /** Index of the first block of the first item. */
  readonly firstBlock: number;
}

/** Position of a cell in a table. */
export interface CellRef {
  readonly table: number;
  readonly row: number;
  readonly column: number;
  /** True when the cell is in a header row. */
  readonly header: boolean;
}

/** A location in the source file, without the section (which comes from the block). */
export interface SourcePlace {
  readonly line: number | null;
  readonly column: number | null;
  readonly endLine: number | null;
  readonly endColumn: number | null;
  readonly page: number | null;
  readonly paragraph: number | null;
}

/** Turns a range of a block's text into a place in the source file. */
export interface SourceMap {
  /** Locate `[start, end)` of the block's text. */
  locate(start: number, end: number): SourcePlace;
}

/** One block of a document. */
export interface Block {
  /** 0-based position in `DocModel.blocks`. */
  readonly index: number;
  readonly kind: BlockKind;
  /** The text a reader sees, with soft line breaks kept as `\n`. */
  readonly text: string;
  /** Heading level (1–6) for headings, otherwise null. */
  readonly depth: number | null;
  /** Texts of the headings this block sits under, outermost first (a heading includes itself). */
  readonly section: readonly string[];
  readonly list: ListRef | null;
  readonly cell: CellRef | null;
  /** True when the block sits inside a quotation (a blockquote). */
  readonly quoted: boolean;
  readonly links: readonly Link[];
  readonly marks: readonly Mark[];
  readonly images: readonly Image[];
  readonly sourceMap: SourceMap;
}

/** Facts about the document as a whole. */
export interface DocMeta {
  /** Document title (front matter `title`, or the format's own title), when known. */
  readonly title: string | null;
  /** Document language (front matter `lang`/`language`), when known. */
  readonly language: string | null;
}

/** A loaded document. */
export interface DocModel {
  readonly format: Format;
  readonly blocks: readonly Block[];
  readonly lists: readonly ListInfo[];
  readonly meta: DocMeta;
}

/** The nearest heading text for a block, or null. */
export function nearestSection(block: Block): string | null {
  return block.section.length > 0 ? (block.section[block.section.length - 1] ?? null) : null;
}
