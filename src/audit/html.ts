/**
 * The audit as a self-contained HTML dashboard (`--format html`): the changes that would help
 * most people first, then each measure as a chart with its data table and a sentence that says
 * what it shows, the measures of each group side by side, the changes since an earlier audit,
 * and a table of every document that sorts.
 *
 * Like the HTML report, it needs nothing from anywhere: its styles are inline, and its Content
 * Security Policy allows only them and its one small script (by its hash), which sorts the table
 * of documents. Without the script the table is in order of most errors first. Every text from a
 * document, a file name or a config is escaped. Charts are SVG images with a title and a
 * description, each followed by the table of its figures, so nothing depends on seeing a chart.
 */
import { createHash } from 'node:crypto';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import { line as safe, REPORT_STYLE, selfContainedHead } from '../report/html.js';
import { GROUP_SHORT_NAMES, type Pillar } from '../types.js';
import type { Change, Comparison } from './json.js';
import type { AuditResult, Gap, GroupMeasures, RuleMeasure } from './measure.js';
import type { DocumentTable } from './table.js';


/** The documents a gap names in the dashboard (the JSON names up to ten). */
const SHOWN_FILES = 5;

const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

const plural = (count: number, word: string, many = `${word}s`): string => `${count.toLocaleString('en-GB')} ${count === 1 ? word : many}`;

function signedPoints(change: number | null, kind: Change['kind']): string {
  if (change === null) return '–';
  if (kind === 'reading-age') return `${change > 0 ? '+' : ''}${change.toFixed(1)} years`;
  const points = Math.round(change * 100);
  return `${points > 0 ? '+' : ''}${points} points`;
}

