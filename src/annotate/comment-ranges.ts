/**
 * Placing comment ranges in a Word body: `w:commentRangeStart` and `w:commentRangeEnd` around
 * exactly the flagged text, then a run holding the `w:commentReference`. Runs are split where a
 * range starts or ends inside them (each part keeps the run's `w:rPr`); a range may cross runs,
 * hyperlinks and other inline wrappers. Only the elements that hold a range are written anew —
 * the rest of the part is copied through as it was written.
 */
import { child, isElement, type XmlElement } from '../load/xml.js';
import type { MappedParagraph, TextPiece } from './paragraph-map.js';
import { escapeParsedText, type RawXml } from './xml-raw.js';

/** A place inside a run: before character `offset` of the text of `run.children[child]`. */
interface Cut {
  readonly run: XmlElement;
  readonly child: number;
  readonly offset: number;
  /** What goes there. */
  readonly xml: string;
  /** Ends go before starts at the same place, so ranges that meet do not overlap. */
  readonly rank: 0 | 1;
}

function rangeStart(id: number): string {
  return `<w:commentRangeStart w:id="${id}"/>`;
}

function rangeEnd(id: number): string {
  return `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
}

/** The text `BodyReader` reads from a `w:t` (its text nodes). */
function textOfT(element: XmlElement): string {
  return element.children.map((node) => ('text' in node ? node.text : '')).join('');
}

const CHARACTER_REFERENCE = /&#(?:[0-9]+|x[0-9a-fA-F]+);/g;

/** True when a run child can be cut before character `offset` without breaking it. */
function canCut(piece: TextPiece, offset: number): boolean {
  if (!piece.anchorable) return false;
  if (offset === 0 || offset === piece.end - piece.start) return true;
  const node = piece.run.children[piece.child];
  if (!node || !isElement(node) || node.name !== 'w:t') return false;
  // The loader reads `&#65;` as five characters (see escapeParsedText): never cut inside one.
  for (const match of textOfT(node).matchAll(CHARACTER_REFERENCE)) {
    if (offset > match.index && offset < match.index + match[0].length) return false;
  }
  return true;
}

/** The edits to a Word body: comment ranges on text and on whole paragraphs. */
export class BodyEdits {
  private readonly cuts = new Map<XmlElement, Cut[]>();
  private readonly starts = new Map<XmlElement, string[]>();
  private readonly ends = new Map<XmlElement, string[]>();

  /**
   * Put comment `id` around characters `start`–`end` of `paragraph`'s text. Returns false, and
   * changes nothing, when the text there cannot be marked (it is in a fallback Word never shows).
   */
  addTextRange(id: number, paragraph: MappedParagraph, start: number, end: number): boolean {
    const first = paragraph.pieces.find((piece) => piece.start <= start && start < piece.end);
    const last = paragraph.pieces.find((piece) => piece.start < end && end <= piece.end);
    if (!first || !last || start >= end) return false;
    if (!canCut(first, start - first.start) || !canCut(last, end - last.start)) return false;
    this.cut({ run: first.run, child: first.child, offset: start - first.start, xml: rangeStart(id), rank: 1 });
    this.cut({ run: last.run, child: last.child, offset: end - last.start, xml: rangeEnd(id), rank: 0 });
    return true;
  }

  /** Put comment `id` around the whole of `paragraph` (after its properties, to its end). */
  addParagraphRange(id: number, paragraph: MappedParagraph): void {
    const first = paragraph.elements[0];
    const last = paragraph.elements[paragraph.elements.length - 1];
    if (!first || !last) throw new Error(`paragraph ${paragraph.number} has no XML paragraph`);
    push(this.starts, first, rangeStart(id));
    push(this.ends, last, rangeEnd(id));
  }

  /** True when there is nothing to change. */
  get empty(): boolean {
    return this.cuts.size === 0 && this.starts.size === 0 && this.ends.size === 0;
  }

  /** The text of the part with the edits made; `body` is the `w:body` element of `raw`'s tree. */
  apply(raw: RawXml, body: XmlElement): string {
    if (this.empty) return raw.text;
    const touched = this.touched(body);
    const span = raw.span(body);
    return raw.text.slice(0, span.start) + this.rebuild(raw, body, touched) + raw.text.slice(span.end);
  }

  private cut(cut: Cut): void {
    push(this.cuts, cut.run, cut);
  }

  /** Every element that holds an edit, up to and including `body`. */
  private touched(body: XmlElement): Set<XmlElement> {
    const parents = new Map<XmlElement, XmlElement>();
    const walk = (element: XmlElement): void => {
      for (const node of element.children) {
        if (!isElement(node)) continue;
        parents.set(node, element);
        walk(node);
      }
    };
    walk(body);
    const touched = new Set<XmlElement>();
    for (const element of [...this.cuts.keys(), ...this.starts.keys(), ...this.ends.keys()]) {
      for (let at: XmlElement | undefined = element; at && !touched.has(at); at = parents.get(at)) touched.add(at);
    }
    return touched;
  }

  private rebuild(raw: RawXml, element: XmlElement, touched: ReadonlySet<XmlElement>): string {
    const cuts = this.cuts.get(element);
    if (cuts) return splitRun(raw, element, cuts);
    if (!touched.has(element)) return raw.raw(element);
    const starts = (this.starts.get(element) ?? []).join('');
    const properties = element.name === 'w:p' ? child(element, 'w:pPr') : null;
    let text = raw.startTag(element) + (properties ? '' : starts);
    let previous: XmlElement | null = null;
    for (const node of element.children) {
      if (!isElement(node)) continue;
      text += raw.gap(element, previous, node) + this.rebuild(raw, node, touched);
      if (node === properties) text += starts;
      previous = node;
    }
    return text + raw.gap(element, previous, null) + (this.ends.get(element) ?? []).join('') + raw.endTag(element);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function textElement(text: string): string {
  return `<w:t xml:space="preserve">${escapeParsedText(text)}</w:t>`;
}

/** A run split at its cuts: runs with the same properties, with the cuts' XML between them. */
function splitRun(raw: RawXml, run: XmlElement, cuts: readonly Cut[]): string {
  const properties = child(run, 'w:rPr');
  const head = raw.startTag(run) + (properties ? raw.raw(properties) : '');
  const tail = raw.endTag(run);
  const ordered = [...cuts].sort((a, b) => a.child - b.child || a.offset - b.offset || a.rank - b.rank);
  let text = '';
  let content = '';
  const flush = (): void => {
    if (content !== '') text += head + content + tail;
    content = '';
  };
  run.children.forEach((node, index) => {
    if (!isElement(node) || node === properties) return;
    const here = ordered.filter((cut) => cut.child === index);
    if (here.length === 0) {
      content += raw.raw(node);
      return;
    }
    const value = node.name === 'w:t' ? textOfT(node) : null;
    let position = 0;
    for (const cut of here) {
      if (cut.offset > position) {
        // A cut after a one-character child (a tab, a break) comes after the whole child.
        const whole = value === null || (position === 0 && cut.offset >= value.length);
        content += whole ? raw.raw(node) : textElement(value.slice(position, cut.offset));
        position = cut.offset;
      }
      flush();
      text += cut.xml;
    }
    const length = value === null ? 1 : value.length;
    if (position === 0) content += raw.raw(node);
    else if (position < length && value !== null) content += textElement(value.slice(position));
  });
  flush();
  return text;
}
