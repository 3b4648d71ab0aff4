/**
 * The facts of a Word body that mammoth does not give: each paragraph's character formatting
 * (resolved through styles), its images and objects with their alt text and decorative flag,
 * text boxes and floating objects. Paragraphs come out in the order mammoth reads them (deleted
 * paragraph marks merge into the next paragraph; VML text boxes follow their paragraph), so the
 * two can be lined up one to one.
 */
import { readParaProps, readRunProps, type ParaProps, type RunProps, type ThemeColors, type WordStyles } from './docx-styles.js';
import { attr, child, childrenNamed, descendants, isElement, type XmlElement, type XmlNode } from './xml.js';

/** Formatting over a range of a paragraph's text. */
export interface RunFormat {
  readonly start: number;
  readonly end: number;
  readonly props: RunProps;
  /** True inside a hyperlink. */
  readonly link: boolean;
}

/** A picture, chart, diagram or shape, as Word describes it. */
export interface ObjectFacts {
  readonly kind: 'picture' | 'chart' | 'diagram' | 'shape' | 'text-box' | 'group';
  readonly alt: string | null;
  readonly decorative: boolean;
  /** Anchored (floating) rather than in line with the text. */
  readonly floating: boolean;
}

/** One paragraph as the XML has it. */
export interface XmlParagraph {
  readonly text: string;
  readonly styleId: string | null;
  readonly para: ParaProps;
  readonly runs: readonly RunFormat[];
  readonly objects: readonly ObjectFacts[];
}

const DECORATIVE_URI = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';

class ParagraphBuilder {
  text = '';
  runs: RunFormat[] = [];
  objects: ObjectFacts[] = [];
  constructor(readonly styleId: string | null, readonly para: ParaProps) {}
}

/** Walks `w:body`, producing paragraphs in mammoth's order. */
export class BodyReader {
  private readonly paragraphs: XmlParagraph[] = [];
  /** Content of paragraphs whose mark was deleted: it joins the next paragraph. */
  private carried: XmlNode[] = [];

  constructor(
    private readonly styles: WordStyles,
    private readonly theme: ThemeColors,
  ) {}

  read(body: XmlElement): XmlParagraph[] {
    this.blockChildren(body.children);
    return this.paragraphs;
  }

  private blockChildren(nodes: readonly XmlNode[]): void {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      switch (node.name) {
        case 'w:p':
          this.paragraph(node);
          break;
        case 'w:tbl':
          for (const row of childrenNamed(node, 'w:tr')) {
            for (const cell of childrenNamed(row, 'w:tc')) this.blockChildren(cell.children);
            // Cells may also sit in content controls.
            for (const sdt of childrenNamed(row, 'w:sdt')) this.blockChildren(child(sdt, 'w:sdtContent')?.children ?? []);
          }
          break;
        case 'w:sdt':
          this.blockChildren(child(node, 'w:sdtContent')?.children ?? []);
          break;
        case 'w:customXml':
        case 'w:ins':
          this.blockChildren(node.children);
          break;
        case 'mc:AlternateContent':
          this.blockChildren(child(node, 'mc:Fallback')?.children ?? []);
          break;
        default:
          break;
      }
    }
  }

  private paragraph(element: XmlElement): void {
    const pPr = child(element, 'w:pPr');
    if (child(child(pPr, 'w:rPr'), 'w:del')) {
      this.carried.push(...element.children);
      return;
    }
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val');
    const direct = readParaProps(pPr);
    const para = { ...this.styles.paragraph(styleId), ...definedProps(direct) };
    const builder = new ParagraphBuilder(styleId, para);
    const extras: XmlElement[] = [];
    const children = this.carried.length > 0 ? [...this.carried, ...element.children] : element.children;
    this.carried = [];
    this.inline(children, builder, extras, false);
    this.paragraphs.push({ text: builder.text, styleId, para, runs: builder.runs, objects: builder.objects });
    // VML text boxes come after the paragraph that holds them, as in mammoth.
    for (const extra of extras) this.blockChildren(extra.children);
  }

  private inline(nodes: readonly XmlNode[], builder: ParagraphBuilder, extras: XmlElement[], link: boolean): void {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      switch (node.name) {
        case 'w:r':
          this.run(node, builder, extras, link);
          break;
        case 'w:hyperlink':
          this.inline(node.children, builder, extras, true);
          break;
        case 'w:ins':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:moveTo':
        case 'w:dir':
        case 'w:bdo':
          this.inline(node.children, builder, extras, link);
          break;
        case 'w:sdt':
          this.inline(child(node, 'w:sdtContent')?.children ?? [], builder, extras, link);
          break;
        case 'mc:AlternateContent':
          this.alternate(node, builder, extras, link);
          break;
        default:
          break;
      }
    }
  }

  private run(element: XmlElement, builder: ParagraphBuilder, extras: XmlElement[], link: boolean): void {
    const rPr = child(element, 'w:rPr');
    const props = this.styles.run(builder.styleId, attr(child(rPr, 'w:rStyle'), 'w:val'), readRunProps(rPr, this.theme));
    const start = builder.text.length;
    for (const node of element.children) {
      if (!isElement(node)) continue;
      switch (node.name) {
        case 'w:t':
          builder.text += node.children.map((text) => ('text' in text ? text.text : '')).join('');
          break;
        case 'w:tab':
          builder.text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          builder.text += '\n';
          break;
        case 'w:noBreakHyphen':
          builder.text += '\u2011';
          break;
        case 'w:softHyphen':
          builder.text += '\u00AD';
          break;
        case 'w:sym':
          builder.text += '\uFFFC';
          break;
        case 'w:drawing':
          for (const drawing of node.children) if (isElement(drawing)) builder.objects.push(...drawingFacts(drawing));
          break;
        case 'w:pict':
        case 'w:object':
          builder.objects.push(...vmlFacts(node));
          extras.push(node);
          break;
        case 'mc:AlternateContent':
          this.alternate(node, builder, extras, link);
          break;
        default:
          break;
      }
    }
    if (builder.text.length > start) builder.runs.push({ start, end: builder.text.length, props, link });
  }

  /** mammoth reads the fallback; the facts about the object come from the modern choice. */
  private alternate(element: XmlElement, builder: ParagraphBuilder, extras: XmlElement[], link: boolean): void {
    const choice = child(element, 'mc:Choice');
    const fallback = child(element, 'mc:Fallback');
    const facts = choice ? descendants(choice, 'w:drawing').flatMap((drawing) => drawing.children.filter(isElement).flatMap(drawingFacts)) : [];
    const before = builder.objects.length;
    // Reading the fallback as text keeps the order mammoth uses…
    for (const node of fallback?.children ?? []) {
      if (!isElement(node)) continue;
      if (node.name === 'w:r') this.run(node, builder, extras, link);
      else if (node.name === 'w:pict') {
        builder.objects.push(...vmlFacts(node));
        extras.push(node);
      }
    }
    // …but the choice describes the object better (alt text, decorative flag).
    if (facts.length > 0) builder.objects.splice(before, builder.objects.length - before, ...facts);
  }
}