/** A horizontal bar chart of shares, as an accessible SVG image, with its summary sentence. */
function barChart(id: string, title: string, summary: string, bars: readonly { label: string; share: number | null; text?: string }[]): string {
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 360;
  const height = bars.length * rowHeight + 10;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 5;
    const width = Math.max(0, Math.min(1, bar.share ?? 0)) * barWidth;
    return [
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${safe(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="${rowHeight - 10}" class="track"></rect>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${width.toFixed(1)}" height="${rowHeight - 10}" class="bar"></rect>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 17}">${safe(bar.text ?? percent(bar.share))}</text>`,
    ].join('');
  });
  return [
    `<figure class="chart" aria-labelledby="${id}-caption">`,
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}" preserveAspectRatio="xMinYMin meet">`,
    `<title id="${id}-title">${safe(title)}</title>`,
    `<desc id="${id}-desc">${safe(summary)}</desc>`,
    ...rows,
    '</svg>',
    `<figcaption id="${id}-caption">${safe(summary)}</figcaption>`,
    '</figure>',
  ].join('\n');
}

/** A table with a caption, a piece at a time: its opening, then each row, then its end. */
function* tablePieces(caption: string, head: readonly string[], rows: Iterable<readonly string[]>, numeric: ReadonlySet<number> = new Set(), className?: string): Generator<string> {
  const th = head.map((cell, index) => `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${cell}</th>`).join('');
  yield `<div class="table-wrap" role="region" aria-label="${safe(caption)}" tabindex="0">\n<table${className ? ` class="${className}"` : ''}>\n<caption>${safe(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n`;
  let first = true;
  for (const row of rows) {
    yield `${first ? '' : '\n'}<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric.has(index) ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`;
    first = false;
  }
  yield '\n</tbody>\n</table>\n</div>';
}

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  return [...tablePieces(caption, head, rows, numeric)].join('');
}

/** The change of a measure of all documents, for the tables' last columns. */
function changeCells(changes: ReadonlyMap<string, Change> | null, group: string, kind: Change['kind'], measure: string): string[] {
  if (!changes) return [];
  const change = changes.get(`${group}\u0000${kind}\u0000${measure}`);
  const before = change?.before ?? null;
  return [kind === 'reading-age' ? (before === null ? '–' : before.toFixed(1)) : percent(before), signedPoints(change?.change ?? null, kind)];
}

function gapsSection(gaps: readonly Gap[], documents: number): string {
  if (gaps.length === 0) return '<section aria-labelledby="gaps-title"><h2 id="gaps-title">The changes that would help most people</h2><p>No document has anything to fix.</p></section>';
  const items = gaps.map((gap) => {
    const what = gap.kind === 'topic' ? `Tell people about ${gap.id}` : `${gap.description} (${gap.id})`;
    const who = `${plural(gap.documents, 'document')} of ${documents.toLocaleString('en-GB')} (${percent(gap.share)}) ${gap.kind === 'topic' ? 'leave it out' : 'have this barrier'}`;
    const shown = gap.improves.slice(0, SHOWN_FILES);
    const more = gap.documents - shown.length;
    return [
      `<li><p class="gap-title">${safe(what)} <span class="kind">${safe(PILLAR_NAMES[gap.pillar])}</span></p>`,
      `<p>${safe(who)}.</p>`,
      gap.fix ? `<p><strong>Fix:</strong> ${safe(gap.fix)}</p>` : '',
      `<p class="hint">It would improve ${shown.map((file) => `<code>${safe(file)}</code>`).join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-GB')} more` : ''}.</p></li>`,
    ].join('\n');
  });
  return `<section aria-labelledby="gaps-title">\n<h2 id="gaps-title">The changes that would help most people</h2>\n<p>The commonest gaps across every document, each with its fix.</p>\n<ol class="gaps">\n${items.join('\n')}\n</ol>\n</section>`;
}

function topicsSection(overall: GroupMeasures, changes: ReadonlyMap<string, Change> | null): string {
  if (overall.topics.length === 0) return '';
  const sorted = [...overall.topics].sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
  const least = sorted.at(-1);
  const most = sorted[0];
  const summary = least && most ? `Of ${overall.topics.length} required topics, “${most.topic}” is given most often (${percent(most.share)} of the documents it applies to) and “${least.topic}” least often (${percent(least.share)}).` : '';
  const head = ['Topic', 'Pillar', 'Documents that give it', 'Documents it applies to', 'Share', ...(changes ? ['Before', 'Change'] : [])];
  const rows = overall.topics.map((topic) => [safe(topic.topic), safe(PILLAR_NAMES[topic.pillar]), String(topic.present), String(topic.documents), percent(topic.share), ...changeCells(changes, overall.name, 'topic', topic.topic)]);
  return [
    '<section aria-labelledby="topics-title">',
    '<h2 id="topics-title">What the documents tell people</h2>',
    '<p>For each topic a document of its kind should cover: the share of those documents that cover it.</p>',
    barChart('topics-chart', 'Share of documents that give each required topic', summary, overall.topics.map((topic) => ({ label: topic.topic, share: topic.share }))),
    table('Required topics: documents that give each one', head, rows, new Set([2, 3, 4])),
    '</section>',
  ].join('\n');
}

function pillarsSection(overall: GroupMeasures, changes: ReadonlyMap<string, Change> | null): string {
  const best = [...overall.pillars].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  const worst = [...overall.pillars].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  const summary = best && worst ? `${best.name} has the most documents with nothing to fix (${percent(best.score)}); ${worst.name} the fewest (${percent(worst.score)}).` : '';
  const head = ['Pillar', 'Documents with nothing to fix', 'Score', 'The barriers affect', ...(changes ? ['Before', 'Change'] : [])];
  const rows = overall.pillars.map((pillar) => [safe(pillar.name), String(pillar.clean), percent(pillar.score), safe(pillar.groups.map((group) => GROUP_SHORT_NAMES[group]).join(', ') || 'nobody'), ...changeCells(changes, overall.name, 'pillar', pillar.pillar)]);
  return [
    '<section aria-labelledby="pillars-title">',
    '<h2 id="pillars-title">I.D.E.A.S. pillars</h2>',
    '<p>A pillar’s score is the share of documents with nothing to fix under it: no finding and no missing topic.</p>',
    barChart('pillars-chart', 'Score of each I.D.E.A.S. pillar', summary, overall.pillars.map((pillar) => ({ label: pillar.name, share: pillar.score }))),
    table('I.D.E.A.S. pillars: documents with nothing to fix under each', head, rows, new Set([1, 2])),
    '</section>',
  ].join('\n');
}

function rulesTable(caption: string, rules: readonly RuleMeasure[], overall: GroupMeasures, changes: ReadonlyMap<string, Change> | null): string {
  const head = ['Rule', 'What it finds', 'Documents', 'Share', 'Findings', 'Examples', ...(changes ? ['Before', 'Change'] : [])];
  const rows = rules.map((rule) => [
    `<code>${safe(rule.rule)}</code>`,
    safe(rule.description),
    String(rule.documents),
    percent(rule.share),
    String(rule.count),
    rule.examples.map((example) => `<code>${safe(example.path)}</code>, ${safe(example.where)}${example.text ? `: “${safe(example.text)}”` : ''}`).join('<br>'),
    ...changeCells(changes, overall.name, 'rule', rule.rule),
  ]);
  return table(caption, head, rows, new Set([2, 3, 4]));
}

function barriersSection(overall: GroupMeasures, changes: ReadonlyMap<string, Change> | null): string {
  const top = overall.rules[0];
  const rules = overall.rules.length === 0 ? '<p>No document has a barrier in its wording.</p>' : rulesTable('Barriers in the wording: documents with each', overall.rules, overall, changes);
  const access = overall.accessibility.length === 0 ? '<p>No document has a problem with its structure or formatting.</p>' : rulesTable('Document accessibility: documents with each problem', overall.accessibility, overall, changes);
  return [
    '<section aria-labelledby="barriers-title">',
    '<h2 id="barriers-title">Barriers in the wording</h2>',
    top ? `<p>The commonest is <code>${safe(top.rule)}</code>, in ${plural(top.documents, 'document')} (${percent(top.share)}).</p>` : '',
    rules,
    '<h2 id="access-title">Document accessibility</h2>',
    '<p>Scanned pages, untagged PDFs, images without alt text, bold text posing as headings and formatting that is hard to read.</p>',
    access,
    '</section>',
  ].join('\n');
}

function readingSection(overall: GroupMeasures, readingAge: number, changes: ReadonlyMap<string, Change> | null): string {
  const measure = overall.readingAge;
  const summary = measure.median === null ? 'No document has enough prose to measure.' : `The median reading age is ${measure.median.toFixed(1)} (the target is ${readingAge} or lower), over ${plural(measure.documents, 'document')}.`;
  const most = Math.max(1, ...measure.bands.map((band) => band.documents));
  return [
    '<section aria-labelledby="reading-title">',
    '<h2 id="reading-title">Reading age</h2>',
    `<p>${safe(summary)}${changes ? ` Before: ${safe(changeCells(changes, overall.name, 'reading-age', 'median')[0] ?? '–')}.` : ''}</p>`,
    barChart('reading-chart', 'Documents in each band of reading age', summary, measure.bands.map((band) => ({ label: `Reading age ${band.band}`, share: band.documents / most, text: plural(band.documents, 'document') }))),
    table('Reading age: documents in each band', ['Reading age', 'Documents'], measure.bands.map((band) => [safe(band.band), String(band.documents)]), new Set([1])),
    '</section>',
  ].join('\n');
}

function groupsSection(result: AuditResult): string {
  if (result.groups.length === 0) return '';
  const by = result.groupBy === 'folder' ? 'folder' : result.groupBy === 'employer' ? 'employer' : 'kind of document';
  const topics = result.overall.topics.map((topic) => topic.topic);
  const head = ['Group', 'Documents', ...result.overall.pillars.map((pillar) => safe(pillar.name)), 'Median reading age'];
  const pillarRows = result.groups.map((group) => [safe(group.name), String(group.documents), ...group.pillars.map((pillar) => percent(pillar.score)), group.readingAge.median === null ? '–' : group.readingAge.median.toFixed(1)]);
  const topicHead = ['Topic', ...result.groups.map((group) => safe(group.name))];
  const topicRows = topics.map((topic) => [safe(topic), ...result.groups.map((group) => percent(group.topics.find((each) => each.topic === topic)?.share ?? null))]);
  return [
    '<section aria-labelledby="groups-title">',
    `<h2 id="groups-title">By ${safe(by)}</h2>`,
    table(`I.D.E.A.S. scores and reading age by ${by}`, head, pillarRows, new Set(head.map((_, index) => index).slice(1))),
    topicRows.length > 0 ? table(`Share of documents that give each topic, by ${by}`, topicHead, topicRows, new Set(topicHead.map((_, index) => index).slice(1))) : '',
    '</section>',
  ].join('\n');
}

function compareSection(comparison: Comparison | null): string {
  if (!comparison) return '';
  const moved = comparison.changes.filter((change) => change.change !== null && change.change !== 0);
  const better = (change: Change): boolean => ((change.kind === 'topic' || change.kind === 'pillar') && (change.change ?? 0) > 0) || ((change.kind === 'rule' || change.kind === 'reading-age') && (change.change ?? 0) < 0);
  const improved = moved.filter(better).length;
  const name = (change: Change): string => (change.kind === 'pillar' ? PILLAR_NAMES[change.measure as Pillar] ?? change.measure : change.kind === 'reading-age' ? 'median reading age' : change.measure);
  const value = (change: Change, number: number | null): string => (change.kind === 'reading-age' ? (number === null ? '–' : number.toFixed(1)) : percent(number));
  const rows = moved.map((change) => [safe(change.group), safe(change.kind === 'rule' ? 'barrier' : change.kind === 'reading-age' ? 'reading age' : change.kind), safe(name(change)), value(change, change.before), value(change, change.after), safe(signedPoints(change.change, change.kind)), better(change) ? 'better' : 'worse']);
  return [
    '<section aria-labelledby="compare-title">',
    '<h2 id="compare-title">Since the earlier audit</h2>',
    `<p>Compared with <code>${safe(comparison.file)}</code> (${plural(comparison.documentsBefore, 'document')}): ${plural(moved.length, 'measure')} changed, ${improved} for the better and ${moved.length - improved} for the worse.</p>`,
    rows.length > 0 ? table('Measures that changed since the earlier audit', ['Group', 'Kind', 'Measure', 'Before', 'Now', 'Change', 'Better or worse'], rows, new Set([3, 4, 5])) : '<p>Nothing changed.</p>',
    '</section>',
  ].join('\n');
}

/** The table of every document, most errors first, a piece per document. */
function* documentsSection(rows: DocumentTable, groupBy: AuditResult['groupBy']): Generator<string> {
  const head = ['Document', groupBy === 'employer' ? 'Employer' : groupBy === 'type' ? 'Kind' : 'Folder', 'Kind of document', 'Errors', 'Warnings', 'Reading age', 'Missing topics'];
  function* body(): Generator<string[]> {
    for (const row of rows.worstFirst()) {
      yield [
        `<code>${safe(row.path)}</code>`,
        safe(row.group),
        row.error ? 'could not be read' : safe(row.type ?? ''),
        String(row.errors),
        String(row.warnings),
        row.readingAge === null ? '–' : row.readingAge.toFixed(1),
        row.error ? safe(row.error.message) : safe(row.missing.join(', ') || 'none'),
      ];
    }
  }
  yield '<section aria-labelledby="documents-title">\n<h2 id="documents-title">Every document</h2>\n<p class="hint">In order of most errors first. Choose a column heading to sort by it.</p>\n';
  yield* tablePieces('Every document: kind, errors, warnings, reading age and missing topics', head, body(), new Set([3, 4, 5]), 'sortable');
  yield '\n</section>';
}

const STYLE = `${REPORT_STYLE}
.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .gaps p { overflow-wrap: anywhere; }
.chart { margin: 1rem 0; max-width: 46rem; }
.chart svg { height: auto; width: 100%; }
.chart text { fill: #1b1b1b; font-size: 14px; }
.chart .track { fill: #f0f0f0; stroke: #767676; }
.chart .bar { fill: #0b3d91; }
.chart figcaption { color: #444; }
.gaps > li { border: 1px solid #767676; border-left: 6px solid #0b3d91; margin: 0 0 1rem; padding: 0.25rem 1rem; }
.gap-title { font-weight: 700; }
th button { background: none; border: none; color: inherit; cursor: pointer; font: inherit; font-weight: 700; padding: 0; text-align: inherit; }
th button:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
@media (forced-colors: active) { .chart .bar { fill: CanvasText; } .chart .track { fill: Canvas; stroke: CanvasText; } .chart text { fill: CanvasText; } }
`;

/** Sorts a table with class `sortable` when a column heading is chosen: the heading becomes a button, and aria-sort says the order. */
const SORT_SCRIPT = `(function () {
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var value = function (row) { var text = row.cells[column].textContent.trim(); var number = parseFloat(text); return isNaN(number) ? text.toLowerCase() : number; };
        rows.sort(function (a, b) { var x = value(a), y = value(b); var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1; return ascending ? order : -order; });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();`;

const SCRIPT_HASH = createHash('sha256').update(SORT_SCRIPT).digest('base64');

/** The dashboard's policy: its inline styles, its one script, and nothing else. */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

/** The audit as a self-contained HTML page, a piece at a time (one piece per document in its table of every document). */
export function* auditHtmlPieces(result: AuditResult, comparison: Comparison | null, options: { readonly readingAge: number }): Generator<string> {
  const changes = comparison ? new Map(comparison.changes.map((change) => [`${change.group}\u0000${change.kind}\u0000${change.measure}`, change])) : null;
  const { overall } = result;
  const by = result.groupBy === 'folder' ? 'folders' : result.groupBy === 'employer' ? 'employers' : 'kinds of document';
  const unread = overall.unreadable > 0 ? ` ${plural(overall.unreadable, 'file')} could not be read: they are listed at the end and counted in no share.` : '';
  const unreadable = [...result.table.unreadable()];
  const before = [
    ...selfContainedHead(CSP, `recruit-check audit: ${plural(overall.documents, 'document')}`, STYLE),
    '<body>',
    '<a class="skip" href="#main">Skip to the audit</a>',
    '<header>',
    '<h1>recruit-check audit</h1>',
    `<p class="summary">${plural(overall.documents, 'document')} checked, in ${plural(result.groups.length, by.replace(/s$/, ''), by)}.${unread ? ` ${safe(unread)}` : ''}</p>`,
    '<p>How far the documents carry out the I.D.E.A.S. solutions (Inform, Develop, Encourage, Awareness, Support) that people shut out of health and care jobs co-created: what they tell people, the barriers in their wording, how easy they are to read, and how accessible they are.</p>',
    '</header>',
    '<main id="main" tabindex="-1">',
    gapsSection(result.gaps, overall.documents),
    compareSection(comparison),
    topicsSection(overall, changes),
    pillarsSection(overall, changes),
    barriersSection(overall, changes),
    readingSection(overall, options.readingAge, changes),
    groupsSection(result),
  ];
  const after = [
    unreadable.length > 0
      ? `<section aria-labelledby="unread-title">\n<h2 id="unread-title">Files that could not be read</h2>\n<ul>\n${unreadable.map((row) => `<li><code>${safe(row.path)}</code>: ${safe(row.error?.message ?? '')}</li>`).join('\n')}\n</ul>\n</section>`
      : '',
    '</main>',
    `<script>${SORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ];
  const lines = (parts: readonly string[]): string => parts.filter((part) => part !== '').join('\n');
  yield `${lines(before)}\n`;
  yield* documentsSection(result.table, result.groupBy);
  yield `\n${lines(after)}`;
}
