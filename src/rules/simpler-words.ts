/**
 * `plain-language/simpler-words`: wordy or formal phrases with a simpler everyday alternative,
 * from retext-simplify's patterns (found as retext-simplify finds them, by src/engine/simplify.ts),
 * with the recruitment and legal terms that must not be flagged switched off (reasonable
 * adjustments, employee benefits, equivalent qualifications, National Minimum Wage, equality
 * monitoring, the selection process…).
 */
import type { Block } from '../document/model.js';
import { matchCase, quoteList } from '../engine/messages.js';
import type { Rule, RuleContext } from '../engine/rule.js';
import { SimplifySearch, type SimplifyMatch } from '../engine/simplify.js';
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
  // Swaps that change the meaning in recruitment text: “previous applicants” are not “earlier
  // applicants”, and “expertise” is more than “ability”.
  'previous', 'expertise',
  // No everyday swap keeps the meaning: “prioritise your workload” is not “rank your workload”.
  'prioritise', 'prioritize',
  // US federal items that never occur in UK adverts, or mean something else here.
  'aircraft', 'combat environment', 'arrive onboard', 'your office', 'took advantage of',
  // Handled by plain-language/latin-abbreviation and plain-language/slash-or.
  'e.g.', 'i.e.', 'inter alia', 'and/or',
];

/** Replacements safe to apply without reading the sentence: one meaning, same grammar. */
export const SAFE_REPLACEMENTS: Readonly<Record<string, string>> = {
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

const search = new SimplifySearch(IGNORED_PHRASES);

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
    for (const block of context.doc.blocks) {
      if (block.text === '') continue;
      for (const sentence of context.analysis.of(block).sentences) {
        search.search(sentence.node, (match) => reportMatch(context, block, match));
      }
    }
  },
};

function reportMatch(context: RuleContext, block: Block, match: SimplifyMatch): void {
  const { start, end, phrase, pattern } = match;
  const actual = block.text.slice(start, end);
  const safe = SAFE_REPLACEMENTS[actual.toLowerCase().replace(/\s+/g, ' ')] ?? SAFE_REPLACEMENTS[phrase.toLowerCase()];
  const expected = pattern.replace.filter((value) => value !== '');
  const ordered = safe ? [safe, ...expected.filter((value) => value !== safe)] : expected;
  const suggestions = ordered.map((value) => matchCase(actual, value));
  const messageId = pattern.omit ? (suggestions.length > 0 ? 'omitOrReplace' : 'omit') : 'replace';
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
