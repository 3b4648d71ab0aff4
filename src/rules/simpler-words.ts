/**
 * `plain-language/simpler-words`: wordy or formal phrases with a simpler everyday alternative,
 * from retext-simplify's patterns, with the recruitment and legal terms that must not be flagged
 * switched off (reasonable adjustments, employee benefits, equivalent qualifications, National
 * Minimum Wage, equality monitoring, the selection process…).
 */
import type { Root } from 'nlcst';
import retextSimplify from 'retext-simplify';
import type { Node } from 'unist';
import { VFile } from 'vfile';
import type { Block } from '../document/model.js';
import { matchCase, quoteList } from '../engine/packs.js';
import type { Rule, RuleContext } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

/**
 * Phrases never flagged in recruitment documents: legal and domain terms, noisy function words,
 * US military items, and phrases other rules handle better (Latin abbreviations, "and/or").
 */
export const IGNORED_PHRASES: readonly string[] = [
  // Legal or domain terms in recruitment (rule catalogue §7.2).
  'adjustment', 'assistance', 'benefit', 'benefit from', 'equivalent', 'minimum', 'maximum',
  'monitor', 'selection', 'require', 'requirement', 'function', 'type', 'option', 'provide',
  // Too noisy to help.
  'there is', 'there are', 'it is', 'very', 'however', 'address', 'forward', 'request',
  'employ', 'residence', 'reflect', 'effect', 'permit', 'vice', 'objective', 'observe',
  'maintain', 'combined', 'initial', 'accurate', 'identify', 'in addition', 'overall',
  // US federal items that never occur in UK adverts, or mean something else here.
  'aircraft', 'combat environment', 'arrive onboard', 'your office', 'took advantage of',
  // Handled by plain-language/latin-abbreviation and plain-language/slash-or.
  'e.g.', 'i.e.', 'inter alia', 'and/or',
];

/** Replacements safe to apply without reading the sentence: one meaning, same grammar. */
const SAFE_REPLACEMENTS: Readonly<Record<string, string>> = {
  'in order to': 'to',
  'prior to': 'before',
  utilise: 'use',
  utilize: 'use',
  'in excess of': 'more than',
  'with the exception of': 'except for',
  'until such time as': 'until',
  'whether or not': 'whether',
  'each and every': 'each',
  'due to the fact that': 'because',
  'owing to the fact that': 'because',
  'because of the fact that': 'because',
  'in light of the fact that': 'because',
  'in an effort to': 'to',
  commence: 'start',
  remuneration: 'pay',
  sufficient: 'enough',
  'at the present time': 'now',
};

const transform = retextSimplify({ ignore: IGNORED_PHRASES });

const rule: Rule = {
  meta: {
    id: 'plain-language/simpler-words',
    category: 'plain-language',
    severity: 'info',
    pillar: 'inform',
    groups: ['everyone', 'migrants', 'deaf', 'neurodivergent'],
    description: 'Wordy or formal words and phrases that have a simpler everyday alternative.',
    note:
      'Formal words like “commence” and “remuneration” slow every reader down, and are hardest for people reading English as a second language — including many migrants, refugees and Deaf people whose first language is BSL — and for people who read literally.',
    seed: SEEDS.noJargon,
    fix: 'Use the everyday word: “start” not “commence”, “pay” not “remuneration”, “before” not “prior to”.',
    sources: [
      'retext-simplify patterns (retextjs/retext-simplify lib/patterns.js, MIT)',
      'GOV.UK style guide: plain English',
    ],
    messages: {
      replace: 'Use {suggestions} instead of “{actual}”.',
      omit: 'Leave out “{actual}”: it adds nothing.',
      omitOrReplace: 'Leave out “{actual}”, or use {suggestions}.',
    },
    examples: {
      flagged: ['We will commence your induction prior to your first shift.', 'Remuneration is reviewed each year.'],
      passes: [
        'Tell us about any reasonable adjustments you need.',
        'We accept equivalent qualifications from other countries.',
        'You will be paid at least the National Minimum Wage.',
      ],
    },
    fixable: true,
    origin: 'src/rules/simpler-words.ts',
  },
  check(context) {
    // One retext-simplify pass over every block's paragraphs at once: it indexes its 300 phrases
    // on each call, which cost more than the search itself when it ran block by block. Positions
    // stay relative to each block; the sentence a match sits in says which block it came from.
    const blockOf = new Map<Node, Block>();
    const root: Root = { type: 'RootNode', children: [] };
    for (const block of context.doc.blocks) {
      if (block.text === '') continue;
      for (const paragraph of context.analysis.of(block).tree.children) {
        root.children.push(paragraph);
        if (paragraph.type === 'ParagraphNode') for (const sentence of paragraph.children) blockOf.set(sentence, block);
      }
    }
    const file = new VFile();
    transform(root, file);
    for (const message of file.messages) {
      const block = message.ancestors?.at(-1) && blockOf.get(message.ancestors.at(-1) as Node);
      if (block) reportMessage(context, block, message);
    }
  },
};

type Message = VFile['messages'][number];

function reportMessage(context: RuleContext, block: Block, message: Message): void {
  const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
  const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
  if (start === undefined || end === undefined) return;
  const actual = block.text.slice(start, end);
  const phrase = (message.ruleId ?? '').replace(/-/g, ' ');
  const safe = SAFE_REPLACEMENTS[actual.toLowerCase().replace(/\s+/g, ' ')] ?? SAFE_REPLACEMENTS[phrase];
  const expected = (message.expected ?? []).filter((value) => value !== '');
  const ordered = safe ? [safe, ...expected.filter((value) => value !== safe)] : expected;
  const suggestions = ordered.map((value) => matchCase(actual, value));
  const omit = message.reason.includes('remove it');
  const messageId = omit ? (suggestions.length > 0 ? 'omitOrReplace' : 'omit') : 'replace';
  context.report({
    block,
    start,
    end,
    messageId,
    data: { actual, suggestions: quoteList(suggestions) },
    suggestions,
    ...(safe ? { safeFix: true } : {}),
  });
}

export default rule;
