// The evaluation of recruit-check against our own labelled documents (eval/labels.yml): the
// computing part of `npm run eval`, kept apart from the printing so test/eval.test.ts can use it.
//
// Each document is loaded and checked with the built library (dist/index.js), its type detected
// (never forced). Then, against the labels a careful human editor wrote:
//   - mustFind: a barrier a finding must cover. With `text`, a finding of `rule` (or of any rule in
//     a list) whose flagged range overlaps an occurrence of the text; without `text`, any finding
//     of the rule (a document-level finding such as a missing adjustments offer).
//   - mustNotFind: an innocent phrase. No finding of `rule`, if given, may overlap it. With no
//     rule, no finding of any rule may overlap it, except the readability rules (they measure
//     whole sentences and paragraphs) and findings about a passage more than 3 times as long that
//     merely contains the phrase (a justified paragraph, a long table cell).
//   - present: topics the document really covers. Any finding of that topic's required-content
//     rule (the document-level “missing” claim, or a located one not labelled in mustFind) is a
//     false “missing” claim.
//   - type: the document type a person would say it is.
// Text is compared as the reader sees it (the document's blocks), ignoring case, curly quotes and
// runs of white space.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const EVAL_DIR = path.join(ROOT, 'eval');
export const DOC_TYPES = ['advert', 'job-description', 'person-specification', 'interview-invitation'];

/** Rules whose findings cover whole sentences, paragraphs or lists: never an innocent phrase's flag unless named. */
const SPAN_RULE = /^readability\//;

/** Topics recorded by code rules (not in the YAML packs). */
const CODE_TOPICS = {
  'closing date': 'required-content/missing-closing-date',
  'ways to get in touch': 'required-content/phone-only-contact',
};

/** Load the built library (run `npm run build` first). */
export async function loadLibrary() {
  const file = path.join(ROOT, 'dist', 'index.js');
  if (!existsSync(file)) throw new Error('dist/index.js is missing: run `npm run build` first');
  return import(pathToFileURL(file).href);
}

/** Topic name → rule id, from the bundled packs (read by the library's own pack reader) and the code rules. */
export async function readTopics() {
  const { parseBundledPacks } = await import(pathToFileURL(path.join(ROOT, 'dist', 'ruleset.js')).href);
  const topics = { ...CODE_TOPICS };
  for (const definition of parseBundledPacks()) if (definition.kind === 'required') topics[definition.topic] = definition.meta.id;
  return topics;
}

/** The rule id a `present` entry names: a topic (“informal chat or visit”) or a rule's short name (“informal-contact”). */
export function topicRule(name, topics) {
  if (topics[name]) return topics[name];
  const ids = new Set(Object.values(topics));
  for (const candidate of [`required-content/missing-${name}`, `required-content/${name}`, `required-content/ii-missing-${name}`]) if (ids.has(candidate)) return candidate;
  return null;
}

