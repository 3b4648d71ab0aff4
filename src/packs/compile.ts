/**
 * Compiling a pack's validated definitions (./read.ts) into rules the engine runs: a phrase rule's
 * phrases and patterns are found by the engine's scanner (src/engine/scanner.ts), each compiled
 * into a regular expression only when a document contains its trigger; a required-content rule
 * looks for its topic in the whole document.
 */
import { isEssentialCriterionAt, isInEqualityStatement, isInName, isQuoted } from '../engine/context.js';
import { documentText, firstMatch, foldedDocumentText, hasNoText } from '../engine/document-text.js';
import { matchCase, quoteList } from '../engine/messages.js';
import type { Report, Rule, RuleContext } from '../engine/rule.js';
import { guardRegExp } from '../engine/regex-guard.js';
import { gatedPattern, Scanner, type PatternInput, type PhraseInput, type ScanMatch, type TextTest } from '../engine/scanner.js';
import type { Block } from '../document/model.js';
import type { PackEntry, PackRuleDefinition, PhraseRuleDefinition, RequiredRuleDefinition } from './read.js';

/** Compile a validated definition into a rule. */
export function compileDefinition(definition: PackRuleDefinition): Rule {
  return definition.kind === 'required' ? compileRequiredRule(definition) : compilePackRule(definition);
}

