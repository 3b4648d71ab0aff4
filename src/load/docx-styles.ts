/**
 * Word formatting that mammoth does not resolve: properties inherited from styles (through
 * `w:basedOn`) and from the document defaults, and theme colours. Sizes are in points, colours
 * as `RRGGBB`.
 */
import { attr, child, childrenNamed, type XmlElement } from './xml.js';

/** Character properties; undefined means “not set here”. */
export interface RunProps {
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  caps?: boolean;
  /** RRGGBB, or `auto`. */
  color?: string;
  /** RRGGBB background from shading or highlight. */
  background?: string;
  /** Hidden text (`w:vanish`). */
  hidden?: boolean;
}

/** Paragraph properties; undefined means “not set here”. */
export interface ParaProps {
  alignment?: 'left' | 'center' | 'right' | 'justify';
  /** Outline level 1–9 (a heading level), from `w:outlineLvl`. */
  outlineLevel?: number;
}

interface StyleEntry {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly basedOn: string | null;
  readonly run: RunProps;
  readonly para: ParaProps;
}

/** The styles of a Word document, resolved on demand. */
export class WordStyles {
  private readonly styles = new Map<string, StyleEntry>();
  private readonly defaultRun: RunProps;
  private readonly defaultPara: ParaProps;
  private readonly defaultParagraphStyle: string | null;
  /** Document language from the defaults (`w:lang`), if set. */
  readonly language: string | null;

  constructor(stylesXml: XmlElement | null, theme: ThemeColors) {
    const defaults = child(stylesXml, 'w:docDefaults');
    const rPr = child(child(child(defaults, 'w:rPrDefault'), 'w:rPr'), 'w:lang');
    this.language = attr(rPr, 'w:val') ?? attr(rPr, 'w:eastAsia') ?? null;
    this.defaultRun = readRunProps(child(child(defaults, 'w:rPrDefault'), 'w:rPr'), theme);
    this.defaultPara = readParaProps(child(child(defaults, 'w:pPrDefault'), 'w:pPr'));
    let defaultParagraphStyle: string | null = null;
    for (const style of childrenNamed(stylesXml, 'w:style')) {
      const id = attr(style, 'w:styleId');
      if (!id) continue;
      const type = attr(style, 'w:type') ?? 'paragraph';
      if (type === 'paragraph' && (attr(style, 'w:default') === '1' || attr(style, 'w:default') === 'true')) defaultParagraphStyle = id;
      this.styles.set(id, {
        id,
        type,
        name: attr(child(style, 'w:name'), 'w:val') ?? id,
        basedOn: attr(child(style, 'w:basedOn'), 'w:val'),
        run: readRunProps(child(style, 'w:rPr'), theme),
        para: readParaProps(child(style, 'w:pPr')),
      });
    }
    this.defaultParagraphStyle = defaultParagraphStyle;
  }

  /** The chain of a style and the styles it is based on, nearest first. */
  private chain(id: string | null): StyleEntry[] {
    const chain: StyleEntry[] = [];
    const seen = new Set<string>();
    let current = id;
    while (current && !seen.has(current)) {
      seen.add(current);
      const entry = this.styles.get(current);
      if (!entry) break;
      chain.push(entry);
      current = entry.basedOn;
    }
    return chain;
  }

  /** A style's name (“heading 1”), or null. */
  name(id: string | null): string | null {
    return id ? (this.styles.get(id)?.name ?? null) : null;
  }

  /** Names of a paragraph style and every style it is based on. */
  names(id: string | null): string[] {
    return this.chain(id ?? this.defaultParagraphStyle).map((entry) => entry.name);
  }

  /** Paragraph properties of a paragraph style, with the defaults under them. */
  paragraph(styleId: string | null): ParaProps {
    const layers = [this.defaultPara, ...this.chain(styleId ?? this.defaultParagraphStyle).reverse().map((entry) => entry.para)];
    return Object.assign({}, ...layers) as ParaProps;
  }

