/**
 * The rules table in the README, generated from the rule data so it can never drift from it
 * (`npm run docs` rewrites it; a test fails when it is stale).
 */
import type { Rule } from '../engine/rule.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';


function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** A Markdown table of every rule: id, severity, pillar, groups and what it looks for. */
export function formatRulesTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) =>
      `| \`${meta.id}\` | ${meta.severity} | ${PILLAR_NAMES[meta.pillar]} | ${meta.groups.join(', ')} | ${cell(meta.description)} |`,
    );
  return ['| Rule | Severity | Pillar | Groups | What it looks for |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Replace the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
