/**
 * The audit as CSV (`--format csv`), for spreadsheets: one row per measure of each group (all
 * documents first), with the earlier share and the change when the audit was compared. Text is
 * quoted as RFC 4180 says, and a cell that a spreadsheet would take for a formula (it starts with
 * =, +, -, @, a tab or a carriage return) gets an apostrophe first, so a file name cannot run one.
 */
import type { Change, Comparison } from './json.js';
import type { AuditResult, GroupMeasures } from './measure.js';

/** The columns, in order. */
export const CSV_COLUMNS = ['group', 'kind', 'measure', 'pillar', 'documents', 'with', 'findings', 'share', 'before', 'change'] as const;

/** One cell, quoted when it must be. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Row = Readonly<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/** The rows of one group. */
function groupRows(group: GroupMeasures, changes: ReadonlyMap<string, Change>): Row[] {
  const compared = (kind: Change['kind'], measure: string): Pick<Row, 'before' | 'change'> => {
    const change = changes.get(`${group.name}\u0000${kind}\u0000${measure}`);
    return { before: change?.before ?? null, change: change?.change ?? null };
  };
  return [
    ...group.topics.map((topic): Row => ({ group: group.name, kind: 'topic', measure: topic.topic, pillar: topic.pillar, documents: topic.documents, with: topic.present, findings: null, share: topic.share, ...compared('topic', topic.topic) })),
    ...group.pillars.map((pillar): Row => ({ group: group.name, kind: 'pillar', measure: pillar.name, pillar: pillar.pillar, documents: group.documents, with: pillar.clean, findings: null, share: pillar.score, ...compared('pillar', pillar.pillar) })),
    { group: group.name, kind: 'reading-age', measure: 'median', pillar: null, documents: group.readingAge.documents, with: null, findings: null, share: group.readingAge.median, ...compared('reading-age', 'median') },
    ...[...group.rules, ...group.accessibility].map((rule): Row => ({ group: group.name, kind: 'rule', measure: rule.rule, pillar: rule.pillar, documents: group.documents, with: rule.documents, findings: rule.count, share: rule.share, ...compared('rule', rule.rule) })),
  ];
}

/** The audit as CSV text. */
export function formatAuditCsv(result: AuditResult, comparison: Comparison | null): string {
  const changes = new Map((comparison?.changes ?? []).map((change) => [`${change.group}\u0000${change.kind}\u0000${change.measure}`, change]));
  const rows = [result.overall, ...result.groups].flatMap((group) => groupRows(group, changes));
  // Measures the earlier audit had and this one does not (a rule no document has now, in a group it had).
  for (const change of comparison?.changes ?? []) {
    const known = rows.some((row) => row.group === change.group && row.kind === change.kind && (row.measure === change.measure || (change.kind === 'pillar' && row.pillar === change.measure)));
    if (!known) rows.push({ group: change.group, kind: change.kind, measure: change.measure, pillar: null, documents: null, with: null, findings: null, share: change.after, before: change.before, change: change.change });
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => cell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
