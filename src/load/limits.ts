/**
 * How deeply a Markdown or HTML file may nest, checked before it is parsed. The parsers' work per
 * line or per tag grows with the depth (each line of Markdown is checked against every list and
 * quote it is inside; each HTML tag against the elements open around it), and the tree they build
 * is walked recursively, so a file nested thousands of levels deep (“> > > …”, a list in a list in
 * a list …, `<div><div><div>…`) takes minutes and gigabytes, or overflows the stack. No advert
 * does: lists in real adverts go 2 or 3 levels deep, and saved web pages nest 20 to 40 elements
 * (page builders' div soup perhaps 60). So a file deeper than these limits is refused, with a
 * clear error, by a scan of its text that takes time in proportion to its length — before the
 * parser can be made slow.
 *
 * - Markdown: 100 levels of lists and quotes inside each other (30 times what an advert needs).
 * - HTML: 256 levels of elements inside each other (4 times a heavy page; browsers flatten the
 *   tree at 512).
 */

/** The most lists and quotes a Markdown file may have inside each other. */
export const MAX_MARKDOWN_DEPTH = 100;
/** The most elements an HTML file may have inside each other. */
export const MAX_HTML_DEPTH = 256;

/** A file a loader will not read, and why: a clear, typed error (not a crash). */
export class LoadRefusal extends Error {
  constructor(
    /** The error code in the report (“too-deep”). */
    readonly code: string,
    /** What is wrong, after “<file>: ”. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'LoadRefusal';
  }
}

/** The refusal of a file nested too deeply; `what` says what is inside what. */
export function tooDeep(limit: number, what: string): LoadRefusal {
  return new LoadRefusal('too-deep', `is nested more than ${limit} levels deep (${what} inside each other) — no real advert is; check it is the right file`);
}

/** The refusal for a Markdown file. */
export const markdownTooDeep = (): LoadRefusal => tooDeep(MAX_MARKDOWN_DEPTH, 'lists or quotes');
/** The refusal for an HTML file. */
export const htmlTooDeep = (): LoadRefusal => tooDeep(MAX_HTML_DEPTH, 'elements');

/**
 * The refusal a loading or checking error stands for: the refusal itself, or for a stack
 * overflow — which only a file nested far too deeply causes — the too-deep refusal of its format.
 * Null for any other error (a bug).
 */
export function refusalOf(error: unknown, format: string | null): LoadRefusal | null {
  if (error instanceof LoadRefusal) return error;
  if (isStackOverflow(error)) return format === 'html' ? htmlTooDeep() : markdownTooDeep();
  return null;
}

/** True for the error a too-deep recursion throws (“Maximum call stack size exceeded”). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

// ------------------------------------------------------------------------------------- Markdown

const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The visual width of `text[from, to)` with tabs to the next multiple of 4, from column `column`. */
function advance(char: string, column: number): number {
  return char === '\t' ? column + 4 - (column % 4) : column + 1;
}

/**
 * Throw `markdownTooDeep()` when lists and quotes nest more than `MAX_MARKDOWN_DEPTH` levels. A
 * line's depth is its quote markers (`>`) plus the list items it is in: those it opens (`- - x`
 * is two) and those above it whose content its indentation continues (kept across blank lines
 * and lazy lines, as CommonMark keeps them). Fenced and indented code are not counted. It is an
 * estimate that can only err upwards by a level or two, never by a hundred.
 */
export function checkMarkdownDepth(source: string, limit = MAX_MARKDOWN_DEPTH): void {
  // Content columns of the list items open at the current quote depth, innermost last.
  let items: number[] = [];
  let quotes = -1;
  let previousBlank = false;
  let fence: { char: string; length: number; quotes: number } | null = null;
  const lineEnding = /\r\n?|\n/g;
  let lineStart = 0;
  while (lineStart <= source.length) {
    lineEnding.lastIndex = lineStart;
    const ending = lineEnding.exec(source);
    const lineEnd = ending ? ending.index : source.length;
    const line = source.slice(lineStart, lineEnd);
    lineStart = ending ? lineEnd + ending[0].length : source.length + 1;
    // Quote markers: “>”, each after at most 3 spaces, each with one optional space after it.
    let at = 0;
    let depth = 0;
    for (;;) {
      // Inside fenced code, only the markers of the quotes around the fence are markers.
      if (fence && depth === fence.quotes) break;
      let spaces = 0;
      let probe = at;
      while (probe < line.length && (line[probe] === ' ' || line[probe] === '\t') && spaces < 4) {
        spaces = advance(line[probe] as string, spaces);
        probe++;
      }
      if (spaces >= 4 || line[probe] !== '>') break;
      depth++;
      at = probe + 1;
      if (line[at] === ' ') at++;
      if (depth > limit) throw markdownTooDeep();
    }
    // Indentation of what follows the markers.
    let indent = 0;
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) indent = advance(line[at++] as string, indent);
    const rest = line.slice(at);
    if (rest === '') {
      previousBlank = true;
      continue;
    }
    if (depth !== quotes) {
      items = [];
      quotes = depth;
    }
    // Fenced code: nothing inside it is a list or a quote.
    const fenceMark = /^(`{3,}|~{3,})/.exec(rest);
    // A fence ends at its closing fence, or with the quote it is in.
    if (fence && depth < fence.quotes) fence = null;
    if (fence) {
      if (fenceMark && fenceMark[1]?.[0] === fence.char && (fenceMark[1]?.length ?? 0) >= fence.length) fence = null;
      previousBlank = false;
      continue;
    }
    if (fenceMark?.[1]) {
      fence = { char: fenceMark[1][0] ?? '`', length: fenceMark[1].length, quotes: depth };
      previousBlank = false;
      continue;
    }
    // List markers, one after another (“- - x” opens two lists).
    let column = indent;
    let position = 0;
    let opened = 0;
    const isBreak = THEMATIC_BREAK.test(rest);
    while (!isBreak) {
      while (items.length > 0 && (items.at(-1) ?? 0) > column) items.pop();
      // Four columns more than the item it is in: indented code, not a marker.
      if (column - (items.at(-1) ?? 0) >= 4) break;
      const marker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(rest.slice(position));
      if (!marker) break;
      let after = position + marker[0].length;
      let width = column + marker[0].length;
      let gap = 0;
      while (after < rest.length && (rest[after] === ' ' || rest[after] === '\t') && gap < 5) {
        const next = advance(rest[after] as string, width);
        gap += next - width;
        width = next;
        after++;
      }
      // A marker followed by five spaces or more (or nothing) has its content one column after it.
      const content = gap === 0 || gap >= 5 ? column + marker[0].length + 1 : width;
      items.push(content);
      opened++;
      if (depth + items.length > limit) throw markdownTooDeep();
      column = content;
      position = after;
      if (gap >= 5) break;
    }
    // A line after a blank line that is not indented as far as an item's content ends the item;
    // without a blank line before it, it may be a lazy continuation, which ends nothing.
    if (opened === 0 && previousBlank) while (items.length > 0 && (items.at(-1) ?? 0) > indent) items.pop();
    previousBlank = false;
  }
}

// ----------------------------------------------------------------------------------------- HTML

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Elements a start tag of which closes an open paragraph. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'ul', 'li', 'dd', 'dt', 'listing', 'plaintext', 'search',
]);
/** Elements that close an open element of the same family: a new item ends the one before (“<li>a<li>b”). */
const SIBLINGS: Readonly<Record<string, { readonly closes: readonly string[]; readonly within: readonly string[] }>> = {
  li: { closes: ['li'], within: ['ul', 'ol', 'menu', 'table'] },
  dd: { closes: ['dd', 'dt'], within: ['dl', 'table'] },
  dt: { closes: ['dd', 'dt'], within: ['dl', 'table'] },
  tr: { closes: ['tr', 'td', 'th'], within: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { closes: ['td', 'th'], within: ['tr', 'table'] },
  th: { closes: ['td', 'th'], within: ['tr', 'table'] },
  thead: { closes: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], within: ['table'] },
  tbody: { closes: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], within: ['table'] },
  tfoot: { closes: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], within: ['table'] },
  option: { closes: ['option'], within: ['select', 'datalist', 'optgroup'] },
  optgroup: { closes: ['option', 'optgroup'], within: ['select'] },
  rt: { closes: ['rt', 'rp'], within: ['ruby'] },
  rp: { closes: ['rt', 'rp'], within: ['ruby'] },
  button: { closes: ['button'], within: [] },
  h1: { closes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], within: [] },
  h2: { closes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], within: [] },
  h3: { closes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], within: [] },
  h4: { closes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], within: [] },
  h5: { closes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], within: [] },
  h6: { closes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], within: [] },
};
/**
 * Formatting elements. An HTML parser keeps them open across the blocks that close them and opens
 * them again inside the next (“<p><b>bold<p>still bold”), so they are counted apart from the
 * elements open now: up to three alike (the same tag and attributes) at a time, as the parser
 * keeps them, and none of those opened in a table cell once the cell ends.
 */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** Elements inside which formatting from outside is not opened again (the parser's “markers”). */
const MARKERS = new Set(['td', 'th', 'caption', 'marquee', 'object', 'applet', 'template']);

/** Elements that are never nested again: their start tag inside themselves adds nothing. */
const ONCE = new Set(['html', 'head', 'body', 'form']);

/**
 * Throw `htmlTooDeep()` when elements nest more than `MAX_HTML_DEPTH` levels, following the tags
 * as an HTML parser does in the ways that matter for depth: void elements, raw text (scripts,
 * styles), comments, end tags that close what they match, and the start tags that close an open
 * paragraph, list item, cell or option (sloppy pages leave those open by the thousand). Each tag
 * looks at most `MAX_HTML_DEPTH` open elements, so this takes time in proportion to the text.
 */
export function checkHtmlDepth(source: string, limit = MAX_HTML_DEPTH): void {
  const open: string[] = [];
  // The parser's list of formatting elements (see FORMATTING), with a null for each marker: those
  // still open are in `open` too; those a block closed (`closed`) will be opened again.
  const formatting: ({ readonly name: string; readonly key: string; open: boolean } | null)[] = [];
  let closed = 0;
  // Inside <svg> or <math> a “/>” closes the element, as it does in XML.
  let foreign = 0;
  let index = 0;
  /** The index in `formatting` of the last entry called `name` since the last marker, or -1. */
  const lastEntry = (name: string): number => {
    for (let at = formatting.length - 1; at >= 0; at--) {
      const entry = formatting[at];
      if (!entry) return -1;
      if (entry.name === name) return at;
    }
    return -1;
  };
  const dropEntry = (at: number): void => {
    const [entry] = formatting.splice(at, 1);
    if (entry && !entry.open) closed--;
  };
  /** Pop the open elements from `at` on; formatting among them stays listed, to be opened again. */
  const popFrom = (at: number): void => {
    for (let popped = open.length - 1; popped >= at; popped--) {
      const element = open[popped] as string;
      if (element === 'svg' || element === 'math') foreign--;
      if (MARKERS.has(element)) {
        // A cell ends: the formatting opened inside it is not opened again.
        while (formatting.length > 0 && formatting.at(-1) !== null) dropEntry(formatting.length - 1);
        formatting.pop();
      } else if (FORMATTING.has(element)) {
        for (let entry = formatting.length - 1; entry >= 0; entry--) {
          const listed = formatting[entry];
          if (!listed) break;
          if (listed.name === element && listed.open) {
            listed.open = false;
            closed++;
            break;
          }
        }
      }
    }
    open.length = at;
  };
  const closeTo = (name: string, stop: readonly string[] = []): void => {
    for (let at = open.length - 1; at >= 0; at--) {
      const element = open[at] as string;
      if (element === name) return popFrom(at);
      if (stop.includes(element)) return;
    }
  };
  while (index < source.length) {
    const lt = source.indexOf('<', index);
    if (lt < 0) break;
    index = lt + 1;
    const next = source[index] ?? '';
    if (source.startsWith('!--', index)) {
      // “<!-->” and “<!--->” are empty comments.
      const body = index + 3;
      const end = source[body] === '>' ? body - 2 : source.startsWith('->', body) ? body - 1 : source.indexOf('-->', body);
      index = end < 0 ? source.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = source.indexOf('>', index);
      index = end < 0 ? source.length : end + 1;
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? index + 1 : index;
    if (!/[A-Za-z]/.test(source[nameStart] ?? '')) {
      // Not a tag (“a < b”), or a bogus end tag (“</ >”), which is a comment up to “>”.
      if (closing) {
        const end = source.indexOf('>', index);
        index = end < 0 ? source.length : end + 1;
      }
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < source.length && !/[\s/>]/.test(source[nameEnd] as string)) nameEnd++;
    const name = source.slice(nameStart, nameEnd).toLowerCase();
    // The rest of the tag: attributes, with quoted values that may hold “>”.
    let at = nameEnd;
    let selfClosing = false;
    while (at < source.length && source[at] !== '>') {
      const char = source[at] as string;
      if (char === '=') {
        at++;
        while (at < source.length && /\s/.test(source[at] as string)) at++;
        const quote = source[at];
        if (quote === '"' || quote === "'") {
          const end = source.indexOf(quote, at + 1);
          at = end < 0 ? source.length : end + 1;
        }
        continue;
      }
      selfClosing = char === '/' && source[at + 1] === '>';
      at++;
    }
    index = at + 1;
    if (closing) {
      // The end of a formatting element ends it, open or waiting to be opened again.
      const entry = FORMATTING.has(name) ? lastEntry(name) : -1;
      if (entry >= 0) {
        const wasOpen = formatting[entry]?.open === true;
        dropEntry(entry);
        if (wasOpen) {
          const at = open.lastIndexOf(name);
          if (at >= 0) open.splice(at, 1);
        }
      } else {
        closeTo(name);
      }
      continue;
    }
    if (FORMATTING.has(name)) {
      // A link inside a link ends the first.
      if (name === 'a' || name === 'nobr') {
        const entry = lastEntry(name);
        if (entry >= 0) {
          const wasOpen = formatting[entry]?.open === true;
          dropEntry(entry);
          const at = wasOpen ? open.lastIndexOf(name) : -1;
          if (at >= 0) open.splice(at, 1);
        }
      }
      // Of three alike, the earliest is not opened again (it stays open if it is).
      const key = source.slice(nameEnd, at).trim();
      let alike = 0;
      let earliest = -1;
      for (let entry = formatting.length - 1; entry >= 0; entry--) {
        const listed = formatting[entry];
        if (!listed) break;
        if (listed.name === name && listed.key === key) {
          alike++;
          earliest = entry;
        }
      }
      if (alike >= 3) dropEntry(earliest);
      formatting.push({ name, key, open: true });
    }
    if (RAW_TEXT.has(name) && foreign === 0) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = index;
      index = end.exec(source)?.index ?? source.length;
      continue;
    }
    if (name === 'plaintext') break;
    if (VOID.has(name) || (selfClosing && foreign > 0)) continue;
    if (ONCE.has(name) && open.includes(name)) continue;
    if (CLOSES_P.has(name)) closeTo('p', ['button', 'table', 'td', 'th', 'html', 'svg', 'math']);
    const family = SIBLINGS[name];
    if (family) for (const sibling of family.closes) closeTo(sibling, family.within);
    open.push(name);
    if (name === 'svg' || name === 'math') foreign++;
    if (MARKERS.has(name)) formatting.push(null);
    if (open.length + closed > limit) throw htmlTooDeep();
  }
}
