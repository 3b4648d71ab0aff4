/** The text of `recruit-check rules` and `recruit-check explain`: pure functions of rule metadata. */
import { DOC_TYPE_NAMES, type DocType } from '../engine/doc-type.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import type { RuleMeta } from '../engine/rule.js';
import { GROUP_NAMES } from '../types.js';

/** One line per rule: id, severity, pillar, category and what it looks for. */
export function formatRuleList(rules: readonly RuleMeta[]): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const width = Math.max(...sorted.map((meta) => meta.id.length));
  const lines = sorted.map(
    (meta) => `${meta.id.padEnd(width)}  ${meta.severity.padEnd(8)}  ${PILLAR_NAMES[meta.pillar].padEnd(9)}  ${meta.category.padEnd(18)}  ${meta.description}`,
  );
  return `${[`${'rule'.padEnd(width)}  ${'severity'.padEnd(8)}  ${'pillar'.padEnd(9)}  ${'category'.padEnd(18)}  what it looks for`, ...lines].join('\n')}\n${sorted.length} rules. Run \`recruit-check explain <rule>\` for any of them.\n`;
}

/** Every rule's metadata as JSON, for programs. */
export function formatRuleListJson(rules: readonly RuleMeta[]): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return `${JSON.stringify(
    sorted.map((meta) => ({
      id: meta.id,
      category: meta.category,
      severity: meta.severity,
      pillar: meta.pillar,
      groups: meta.groups,
      description: meta.description,
      note: meta.note,
      seed: meta.seed,
      fix: meta.fix,
      sources: meta.sources,
      examples: meta.examples,
      fileExamples: meta.fileExamples ?? null,
      fixable: meta.fixable,
      appliesTo: meta.appliesTo ?? null,
    })),
    null,
    2,
  )}\n`;
}

/** The document types a rule checks, in words: “job adverts (error), job descriptions (warning)”. */
export function appliesToText(meta: RuleMeta): string {
  if (!meta.appliesTo) return 'every kind of document';
  return Object.entries(meta.appliesTo)
    .map(([type, severity]) => `${DOC_TYPE_NAMES[type as DocType]}s (${severity})`)
    .join(', ');
}

/** An example on one line, shortened when it is a long passage. */
export function exampleText(example: string, limit = 240): string {
  const line = example.replace(/\n+/g, ' ⏎ ');
  return line.length > limit ? `${line.slice(0, limit).replace(/\s+\S*$/, '')} …` : line;
}

/** Everything about one rule, in plain words. */
export function formatExplain(meta: RuleMeta): string {
  const section = (title: string, body: readonly string[]): string[] => (body.length === 0 ? [] : ['', title, ...body.map((line) => `  ${line}`)]);
  return `${[
    `${meta.id} (${meta.severity}, ${meta.category.replace(/-/g, ' ')}, I.D.E.A.S. ${PILLAR_NAMES[meta.pillar]})`,
    ...section('What it looks for', [meta.description]),
    ...section('Why it matters', [meta.note]),
    ...section('Who it affects', [meta.groups.map((group) => GROUP_NAMES[group]).join('; ')]),
    ...section('Checked in', [appliesToText(meta)]),
    ...section('The co-created solution it comes from', [meta.seed]),
    ...section('How to fix it', [meta.fix]),
    ...section('Flagged', [
      ...meta.examples.flagged.map((example) => `✖ ${exampleText(example)}`),
      ...(meta.fileExamples?.flagged ?? []).map((example) => `✖ ${example.what} (${example.file})`),
    ]),
    ...section('Not flagged', [
      ...meta.examples.passes.map((example) => `✔ ${exampleText(example)}`),
      ...(meta.fileExamples?.passes ?? []).map((example) => `✔ ${example.what} (${example.file})`),
    ]),
    ...section('Sources', meta.sources.map((source) => `- ${source}`)),
  ].join('\n')}\n`;
}