/** Words in brackets, a dash or “which means” after a term: an explanation (“pro rata (0.8 WTE)” is not one). */
const EXPLAINED_AFTER =
  /^\s*(?:\(\s*(?!\d|(?:pro\s+rata|per\s+annum|p\.?a\.?|inc|incl|including|excluding|plus|depending|FTE|WTE|DOE)\b)[\p{L}'’-]+\s+[\p{L}]|[–—-]\s|,?\s+(?:which|that)\s+(?:is|are|means)\b|\s*means\b|:\s)/iu;
/** A term in brackets after the words it names: “the full-time pay, shared by hours (pro rata)”. */
const EXPLAINED_BEFORE = /\(\s*$/u;
const CLOSES_BRACKET = /^\s*\)/u;

/** Compile a phrase rule into a rule the engine can run. */
export function compilePackRule(definition: PhraseRuleDefinition): Rule {
  const inputs = { sensitive: { phrases: [] as PhraseInput[], patterns: [] as PatternInput[] }, insensitive: { phrases: [] as PhraseInput[], patterns: [] as PatternInput[] } };
  definition.entries.forEach((entry, index) => {
    const target = (entry.caseSensitive ?? definition.caseSensitive) ? inputs.sensitive : inputs.insensitive;
    for (const phrase of entry.phrases) target.phrases.push({ phrase, entry: index });
    // Patterns come after every phrase, in the order written.
    for (const pattern of entry.pattern) target.patterns.push({ source: pattern, entry: index });
  });
  const skips = definition.entries.map((entry) => entry.skipIn ?? definition.skipIn);
  const skipQuoted = skips.map((contexts) => contexts.includes('quotation'));
  const skipName = skips.map((contexts) => contexts.includes('name'));
  const skipEquality = skips.map((contexts) => contexts.includes('equality-statement'));
  // Built when the rule first checks a document: a checker built only to name the rules and
  // validate a config (the command's main thread, `recruit-check rules`) never scans.
  let built: readonly Scanner[] | null = null;
  const scanners = (): readonly Scanner[] =>
    (built ??= [
      new Scanner(inputs.insensitive.phrases, inputs.insensitive.patterns, false),
      new Scanner(inputs.sensitive.phrases, inputs.sensitive.patterns, true),
    ].filter((scanner) => !scanner.empty));

  return {
    meta: {
      ...definition.meta,
      messages: {
        match: definition.message,
        ...Object.fromEntries(
          definition.entries.flatMap((entry, index) =>
            entry.message ? [[entryMessageId(entry, index), entry.message]] : [],
          ),
        ),
      },
    },
    check(context: RuleContext): void {
      const { analysis, doc } = context;
      // With `firstOnly`, only the earliest match of each entry in the document is reported (the
      // scanners for case-sensitive and other entries each go through the document in order),
      // and none when an earlier use of it is explained: jargon explained the first time it is
      // used needs no explaining again.
      const first = new Map<number, { readonly at: readonly [number, number]; readonly report: Report }>();
      const explained = new Map<number, readonly [number, number]>();
      const isEarlier = (a: readonly [number, number], b: readonly [number, number] | undefined): boolean => !b || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
      // With `oncePerSentence`, one finding for each sentence, from its first match to its last:
      // “at least 3 years, including 1 year in a senior role” is one requirement.
      const perSentence = new Map<string, Report>();
      const emit = (entryIndex: number, blockIndex: number, start: number, report: Report): void => {
        if (definition.oncePerSentence && report.block) {
          const block = report.block;
          const sentence = analysis.sentenceAt(block, start);
          const key = `${blockIndex}:${sentence?.start ?? start}`;
          const earlier = perSentence.get(key);
          if (!earlier) return void perSentence.set(key, report);
          const from = Math.min(earlier.start ?? 0, start);
          const to = Math.max(earlier.end ?? 0, report.end ?? 0);
          const leading = (earlier.start ?? 0) <= start ? earlier : report;
          perSentence.set(key, { ...leading, start: from, end: to, data: { ...leading.data, actual: block.text.slice(from, to) } });
          return;
        }
        if (!definition.firstOnly) return context.report(report);
        if (isEarlier([blockIndex, start], first.get(entryIndex)?.at)) first.set(entryIndex, { at: [blockIndex, start], report });
      };
      const explainedAt = (entryIndex: number, blockIndex: number, start: number): void => {
        if (isEarlier([blockIndex, start], explained.get(entryIndex))) explained.set(entryIndex, [blockIndex, start]);
      };
      const excused = new Map<number, boolean>();
      const excusedByDocument = (index: number, pattern: RegExp): boolean => {
        let value = excused.get(index);
        if (value === undefined) excused.set(index, (value = pattern.test(documentText(doc))));
        return value;
      };
      // `unlessBlock` looked at once per entry and block, not once per match.
      const blockExcuses = new Map<string, boolean>();
      const excusedByBlock = (index: number, blockIndex: number, pattern: RegExp, text: string): boolean => {
        const key = `${index}:${blockIndex}`;
        let value = blockExcuses.get(key);
        if (value === undefined) blockExcuses.set(key, (value = pattern.test(text)));
        return value;
      };
      // The block being scanned, for the one callback that takes every match of the document.
      let block = doc.blocks[0] as Block;
      let blockIndex = 0;
      let text = '';
      const onMatch = (match: ScanMatch): void => {
        const entryIndex = match.entry;
        const entry = definition.entries[entryIndex];
        if (!entry) return;
        const { start, end } = match;
        const textBefore = text.slice(Math.max(0, start - 60), start);
        const after = text.slice(end, end + 60);
        if (entry.unlessBefore?.test(textBefore)) return;
        if (entry.unlessAfter?.test(after)) return;
        if (entry.unlessBlock && excusedByBlock(entryIndex, blockIndex, guardRegExp(entry.unlessBlock), text)) return;
        if (entry.unlessDocument && excusedByDocument(entryIndex, guardRegExp(entry.unlessDocument))) return;
        if (definition.skipExplained && (EXPLAINED_AFTER.test(after) || (EXPLAINED_BEFORE.test(textBefore) && CLOSES_BRACKET.test(after)))) return explainedAt(entryIndex, blockIndex, start);
        if (skipQuoted[entryIndex] && isQuoted(block, start, end)) return;
        // A charity's, a hospital's or a club's name (“Young Lives vs Cancer”) is nobody's requirement.
        if (skipName[entryIndex] && !entry.caseSensitive && isInName(block, start, end)) return;
        // The sentence's context is worked out once per sentence, however many matches it has.
        if (skipEquality[entryIndex] && isInEqualityStatement(analysis, block, start, end, context.data)) return;
        const severity = entry.severity ?? (definition.warnIfEssential && isEssentialCriterionAt(analysis, doc, block, start, end) ? 'warning' : null);
        const actual = match.text;
        emit(entryIndex, blockIndex, start, {
          block,
          start,
          end,
          messageId: entry.message ? entryMessageId(entry, entryIndex) : 'match',
          data: {
            actual,
            suggestion: entry.suggest[0] ?? '',
            suggestions: quoteList(entry.suggest),
            explanation: entry.explain ?? '',
          },
          suggestions: entry.suggest.map((suggestion) => matchCase(actual, suggestion)),
          ...(severity ? { severity } : {}),
          ...(entry.safe ? { safeFix: true } : {}),
        });
      };
      for (const scanner of scanners()) {
        const candidates = scanner.candidates(analysis.documentKey(doc, !scanner.caseSensitive));
        for (blockIndex = 0; blockIndex < doc.blocks.length; blockIndex++) {
          block = doc.blocks[blockIndex] as Block;
          text = block.text;
          if (text !== '') scanner.scan(text, blockIndex, candidates, onMatch);
        }
      }
      for (const [entryIndex, { at, report }] of first) if (isEarlier(at, explained.get(entryIndex))) context.report(report);
      for (const report of perSentence.values()) context.report(report);
    },
  };
}

/** The id of an entry's own message: its `messageId`, or `entry-N` by its position. */
function entryMessageId(entry: PackEntry, index: number): string {
  return entry.messageId ?? `entry-${index}`;
}

/*
 * Required-content rules (`type: required` in a pack): what each kind of document must tell
 * people — the pay, the hours, how to apply, the adjustments on offer. A topic is there when the
 * document's text matches one of its patterns; when it is missing, it is reported once, with the
 * wording to add, at a vague mention (“competitive salary”) if there is one, else for the whole
 * document. Nothing is reported for a document with no text (a scan).
 */

/** Compile a required-content rule. */
export function compileRequiredRule(definition: RequiredRuleDefinition): Rule {
  // Patterns that open with a lookbehind are tried only where the rest of them matches (see
  // src/engine/regex-guard.ts): the same matches, without looking back at every place of the text.
  // Each is tried only on documents that hold a literal it needs (see `gatedPattern`).
  const gated = (pattern: RegExp): TextTest => gatedPattern(guardRegExp(pattern), pattern);
  const onlyIf = definition.onlyIf.map(gated);
  const presentAny = definition.present.map(gated);
  const presentAll = definition.presentAll.map(gated);
  const vague = definition.vague.map(guardRegExp);
  return {
    meta: { ...definition.meta, appliesTo: definition.appliesTo },
    check(context: RuleContext): void {
      // The engine runs it only for the document types in `appliesTo`.
      const severity = definition.appliesTo[context.docType] ?? definition.meta.severity;
      const { doc } = context;
      if (hasNoText(doc)) return;
      const text = documentText(doc);
      const folded = foldedDocumentText(doc);
      const matches = (test: TextTest): boolean => test(text, folded);
      if (onlyIf.length > 0 && !onlyIf.some(matches)) return;
      const present = (presentAny.length === 0 || presentAny.some(matches)) && presentAll.every(matches);
      context.recordTopic({ ruleId: definition.meta.id, topic: definition.topic, pillar: definition.meta.pillar, groups: definition.meta.groups, present });
      if (present) return;
      const found = definition.vagueMessage ? firstMatch(doc, vague) : null;
      if (found) {
        const { block, match } = found;
        context.report({ block, start: match.index, end: match.index + match[0].length, messageId: 'vague', severity, suggestions: definition.suggest });
      } else {
        context.report({ messageId: 'missing', severity, suggestions: definition.suggest });
      }
    },
  };
}
