/**
 * `plain-language/acronym-not-expanded`: an acronym whose first use is not spelled out, either
 * as “Full name (ABC)” or “ABC (full name)”. Well-known acronyms (UK, NHS, GP…) are allowed.
 * Only the first use of each acronym is reported: after a good first use, the letters are fine.
 */
import { readDataFile } from '../engine/data-files.js';
import { daleChall } from 'dale-chall';
import { spache } from 'spache';
import type { Block } from '../document/model.js';
import type { Rule, RuleContext } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

interface AcronymData {
  readonly known: ReadonlySet<string>;
  readonly expansions: ReadonlyMap<string, string>;
}

let data: AcronymData | null = null;

/** The bundled known list and expansions (`rules/data/acronyms.yml`), read once. */
export function acronymData(): AcronymData {
  if (!data) {
    const raw = readDataFile('acronyms.yml') as {
      known: string[];
      expansions: Record<string, string>;
    };
    data = { known: new Set(raw.known), expansions: new Map(Object.entries(raw.expansions)) };
  }
  return data;
}

/** A candidate acronym in a block. */
interface Occurrence {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  /** The acronym without a plural or possessive ending (“GPs” → “GP”). */
  readonly base: string;
}

const RUN = /[\p{L}&]+/gu;
const ROMAN = /^[IVX]+$/;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
const SPELLED_OUT_AFTER = /^s?\s*\((?![^)]*\b(?:PDF|Word|KB|MB)\b)[^)]*\p{L}[^)]*\s[^)]*\)/u;
const DEFINITION_AFTER = /^s?\s*(?:,?\s*(?:which\s+)?(?:stands\s+for|means|is\s+short\s+for)\b|\s[–—-]\s)/iu;
const INSIDE_BRACKETS = /\(\s*$/u;
const CLOSING_BRACKET = /^s?\s*\)/u;

/** The acronym a run of letters stands for, or null if it is not an acronym. */
export function acronymBase(run: string): string | null {
  let base = run;
  if (/^[A-Z&]{2,}s$/.test(run)) base = run.slice(0, -1);
  const upper = base.replace(/[^A-Z]/g, '').length;
  const lower = base.replace(/[^a-z]/g, '').length;
  if (upper < 2 || !/^[A-Z]/.test(base) || base.endsWith('&') || base.includes('&&')) return null;
  if (lower === 0) return base.length <= 8 && !ROMAN.test(base) ? base : null;
  return base.length <= 5 && upper > lower ? base : null;
}

/** Everyday English words (the Dale–Chall and Spache familiar-word lists). */
const FAMILIAR = new Set([...daleChall, ...spache]);

/** True when a word in capitals is an everyday word (“BOLD”, “DUTIES”), not letters. */
export function isEverydayWord(base: string): boolean {
  const word = base.toLowerCase();
  if (word.length < 3 || !/[aeiouy]/.test(word)) return false;
  const stems = [word, word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, ''), word.replace(/ing$/, ''), word.replace(/ing$/, 'e'), word.replace(/ed$/, ''), word.replace(/ed$/, 'e')];
  return stems.some((stem) => FAMILIAR.has(stem));
}

/** True when most of the block is in capitals: shouting, not acronyms. */
function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = text.replace(/[^\p{Lu}]/gu, '');
  const capsWords = text.split(/\s+/).filter((word) => /^[\p{Lu}]{2,}\W*$/u.test(word)).length;
  return letters.length >= 8 && upper.length / letters.length > 0.7 && capsWords >= 3;
}

/** Ranges of a block that hold codes, not words: postcodes, addresses, references. */
function maskedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(POSTCODE)) ranges.push([match.index, match.index + match[0].length]);
  for (const match of text.matchAll(/\S+/g)) {
    const token = match[0];
    if (/@|:\/\/|^www\./i.test(token) || (token.match(/\d/g)?.length ?? 0) >= 3) {
      ranges.push([match.index, match.index + token.length]);
    }
  }
  return ranges;
}

function occurrences(blocks: readonly Block[], known: (base: string) => boolean, expansions: ReadonlyMap<string, string>): Occurrence[] {
  const found: Occurrence[] = [];
  for (const block of blocks) {
    const text = block.text;
    if (text === '' || isShouting(text)) continue;
    const masked = maskedRanges(text);
    const candidates = [...text.matchAll(RUN)].flatMap((match) => {
      const base = acronymBase(match[0]);
      return base && !known(base) ? [{ start: match.index, base }] : [];
    });
    // Everyday words in capitals (“MAJOR DUTIES”, “RED”) are shouting; so are unknown words
    // with vowels that sit among them (“BOLD, ITALIC and BOTH”).
    const shouted = candidates.filter((candidate) => !expansions.has(candidate.base) && isEverydayWord(candidate.base)).length;
    for (const { start, base } of candidates) {
      const end = start + base.length;
      if (!expansions.has(base) && (isEverydayWord(base) || (shouted > 0 && /[AEIOUY]/.test(base) && base.length >= 4))) continue;
      if (masked.some(([from, to]) => start < to && end > from)) continue;
      if (block.marks.some((mark) => mark.kind === 'code' && start < mark.end && end > mark.start)) continue;
      found.push({ block, start, end, base });
    }
  }
  return found;
}