function definedProps<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function blank(value: string | null): boolean {
  return value === null || value.trim() === '';
}

/** Facts about a `wp:inline` or `wp:anchor` drawing. */
function drawingFacts(drawing: XmlElement): ObjectFacts[] {
  if (drawing.name !== 'wp:inline' && drawing.name !== 'wp:anchor') return [];
  const docPr = child(drawing, 'wp:docPr');
  const uri = attr(child(child(drawing, 'a:graphic'), 'a:graphicData'), 'uri') ?? '';
  const kind: ObjectFacts['kind'] = uri.endsWith('/picture')
    ? 'picture'
    : uri.includes('/chart')
      ? 'chart'
      : uri.includes('/diagram')
        ? 'diagram'
        : uri.includes('wordprocessingGroup')
          ? 'group'
          : descendants(drawing, 'wps:txbx').length > 0
            ? 'text-box'
            : 'shape';
  const descr = attr(docPr, 'descr');
  const title = attr(docPr, 'title');
  const decorative = descendants(docPr ?? drawing, 'a:ext').some(
    (ext) => attr(ext, 'uri') === DECORATIVE_URI && descendants(ext, 'adec:decorative').some((flag) => attr(flag, 'val') === '1' || attr(flag, 'val') === 'true'),
  );
  return [{ kind, alt: blank(descr) ? (blank(title) ? null : title) : descr, decorative, floating: drawing.name === 'wp:anchor' }];
}

/** Facts about VML pictures and text boxes (older Word files, and fallbacks). */
function vmlFacts(pict: XmlElement): ObjectFacts[] {
  const facts: ObjectFacts[] = [];
  const shapes = [...descendants(pict, 'v:shape'), ...descendants(pict, 'v:rect'), ...descendants(pict, 'v:roundrect')];
  for (const shape of shapes) {
    const style = attr(shape, 'style') ?? '';
    const floating = /position:\s*absolute/.test(style);
    const imagedata = child(shape, 'v:imagedata');
    if (imagedata) {
      const alt = attr(shape, 'alt') ?? attr(imagedata, 'o:title');
      facts.push({ kind: 'picture', alt: blank(alt) ? null : alt, decorative: false, floating });
    } else if (child(shape, 'v:textbox')) {
      facts.push({ kind: 'text-box', alt: null, decorative: false, floating });
    }
  }
  return facts;
}
