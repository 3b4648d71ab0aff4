/**
 * The sums of `recruit-check audit`, made one checked document at a time so that memory holds
 * only the tallies and one short row per document (for the table the reports show), never a
 * document's findings once it has been counted.
 *
 * What is measured, for every group (folder, employer or kind of document) and overall:
 * - each required topic: of the documents it is checked in, the share that carry it;
 * - each barrier rule: the share of documents with it, how many times, and a few examples;
 * - reading age: the median and how documents spread over bands of it;
 * - each I.D.E.A.S. pillar: the share of documents with nothing to fix under it, and who the
 *   barriers under it affect.
 * Files that could not be read are listed with their reasons and counted in no share.
 */
import path from 'node:path';
import { DOC_TYPE_NAMES } from '../engine/doc-type.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import type { RuleMeta } from '../engine/rule.js';
import { placeText } from '../report/sarif.js';
import { GROUPS, PILLARS, type Category, type FileResult, type Finding, type Group, type Pillar } from '../types.js';
import { DocumentTable } from './table.js';

export type { DocumentRow } from './table.js';

/** How documents are grouped. */
export type GroupBy = 'folder' | 'employer' | 'type';

export interface TopicMeasure {
  readonly topic: string;
  readonly pillar: Pillar;
  /** Documents the topic was checked in (it depends on the kind of document). */
  readonly documents: number;
  /** Of those, the documents that carry it. */
  readonly present: number;
  readonly share: number | null;
}

export interface Example {
  readonly path: string;
  readonly where: string;
  readonly text: string;
}

export interface RuleMeasure {
  readonly rule: string;
  readonly description: string;
  readonly category: Category;
  readonly pillar: Pillar;
  /** Documents with at least one finding of the rule. */
  readonly documents: number;
  readonly share: number | null;
  /** Findings of the rule in all. */
  readonly count: number;
  readonly examples: readonly Example[];
}

export interface ReadingAgeMeasure {
  /** Documents with enough prose to measure. */
  readonly documents: number;
  readonly median: number | null;
  readonly bands: readonly { readonly band: string; readonly documents: number }[];
}

export interface PillarMeasure {
  readonly pillar: Pillar;
  readonly name: string;
  /** Documents with nothing to fix under the pillar: no finding and no missing topic. */
  readonly clean: number;
  /** `clean` as a share of the documents: the pillar's score. */
  readonly score: number | null;
  /** The groups the barriers under the pillar affect, in these documents. */
  readonly groups: readonly Group[];
}

/** Every measure of one group of documents (or of all of them). */
export interface GroupMeasures {
  readonly name: string;
  /** Documents checked (files that could not be read are not counted). */
  readonly documents: number;
  /** Files of the group that could not be read. */
  readonly unreadable: number;
  readonly topics: readonly TopicMeasure[];
  /** Barrier rules, most documents first (required topics are in `topics`). */
  readonly rules: readonly RuleMeasure[];
  /** The barrier rules about the document itself: scans, tags, alt text, headings, formatting. */
  readonly accessibility: readonly RuleMeasure[];
  readonly readingAge: ReadingAgeMeasure;
  readonly pillars: readonly PillarMeasure[];
}

/** A change that would help most people: a common gap, its fix, and the documents it would improve. */
export interface Gap {
  readonly kind: 'topic' | 'rule';
  /** The topic's name or the rule's id. */
  readonly id: string;
  /** What the rule looks for; for a topic, its name. */
  readonly description: string;
  readonly pillar: Pillar;
  readonly documents: number;
  readonly share: number | null;
  readonly fix: string;
  /** The first documents it would improve (at most ten). */
  readonly improves: readonly string[];
}

/** The audit's results. */
export interface AuditResult {
  readonly groupBy: GroupBy;
  readonly overall: GroupMeasures;
  readonly groups: readonly GroupMeasures[];
  readonly gaps: readonly Gap[];
  readonly table: DocumentTable;
}

/** Bands of UK reading age (Flesch–Kincaid grade + 5). */
const BANDS: readonly { readonly band: string; readonly below: number }[] = [
  { band: 'under 10', below: 10 },
  { band: '10 to 11', below: 12 },
  { band: '12 to 13', below: 14 },
  { band: '14 to 15', below: 16 },
  { band: '16 to 17', below: 18 },
  { band: '18 and over', below: Number.POSITIVE_INFINITY },
];

const EXAMPLES = 3;
const IMPROVES = 10;
const GAPS = 8;
/** Categories whose rules are about the document itself, not its wording. */
const ACCESSIBILITY: ReadonlySet<Category> = new Set(['document-structure', 'formatting']);

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

interface TopicTally {
  pillar: Pillar;
  documents: number;
  present: number;
  fix: string;
  improves: string[];
}

interface RuleTally {
  pillar: Pillar;
  category: Category;
  documents: number;
  count: number;
  examples: Example[];
  improves: string[];
}