  /** Character properties from defaults, paragraph style, character style and direct formatting. */
  run(paragraphStyleId: string | null, runStyleId: string | null, direct: RunProps): RunProps {
    const layers = [
      this.defaultRun,
      ...this.chain(paragraphStyleId ?? this.defaultParagraphStyle).reverse().map((entry) => entry.run),
      ...this.chain(runStyleId).reverse().map((entry) => entry.run),
      direct,
    ];
    return Object.assign({}, ...layers.map(defined)) as RunProps;
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function toggle(element: XmlElement | null): boolean | undefined {
  if (!element) return undefined;
  const value = attr(element, 'w:val');
  return !(value === '0' || value === 'false' || value === 'off');
}

/** Read `w:rPr` into run properties. */
export function readRunProps(rPr: XmlElement | null, theme: ThemeColors): RunProps {
  if (!rPr) return {};
  const props: RunProps = {};
  const size = Number(attr(child(rPr, 'w:sz'), 'w:val') ?? Number.NaN);
  if (Number.isFinite(size) && size > 0) props.sizePt = size / 2;
  const bold = toggle(child(rPr, 'w:b'));
  if (bold !== undefined) props.bold = bold;
  const italic = toggle(child(rPr, 'w:i'));
  if (italic !== undefined) props.italic = italic;
  const caps = toggle(child(rPr, 'w:caps'));
  if (caps !== undefined) props.caps = caps;
  const hidden = toggle(child(rPr, 'w:vanish'));
  if (hidden !== undefined) props.hidden = hidden;
  const underline = child(rPr, 'w:u');
  if (underline) props.underline = (attr(underline, 'w:val') ?? 'single') !== 'none';
  const color = child(rPr, 'w:color');
  if (color) {
    const resolved = theme.resolve(attr(color, 'w:themeColor')) ?? normaliseColor(attr(color, 'w:val'));
    if (resolved) props.color = resolved;
  }
  const highlight = HIGHLIGHTS[attr(child(rPr, 'w:highlight'), 'w:val') ?? ''];
  const shading = normaliseColor(attr(child(rPr, 'w:shd'), 'w:fill'));
  const background = highlight ?? (shading && shading !== 'auto' ? shading : undefined);
  if (background) props.background = background;
  return props;
}

/** Read `w:pPr` into paragraph properties. */
export function readParaProps(pPr: XmlElement | null): ParaProps {
  if (!pPr) return {};
  const props: ParaProps = {};
  const jc = attr(child(pPr, 'w:jc'), 'w:val');
  if (jc) props.alignment = alignmentOf(jc);
  const outlineValue = attr(child(pPr, 'w:outlineLvl'), 'w:val');
  const outline = outlineValue === null ? Number.NaN : Number(outlineValue);
  // Levels 0–8 are headings 1–9; 9 is body text.
  if (Number.isInteger(outline) && outline >= 0 && outline < 9) props.outlineLevel = outline + 1;
  return props;
}

/** Word's `w:jc` values as CSS-like alignments. */
export function alignmentOf(jc: string): NonNullable<ParaProps['alignment']> {
  if (jc === 'both' || jc === 'distribute' || jc === 'lowKashida' || jc === 'mediumKashida' || jc === 'highKashida' || jc === 'thaiDistribute') return 'justify';
  if (jc === 'center') return 'center';
  if (jc === 'right' || jc === 'end') return 'right';
  return 'left';
}

function normaliseColor(value: string | null): string | undefined {
  if (!value) return undefined;
  if (value === 'auto') return 'auto';
  return /^[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : undefined;
}

/** Word's highlight colour names. */
const HIGHLIGHTS: Readonly<Record<string, string>> = {
  yellow: 'FFFF00', green: '00FF00', cyan: '00FFFF', magenta: 'FF00FF', blue: '0000FF', red: 'FF0000',
  darkBlue: '000080', darkCyan: '008080', darkGreen: '008000', darkMagenta: '800080', darkRed: '800000',
  darkYellow: '808000', darkGray: '808080', lightGray: 'C0C0C0', black: '000000', white: 'FFFFFF',
};

/** Theme colours (`word/theme/theme1.xml`). */
export class ThemeColors {
  private readonly colors = new Map<string, string>();

  constructor(theme: XmlElement | null) {
    const scheme = child(child(theme, 'a:themeElements'), 'a:clrScheme');
    for (const node of scheme?.children ?? []) {
      if (!('name' in node)) continue;
      const name = node.name.replace(/^a:/, '');
      const srgb = attr(child(node, 'a:srgbClr'), 'val');
      const system = attr(child(node, 'a:sysClr'), 'lastClr');
      const value = srgb ?? system;
      if (value && /^[0-9a-f]{6}$/i.test(value)) this.colors.set(name, value.toUpperCase());
    }
  }

  /** The RRGGBB of a theme colour name (`text1`, `accent1`…), or undefined. */
  resolve(name: string | null): string | undefined {
    if (!name) return undefined;
    const alias: Record<string, string> = { text1: 'dk1', background1: 'lt1', text2: 'dk2', background2: 'lt2', dark1: 'dk1', light1: 'lt1', dark2: 'dk2', light2: 'lt2', hyperlink: 'hlink', followedHyperlink: 'folHlink' };
    return this.colors.get(alias[name] ?? name);
  }
}
