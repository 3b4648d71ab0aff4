/**
 * The rule engine: runs every rule over a document, locates what they report, drops duplicates
 * and returns the findings in document order. It does no file or terminal I/O.
 */
import { nearestSection, type Block, type DocModel } from '../document/model.js';
import { coversRule, type Suppression } from '../document/directives.js';
import { severityRank, type DocumentText, type Finding, type Highlight, type Metrics, type Severity, type SuppressedFinding } from '../types.js';
import { TextAnalysis } from './analysis.js';
import { detectDocType, DOC_TYPE_NAMES, type DocType } from './doc-type.js';
import { countProse, documentMetrics, type ProseCounts } from './metrics.js';
import type { CheckOptions } from './options.js';
import { didYouMean, resolveRuleName } from '../rule-names.js';
import { fillTemplate } from './messages.js';
import { overlapTest } from './ranges.js';
import type { Report, Rule, RuleContext, RuleData, RuleMeta, TopicResult } from './rule.js';

/** A rule that threw while checking a document: a bug in the rule, never in the document. */
export class RuleFailure extends Error {
  constructor(
    readonly ruleId: string,
    override readonly cause: unknown,
  ) {
    super(`rule ${ruleId} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RuleFailure';
  }
}

interface Located {
  readonly finding: Finding;
  readonly block: Block | null;
  readonly start: number;
  readonly end: number;
  /** The image of the block the finding is about (its index in `block.images`), or null. */
  readonly image: number | null;
  /** Position of the rule in the run order: earlier rules win ties. */
  readonly order: number;
}

/** The findings and metrics of one document. */
export interface DocumentResult {
  readonly findings: Finding[];
  readonly metrics: Metrics;
  /** The kind of document it was checked as. */
  readonly docType: DocType;
  /** Why it was checked as that kind, in plain words. */
  readonly docTypeReason: string;
  /** The required topics checked, covered or not. */
  readonly topics: readonly TopicResult[];
  /** Findings not reported because of an inline comment or an allowed phrase. */
  readonly suppressed: readonly SuppressedFinding[];
  /** With `keepText`: the document's text and where each finding is in it. */
  readonly text?: DocumentText;
  /** Problems with the document's suppression comments (a rule name that is no rule), to tell the user. */
  readonly notes: readonly string[];
}

/** Run `rules` over `doc`, with the data files they use (`data`, by file name). */
export function runRules(doc: DocModel, rules: readonly Rule[], options: CheckOptions, data: RuleData = {}): DocumentResult {
  const analysis = new TextAnalysis();
  const verdict = options.docType === 'auto' ? detectDocType(doc) : { type: options.docType, reason: options.docTypeReason };
  const docType = verdict.type;
  let prose: ProseCounts | null = null;
  const located: Located[] = [];
  const topics: TopicResult[] = [];
  rules.forEach((rule, order) => {
    const setting = options.rules[rule.meta.id];
    if (setting === 'off') return;
    // A rule for some document types only (an interview invitation has no closing date).
    if (rule.meta.appliesTo && rule.meta.appliesTo[docType] === undefined) return;
    const context: RuleContext = {
      doc,
      options,
      data,
      analysis,
      docType,
      get prose() {
        prose ??= countProse(doc, analysis);
        return prose;
      },
      report(report) {
        const entry = locate(rule.meta, report, setting);
        if (entry && !insideCode(entry)) located.push({ ...entry, order });
      },
      recordTopic(result) {
        topics.push(result);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      throw new RuleFailure(rule.meta.id, error);
    }
  });
  prose ??= countProse(doc, analysis);
  const ordered = order(deduplicate(located));
  const combiners = rules.filter((rule) => rule.meta.combines && options.rules[rule.meta.id] !== 'off');
  const inline = applySuppressions(ordered.map((entry) => entry.finding), doc.suppressions ?? [], combiners);
  const allowed = allowPhrases(inline.findings, options);
  const suppressed = [...inline.suppressed, ...allowed.suppressed];
  const findings = combiners.reduce((list, rule) => {
    const setting = options.rules[rule.meta.id];
    return combine(list, rule.meta, setting === 'off' ? undefined : setting, topics, docType);
  }, allowed.findings);
  const notes = suppressionNotes(doc.suppressions ?? [], rules.map((rule) => rule.meta.id));
  const result = { findings, metrics: documentMetrics(prose), docType, docTypeReason: verdict.reason, topics, suppressed, notes };
  return options.keepText ? { ...result, text: documentText(doc, ordered, findings) } : result;
}

/**
 * What is wrong with the suppression comments: each rule name that is no rule (and so suppresses
 * nothing), with the nearest names — as ESLint reports a directive for an unknown rule.
 */
function suppressionNotes(suppressions: readonly Suppression[], ids: readonly string[]): string[] {
  const notes = new Map<string, string>();
  for (const suppression of suppressions) {
    for (const name of suppression.rules) {
      const pack = name.endsWith('/*');
      if (pack && ids.some((id) => id.startsWith(name.slice(0, -1)))) continue;
      const lookup = resolveRuleName(pack ? name.slice(0, -2) : name, ids);
      if (!pack && lookup.kind !== 'unknown') continue;
      const hint = lookup.kind === 'unknown' ? didYouMean(lookup.similar) : 'run `recruit-check rules` to list them';
      notes.set(`${suppression.line}:${name}`, `line ${suppression.line}: the recruit-check comment names “${name}”, which is not a rule, so it suppresses nothing — ${hint}`);
    }
  }
  return [...notes.values()];
}

/** The document's blocks, and where each reported finding is in them. */
function documentText(doc: DocModel, ordered: readonly Located[], findings: readonly Finding[]): DocumentText {
  const index = new Map(findings.map((finding, position) => [finding, position]));
  const highlights: Highlight[] = [];
  for (const entry of ordered) {
    const position = index.get(entry.finding);
    if (position !== undefined && entry.block && entry.end > entry.start) highlights.push({ block: entry.block.index, start: entry.start, end: entry.end, finding: position });
  }
  return { blocks: doc.blocks.map((block) => ({ kind: block.kind, depth: block.depth, text: block.text })), highlights };
}

/**
 * The findings with the document-level findings of `meta.combines` put into one, where there are
 * two or more: it lists what is missing, and its suggestion is their suggestions as one paragraph.
 * It takes the place of the first of them, with the most severe of their severities (or the one
 * the config sets for the combining rule).
 */
function combine(findings: readonly Finding[], meta: RuleMeta, setting: Severity | undefined, topics: readonly TopicResult[], docType: DocType): Finding[] {
  const ids = (meta.combines ?? []).map((part) => part.ruleId);
  const isPart = (finding: Finding): boolean => finding.location === null && ids.includes(finding.ruleId);
  const parts = findings.filter(isPart).sort((a, b) => ids.indexOf(a.ruleId) - ids.indexOf(b.ruleId));
  if (parts.length < 2) return [...findings];
  const template = meta.messages['missing'];
  if (template === undefined) throw new Error(`rule ${meta.id} combines findings but has no “missing” message`);
  const topicOf = (ruleId: string): string => topics.find((topic) => topic.ruleId === ruleId)?.topic ?? ruleId;
  const names = parts.map((part) => topicOf(part.ruleId));
  const severity = setting ?? parts.map((part) => part.severity).reduce((worst, next) => (severityRank(next) > severityRank(worst) ? next : worst));
  const combined: Finding = {
    ruleId: meta.id,
    category: meta.category,
    severity,
    message: fillTemplate(template, { topics: listOf(names), document: DOC_TYPE_NAMES[docType] }),
    actual: null,
    suggestions: [paragraph(parts.map((part) => meta.combines?.find((entry) => entry.ruleId === part.ruleId)?.wording ?? part.suggestions[0] ?? ''))],
    location: null,
    pillar: meta.pillar,
    groups: [...new Set(parts.flatMap((part) => part.groups))],
    note: `${meta.note} This comes from the co-created solutions: ${meta.seed}`,
    messageId: 'missing',
    parts: parts.map((part) => ({ ruleId: part.ruleId, severity: part.severity, message: part.message, suggestions: part.suggestions })),
  };
  const first = findings.indexOf(parts[0]!);
  return findings.flatMap((finding, index) => (index === first ? [combined] : isPart(finding) ? [] : [finding]));
}

/**
 * Sentences as one paragraph of at most 5 (the limit of readability/paragraph-too-long): past
 * that, the last two become one, joined with “, and”.
 */
function paragraph(sentences: readonly string[]): string {
  const parts = sentences.filter((sentence) => sentence !== '');
  while (parts.length > 5) {
    const last = parts.pop() ?? '';
    const before = parts.pop() ?? '';
    parts.push(`${before.replace(/[.!]$/, '')}, and ${last.charAt(0).toLowerCase()}${last.slice(1)}`);
  }
  return parts.join(' ');
}

/** “a, b or c” — “a, b or c, or d” when the last but one has an “or” of its own. */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const rest = items.slice(0, -1);
  const joiner = / or /.test(rest[rest.length - 1] ?? '') ? ', or ' : ' or ';
  return `${rest.join(', ')}${joiner}${items[items.length - 1]}`;
}

/**
 * Move findings that a suppression comment covers to the suppressed list, with its reason. A
 * comment that names a combining rule covers the rules it combines too.
 */
function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], combiners: readonly Rule[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  if (suppressions.length === 0) return { findings: [...findings], suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const combinerOf = (ruleId: string): string | undefined => combiners.find((rule) => rule.meta.combines?.some((part) => part.ruleId === ruleId))?.meta.id;
  for (const finding of findings) {
    const line = finding.location?.line ?? null;
    const combinedInto = line === null ? combinerOf(finding.ruleId) : undefined;
    const by = suppressions.find(
      (suppression) =>
        (coversRule(suppression, finding.ruleId) || (combinedInto !== undefined && coversRule(suppression, combinedInto))) &&
        (line === null ? suppression.wholeDocument : line >= suppression.from && line <= suppression.to),
    );
    if (by) suppressed.push({ finding, kind: 'inline', reason: by.reason ?? `no reason given (the comment on line ${by.line})` });
    else kept.push(finding);
  }
  return { findings: kept, suppressed };
}

/** A phrase as it is compared with the allowed ones: lower case, straight quotes, single spaces. */
export function normalisePhrase(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Move findings whose flagged text is an allowed phrase to the suppressed list. */
function allowPhrases(findings: readonly Finding[], options: CheckOptions): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  if (options.allowed.length === 0) return { findings: [...findings], suppressed: [] };
  const allowed = new Set(options.allowed.map(normalisePhrase));
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (finding.actual !== null && allowed.has(normalisePhrase(finding.actual))) suppressed.push({ finding, kind: 'allow-list', reason: options.allowedBy });
    else kept.push(finding);
  }
  return { findings: kept, suppressed };
}

function locate(meta: RuleMeta, report: Report, setting: Severity | undefined): Omit<Located, 'order'> | null {
  const template = meta.messages[report.messageId];
  if (template === undefined) {
    throw new Error(`unknown message id “${report.messageId}”`);
  }
  const severity = setting ?? report.severity ?? meta.severity;
  const block = report.block ?? null;
  const start = block ? Math.max(0, Math.min(report.start ?? 0, block.text.length)) : 0;
  const end = block ? Math.max(start, Math.min(report.end ?? block.text.length, block.text.length)) : 0;
  const place = report.place ?? (block ? block.sourceMap.locate(start, end) : null);
  const actual = report.actual !== undefined ? report.actual : block ? block.text.slice(start, end) : null;
  const finding: Finding = {
    ruleId: meta.id,
    category: meta.category,
    severity,
    // `{actual}` is always the flagged text, unless the rule says otherwise.
    message: fillTemplate(template, { ...(actual !== null ? { actual } : {}), ...report.data }),
    actual,
    suggestions: [...(report.suggestions ?? [])],
    location: place ? { ...place, section: block ? nearestSection(block) : null } : null,
    pillar: meta.pillar,
    groups: meta.groups,
    note: `${meta.note} This comes from the co-created solution: ${meta.seed}`,
    ...(report.safeFix && (report.suggestions?.length ?? 0) > 0 ? { fix: { safe: true as const } } : {}),
    messageId: report.messageId,
  };
  return { finding, block, start, end, image: report.image ?? null };
}

/** Each block's inline code, as a test of whether a range overlaps it (made once per block). */
const codeTests = new WeakMap<Block, (start: number, end: number) => boolean>();

/** Text inside inline code is not prose: nothing in it is reported. */
function insideCode(entry: Omit<Located, 'order'>): boolean {
  const { block, start, end } = entry;
  if (!block || end === start) return false;
  let test = codeTests.get(block);
  if (!test) codeTests.set(block, (test = overlapTest(block.marks.filter((mark) => mark.kind === 'code'))));
  return test(start, end);
}

/**
 * One finding per span and category: where rules flag the same text for the same kind of
 * barrier, the most severe (then the earliest rule) stays; where a finding sits inside a longer one
 * that is at least as severe — of the same plain-language category ("timely" inside "in a timely
 * manner"), or of the same inclusive-language rule — only the longer one stays. Findings about
 * images have no span of text, so each image of a paragraph is told apart by its index.
 */
function deduplicate(entries: readonly Located[]): Located[] {
  const bySpan = new Map<string, Located>();
  const documentLevel: Located[] = [];
  for (const entry of entries) {
    if (!entry.block) {
      documentLevel.push(entry);
      continue;
    }
    const where = entry.finding.location;
    const key = [entry.block.index, entry.start, entry.end, entry.image ?? '', entry.finding.category, where?.line, where?.column, where?.page, where?.paragraph].join(':');
    const existing = bySpan.get(key);
    if (!existing || beats(entry, existing)) bySpan.set(key, entry);
  }
  const spans = [...bySpan.values()];
  const hidden = nestedFindings(spans);
  const kept = spans.filter((entry) => !hidden.has(entry));
  return [...documentLevel, ...kept];
}

/**
 * The findings that sit inside a longer one that is at least as severe, in the same block and of
 * the same category — of the same plain-language category (“timely” inside “in a timely manner”),
 * or of the same inclusive-language rule (two inclusive-language rules flag two barriers: “1 year
 * of NHS experience” is about time, and about the NHS only). Only word-level findings nest; a
 * sentence finding never hides a word finding. Found by sorting each group of findings that may
 * nest, not by comparing every finding with every other.
 */
function nestedFindings(entries: readonly Located[]): Set<Located> {
  const groups = new Map<string, Located[]>();
  for (const entry of entries) {
    if (!isPhraseLevel(entry) || !entry.block) continue;
    const { category, ruleId } = entry.finding;
    const key = `${entry.block.index}:${category}${category === 'plain-language' ? '' : `:${ruleId}`}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const hidden = new Set<Located>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => a.start - b.start || b.end - a.end);
    const ranks = [...new Set(group.map((entry) => severityRank(entry.finding.severity)))];
    // For each severity, the findings of that severity against those at least as severe.
    for (const rank of ranks) {
      // Going by start: the furthest end of the outer findings that start before this one, and
      // of those that start at the same place.
      let before = -Infinity;
      let sameStart = -Infinity;
      let at = -Infinity;
      for (let index = 0; index < sorted.length; ) {
        const start = (sorted[index] as Located).start;
        if (start !== at) {
          before = Math.max(before, sameStart);
          sameStart = -Infinity;
          at = start;
        }
        // All the findings that start here.
        let next = index;
        while (next < sorted.length && (sorted[next] as Located).start === start) {
          const candidate = sorted[next] as Located;
          if (severityRank(candidate.finding.severity) >= rank) sameStart = Math.max(sameStart, candidate.end);
          next++;
        }
        for (let inner = index; inner < next; inner++) {
          const entry = sorted[inner] as Located;
          // Strictly longer and around it: starting before it and ending at or after its end, or
          // starting with it and ending after it.
          if (severityRank(entry.finding.severity) === rank && (before >= entry.end || sameStart > entry.end)) hidden.add(entry);
        }
        index = next;
      }
    }
  }
  return hidden;
}

function isPhraseLevel(entry: Located): boolean {
  return entry.finding.category === 'plain-language' || entry.finding.category === 'inclusive-language';
}

function beats(candidate: Located, incumbent: Located): boolean {
  const difference = severityRank(candidate.finding.severity) - severityRank(incumbent.finding.severity);
  return difference !== 0 ? difference > 0 : candidate.order < incumbent.order;
}

/**
 * In document order: by block, start, end and rule; then the findings that are not in a block
 * (about the whole document, or a page), by page, next to the document's summary.
 */
function order(entries: Located[]): Located[] {
  return entries
    .sort((a, b) => {
      const blockA = a.block ? a.block.index : Number.MAX_SAFE_INTEGER;
      const blockB = b.block ? b.block.index : Number.MAX_SAFE_INTEGER;
      const pageA = a.finding.location?.page ?? 0;
      const pageB = b.finding.location?.page ?? 0;
      return (
        blockA - blockB ||
        pageA - pageB ||
        a.start - b.start ||
        a.end - b.end ||
        a.order - b.order ||
        a.finding.ruleId.localeCompare(b.finding.ruleId)
      );
    });
}
