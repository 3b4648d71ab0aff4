/**
 * The document model (`DocModel`): the one shape every rule reads, whatever the file format.
 *
 * A document is an ordered list of blocks (headings, paragraphs, list items, table cells,
 * quotes). Each block holds the text a reader sees and a source map that turns any range of
 * that text into a location a person can find. Rules report a block and a range; they never
 * compute positions themselves.
 */
import type { Format } from '../types.js';
import type { Suppression } from './directives.js';

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
  readonly kind: 'emphasis' | 'strong' | 'code' | 'delete' | 'underline';
}

/** An image with its alternative text. */
export interface Image {
  /** The alternative text; null when the image has none at all. */
  readonly alt: string | null;
  /** True when the image is marked as decorative (HTML `alt=""`, Word's “Mark as decorative”). */
  readonly decorative: boolean;
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

/** Character formatting over a range of a block's text (Word and PDF). */
export interface RunStyle extends TextRange {
  /** Font size in points, when known. */
  readonly sizePt: number | null;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  /** Shown in capitals by formatting (Word's “All caps”). */
  readonly caps: boolean;
  /** Text colour as RRGGBB; null for automatic (black on a light background). */
  readonly color: string | null;
  /** Background colour (shading or highlight) as RRGGBB; null for the page's. */
  readonly background: string | null;
  /** True inside a hyperlink. */
  readonly link: boolean;
}

/** Paragraph formatting (Word and PDF). */
export interface BlockStyle {
  /** The paragraph style's name (“Normal”, “heading 1”), when known. */
  readonly styleName: string | null;
  readonly alignment: 'left' | 'center' | 'right' | 'justify' | null;
  /** Formatting of the text, in order; empty when unknown. */
  readonly runs: readonly RunStyle[];
}

/** A table as a whole. */
export interface TableInfo {
  readonly id: number;
  readonly rows: number;
  readonly columns: number;
  /** True when the table's headers are marked: its first row is a header row, or (HTML, PDF) it has header cells, as row headers in its first column. */
  readonly headerRow: boolean;
  /** True when any cell spans more than one row or column. */
  readonly merged: boolean;
  /** True when the table sits inside another table's cell. */
  readonly nested: boolean;
  /** Index of the first block of the table, or -1 when it has no text. */
  readonly firstBlock: number;
  /** Where the table starts. */
  readonly place: SourcePlace;
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
  /** Paragraph and character formatting, for formats that have it (Word, PDF); else null. */
  readonly style: BlockStyle | null;
  readonly sourceMap: SourceMap;
}

/** A figure in a tagged PDF's structure tree. */
export interface Figure {
  readonly alt: string | null;
  readonly page: number | null;
}

/** Facts about the document as a whole. */
export interface DocMeta {
  /** Document title (front matter `title`, HTML `<title>`, Word or PDF properties), when set. */
  readonly title: string | null;
  /**
   * Document language (front matter `lang`, HTML `lang`, Word's default language, a PDF's catalog
   * `/Lang`), when set.
   */
  readonly language: string | null;
  /**
   * Languages set on parts of the document, not the whole of it (a Word run's `w:lang`, a PDF
   * structure element's `/Lang`), each once, in the order first met.
   */
  readonly partLanguages: readonly string[];
  /**
   * A PDF with no document language whose parts carry a language for everything a screen reader
   * reads: all its text and alt text sits in structure elements with a `/Lang`, and it has no
   * bookmarks, and no title without a language of its own. False for every other document.
   */
  readonly languageFromParts: boolean;
  /** Number of pages (PDF), else null. */
  readonly pages: number | null;
  /** PDF: whether the file is tagged for accessibility; null for other formats. */
  readonly tagged: boolean | null;
  /** PDF: whether any page has a text layer (false for a scan); null for other formats. */
  readonly textLayer: boolean | null;
  /** PDF: pages that are pictures of text (no text, but an image). */
  readonly scannedPages: readonly number[];
  /** PDF: figures in the structure tree, with their alternative text. */
  readonly figures: readonly Figure[];
  /** PDF: levels of the structure tree's headings, in order (0 for an unnumbered H); null when untagged. */
  readonly headingLevels: readonly number[] | null;
  /** Word: the page background colour (RRGGBB), when set. */
  readonly pageColor: string | null;
  /** Word: runs of two or more empty paragraphs used as spacing, by first paragraph number. */
  readonly blankRuns: readonly { readonly paragraph: number; readonly count: number }[];
  /** Word: text boxes and objects that float instead of sitting in line with the text. */
  readonly floatingObjects: number;
}

/** Document facts for formats that have none of the optional ones. */
export function basicMeta(title: string | null, language: string | null): DocMeta {
  return {
    title,
    language,
    partLanguages: [],
    languageFromParts: false,
    pages: null,
    tagged: null,
    textLayer: null,
    scannedPages: [],
    figures: [],
    headingLevels: null,
    pageColor: null,
    blankRuns: [],
    floatingObjects: 0,
  };
}

/** A loaded document. */
export interface DocModel {
  readonly format: Format;
  readonly blocks: readonly Block[];
  readonly lists: readonly ListInfo[];
  readonly tables: readonly TableInfo[];
  readonly meta: DocMeta;
  /** Markdown and HTML: the document's inline suppression comments, resolved into lines. */
  readonly suppressions?: readonly Suppression[];
}

/** The nearest heading text for a block, or null. */
export function nearestSection(block: Block): string | null {
  return block.section.length > 0 ? (block.section[block.section.length - 1] ?? null) : null;
}
