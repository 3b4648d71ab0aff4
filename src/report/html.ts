/**
 * The HTML report (`--format html`): one self-contained page for voluntary-sector reviewers and
 * HR staff who co-review documents. A summary and a table of contents come first; then, for each
 * file, its I.D.E.A.S. scorecard, the document's text with every finding marked where it is
 * (linked to its explanation, and back), the findings grouped by pillar, the suppressed findings
 * with their reasons, and the reading measures.
 *
 * The page needs no scripts, fonts or network: its styles are inline, and a Content Security
 * Policy forbids everything else. Text from documents (and file names, and messages quoting
 * documents) is untrusted: control characters and direction overrides are removed, and the rest
 * is escaped, so no document can add markup to the report. The page is written to be accessible
 * (landmarks, a skip link, headings in order, highlights that do not rely on colour) and prints
 * well (no navigation, highlights visible in black and white, each file on a new page).
 *
 * The summary and the contents at the top need every file first, so the writer keeps each file's
 * rendered part (never its result) and writes the page at the end.
 */
import { DOC_TYPE_NAMES } from '../engine/doc-type.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import { fixFirst } from './priority.js';
import {
  GROUP_NAMES,
  GROUP_SHORT_NAMES,
  PILLARS,
  type DocumentText,
  type FileResult,
  type Finding,
  type Highlight,
  type Metrics,
  type SuppressedFinding,
  type TextBlock,
} from '../types.js';
import { fileKind, findingCount, SEVERITY_NAMES, SUPPRESSION_NAMES } from './labels.js';
import { placeText } from './sarif.js';
import { countUnreadable, plural, type StylishOptions } from './stylish.js';
import { summarise, type Summary } from './summary.js';

/** What the HTML report needs besides the results: rule metadata (for fixes) and the target reading age. */
export type HtmlOptions = Pick<StylishOptions, 'rules' | 'readingAge'>;

/*
 * Text made safe for HTML.
 */

