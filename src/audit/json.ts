/**
 * The audit as JSON (`recruit-check audit --format json`, described by schema/audit.schema.json),
 * and the comparison with an earlier audit's JSON (`--compare previous.json`): for each measure,
 * the earlier and current share and the change, so a review can say what improved and what did not.
 */
import { readFileSync } from 'node:fs';
import { packageVersion } from '../paths.js';
import type { AuditResult, DocumentRow, GroupMeasures } from './measure.js';

/** The version of the audit JSON; an earlier audit of another version cannot be compared. */
export const AUDIT_JSON_VERSION = 1;

/** One measure before and after. Shares and scores are fractions from 0 to 1; the reading age is in years. */
export interface Change {
  /** The group (`All documents` for every document). */
  readonly group: string;
  readonly kind: 'topic' | 'rule' | 'pillar' | 'reading-age';
  /** The topic, the rule id, the pillar, or `median`. */
  readonly measure: string;
  readonly before: number | null;
  readonly after: number | null;
  /** `after − before`, or null when either is unknown. */
  readonly change: number | null;
}

/** The comparison with an earlier audit. */
export interface Comparison {
  /** The earlier audit's file, as given. */
  readonly file: string;
  readonly documentsBefore: number;
  readonly changes: readonly Change[];
}

/** The audit's JSON object. */
export interface AuditJson {
  readonly version: number;
  readonly tool: { readonly name: 'recruit-check'; readonly version: string };
  readonly groupBy: AuditResult['groupBy'];
  readonly documents: number;
  readonly unreadable: number;
  readonly overall: GroupMeasures;
  readonly groups: readonly GroupMeasures[];
  readonly gaps: AuditResult['gaps'];
  readonly documentsTable: readonly DocumentRow[];
  readonly unreadableFiles: readonly { readonly path: string; readonly code: string; readonly message: string }[];
  readonly compare?: Comparison;
}

/** The JSON of `value`, indented as it is at `indent` spaces (a JSON text has no raw line break in a string). */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/**
 * The audit as JSON text, a piece at a time: the same text as `JSON.stringify(audit, null, 2)`
 * and a line break, but with one piece per document, so the report of 15,000 documents is
 * written without ever being one string (it is 8 MB, and as a string twice that).
 */
export function* auditJsonPieces(result: AuditResult, comparison: Comparison | null): Generator<string> {
  const head: Omit<AuditJson, 'documentsTable' | 'unreadableFiles' | 'compare'> = {
    version: AUDIT_JSON_VERSION,
    tool: { name: 'recruit-check', version: packageVersion() },
    groupBy: result.groupBy,
    documents: result.overall.documents,
    unreadable: result.overall.unreadable,
    overall: result.overall,
    groups: result.groups,
    gaps: result.gaps,
  };
  yield `{\n${Object.entries(head)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${nested(value, '  ')}`)
    .join(',\n')}`;
  yield ',\n  "documentsTable": [';
  let rows = 0;
  for (const row of result.table) yield `${rows++ === 0 ? '' : ','}\n    ${nested(row, '    ')}`;
  yield rows === 0 ? ']' : '\n  ]';
  const unreadableFiles = [...result.table.unreadable()].map((row) => ({ path: row.path, code: row.error?.code ?? '', message: row.error?.message ?? '' }));
  yield `,\n  "unreadableFiles": ${nested(unreadableFiles, '  ')}`;
  if (comparison) yield `,\n  "compare": ${nested(comparison, '  ')}`;
  yield '\n}\n';
}

/** Why an earlier audit cannot be compared: one line. */
export class CompareError extends Error {
  override readonly name = 'CompareError';
}

/** Read an earlier audit's JSON; throws a CompareError that says what to do. */
export function readPreviousAudit(file: string): AuditJson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CompareError(`${file}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`} — name the JSON of an earlier audit (\`recruit-check audit … --format json -o audit.json\`)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CompareError(`${file}: is not JSON — name the JSON of an earlier audit (\`recruit-check audit … --format json -o audit.json\`)`);
  }
  const audit = parsed as Partial<AuditJson> | null;
  if (!audit || typeof audit !== 'object' || audit.tool?.name !== 'recruit-check' || !audit.overall || !Array.isArray(audit.groups)) {
    throw new CompareError(`${file}: is not the JSON of a recruit-check audit — make one with \`recruit-check audit … --format json -o audit.json\``);
  }
  if (audit.version !== AUDIT_JSON_VERSION) throw new CompareError(`${file}: is an audit of version ${String(audit.version)}, and this recruit-check makes version ${AUDIT_JSON_VERSION} — run the earlier audit again with this version`);
  return audit as AuditJson;
}

/** Every measure of a group, by kind and name: shares of topics and rules, pillar scores, the median reading age. */
function measuresOf(group: GroupMeasures): Map<string, { kind: Change['kind']; measure: string; value: number | null }> {
  const found = new Map<string, { kind: Change['kind']; measure: string; value: number | null }>();
  for (const topic of group.topics) found.set(`topic ${topic.topic}`, { kind: 'topic', measure: topic.topic, value: topic.share });
  for (const pillar of group.pillars) found.set(`pillar ${pillar.pillar}`, { kind: 'pillar', measure: pillar.pillar, value: pillar.score });
  found.set('reading-age median', { kind: 'reading-age', measure: 'median', value: group.readingAge.median });
  for (const rule of [...group.rules, ...group.accessibility]) found.set(`rule ${rule.rule}`, { kind: 'rule', measure: rule.rule, value: rule.share });
  return found;
}

const KIND_ORDER: Readonly<Record<Change['kind'], number>> = { topic: 0, pillar: 1, 'reading-age': 2, rule: 3 };

/** The changes from `previous` to `current`, group by group (all documents first). */
export function compareAudits(file: string, previous: AuditJson, current: AuditResult): Comparison {
  const before = new Map<string, GroupMeasures>([[previous.overall.name, previous.overall], ...previous.groups.map((group) => [group.name, group] as const)]);
  const after = new Map<string, GroupMeasures>([[current.overall.name, current.overall], ...current.groups.map((group) => [group.name, group] as const)]);
  const names = [current.overall.name, ...[...new Set([...before.keys(), ...after.keys()])].filter((name) => name !== current.overall.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
  const changes: Change[] = [];
  for (const name of names) {
    const was = before.get(name);
    const now = after.get(name);
    const old = was ? measuresOf(was) : new Map();
    const fresh = now ? measuresOf(now) : new Map();
    const keys = [...new Set([...old.keys(), ...fresh.keys()])];
    const rows = keys.map((key): Change => {
      const a = old.get(key);
      const b = fresh.get(key);
      const kind = (b ?? a)?.kind as Change['kind'];
      // A rule no document has any more is at 0 in a group that still has documents.
      const value = (entry: { value: number | null } | undefined, group: GroupMeasures | undefined): number | null => entry?.value ?? (kind === 'rule' && group && group.documents > 0 ? 0 : null);
      const beforeValue = value(a, was);
      const afterValue = value(b, now);
      return { group: name, kind, measure: (b ?? a)?.measure as string, before: beforeValue, after: afterValue, change: beforeValue !== null && afterValue !== null ? Math.round((afterValue - beforeValue) * 1e6) / 1e6 : null };
    });
    rows.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.measure < y.measure ? -1 : x.measure > y.measure ? 1 : 0));
    changes.push(...rows);
  }
  return { file, documentsBefore: previous.documents, changes };
}
