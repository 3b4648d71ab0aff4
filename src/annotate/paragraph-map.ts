/**
 * Which XML a finding's paragraph number means. recruit-check numbers a Word document's
 * paragraphs as mammoth reads them, lined up with the XML paragraphs the loader's `BodyReader`
 * walks (src/load/docx.ts). This map uses that same walk rather than a copy of it: it runs
 * `BodyReader` over a copy of the body in which every paragraph and every child of every run
 * starts with an invisible marker, so the text each record comes back with says exactly which
 * XML produced each of its characters — whatever the loader does with tracked changes, fields,
 * content controls, deleted paragraph marks or alternate content.
 */
import { alignParagraphs, mammothParagraphs, type MammothNode } from '../load/docx.js';
import { BodyReader, type XmlParagraph } from '../load/docx-body.js';
import { ThemeColors, WordStyles } from '../load/docx-styles.js';
import { isElement, type XmlElement, type XmlNode } from '../load/xml.js';

/** The text one child of one run gives a paragraph. */
export interface TextPiece {
  /** The `w:r` element, from the parsed document. */
  readonly run: XmlElement;
  /** Index of the child in `run.children`. */
  readonly child: number;
  /** Range in the paragraph's text. */
  readonly start: number;
  readonly end: number;
  /** False for runs Word does not show (the fallback of alternate content). */
  readonly anchorable: boolean;
}

/** One paragraph as the loader numbers it, and the XML behind its text. */
export interface MappedParagraph {
  /** 1-based paragraph number, as in a finding's location. */
  readonly number: number;
  /** The text the loader reads from the XML. */
  readonly text: string;
  readonly pieces: readonly TextPiece[];
  /**
   * The `w:p` elements whose content makes up the paragraph: usually one, more when paragraph
   * marks were deleted with tracked changes. The last one holds the paragraph mark.
   */
  readonly elements: readonly XmlElement[];
}

// Markers never clash with document text: U+0000 cannot appear in XML.
const MARKER = /\u0000([pr])(\d+)(?:\.(\d+))?\u0001/g;

interface MarkedBody {
  readonly body: XmlElement;
  readonly paragraphs: XmlElement[];
  readonly runs: { readonly run: XmlElement; readonly anchorable: boolean }[];
}

function markerRun(text: string): XmlElement {
  return { name: 'w:r', attributes: {}, children: [{ name: 'w:t', attributes: {}, children: [{ text }] }] };
}

function markerText(text: string): XmlElement {
  return { name: 'w:t', attributes: {}, children: [{ text }] };
}

/** A copy of `element` with markers: one at the start of each paragraph, one before each child of each run. */
function markCopy(element: XmlElement, marked: MarkedBody, inFallback: boolean): XmlElement {
  const fallback = inFallback || element.name === 'mc:Fallback';
  const children: XmlNode[] = [];
  if (element.name === 'w:p') {
    children.push(markerRun(`\u0000p${marked.paragraphs.length}\u0001`));
    marked.paragraphs.push(element);
  }
  const runIndex = element.name === 'w:r' ? marked.runs.push({ run: element, anchorable: !fallback }) - 1 : -1;
  element.children.forEach((node, index) => {
    if (!isElement(node)) {
      children.push(node);
      return;
    }
    if (runIndex >= 0) children.push(markerText(`\u0000r${runIndex}.${index}\u0001`));
    children.push(markCopy(node, marked, fallback));
  });
  return { name: element.name, attributes: element.attributes, children };
}

/** A record's marked text, read back into plain text and the XML behind each piece of it. */
function decode(text: string, marked: MarkedBody, number: number): MappedParagraph {
  const pieces: TextPiece[] = [];
  const elements: XmlElement[] = [];
  let plain = '';
  let current: { run: XmlElement; child: number; anchorable: boolean } | null = null;
  let last = 0;
  const take = (end: number): void => {
    const segment = text.slice(last, end);
    if (segment === '') return;
    const start = plain.length;
    plain += segment;
    // Text with no marker before it cannot be placed: never anchor on it.
    pieces.push(current ? { ...current, start, end: plain.length } : { run: marked.body, child: -1, start, end: plain.length, anchorable: false });
  };
  for (const match of text.matchAll(MARKER)) {
    take(match.index);
    last = match.index + match[0].length;
    const index = Number(match[2]);
    if (match[1] === 'p') {
      const paragraph = marked.paragraphs[index];
      if (paragraph) elements.push(paragraph);
      current = null;
    } else {
      const run = marked.runs[index];
      current = run ? { run: run.run, child: Number(match[3]), anchorable: run.anchorable } : null;
    }
  }
  take(text.length);
  return { number, text: plain, pieces, elements };
}

/** The loader's walk over a body; text does not depend on styles, so none are read. */
function bodyReader(): BodyReader {
  const theme = new ThemeColors(null);
  return new BodyReader(new WordStyles(null, theme), theme);
}

/** The text of every paragraph the loader reads from a Word body, in its order. */
export function paragraphTexts(body: XmlElement): string[] {
  return bodyReader().read(body).map((record) => record.text);
}

/** The paragraphs of a Word body, by the loader's paragraph numbers. */
export class ParagraphMap {
  private readonly byNumber: (MappedParagraph | null)[];
  private firstFound: MappedParagraph | null | undefined;

  /**
   * @param body the `w:body` element of the parsed main document part
   * @param tree mammoth's document tree of the same file (`readWithMammoth`)
   */
  constructor(body: XmlElement, tree: MammothNode) {
    const records = bodyReader().read(body);
    const marked: MarkedBody = { body, paragraphs: [], runs: [] };
    const markedRecords = bodyReader().read(markCopy(body, marked, false));
    const index = new Map<XmlParagraph, number>(records.map((record, position) => [record, position]));
    this.byNumber = alignParagraphs(mammothParagraphs(tree), records).map((record, position) => {
      const at = record ? index.get(record) : undefined;
      const markedRecord = at === undefined ? undefined : markedRecords[at];
      if (!record || !markedRecord) return null;
      const mapped = decode(markedRecord.text, marked, position + 1);
      if (mapped.elements.length === 0) return null;
      // The markers must not have changed what the loader reads; if they did, place nothing here.
      return mapped.text === record.text ? mapped : { ...mapped, pieces: mapped.pieces.map((piece) => ({ ...piece, anchorable: false })) };
    });
  }

  /** Paragraph `number` (1-based), or null when the loader has no XML paragraph for it. */
  paragraph(number: number): MappedParagraph | null {
    return this.byNumber[number - 1] ?? null;
  }

  /** The first paragraph with text, else the first paragraph, else null (an empty body). */
  first(): MappedParagraph | null {
    if (this.firstFound === undefined) {
      const mapped = this.byNumber.filter((paragraph): paragraph is MappedParagraph => paragraph !== null);
      this.firstFound = mapped.find((paragraph) => paragraph.text.trim() !== '') ?? mapped[0] ?? null;
    }
    return this.firstFound;
  }
}