// C0 controls except tab and line breaks, DEL, C1 controls, and bidi/invisible direction marks.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** `text` without control characters or direction overrides; `\r\n` and `\r` become `\n`. */
export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` escaped for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Untrusted text, cleaned and escaped, keeping its line breaks. */
export function html(text: string): string {
  return escapeHtml(stripControls(text));
}

/** Untrusted text on one line: cleaned, white space made single spaces, and escaped. */
export function line(text: string): string {
  return escapeHtml(stripControls(text).replace(/\s+/g, ' ').trim());
}

/** `text` cut to `max` characters, ending with “…” when cut. */
function shorten(text: string, max: number): string {
  const one = stripControls(text).replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/*
 * Names and labels.
 */

function fileName(result: FileResult): string {
  return result.path === '-' ? 'standard input' : result.path;
}

/** `text` with its first letter in capitals. */
export function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The identifiers of a file's parts, so that links between them are unique in the page. */
interface Ids {
  readonly file: string;
  finding(index: number): string;
  mark(index: number): string;
  ref(index: number): string;
}

function idsOf(file: number): Ids {
  return {
    file: `file-${file}`,
    finding: (index) => `f${file}-${index + 1}`,
    mark: (index) => `h${file}-${index + 1}`,
    ref: (index) => `r${file}-${index + 1}`,
  };
}

/*
 * The document's text, with the findings marked in place.
 */

/** A range of a block's text flagged by a finding (its index in the file's findings). */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly finding: number;
}

/**
 * The highlights that point at a finding of the file and at the very text it flagged. A result
 * whose findings were filtered after checking (a baseline, `--quiet`) may hold highlights whose
 * index no longer matches: those are left out, and their findings are listed as not marked.
 */
function trustedHighlights(result: FileResult, text: DocumentText): Highlight[] {
  return text.highlights.filter((highlight) => {
    const block = text.blocks[highlight.block];
    const finding = result.findings[highlight.finding];
    if (block === undefined || finding === undefined) return false;
    if (!Number.isInteger(highlight.start) || !Number.isInteger(highlight.end)) return false;
    if (highlight.start < 0 || highlight.end > block.text.length || highlight.start >= highlight.end) return false;
    return finding.actual === null || finding.actual === block.text.slice(highlight.start, highlight.end);
  });
}

/** Writes the opening of each mark and the reference after each, giving ids to the first of each finding. */
class MarkWriter {
  private readonly started = new Set<Span>();
  private readonly marked = new Set<number>();
  private readonly referenced = new Set<number>();

  constructor(
    private readonly ids: Ids,
    private readonly findings: readonly Finding[],
  ) {}

  /** The opening tag of a piece of `span`, nested `depth` marks deep. */
  open(span: Span, depth: number): string {
    const severity = this.findings[span.finding]?.severity ?? 'info';
    const first = !this.marked.has(span.finding);
    this.marked.add(span.finding);
    const id = first ? ` id="${this.ids.mark(span.finding)}"` : '';
    const label = this.started.has(span) ? '' : `<span class="vh">[finding ${span.finding + 1} starts] </span>`;
    this.started.add(span);
    return `<mark class="hl sev-${severity} d${Math.min(depth, 2)}" data-finding="${span.finding + 1}"${id}>${label}`;
  }

  /** The bracketed number after `span`, linking to its explanation. */
  ref(span: Span): string {
    const first = !this.referenced.has(span.finding);
    this.referenced.add(span.finding);
    const id = first ? ` id="${this.ids.ref(span.finding)}"` : '';
    return `<a class="ref" href="#${this.ids.finding(span.finding)}"${id}>[<span class="vh">finding </span>${span.finding + 1}]</a>`;
  }

  /** True when some part of the finding is marked in the text. */
  isMarked(finding: number): boolean {
    return this.marked.has(finding);
  }
}

/** Outer spans first: earlier start, then longer, then in finding order. */
function nesting(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || a.finding - b.finding;
}

/** How many leading spans two stacks share. */
function sharedPrefix(a: readonly Span[], b: readonly Span[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared;
}

/** Close `spans` (innermost last in the list, so closed first); those that end at `at` get their reference. */
function closeMarks(spans: readonly Span[], at: number, marks: MarkWriter): string {
  return [...spans]
    .reverse()
    .map((span) => `</mark>${span.end <= at ? marks.ref(span) : ''}`)
    .join('');
}

/**
 * A block's text with its spans marked. Overlapping spans nest; a span that crosses the end of
 * another is split into pieces, each a `<mark>` of its own, and only its last piece is followed
 * by its reference.
 */
function markText(text: string, spans: readonly Span[], marks: MarkWriter): string {
  const points = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  let open: Span[] = [];
  let out = '';
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index] ?? 0;
    const to = points[index + 1] ?? from;
    const active = spans.filter((span) => span.start <= from && span.end >= to).sort(nesting);
    const kept = sharedPrefix(open, active);
    out += closeMarks(open.slice(kept), from, marks);
    out += active
      .slice(kept)
      .map((span, depth) => marks.open(span, kept + depth))
      .join('');
    out += html(text.slice(from, to));
    open = active;
  }
  return out + closeMarks(open, text.length, marks);
}

/** One block's element, its text marked. */
function blockElement(block: TextBlock, inner: string): string {
  switch (block.kind) {
    case 'heading': {
      const depth = Math.min(Math.max(block.depth ?? 1, 1), 6);
      return `<p class="doc-heading doc-h${depth}"><span class="kind" aria-hidden="true">H${depth}</span><span class="vh">Heading level ${depth}: </span>${inner}</p>`;
    }
    case 'quote':
      return `<blockquote class="doc-quote"><p>${inner}</p></blockquote>`;
    case 'list-item':
    case 'table-cell':
      return `<li>${inner}</li>`;
    case 'paragraph':
      return `<p class="doc-p">${inner}</p>`;
  }
}

/** The list that holds consecutive list items or table cells. */
function groupOpening(kind: TextBlock['kind']): string {
  return kind === 'table-cell' ? '<div class="doc-table"><p class="kind">Table cells</p><ul class="doc-cells">' : '<ul class="doc-list">';
}

function groupClosing(kind: TextBlock['kind']): string {
  return kind === 'table-cell' ? '</ul></div>' : '</ul>';
}

const GROUPED: ReadonlySet<TextBlock['kind']> = new Set(['list-item', 'table-cell']);

/** Every block of the document, list items and table cells gathered in lists. */
function renderBlocks(text: DocumentText, spans: ReadonlyMap<number, Span[]>, marks: MarkWriter): string {
  const out: string[] = [];
  let group: TextBlock['kind'] | null = null;
  text.blocks.forEach((block, index) => {
    const wanted = GROUPED.has(block.kind) ? block.kind : null;
    if (group !== wanted) {
      if (group !== null) out.push(groupClosing(group));
      if (wanted !== null) out.push(groupOpening(wanted));
      group = wanted;
    }
    out.push(blockElement(block, markText(block.text, spans.get(index) ?? [], marks)));
  });
  if (group !== null) out.push(groupClosing(group));
  return out.join('\n');
}

/** A link to a finding's explanation: `[3] message`. */
function findingLink(ids: Ids, finding: Finding, index: number): string {
  return `<li><a href="#${ids.finding(index)}">[${index + 1}] ${line(finding.message)}</a></li>`;
}

/** The document section: the text with its findings marked, then the findings not marked in it. */
function documentSection(result: FileResult, ids: Ids): { readonly html: string; readonly marks: MarkWriter } {
  const marks = new MarkWriter(ids, result.findings);
  const parts = ['<section class="document">', '<h3>The document, with findings marked</h3>'];
  if (!result.text) {
    parts.push('<p>The document’s text is not part of this report: its findings are listed below.</p>', '</section>');
    return { html: parts.join('\n'), marks };
  }
  const spans = new Map<number, Span[]>();
  for (const highlight of trustedHighlights(result, result.text)) {
    const list = spans.get(highlight.block) ?? [];
    list.push({ start: highlight.start, end: highlight.end, finding: highlight.finding });
    spans.set(highlight.block, list);
  }
  parts.push(
    '<p class="hint">Each finding is marked where it is, and followed by its number in brackets: follow the number to its explanation. Errors are underlined with a solid line, warnings with a dashed line and information with a dotted line.</p>',
    `<div class="doc">\n${renderBlocks(result.text, spans, marks)}\n</div>`,
  );
  const unmarked = result.findings.map((finding, index) => ({ finding, index })).filter(({ index }) => !marks.isMarked(index));
  if (unmarked.length > 0) {
    parts.push(
      `<p>Not marked in the text: ${plural(unmarked.length, 'finding')} about the whole document, or about things that are not text (images, tables, the layout).</p>`,
      `<ul class="unmarked">${unmarked.map(({ finding, index }) => findingLink(ids, finding, index)).join('')}</ul>`,
    );
  }
  parts.push('</section>');
  return { html: parts.join('\n'), marks };
}

/*
 * The scorecard, the findings and the rest of a file's part.
 */

/** A list of names, or “none”. */
function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? '<span class="none">none</span>' : items.map(line).join(', ');
}

function scorecardSection(result: FileResult): string {
  if (!result.scorecard) return '';
  const kind = result.type ? DOC_TYPE_NAMES[result.type] : 'document';
  const rows = result.scorecard.map(
    (entry) =>
      `<tr><th scope="row">${PILLAR_NAMES[entry.pillar]}</th><td>${entry.findings}</td><td>${listOrNone(entry.does)}</td><td>${listOrNone(entry.missing)}</td><td>${listOrNone(entry.groups.map((group) => GROUP_SHORT_NAMES[group]))}</td></tr>`,
  );
  return [
    '<section class="scorecard">',
    '<h3>I.D.E.A.S. scorecard</h3>',
    // On a narrow screen (or at 400% zoom) the table scrolls in its own box, not the page.
    `<div class="table-wrap" role="region" aria-label="I.D.E.A.S. scorecard of ${line(fileName(result))}" tabindex="0">`,
    '<table>',
    `<caption>For each pillar: how many findings, what this ${kind} tells people, what it leaves out, and who those barriers affect.</caption>`,
    '<thead><tr><th scope="col">Pillar</th><th scope="col">Findings</th><th scope="col">Has</th><th scope="col">Missing</th><th scope="col">Affects</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</div>',
    '</section>',
  ].join('\n');
}

/** The fix for a finding: its suggestions, or its rule's general fix. */
function fixOf(finding: Finding, options: HtmlOptions): string | null {
  if (finding.suggestions.length > 0) return finding.suggestions.map(line).join(' / ');
  const fix = options.rules.get(finding.ruleId)?.fix;
  return fix ? line(fix) : null;
}

/** A term and its description, for a finding's details. */
function detail(term: string, description: string | null): string {
  return description === null || description === '' ? '' : `<dt>${term}</dt><dd>${description}</dd>`;
}

function foundText(finding: Finding): string | null {
  return finding.actual === null || finding.actual.trim() === '' ? null : `“${escapeHtml(shorten(finding.actual, 200))}”`;
}

function findingItem(finding: Finding, index: number, ids: Ids, marks: MarkWriter, options: HtmlOptions): string {
  const back = marks.isMarked(index) ? `<p class="back"><a href="#${ids.mark(index)}">Back to finding ${index + 1} in the text</a></p>` : '';
  return [
    `<li class="finding sev-${finding.severity}" id="${ids.finding(index)}">`,
    `<p class="finding-title"><strong class="num">[${index + 1}]</strong> <span class="sev">${SEVERITY_NAMES[finding.severity]}</span> ${line(finding.message)}</p>`,
    '<dl>',
    detail('Where', line(placeText(finding.location))),
    detail('Found', foundText(finding)),
    detail('Why it matters', line(finding.note)),
    detail('Who it affects', finding.groups.map((group) => GROUP_NAMES[group]).join('; ')),
    detail('How to fix', fixOf(finding, options)),
    detail('Rule', `<code>${line(finding.ruleId)}</code>`),
    '</dl>',
    back,
    '</li>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function findingsSection(result: FileResult, ids: Ids, marks: MarkWriter, options: HtmlOptions): string {
  const parts = ['<section class="findings">', '<h3>Findings by I.D.E.A.S. pillar</h3>'];
  if (result.findings.length === 0) parts.push('<p>No problems found.</p>');
  for (const pillar of PILLARS) {
    const mine = result.findings.map((finding, index) => ({ finding, index })).filter(({ finding }) => finding.pillar === pillar);
    if (mine.length === 0) continue;
    parts.push(
      '<section class="pillar">',
      `<h4>${PILLAR_NAMES[pillar]}: ${plural(mine.length, 'finding')}</h4>`,
      `<ul class="finding-list">\n${mine.map(({ finding, index }) => findingItem(finding, index, ids, marks, options)).join('\n')}\n</ul>`,
      '</section>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function suppressedItem({ finding, kind, reason }: SuppressedFinding, options: HtmlOptions): string {
  return [
    '<li class="suppressed-finding">',
    `<p class="finding-title"><span class="sev">${SEVERITY_NAMES[finding.severity]}</span> ${line(finding.message)}</p>`,
    '<dl>',
    detail('Where', line(placeText(finding.location))),
    detail('Found', foundText(finding)),
    detail('Suppressed by', SUPPRESSION_NAMES[kind]),
    detail('Reason', line(reason)),
    detail('How to fix', fixOf(finding, options)),
    detail('Rule', `<code>${line(finding.ruleId)}</code>`),
    '</dl>',
    '</li>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function suppressedSection(result: FileResult, options: HtmlOptions): string {
  if (result.suppressed.length === 0) return '';
  return [
    '<section class="suppressed">',
    `<h3>Suppressed: ${plural(result.suppressed.length, 'finding')}</h3>`,
    '<p>These were found but not reported, for the reasons given. They do not count towards the totals.</p>',
    `<ul class="finding-list">\n${result.suppressed.map((entry) => suppressedItem(entry, options)).join('\n')}\n</ul>`,
    '</section>',
  ].join('\n');
}

function metricsSection(metrics: Metrics | null, target: number): string {
  if (!metrics) return '';
  const measured = (value: number | null, extra = ''): string => (value === null ? 'not measured: the document has too little prose' : `${value.toFixed(1)}${extra}`);
  return [
    '<section class="metrics">',
    '<h3>Reading measures</h3>',
    '<dl>',
    detail('Words', String(metrics.words)),
    detail('Sentences', String(metrics.sentences)),
    detail('UK reading age', measured(metrics.readingAge, ` (target ${target} or lower${metrics.readingAge !== null && metrics.readingAge > target ? ': too high' : ''})`)),
    detail('Flesch reading ease', measured(metrics.fleschReadingEase, ' (higher is easier; 60 or more is plain English)')),
    detail('Flesch–Kincaid grade', measured(metrics.fleschKincaidGrade)),
    '</dl>',
    '</section>',
  ].join('\n');
}

/** What to fix first: the errors, then the warnings that matter most, each linked to its finding. */
function fixFirstSection(result: FileResult, ids: Ids): string {
  const first = fixFirst(result.findings);
  if (first.length === 0) return '';
  const items = first.flatMap((index) => {
    const finding = result.findings[index];
    return finding ? [`<li><a href="#${ids.finding(index)}"><span class="sev">${SEVERITY_NAMES[finding.severity]}</span> [${index + 1}]</a> ${line(finding.message)}</li>`] : [];
  });
  return ['<section class="fix-first">', '<h3>Fix these first</h3>', `<ol>\n${items.join('\n')}\n</ol>`, '</section>'].join('\n');
}

/** The one-line summary of a file, under its name. */
function fileSummary(result: FileResult): string {
  const suppressed = result.suppressed.length > 0 ? ` ${plural(result.suppressed.length, 'finding')} suppressed.` : '';
  return `<p class="file-summary">${line(fileKind(result))}. ${capitalised(findingCount(result.findings))}.${suppressed}</p>`;
}

/** One file's part of the page: an `<article>` with its name, summary and sections. */
export function htmlFile(result: FileResult, file: number, options: HtmlOptions): string {
  const ids = idsOf(file);
  const heading = `<h2 id="${ids.file}-title">${line(fileName(result))}</h2>`;
  const parts = [`<article class="file" id="${ids.file}" aria-labelledby="${ids.file}-title">`, heading];
  if (result.error) {
    parts.push(`<p class="file-error"><strong>Could not be read:</strong> ${line(result.error.message)} <code>${line(result.error.code)}</code></p>`);
  } else {
    const document = documentSection(result, ids);
    parts.push(
      fileSummary(result),
      fixFirstSection(result, ids),
      scorecardSection(result),
      document.html,
      findingsSection(result, ids, document.marks, options),
      suppressedSection(result, options),
      metricsSection(result.metrics, options.readingAge),
    );
  }
  parts.push('</article>');
  return `${parts.filter((part) => part !== '').join('\n')}\n`;
}

/** A file's entry in the table of contents. */
function contentsEntry(result: FileResult, file: number): string {
  const status = result.error ? 'could not be read' : result.findings.length === 0 ? 'no findings' : plural(result.findings.length, 'finding');
  return `<li><a href="#${idsOf(file).file}">${line(fileName(result))}</a>: ${status}</li>`;
}

/*
 * The page.
 */

/** The report's styles (the page `recruit-check serve` shows uses them too). */
export const REPORT_STYLE = `
:root { color: #1b1b1b; background: #fff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 0 1rem 3rem; }
a { color: #0b3d91; }
a:focus-visible, main:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
code { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: 0.95em; }
.vh { clip-path: inset(50%); height: 1px; overflow: hidden; position: absolute; white-space: nowrap; width: 1px; }
.skip { background: #fff; left: 1rem; padding: 0.5rem 1rem; position: absolute; top: -10rem; }
.skip:focus { top: 1rem; }
header { border-bottom: 2px solid #1b1b1b; padding: 1rem 0; }
h1 { font-size: 1.9rem; margin: 0 0 0.5rem; }
h2 { border-top: 4px solid #1b1b1b; font-size: 1.5rem; margin-top: 2.5rem; overflow-wrap: anywhere; padding-top: 0.75rem; }
nav h2 { border-top: none; margin-top: 1rem; padding-top: 0; }
h3 { font-size: 1.25rem; margin-top: 2rem; }
h4 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
.table-wrap { overflow-x: auto; }
.table-wrap:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
nav li { overflow-wrap: anywhere; }
caption { caption-side: top; color: #444; padding-bottom: 0.5rem; text-align: left; }
th, td { border: 1px solid #767676; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.none { color: #444; font-style: italic; }
.hint { color: #444; }
.doc { border: 1px solid #767676; line-height: 2.3; padding: 0.5rem 1rem; }
.doc p, .doc ul, .doc blockquote { margin: 0.5rem 0; }
.doc-p, .doc-heading, .doc li, .doc-quote p { overflow-wrap: anywhere; white-space: pre-line; }
.doc-heading { font-weight: 700; }
.doc-h1 { font-size: 1.4rem; }
.doc-h2 { font-size: 1.2rem; }
.kind { border: 1px solid #767676; border-radius: 0.2rem; color: #444; font-size: 0.75rem; font-weight: 400; margin-right: 0.4rem; padding: 0 0.25rem; }
p.kind { border: none; display: block; margin: 0; padding: 0; }
.doc-quote { border-left: 4px solid #767676; margin-left: 0; padding-left: 1rem; }
.doc-cells { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
.doc-cells li { border: 1px solid #767676; padding: 0 0.5rem; }
mark.hl { border-bottom: 3px solid; color: #000; padding: 0 0 0.1em; }
mark.hl.d0 { padding-bottom: 0.45em; }
mark.hl.d1 { padding-bottom: 0.28em; }
mark.sev-error { background: #fde2e1; border-bottom-color: #a4161a; border-bottom-style: solid; }
mark.sev-warning { background: #fff1b8; border-bottom-color: #6b4e00; border-bottom-style: dashed; }
mark.sev-info { background: #dcecff; border-bottom-color: #174ea6; border-bottom-style: dotted; }
mark.hl:target { outline: 3px solid #1b1b1b; }
.ref { font-size: 0.85em; font-weight: 700; margin-left: 0.1em; }
.finding-list { list-style: none; padding: 0; }
.finding-list > li { border: 1px solid #767676; border-left-width: 6px; margin: 0 0 1rem; padding: 0.5rem 1rem; }
.finding-list > li:target { outline: 3px solid #1b1b1b; }
li.sev-error { border-left-color: #a4161a; }
li.sev-warning { border-left-color: #6b4e00; border-left-style: dashed; }
li.sev-info { border-left-color: #174ea6; border-left-style: dotted; }
.finding-title { font-weight: 600; margin: 0.25rem 0 0.5rem; overflow-wrap: anywhere; }
.sev { border: 1px solid #1b1b1b; border-radius: 0.2rem; font-size: 0.85em; padding: 0 0.3rem; }
.sev-error .sev { color: #a4161a; }
.sev-warning .sev { color: #6b4e00; }
.sev-info .sev { color: #174ea6; }
dl { display: grid; gap: 0.25rem 1rem; grid-template-columns: max-content 1fr; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.back { margin: 0.5rem 0 0; }
.file-error { border-left: 6px solid #a4161a; padding-left: 1rem; }
@media (max-width: 40rem) { dl { display: block; } dd { margin-bottom: 0.5rem; } }
@media print {
  nav, .skip, .back, .hint { display: none; }
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  .ref { text-decoration: underline; }
  .file + .file { break-before: page; }
  .table-wrap { overflow: visible; }
  h2, h3, h4 { break-after: avoid; }
  .finding-list > li, tr { break-inside: avoid; }
  mark.hl { border-bottom-color: #000; }
  .finding-list > li { border-color: #000; }
  .sev-error .sev, .sev-warning .sev, .sev-info .sev { color: #000; }
}
`;

/** The page's Content Security Policy: its inline styles, and nothing else. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

function pageTitle(names: readonly string[]): string {
  return names.length === 1 ? `recruit-check report: ${names[0] ?? ''}` : `recruit-check report: ${plural(names.length, 'file')}`;
}

/** The report's summary across every file, for the page header. */
function summaryText(summary: Summary, unreadable: number): string {
  const problems = summary.errors + summary.warnings + summary.info;
  const found =
    problems === 0
      ? 'No problems found'
      : `${plural(problems, 'problem')} found (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info)`;
  const suppressed = summary.suppressed > 0 ? ` ${plural(summary.suppressed, 'finding')} suppressed.` : '';
  const unread = unreadable > 0 ? ` ${plural(unreadable, 'file')} could not be read.` : '';
  return `${found} in ${plural(summary.files, 'file')}.${suppressed}${unread}`;
}

/** The start of a self-contained page, to its `</head>`: its policy, its (escaped) title and its inline styles. */
export function selfContainedHead(policy: string, title: string, style: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="recruit-check">',
    `<title>${line(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
  ];
}

/** The whole page around the files' parts. */
function page(names: readonly string[], contents: readonly string[], files: readonly string[], summary: Summary, unreadable: number): string {
  return [
    ...selfContainedHead(CSP, pageTitle(names), REPORT_STYLE),
    '<body>',
    '<a class="skip" href="#main">Skip to the report</a>',
    '<header>',
    '<h1>recruit-check report</h1>',
    `<p class="summary">${summaryText(summary, unreadable)}</p>`,
    '<p>Each finding says where it is, why it matters, who it affects and how to fix it, grouped by the I.D.E.A.S. pillars (Inform, Develop, Encourage, Awareness, Support).</p>',
    '</header>',
    '<nav aria-labelledby="contents-title">',
    '<h2 id="contents-title">Contents</h2>',
    contents.length === 0 ? '<p>No files were checked.</p>' : `<ol>\n${contents.join('\n')}\n</ol>`,
    '</nav>',
    '<main id="main" tabindex="-1">',
    ...files.map((file) => file.trimEnd()),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Writes the HTML report in pieces that join to the whole page. */
export interface HtmlWriter {
  /** The start of the page: nothing, as the summary at its top needs every file. */
  head(): string;
  /** Render one file's part and keep it: returns nothing. */
  file(result: FileResult): string;
  /** The whole page, with the summary of every file. */
  end(summary: Summary, unreadable: number): string;
}

/** A writer of the HTML report: it keeps each file's rendered part (not its result) until the end. */
export function htmlWriter(options: HtmlOptions): HtmlWriter {
  const names: string[] = [];
  const contents: string[] = [];
  const files: string[] = [];
  return {
    head: () => '',
    file(result) {
      const file = files.length + 1;
      names.push(fileName(result));
      contents.push(contentsEntry(result, file));
      files.push(htmlFile(result, file, options));
      return '';
    },
    end: (summary, unreadable) => page(names, contents, files, summary, unreadable),
  };
}

/** The HTML report as a string. */
export function formatHtml(results: readonly FileResult[], options: HtmlOptions): string {
  const writer = htmlWriter(options);
  for (const result of results) writer.file(result);
  return writer.end(summarise(results), countUnreadable(results));
}