/** The sums of one group. */
class Tally {
  documents = 0;
  unreadable = 0;
  readonly topics = new Map<string, TopicTally>();
  readonly rules = new Map<string, RuleTally>();
  readonly readingAges: number[] = [];
  readonly clean = new Map<Pillar, number>(PILLARS.map((pillar) => [pillar, 0]));
  readonly affected = new Map<Pillar, Set<Group>>(PILLARS.map((pillar) => [pillar, new Set<Group>()]));

  add(result: FileResult, topics: readonly DocumentTopic[], barriers: readonly Finding[], gapFindings: readonly Finding[]): void {
    this.documents++;
    for (const topic of topics) {
      let tally = this.topics.get(topic.topic);
      if (!tally) {
        tally = { pillar: topic.pillar, documents: 0, present: 0, fix: '', improves: [] };
        this.topics.set(topic.topic, tally);
      }
      tally.documents++;
      if (topic.present) tally.present++;
      else {
        if (tally.improves.length < IMPROVES) tally.improves.push(result.path);
        if (tally.fix === '' && topic.fix) tally.fix = topic.fix;
      }
    }
    const seen = new Set<string>();
    for (const finding of barriers) {
      let tally = this.rules.get(finding.ruleId);
      if (!tally) {
        tally = { pillar: finding.pillar, category: finding.category, documents: 0, count: 0, examples: [], improves: [] };
        this.rules.set(finding.ruleId, tally);
      }
      tally.count++;
      if (!seen.has(finding.ruleId)) {
        seen.add(finding.ruleId);
        tally.documents++;
        if (tally.improves.length < IMPROVES) tally.improves.push(result.path);
      }
      if (tally.examples.length < EXAMPLES && !tally.examples.some((example) => example.path === result.path)) {
        tally.examples.push({ path: result.path, where: placeText(finding.location), text: (finding.actual ?? '').replace(/\s+/g, ' ').slice(0, 160) });
      }
    }
    if (result.metrics?.readingAge !== null && result.metrics?.readingAge !== undefined) this.readingAges.push(result.metrics.readingAge);
    for (const pillar of PILLARS) {
      const findings = [...barriers, ...gapFindings].filter((finding) => finding.pillar === pillar);
      const missing = topics.filter((topic) => topic.pillar === pillar && !topic.present);
      if (findings.length === 0 && missing.length === 0) this.clean.set(pillar, (this.clean.get(pillar) ?? 0) + 1);
      const groups = this.affected.get(pillar) as Set<Group>;
      for (const finding of findings) for (const group of finding.groups) groups.add(group);
      for (const topic of missing) for (const group of topic.groups) groups.add(group);
    }
  }

  measures(name: string, rules: ReadonlyMap<string, RuleMeta>): GroupMeasures {
    const ruleMeasures = [...this.rules]
      .map(([rule, tally]): RuleMeasure => ({
        rule,
        description: rules.get(rule)?.description ?? rule,
        category: tally.category,
        pillar: tally.pillar,
        documents: tally.documents,
        share: share(tally.documents, this.documents),
        count: tally.count,
        examples: tally.examples,
      }))
      .sort((a, b) => b.documents - a.documents || b.count - a.count || (a.rule < b.rule ? -1 : 1));
    return {
      name,
      documents: this.documents,
      unreadable: this.unreadable,
      topics: [...this.topics]
        .map(([topic, tally]) => ({ topic, pillar: tally.pillar, documents: tally.documents, present: tally.present, share: share(tally.present, tally.documents) }))
        .sort((a, b) => PILLARS.indexOf(a.pillar) - PILLARS.indexOf(b.pillar) || (a.share ?? 0) - (b.share ?? 0) || (a.topic < b.topic ? -1 : 1)),
      rules: ruleMeasures.filter((measure) => !ACCESSIBILITY.has(measure.category)),
      accessibility: ruleMeasures.filter((measure) => ACCESSIBILITY.has(measure.category)),
      readingAge: readingAgeOf(this.readingAges),
      pillars: PILLARS.map((pillar) => ({
        pillar,
        name: PILLAR_NAMES[pillar],
        clean: this.clean.get(pillar) ?? 0,
        score: share(this.clean.get(pillar) ?? 0, this.documents),
        groups: GROUPS.filter((group) => this.affected.get(pillar)?.has(group)),
      })),
    };
  }

  /** The commonest gaps, each with its fix: missing topics and barrier rules together. */
  gaps(rules: ReadonlyMap<string, RuleMeta>): Gap[] {
    const topics = [...this.topics]
      .filter(([, tally]) => tally.documents > tally.present)
      .map(([topic, tally]): Gap => ({ kind: 'topic', id: topic, description: topic, pillar: tally.pillar, documents: tally.documents - tally.present, share: share(tally.documents - tally.present, this.documents), fix: tally.fix, improves: tally.improves }));
    const barriers = [...this.rules].map(([rule, tally]): Gap => ({ kind: 'rule', id: rule, description: rules.get(rule)?.description ?? rule, pillar: tally.pillar, documents: tally.documents, share: share(tally.documents, this.documents), fix: rules.get(rule)?.fix ?? '', improves: tally.improves }));
    return [...topics, ...barriers].sort((a, b) => b.documents - a.documents || (a.kind === b.kind ? 0 : a.kind === 'topic' ? -1 : 1) || (a.id < b.id ? -1 : 1)).slice(0, GAPS);
  }
}

