/** `readability/list-too-long`: bulleted or numbered lists with more than 6 items. */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'readability/list-too-long',
    category: 'readability',
    severity: 'info',
    pillar: 'inform',
    groups: ['neurodivergent', 'migrants'],
    description: 'Lists with more than 6 items (person specification criteria lists especially).',
    note:
      'Long lists of duties or criteria are hard to hold in mind, and can put people off applying who would meet them. Neurodivergent people and people reading in a second language are most affected.',
    seed: SEEDS.checklists,
    fix: 'Keep lists to 6 items or fewer: group related points under subheadings, and keep only what the job really needs.',
    sources: ['NHS service manual, “Formatting” (limit your list to no more than 6 items)'],
    messages: {
      tooLong: 'This list has {items} items: keep lists to {limit} items or fewer, and group related points under subheadings.',
    },
    examples: {
      flagged: ['- one\n- two\n- three\n- four\n- five\n- six\n- seven'],
      passes: ['- one\n- two\n- three'],
    },
    fixable: false,
    origin: 'src/rules/list-too-long.ts',
  },
  check(context) {
    const limit = context.options.listMaxItems;
    for (const list of context.doc.lists) {
      if (list.items <= limit) continue;
      const first = context.doc.blocks[list.firstBlock];
      if (!first) continue;
      context.report({ block: first, messageId: 'tooLong', data: { items: list.items, limit } });
    }
  },
};

export default rule;
