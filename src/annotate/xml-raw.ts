/**
 * Editing XML parts as text, so that everything we do not change stays byte for byte as it was:
 * where each element sits in the raw text (lined up with the tree `parseXml` gives), escaping
 * for new text, and adding children to the root element.
 */
import { isElement, type XmlElement } from '../load/xml.js';

/** Where an element sits in the raw text of its part. */
export interface ElementSpan {
  /** Offset of its `<`. */
  readonly start: number;
  /** Offset just after its start tag's `>`. */
  readonly openEnd: number;
  /** Offset just after its end tag (or of the start tag, when it closes itself). */
  readonly end: number;
  readonly selfClosing: boolean;
}

interface OpenSpan {
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
}

/** The offset just after `marker`, searching from `from`; throws when the text is cut short. */
function after(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  if (found < 0) throw new Error(`the XML is cut short (no ${marker})`);
  return found + marker.length;
}

/** The offset of the `>` that ends the tag starting at `from`, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let position = from; position < text.length; position++) {
    const character = text[position];
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '>') {
      return position;
    }
  }
  throw new Error('the XML is cut short (a tag is not closed)');
}

/**
 * The span of every element in `text`, in document order — the order in which `preorder` lists
 * the elements of `parseXml(text)`. Comments, processing instructions and CDATA are skipped, as
 * the parser skips them; a DOCTYPE is refused, as the parser refuses it.
 */
function elementSpans(text: string): ElementSpan[] {
  const spans: OpenSpan[] = [];
  const open: OpenSpan[] = [];
  let position = 0;
  for (;;) {
    const lt = text.indexOf('<', position);
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) position = after(text, '?>', lt);
    else if (text.startsWith('<!--', lt)) position = after(text, '-->', lt);
    else if (text.startsWith('<![CDATA[', lt)) position = after(text, ']]>', lt);
    else if (text.startsWith('<!', lt)) throw new Error('the XML declares a DOCTYPE');
    else if (text[lt + 1] === '/') {
      position = tagEnd(text, lt) + 1;
      const closed = open.pop();
      if (!closed) throw new Error('the XML has an end tag with no start tag');
      closed.end = position;
    } else {
      const gt = tagEnd(text, lt);
      const selfClosing = text[gt - 1] === '/';
      const span: OpenSpan = { start: lt, openEnd: gt + 1, end: gt + 1, selfClosing };
      spans.push(span);
      if (!selfClosing) open.push(span);
      position = gt + 1;
    }
  }
  if (open.length > 0) throw new Error('the XML is cut short (an element is not closed)');
  return spans;
}

/** Every element under (and including) `root`, in document order. */
function preorder(root: XmlElement, found: XmlElement[] = []): XmlElement[] {
  found.push(root);
  for (const node of root.children) if (isElement(node)) preorder(node, found);
  return found;
}

/** The raw text of a part, and where each element of its parsed tree sits in it. */
export class RawXml {
  private readonly spans = new Map<XmlElement, ElementSpan>();

  /** `root` must be `parseXml(text)`. */
  constructor(
    readonly text: string,
    readonly root: XmlElement,
  ) {
    const elements = preorder(root);
    const spans = elementSpans(text);
    if (spans.length !== elements.length) {
      throw new Error(`the XML has ${spans.length} elements but ${elements.length} were read`);
    }
    elements.forEach((element, index) => {
      const span = spans[index];
      if (span) this.spans.set(element, span);
    });
  }

  /** Where `element` sits; throws for an element that is not from this part. */
  span(element: XmlElement): ElementSpan {
    const span = this.spans.get(element);
    if (!span) throw new Error(`element ${element.name} is not in this part`);
    return span;
  }

  /** The element exactly as written. */
  raw(element: XmlElement): string {
    const span = this.span(element);
    return this.text.slice(span.start, span.end);
  }

  /** The element's start tag, always as an opening tag (`<w:p/>` gives `<w:p>`). */
  startTag(element: XmlElement): string {
    const span = this.span(element);
    const tag = this.text.slice(span.start, span.openEnd);
    return span.selfClosing ? tag.replace(/\s*\/>$/, '>') : tag;
  }

  /** The element's end tag (made up for an element that closes itself). */
  endTag(element: XmlElement): string {
    const span = this.span(element);
    if (span.selfClosing) return `</${element.name}>`;
    return this.text.slice(this.text.lastIndexOf('</', span.end - 1), span.end);
  }

  /** The raw text between the end of `from` (or the start tag of `parent`) and the start of `to` (or the end tag of `parent`). */
  gap(parent: XmlElement, from: XmlElement | null, to: XmlElement | null): string {
    const parentSpan = this.span(parent);
    if (parentSpan.selfClosing) return '';
    const start = from ? this.span(from).end : parentSpan.openEnd;
    const end = to ? this.span(to).start : this.text.lastIndexOf('</', parentSpan.end - 1);
    return this.text.slice(start, end);
  }

  /** The part with `snippet` added as the last child(ren) of the root element. */
  appendToRoot(snippet: string): string {
    const span = this.span(this.root);
    const closing = span.selfClosing ? span.end : this.text.lastIndexOf('</', span.end - 1);
    const before = span.selfClosing ? this.text.slice(0, span.start) + this.startTag(this.root) : this.text.slice(0, closing);
    const close = span.selfClosing ? this.endTag(this.root) : this.text.slice(closing, span.end);
    return before + snippet + close + this.text.slice(span.end);
  }
}

/** Characters XML 1.0 does not allow anywhere (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/** New text made safe for XML: characters XML cannot hold are dropped, and `& < > "` escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Text that `parseXml` read, written back so it reads the same again. The parser decodes the
 * five named entities but leaves numeric character references (`&#xA0;`) as they are, so an `&`
 * that starts one is written as it was.
 */
export function escapeParsedText(text: string): string {
  return text
    .replace(/&(?!#[0-9]+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
