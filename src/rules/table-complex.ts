/** `document-structure/table-complex`: a table with merged (spanning) cells or a table inside a table. */
import type { Rule } from '../engine/rule.js';
import { reportTable } from './report-table.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/table-complex',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'everyone'],
    description: 'Tables with merged or split cells, or tables inside tables.',
    note:
      'Merged cells and tables inside tables are read in a confusing order by screen readers, and are hard to follow for anyone on a small screen.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Use a simple table: no merged, split or nested cells. Split a complex table into two, or use headings and lists.',
    sources: ['Microsoft Accessibility Checker: “Table has a simple structure” (warning)'],
    messages: {
      merged: 'This table has merged cells: use a simple grid, or split it into smaller tables.',
      nested: 'This table is inside another table: use one simple table, or headings and lists.',
    },
    examples: { flagged: ['<table><tr><th colspan="2">Pay</th></tr><tr><td>A</td><td>B</td></tr></table>'], passes: ['| Day | Hours |\n|---|---|\n| Monday | 9am to 5pm |'] },
    fixable: false,
    origin: 'src/rules/table-complex.ts',
  },
  check(context) {
    for (const table of context.doc.tables) {
      if (table.merged || table.nested) reportTable(context, table, table.nested ? 'nested' : 'merged');
    }
  },
};

export default rule;