/** Text normalised for comparison, and a map from each normalised offset back to the original. */
function normalise(text) {
  let out = '';
  const map = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let ch = text[i];
    if (/\s/.test(ch)) {
      if (space || out.length === 0) continue;
      space = true;
      out += ' ';
      map.push(i);
      continue;
    }
    space = false;
    if (ch === '‘' || ch === '’' || ch === '`') ch = "'";
    else if (ch === '“' || ch === '”') ch = '"';
    else if (ch === '–' || ch === '—') ch = '-';
    out += ch.toLowerCase();
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

function normalisedNeedle(text) {
  return normalise(text).text.trim();
}

/** Every occurrence of `needle` in the blocks: {block, start, end} in the blocks' own offsets. */
export function occurrences(blocks, needle) {
  const wanted = normalisedNeedle(needle);
  const found = [];
  if (!wanted) return found;
  blocks.forEach((block, index) => {
    const { text, map } = normalise(block.text);
    let from = 0;
    for (;;) {
      const at = text.indexOf(wanted, from);
      if (at < 0) break;
      found.push({ block: index, start: map[at], end: map[at + wanted.length - 1] + 1 });
      from = at + 1;
    }
  });
  return found;
}

function overlaps(a, b) {
  return a.block === b.block && a.start < b.end && b.start < a.end;
}

/** True when two pieces of text overlap as text: one contains the other (for findings with no range). */
function textOverlap(actual, wanted) {
  if (!actual) return false;
  const a = normalisedNeedle(actual);
  const b = normalisedNeedle(wanted);
  return a.length > 0 && (a.includes(b) || b.includes(a));
}

function rulesOf(label) {
  return Array.isArray(label.rule) ? label.rule : label.rule ? [label.rule] : [];
}

/** Read and check the labels against the rules and the files: a list of problems (empty when all is well). */
/** True when `finding` is one of `rules`' findings, or a combined finding with one of them among its parts. */
function isAbout(finding, rules) {
  return rules.includes(finding.ruleId) || (finding.parts ?? []).some((part) => rules.includes(part.ruleId));
}

export function validateLabels(labels, { ruleIds, topics, documentsRoot }) {
  const problems = [];
  if (!Array.isArray(labels)) return ['labels.yml must be a list of entries'];
  const seen = new Set();
  labels.forEach((entry, index) => {
    const where = entry?.file ?? `entry ${index + 1}`;
    if (!entry || typeof entry.file !== 'string') {
      problems.push(`${where}: no file`);
      return;
    }
    if (seen.has(entry.file)) problems.push(`${where}: labelled twice`);
    seen.add(entry.file);
    if (!existsSync(path.join(documentsRoot, entry.file))) problems.push(`${where}: file not found`);
    if (!DOC_TYPES.includes(entry.type)) problems.push(`${where}: type “${entry.type}” is not one of ${DOC_TYPES.join(', ')}`);
    for (const key of ['mustFind', 'mustNotFind']) {
      for (const label of entry[key] ?? []) {
        const rules = rulesOf(label);
        if (key === 'mustFind' && rules.length === 0) problems.push(`${where}: a mustFind label has no rule`);
        if (key === 'mustNotFind' && !label.text) problems.push(`${where}: a mustNotFind label has no text`);
        for (const rule of rules) if (!ruleIds.has(rule)) problems.push(`${where}: ${key} names “${rule}”, which is not a rule id`);
      }
    }
    for (const topic of entry.present ?? []) if (!topicRule(topic, topics)) problems.push(`${where}: present names “${topic}”, which is not a required-content topic`);
  });
  return problems;
}

function emptyRuleStats() {
  return { labelled: 0, found: 0, recall: null, falseMissing: 0, wronglyFlagged: 0, findings: 0 };
}

function rate(part, whole) {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/**
 * Run the evaluation. Returns the figures, every miss and every false finding, load failures and
 * label problems. `labelsFile` defaults to eval/labels.yml; documents are relative to its folder.
 */
export async function runEvaluation({ labelsFile = path.join(EVAL_DIR, 'labels.yml'), library } = {}) {
  const lib = library ?? (await loadLibrary());
  const documentsRoot = path.dirname(labelsFile);
  const labels = parseYaml(readFileSync(labelsFile, 'utf8')) ?? [];
  const checker = lib.createChecker({ options: { keepText: true } });
  const ruleIds = new Set(checker.rules.map((rule) => rule.meta.id));
  const topics = await readTopics();
  const labelProblems = validateLabels(labels, { ruleIds, topics, documentsRoot });

  const perRule = {};
  const stat = (rule) => (perRule[rule] ??= emptyRuleStats());
  const misses = [];
  const falseMissing = [];
  const wronglyFlagged = [];
  const typeMismatches = [];
  const loadFailures = [];
  const documents = [];
  const totals = { documents: 0, words: 0, findings: 0, mustFind: 0, found: 0, mustNotFind: 0, mustNotFindViolated: 0, present: 0, presentClaimedMissing: 0 };

  for (const entry of Array.isArray(labels) ? labels : []) {
    if (!entry || typeof entry.file !== 'string') continue;
    const file = path.join(documentsRoot, entry.file);
    if (!existsSync(file)) continue;
    const loaded = await lib.loadFile(file, entry.file);
    if (!loaded.ok) {
      loadFailures.push({ file: entry.file, error: loaded.error.message });
      continue;
    }
    const result = lib.checkDocument(loaded.doc, checker);
    const blocks = result.text?.blocks ?? [];
    const ranges = new Map();
    for (const highlight of result.text?.highlights ?? []) {
      const list = ranges.get(highlight.finding) ?? [];
      list.push(highlight);
      ranges.set(highlight.finding, list);
    }
    const findings = result.findings.map((finding, index) => ({ finding, index, ranges: ranges.get(index) ?? [] }));
    /** Does finding `f` cover the occurrences of `text`? */
    const covers = (f, places, text) => (f.ranges.length > 0 ? f.ranges.some((range) => places.some((place) => overlaps(range, place))) : f.finding.location !== null && textOverlap(f.finding.actual, text));
    // Every labelled text must really be in the document, as the reader sees it.
    for (const key of ['mustFind', 'mustNotFind']) {
      for (const label of entry[key] ?? []) {
        if (label?.text && occurrences(blocks, label.text).length === 0) labelProblems.push(`${entry.file}: ${key} text “${label.text}” is not in the document`);
      }
    }
    /**
     * Does finding `f` flag the phrase? It overlaps it, and is not about a much larger passage
     * that merely contains it (a justified paragraph): more than 3 times the phrase's length.
     */
    const flagsPhrase = (f, places, text) => {
      if (f.ranges.length === 0) return covers(f, places, text);
      return f.ranges.some((range) => places.some((place) => overlaps(range, place) && !(range.start <= place.start && range.end >= place.end && range.end - range.start > 3 * (place.end - place.start))));
    };
    const words = result.metrics?.words ?? 0;
    totals.documents++;
    totals.words += words;
    totals.findings += result.findings.length;
    for (const finding of result.findings) stat(finding.ruleId).findings++;
    const docStats = { file: entry.file, format: loaded.format, expectedType: entry.type, type: result.docType, words, findings: result.findings.length, mustFind: 0, found: 0, mustNotFind: 0, mustNotFindViolated: 0, present: 0, presentClaimedMissing: 0 };

    if (entry.type && result.docType !== entry.type) typeMismatches.push({ file: entry.file, expected: entry.type, detected: result.docType });

    // mustFind: recall.
    const usedForMustFind = new Set();
    for (const label of entry.mustFind ?? []) {
      const rules = rulesOf(label);
      const primary = rules.join(' | ');
      stat(primary).labelled++;
      totals.mustFind++;
      docStats.mustFind++;
      let places = null;
      let matches;
      if (label.text) {
        places = occurrences(blocks, label.text);
        matches = findings.filter((f) => isAbout(f.finding, rules) && covers(f, places, label.text));
      } else {
        matches = findings.filter((f) => isAbout(f.finding, rules));
      }
      if (matches.length > 0) {
        stat(primary).found++;
        totals.found++;
        docStats.found++;
        for (const match of matches) usedForMustFind.add(match.index);
      } else {
        const instead = places ? [...new Set(findings.filter((f) => !SPAN_RULE.test(f.finding.ruleId) && covers(f, places, label.text)).map((f) => f.finding.ruleId))] : [];
        misses.push({ file: entry.file, rule: primary, text: label.text ?? null, ...(label.note ? { note: label.note } : {}), flaggedInsteadBy: instead });
      }
    }

    // mustNotFind: innocent phrases wrongly flagged.
    for (const label of entry.mustNotFind ?? []) {
      const rules = rulesOf(label);
      totals.mustNotFind++;
      docStats.mustNotFind++;
      const places = occurrences(blocks, label.text);
      const offending = findings.filter((f) =>
        rules.length > 0 ? isAbout(f.finding, rules) && covers(f, places, label.text) : !SPAN_RULE.test(f.finding.ruleId) && flagsPhrase(f, places, label.text),
      );
      if (offending.length > 0) {
        totals.mustNotFindViolated++;
        docStats.mustNotFindViolated++;
        for (const f of offending) {
          stat(f.finding.ruleId).wronglyFlagged++;
          wronglyFlagged.push({ file: entry.file, rule: f.finding.ruleId, text: label.text, flagged: f.finding.actual });
        }
      }
    }

    // present: false “missing” claims.
    for (const topic of entry.present ?? []) {
      const rule = topicRule(topic, topics);
      if (!rule) continue;
      totals.present++;
      docStats.present++;
      // A combined finding (required-content/missing-support) claims each of its parts is missing.
      const claims = findings.filter((f) => (f.finding.ruleId === rule && !usedForMustFind.has(f.index)) || (f.finding.parts ?? []).some((part) => part.ruleId === rule));
      if (claims.length > 0) {
        totals.presentClaimedMissing++;
        docStats.presentClaimedMissing++;
        stat(rule).falseMissing++;
        for (const f of claims) falseMissing.push({ file: entry.file, rule, topic, text: f.finding.actual, documentLevel: f.finding.location === null });
      }
    }
    documents.push(docStats);
  }

  for (const stats of Object.values(perRule)) stats.recall = rate(stats.found, stats.labelled);
  const figures = {
    documents: totals.documents,
    words: totals.words,
    findings: totals.findings,
    recall: rate(totals.found, totals.mustFind),
    mustFind: totals.mustFind,
    found: totals.found,
    mustNotFind: totals.mustNotFind,
    wronglyFlagged: totals.mustNotFindViolated,
    wronglyFlaggedRate: rate(totals.mustNotFindViolated, totals.mustNotFind),
    present: totals.present,
    falseMissing: totals.presentClaimedMissing,
    falseMissingRate: rate(totals.presentClaimedMissing, totals.present),
    typeMismatches: typeMismatches.length,
    loadFailures: loadFailures.length,
    findingsPer1000Words: totals.words === 0 ? null : Math.round((totals.findings / totals.words) * 10000) / 10,
    findingsPerDocument: totals.documents === 0 ? null : Math.round((totals.findings / totals.documents) * 10) / 10,
  };
  const sortedRules = Object.fromEntries(Object.entries(perRule).sort(([a], [b]) => a.localeCompare(b)));
  return { figures, perRule: sortedRules, documents, misses, falseMissing, wronglyFlagged, typeMismatches, loadFailures, labelProblems };
}

function pct(value) {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** The evaluation as a plain-text report for a developer. */
export function formatEvaluation(evaluation) {
  const { figures, perRule, misses, falseMissing, wronglyFlagged, typeMismatches, loadFailures, labelProblems } = evaluation;
  const lines = [];
  lines.push('recruit-check evaluation (eval/labels.yml)', '');
  if (labelProblems.length > 0) {
    lines.push(`Label problems (${labelProblems.length}):`);
    for (const problem of labelProblems) lines.push(`  ${problem}`);
    lines.push('');
  }
  lines.push('Per rule (recall: labelled barriers found; false missing: topics labelled present that the rule says are missing;');
  lines.push('wrongly flagged: findings on innocent phrases; findings: everything the rule reported, and per 1,000 words):');
  const header = ['rule', 'recall', 'found/labelled', 'false missing', 'wrongly flagged', 'findings', 'per 1,000 words'];
  const per1000 = (count) => (figures.words === 0 ? '—' : ((count / figures.words) * 1000).toFixed(1));
  const rows = Object.entries(perRule)
    .filter(([, s]) => s.labelled + s.falseMissing + s.wronglyFlagged + s.findings > 0)
    // A label that accepts any of several rules has a row of its own, with no findings of its own.
    .map(([rule, s]) => [rule, pct(s.recall), s.labelled ? `${s.found}/${s.labelled}` : '', s.falseMissing || '', s.wronglyFlagged || '', rule.includes(' | ') ? '' : s.findings, rule.includes(' | ') ? '' : per1000(s.findings)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const fmt = (row) => '  ' + row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  lines.push(fmt(header));
  for (const row of rows) lines.push(fmt(row));
  lines.push('');
  lines.push('Total:');
  lines.push(`  documents                  ${figures.documents} (${figures.words} words of prose, ${figures.loadFailures} failed to load)`);
  lines.push(`  recall                     ${pct(figures.recall)} (${figures.found} of ${figures.mustFind} labelled barriers found)`);
  lines.push(`  false “missing” claims     ${figures.falseMissing} of ${figures.present} topics labelled present (${pct(figures.falseMissingRate)})`);
  lines.push(`  innocent phrases flagged   ${figures.wronglyFlagged} of ${figures.mustNotFind} (${pct(figures.wronglyFlaggedRate)})`);
  lines.push(`  document-type mismatches   ${figures.typeMismatches}`);
  lines.push(`  findings                   ${figures.findings}: ${figures.findingsPer1000Words} per 1,000 words, ${figures.findingsPerDocument} per document`);
  lines.push('');
  if (loadFailures.length > 0) {
    lines.push(`Failed to load (${loadFailures.length}):`);
    for (const failure of loadFailures) lines.push(`  ${failure.file}: ${failure.error}`);
    lines.push('');
  }
  if (typeMismatches.length > 0) {
    lines.push(`Document-type mismatches (${typeMismatches.length}):`);
    for (const m of typeMismatches) lines.push(`  ${m.file}: labelled ${m.expected}, detected ${m.detected}`);
    lines.push('');
  }
  lines.push(`Misses (${misses.length}):`);
  for (const m of misses) lines.push(`  ${m.file}  ${m.rule}  ${m.text === null ? '(document-level)' : `“${m.text}”`}${m.flaggedInsteadBy.length ? `  — flagged instead by ${m.flaggedInsteadBy.join(', ')}` : ''}`);
  lines.push('');
  lines.push(`False “missing” claims (${falseMissing.length}):`);
  for (const m of falseMissing) lines.push(`  ${m.file}  ${m.rule}  topic “${m.topic}”${m.documentLevel ? ' (document-level)' : `  on “${m.text}”`}`);
  lines.push('');
  lines.push(`Innocent phrases flagged (${wronglyFlagged.length}):`);
  for (const w of wronglyFlagged) lines.push(`  ${w.file}  ${w.rule}  “${w.flagged}” in “${w.text}”`);
  return lines.join('\n') + '\n';
}