/** The median and bands of a set of reading ages. */
function readingAgeOf(ages: readonly number[]): ReadingAgeMeasure {
  const sorted = [...ages].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const bands = BANDS.map((band, index) => ({
    band: band.band,
    documents: sorted.filter((age) => age < band.below && (index === 0 || age >= (BANDS[index - 1] as { below: number }).below)).length,
  }));
  return { documents: sorted.length, median: median === null ? null : Math.round(median * 10) / 10, bands };
}

/** A required topic of one document, with the groups it serves and its paste-ready wording when missing. */
interface DocumentTopic {
  readonly topic: string;
  readonly pillar: Pillar;
  readonly present: boolean;
  readonly groups: readonly Group[];
  readonly fix: string;
}

/** Split a result into its topics, its barrier findings and the findings that stand for missing topics. */
function splitResult(result: FileResult): { topics: DocumentTopic[]; barriers: Finding[]; gaps: Finding[] } {
  const facts = result.audit?.topics ?? [];
  const missingRules = new Set(facts.filter((topic) => !topic.present).map((topic) => topic.ruleId));
  const isGap = (finding: Finding): boolean => missingRules.has(finding.ruleId) || (finding.parts !== undefined && finding.parts.length > 0 && finding.parts.every((part) => missingRules.has(part.ruleId)));
  const gaps = result.findings.filter(isGap);
  const fixFor = (ruleId: string): { fix: string; groups: readonly Group[] } => {
    for (const finding of gaps) {
      if (finding.ruleId === ruleId) return { fix: finding.suggestions[0] ?? '', groups: finding.groups };
      const part = finding.parts?.find((each) => each.ruleId === ruleId);
      if (part) return { fix: part.suggestions[0] ?? '', groups: finding.groups };
    }
    return { fix: '', groups: [] };
  };
  // A topic checked by more than one rule counts once: present when any of them finds it.
  const byTopic = new Map<string, DocumentTopic>();
  for (const fact of facts) {
    const known = byTopic.get(fact.topic);
    if (known?.present) continue;
    const found = fact.present ? { fix: '', groups: [] } : fixFor(fact.ruleId);
    byTopic.set(fact.topic, { topic: fact.topic, pillar: fact.pillar, present: fact.present || known?.present === true, groups: found.groups, fix: found.fix });
  }
  return { topics: [...byTopic.values()], barriers: result.findings.filter((finding) => !isGap(finding)), gaps };
}

/** Sums audit results as they arrive. */
export class AuditTally {
  private readonly overall = new Tally();
  private readonly groups = new Map<string, Tally>();
  private readonly rows: DocumentTable;

  /** `expected`: the documents to come and the length of their paths, when known (see DocumentTable). */
  constructor(
    private readonly groupBy: GroupBy,
    private readonly rules: ReadonlyMap<string, RuleMeta>,
    expected?: ConstructorParameters<typeof DocumentTable>[0],
  ) {
    this.rows = new DocumentTable(expected);
  }

  /** Count one result. */
  add(result: FileResult): void {
    const folder = folderOf(result.path);
    const employer = result.audit?.employer ?? null;
    const type = result.type ? DOC_TYPE_NAMES[result.type] : null;
    const group = this.groupBy === 'folder' ? folder : this.groupBy === 'employer' ? (employer ?? `${path.posix.basename(folder)} (folder)`) : (type ?? 'could not be read');
    let tally = this.groups.get(group);
    if (!tally) {
      tally = new Tally();
      this.groups.set(group, tally);
    }
    const count = (severity: string): number => result.findings.filter((finding) => finding.severity === severity).length;
    if (result.error) {
      tally.unreadable++;
      this.overall.unreadable++;
      this.rows.add({ path: result.path, group, folder, employer, type: null, format: result.format, errors: 0, warnings: 0, info: 0, readingAge: null, missing: [], error: result.error });
      return;
    }
    const { topics, barriers, gaps } = splitResult(result);
    tally.add(result, topics, barriers, gaps);
    this.overall.add(result, topics, barriers, gaps);
    this.rows.add({
      path: result.path,
      group,
      folder,
      employer,
      type,
      format: result.format,
      errors: count('error'),
      warnings: count('warning'),
      info: count('info'),
      readingAge: result.metrics?.readingAge ?? null,
      missing: topics.filter((topic) => !topic.present).map((topic) => topic.topic),
      error: null,
    });
  }

  /** Everything measured so far. */
  result(): AuditResult {
    const names = [...this.groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      groupBy: this.groupBy,
      overall: this.overall.measures('All documents', this.rules),
      groups: names.map((name) => (this.groups.get(name) as Tally).measures(name, this.rules)),
      gaps: this.overall.gaps(this.rules),
      table: this.rows,
    };
  }
}

/** The folder of a path as the report shows it, with forward slashes (`.` for the working folder). */
export function folderOf(file: string): string {
  return path.dirname(file).split(path.sep).join('/');
}
