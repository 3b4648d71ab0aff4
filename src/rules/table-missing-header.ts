/** `document-structure/table-missing-header`: a data table (2 rows and 2 columns or more) with no header row. */
import type { Rule } from '../engine/rule.js';
import { reportTable } from './report-table.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/table-missing-header',
    category: 'document-structure',
    severity: 'error',
    pillar: 'support',
    groups: ['everyone'],
    description: 'Tables of at least 2 rows and 2 columns with no header row.',
    note:
      'A screen reader reads each cell with its column heading (“Hours: 37.5”). Without a header row, people hear a list of numbers and words with no way to tell what they mean.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Mark the first row as a header row (in Word: Table Design › Header Row, and Layout › Repeat as header row).',
    sources: ['Microsoft Accessibility Checker: “Tables specify column header information” (error)', 'PDF/UA-1 7.5 (Matterhorn checkpoint 15)'],
    messages: {
      missing: 'This table has no header row: mark the first row as the header so each cell is read with its column name.',
    },
    examples: { flagged: ['<table><tr><td>Pay</td><td>£24,000</td></tr><tr><td>Hours</td><td>37.5</td></tr></table>'], passes: ['| Day | Hours |\n|---|---|\n| Monday | 9am to 5pm |'] },
    fixable: false,
    origin: 'src/rules/table-missing-header.ts',
  },
  check(context) {
    for (const table of context.doc.tables) {
      if (!table.headerRow && table.rows >= 2 && table.columns >= 2) reportTable(context, table, 'missing');
    }
  },
};

export default rule;
