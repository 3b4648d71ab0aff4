/**
 * The rules catalogue (`rules/README.md`), generated from the rule data so it can never drift
 * from what the checker does: `npm run docs` rewrites it and a test fails when it is stale.
 */
import type { FileExample, RuleMeta } from '../engine/rule.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import { appliesToText, exampleText } from '../report/rules.js';
import { CATEGORIES, GROUP_NAMES, type Category } from '../types.js';

const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  'plain-language': 'Plain language',
  readability: 'Readability',
  'inclusive-language': 'Inclusive language',
  'required-content': 'Required content',
  'document-structure': 'Document structure',
  formatting: 'Formatting',
};

/** A GitHub-style anchor for a rule's heading. */
export function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function quoteExample(example: string): string {
  return `\`${exampleText(example).replace(/`/g, "'")}\``.replace(/\|/g, '\\|');
}

function describeFile(example: FileExample): string {
  return `${example.what} ([${example.file.split('/').pop()}](../${example.file}))`;
}

function entry(meta: RuleMeta): string[] {
  const lines = [
    `### ${meta.id}`,
    '',
    meta.description,
    '',
    `- **Severity**: ${meta.severity}${meta.fixable ? ' (some findings can be fixed with `--fix`)' : ''}`,
    `- **I.D.E.A.S. pillar**: ${PILLAR_NAMES[meta.pillar]}`,
    `- **Helps**: ${meta.groups.map((group) => GROUP_NAMES[group]).join('; ')}`,
    `- **Checked in**: ${appliesToText(meta)}`,
    `- **Defined in**: \`${meta.origin}\``,
    '',
    `**Why it matters.** ${meta.note}`,
    '',
    `**Co-created solution.** ${meta.seed}`,
    '',
    `**How to fix it.** ${meta.fix}`,
  ];
  const flagged = [...meta.examples.flagged.map(quoteExample), ...(meta.fileExamples?.flagged ?? []).map(describeFile)];
  const passes = [...meta.examples.passes.map(quoteExample), ...(meta.fileExamples?.passes ?? []).map(describeFile)];
  if (flagged.length > 0 || passes.length > 0) {
    lines.push('', '| Flagged | Not flagged |', '|---|---|');
    for (let index = 0; index < Math.max(flagged.length, passes.length); index++) {
      lines.push(`| ${flagged[index] ?? ''} | ${passes[index] ?? ''} |`);
    }
  }
  if (meta.sources.length > 0) lines.push('', `**Sources.** ${meta.sources.join('; ')}.`.replace(/\.\.$/, '.'));
  return lines;
}

/** The whole catalogue: every rule, grouped by category, with its note, seed, fix and examples. */
export function formatCatalogue(rules: readonly RuleMeta[]): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const lines = [
    '# Rules catalogue',
    '',
    '<!-- Generated from the rule data by `npm run docs`; do not edit by hand. -->',
    '',
    `recruit-check has ${sorted.length} rules. Each comes from a solution that carers, people of Black, Caribbean or`,
    'African heritage, migrants and refugees, Deaf and hard of hearing people and neurodivergent people',
    'co-created in the I.D.E.A.S. project (Inform, Develop, Encourage, Awareness, Support). Rules written',
    'as data live in the YAML packs in this folder (see [docs/rule-packs.md](../docs/rule-packs.md));',
    'the others are code in `src/rules/`. `recruit-check explain <rule>` prints any entry below.',
    '',
  ];
  for (const category of CATEGORIES) {
    const inCategory = sorted.filter((meta) => meta.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${CATEGORY_TITLES[category]}`, '');
    for (const meta of inCategory) lines.push(`- [\`${meta.id}\`](#${anchor(meta.id)}): ${meta.description}`);
    lines.push('');
    for (const meta of inCategory) lines.push(...entry(meta), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