/** True when this use spells the acronym out, or is spelled out by the words before it. */
function definedAt(occurrence: Occurrence, expansion: string | undefined, earlierText: string): boolean {
  const text = occurrence.block.text;
  const before = text.slice(Math.max(0, occurrence.start - 80), occurrence.start);
  const after = text.slice(occurrence.end, occurrence.end + 120);
  if (INSIDE_BRACKETS.test(before) && CLOSING_BRACKET.test(after) && /\p{L}{2,}/u.test(before)) return true;
  if (SPELLED_OUT_AFTER.test(after) || DEFINITION_AFTER.test(after)) return true;
  if (expansion) {
    const words = expansion.replace(/\s*\(.*\)$/, '').toLowerCase();
    if (earlierText.includes(words)) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'plain-language/acronym-not-expanded',
    category: 'plain-language',
    severity: 'warning',
    pillar: 'inform',
    groups: ['migrants', 'deaf', 'neurodivergent'],
    description: 'Acronyms that are not spelled out the first time they are used.',
    note:
      'Letters like DBS, HCPC or CAMHS mean nothing to someone new to UK health and care. People who came to the UK as migrants or refugees, Deaf people whose first language is BSL, and people who read literally are the most likely to be shut out by them.',
    seed: SEEDS.noJargon,
    fix: 'Write the full words the first time, then the letters in brackets: “Disclosure and Barring Service (DBS) check”. If the letters are better known, explain them instead: “DBS check (a criminal record check)”.',
    sources: [
      'GOV.UK style guide, “Abbreviations and acronyms”',
      'NHS service manual, “Abbreviations and acronyms”',
      'GOV.UK Easy Read guidance: use full words, not acronyms',
    ],
    messages: {
      notExpanded: 'Spell out “{acronym}” the first time you use it{hint}.',
      definedLater: 'Spell out “{acronym}” the first time you use it: you explain it later, so move the explanation here.',
      easyRead: 'Easy Read documents use full words, not acronyms: write out “{acronym}”{hint}.',
    },
    examples: {
      flagged: ['You will need a DBS check.', 'Experience of working in CAMHS is essential.'],
      passes: [
        'You will need a Disclosure and Barring Service (DBS) check. The DBS check is free.',
        'This is an Agenda for Change (AfC) Band 3 job.',
        'Work for the NHS in the UK.',
      ],
    },
    fixable: false,
    origin: 'src/rules/acronym-not-expanded.ts',
  },
  check(context: RuleContext) {
    const { known: bundled, expansions } = acronymData();
    const extra = new Set(context.options.knownAcronyms);
    const known = (base: string): boolean => bundled.has(base) || extra.has(base);
    const all = occurrences(context.doc.blocks, known, expansions);
    const seen = new Set<string>();
    let earlierText = '';
    let textUpTo = -1;
    const blocks = context.doc.blocks;
    for (const [position, occurrence] of all.entries()) {
      // Keep a lower-cased copy of the document up to and including this block.
      while (textUpTo < occurrence.block.index) {
        textUpTo++;
        earlierText += `${blocks[textUpTo]?.text.toLowerCase() ?? ''}\n`;
      }
      if (seen.has(occurrence.base)) continue;
      seen.add(occurrence.base);
      const expansion = expansions.get(occurrence.base);
      const hint = expansion ? `: “${expansion.replace(/\s*\(.*\)$/, '')} (${occurrence.base})”` : '';
      const suggestions = expansion ? [`${expansion.replace(/\s*\(.*\)$/, '')} (${occurrence.base})`] : [];
      if (context.options.flagEveryAcronym) {
        context.report({ ...span(occurrence), messageId: 'easyRead', data: { acronym: occurrence.base, hint }, suggestions });
        continue;
      }
      if (definedAt(occurrence, expansion, earlierText)) continue;
      // A heading may use letters that the paragraph under it spells out.
      const next = all.slice(position + 1).find((other) => other.base === occurrence.base);
      if (
        occurrence.block.kind === 'heading' &&
        next &&
        next.block.index <= occurrence.block.index + 2 &&
        definedAt(next, expansion, '')
      ) {
        continue;
      }
      const laterDefinition = all
        .slice(position + 1)
        .some((other) => other.base === occurrence.base && definedAt(other, undefined, ''));
      context.report({
        ...span(occurrence),
        messageId: laterDefinition ? 'definedLater' : 'notExpanded',
        data: { acronym: occurrence.base, hint },
        suggestions,
      });
    }
  },
};

function span(occurrence: Occurrence): { block: Block; start: number; end: number } {
  return { block: occurrence.block, start: occurrence.start, end: occurrence.end };
}

export default rule;
