/**
 * Every suggestion passes the checker (issue 12, point 8). The wording recruit-check tells people
 * to write — the quoted passages in each rule's fix, messages, explanations and suggestions, the
 * paste-ready sentences of the required-content rules, and the replacements it offers (“a year”
 * for “per annum”, the safe fixes, retext-simplify's swaps) — is run through the whole checker,
 * and must raise no warning or error. Instructions (“say what travel the job needs…”) are not
 * wording to paste: only their quoted parts are checked.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../src/check.js';
import { withOptions, type Checker } from '../src/engine/checker.js';
import { DOC_TYPES, type DocType } from '../src/engine/doc-type.js';
import { parseBundledPacks } from '../src/ruleset.js';
import type { RuleMeta } from '../src/engine/rule.js';
import { IGNORED_PHRASES, SAFE_REPLACEMENTS } from '../src/rules/simpler-words.js';
import type { Finding } from '../src/types.js';

/**
 * The failures we know of, kept exact: the test fails when one of them is fixed (take it off) or a
 * new one appears. Each line is `suggesting rule: “passage” → severity flagging rule “flagged text”`.
 */
const KNOWN_FAILURES: readonly string[] = [
  // False positives of the checker (good wording it flags) go here, reported rather than worked
  // around by changing the suggestion. None today.

  // Suggestions that still need rewording would go here. None raises a warning or an error today
  // (“similar to” for “not unlike”, in punctuation.yml, is flagged as information by
  // plain-language/simpler-words, which this test does not count).
];

/** One piece of wording a rule tells people to write, and where the rule says it. */
interface Passage {
  readonly ruleId: string;
  /** Where it comes from: `fix`, `suggest`, `message missing`, `suggestion for “per annum”`… */
  readonly from: string;
  readonly text: string;
  /** A word or short phrase (a replacement, “a year”): checked in a carrier sentence. */
  readonly inCarrier: boolean;
  /** The document types the wording goes into: those its rule checks. */
  readonly docTypes: readonly DocType[];
  /** A required-content rule's whole suggestion, the text to paste in when the topic is missing. */
  readonly pasteReady: boolean;
}

/**
 * A neutral sentence to hold a replacement (“a year”, “disabled people”) or a short quoted phrase
 * (“start”): a word alone is not a paragraph anyone would write. Nothing in it is flagged (tested).
 */
function carrier(text: string): string {
  return `We will use the words ${text} in the advert.`;
}

/**
 * Quoted passages that are not wording to write: the names of options in Word, and codes that go
 * in a document's settings rather than its text.
 */
const NOT_WORDING = new Set([
  'Document structure tags for accessibility', // a tick box in Word's PDF options (pdf-untagged)
  'en-GB', // language codes for the document's settings (missing-document-language)
  'cy',
]);

/** Text before a quote that makes it what not to write: “start” not “commence”, leave out “:00”. */
const COUNTER_EXAMPLE = /(?:\bnot|\binstead of|\brather than|\bleave out|\bwithout)(?:\s+(?:use|using|write|writing|say|saying))?\s*$/iu;

/** The quoted passages of `text` that are wording to write (not counter-examples or placeholders). */
function quotedPassages(text: string): string[] {
  const passages: string[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(/“([^“”]+)”/gu)) {
    const before = text.slice(previousEnd, match.index);
    previousEnd = match.index + match[0].length;
    const inner = tidy(match[1] ?? '');
    if (COUNTER_EXAMPLE.test(before) || inner.includes('{') || inner === '' || NOT_WORDING.has(inner)) continue;
    passages.push(inner);
  }
  return passages;
}

/** A passage without its open end: “You will…” is “You will”. */
function tidy(text: string): string {
  return text.replace(/\s*(?:…|\.\.\.)$/u, '').trim();
}

/**
 * A suggestion that tells people what to do (“describe the skills needed, and leave out age”)
 * rather than giving the words: it starts with an instruction and has at least 3 words. “ask for”
 * (for “seek”) and “use” (for “utilise”) are replacements.
 */
function isInstruction(suggestion: string): boolean {
  return (
    /^(?:say|describe|name|leave|list|give|state|remove|keep|ask|add|accept|offer|use|explain|write|mention)\b/iu.test(suggestion) &&
    suggestion.split(/\s+/u).length >= 3
  );
}

/** A passage of up to 4 words that is not a sentence needs a carrier; anything longer stands alone. */
function needsCarrier(text: string): boolean {
  return !/[.!?]$/u.test(text) && text.split(/\s+/u).length <= 4;
}

type Found = { readonly text: string; readonly inCarrier: boolean; readonly pasteReady?: boolean };

function quoted(text: string): Found[] {
  return quotedPassages(text).map((passage) => ({ text: passage, inCarrier: needsCarrier(passage) }));
}

/** The wording of one suggestion: its quoted parts, or all of it when it is a replacement. */
function fromSuggestion(suggestion: string): Found[] {
  if (suggestion.includes('“')) return quoted(suggestion);
  if (isInstruction(suggestion)) return [];
  const text = tidy(suggestion);
  return NOT_WORDING.has(text) ? [] : [{ text, inCarrier: needsCarrier(text) }];
}

function docTypesOf(meta: RuleMeta): DocType[] {
  return meta.appliesTo ? DOC_TYPES.filter((type) => meta.appliesTo?.[type] !== undefined) : [...DOC_TYPES];
}

const all = createChecker();
const checkers = new Map<DocType, Checker>(DOC_TYPES.map((type) => [type, withOptions(all, { docType: type })]));
const checkerFor = (type: DocType): Checker => checkers.get(type) as Checker;

// retext-simplify's phrases and swaps, read as src/engine/simplify.ts reads them.
const simplifyEntry = createRequire(import.meta.url).resolve('retext-simplify');
const { patterns: simplifyPatterns } = (await import(pathToFileURL(path.join(path.dirname(simplifyEntry), 'lib', 'patterns.js')).href)) as {
  patterns: Readonly<Record<string, { readonly replace: readonly string[] }>>;
};

/** Every passage every rule tells people to write, once per rule. */
function collectPassages(): Passage[] {
  const passages: Passage[] = [];
  const add = (meta: RuleMeta, from: string, found: readonly Found[]): void => {
    for (const { text, inCarrier, pasteReady } of found) {
      passages.push({ ruleId: meta.id, from, text, inCarrier, docTypes: docTypesOf(meta), pasteReady: pasteReady ?? false });
    }
  };

  // Every rule's fix and messages (the quoted parts without placeholders).
  for (const rule of all.rules) {
    add(rule.meta, 'fix', quoted(rule.meta.fix));
    for (const [id, message] of Object.entries(rule.meta.messages)) add(rule.meta, `message ${id}`, quoted(message));
  }
  // The pack definitions keep what a compiled rule's metadata does not: each entry's suggestions,
  // explanation and message, and a required-content rule's paste-ready sentences.
  const metaById = new Map(all.rules.map((rule) => [rule.meta.id, rule.meta]));
  for (const definition of parseBundledPacks()) {
    const meta = metaById.get(definition.meta.id) ?? definition.meta;
    if (definition.kind === 'required') {
      for (const suggestion of definition.suggest) {
        add(meta, 'suggest', [{ text: suggestion, inCarrier: false, pasteReady: true }]);
        add(meta, 'suggest', quoted(suggestion));
      }
      continue;
    }
    for (const entry of definition.entries) {
      const name = entry.match[0] ?? entry.pattern[0] ?? '';
      const label = entry.match.length > 0 ? `“${name}”` : `/${name.slice(0, 30)}…/`;
      for (const suggestion of entry.suggest) add(meta, `suggestion for ${label}`, fromSuggestion(suggestion));
      if (entry.explain) add(meta, `explanation of ${label}`, quoted(entry.explain));
      if (entry.message) add(meta, `message of ${label}`, quoted(entry.message));
    }
  }
  // Code rules make their suggestions as they check (“Wednesday 1 December 2027” for 01/12/27):
  // collect those they make for their own flagged examples, and for a document that says almost
  // nothing (what to add when a topic is missing: a closing date, a named contact).
  for (const rule of all.rules) {
    if (!rule.meta.origin.startsWith('src/')) continue;
    const checker = checkerFor(docTypesOf(rule.meta)[0] ?? 'advert');
    for (const example of [...rule.meta.examples.flagged, 'You will help people at home.']) {
      for (const finding of checkText(example, 'markdown', checker).findings) {
        if (finding.ruleId !== rule.meta.id) continue;
        for (const suggestion of finding.suggestions) {
          const documentLevel = finding.location === null && rule.meta.category === 'required-content';
          const found = documentLevel ? [{ text: suggestion, inCarrier: false, pasteReady: true }] : fromSuggestion(suggestion);
          add(rule.meta, `suggestion for “${finding.actual ?? example}”`, found);
        }
      }
    }
  }
  // plain-language/simpler-words: its safe fixes, and every swap retext-simplify offers.
  const simpler = metaById.get('plain-language/simpler-words') as RuleMeta;
  for (const [phrase, replacement] of Object.entries(SAFE_REPLACEMENTS)) add(simpler, `safe fix for “${phrase}”`, [{ text: replacement, inCarrier: true }]);
  for (const [phrase, pattern] of Object.entries(simplifyPatterns)) {
    if (IGNORED_PHRASES.includes(phrase)) continue;
    for (const replacement of pattern.replace) {
      if (replacement !== '') add(simpler, `suggestion for “${phrase}”`, [{ text: replacement, inCarrier: true }]);
    }
  }
  const seen = new Set<string>();
  return passages.filter((passage) => {
    const key = [passage.ruleId, passage.text, passage.pasteReady].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const results = new Map<string, Finding[]>();

/** The findings for `text` checked as one Markdown paragraph of a document of `type` (cached). */
function findingsOf(text: string, type: DocType): Finding[] {
  const key = `${type}\u0000${text}`;
  let found = results.get(key);
  if (!found) {
    found = checkText(text, 'markdown', checkerFor(type)).findings;
    results.set(key, found);
  }
  return found;
}

/**
 * The warnings and errors a passage raises, for each document type its rule checks. Only findings
 * at a place in the text count: a passage is one paragraph, not a whole document, so the
 * document-level findings — the topics it does not cover (no pay, no closing date), its reading
 * age and average sentence length, its headings and title — say nothing about the passage.
 */
function problems(passage: Passage): Finding[] {
  const text = passage.inCarrier ? carrier(passage.text) : passage.text;
  const found = new Map<string, Finding>();
  for (const type of passage.docTypes) {
    for (const finding of findingsOf(text, type)) {
      if (finding.location === null || finding.severity === 'info') continue;
      found.set(`${finding.ruleId}\u0000${finding.actual ?? ''}`, finding);
    }
  }
  return [...found.values()];
}

/** A failure as one line: the rule that suggests it, the passage, and what the checker says. */
function failure(passage: Passage, finding: Finding): string {
  return `${passage.ruleId}: “${passage.text}” → ${finding.severity} ${finding.ruleId} “${finding.actual ?? ''}”`;
}

const passages = collectPassages();

describe('every suggestion passes the checker', () => {
  it('collects the wording of every kind of rule', () => {
    expect(passages.length).toBeGreaterThan(400);
    const rules = new Set(passages.map((passage) => passage.ruleId));
    for (const id of [
      'required-content/missing-pay',
      'required-content/ii-missing-when-where',
      'required-content/missing-closing-date',
      'plain-language/recruitment-jargon',
      'plain-language/simpler-words',
      'plain-language/time-format',
      'plain-language/date-format',
      'inclusive-language/disability-language',
    ]) {
      expect(rules, id).toContain(id);
    }
    const texts = new Set(passages.map((passage) => passage.text));
    // A replacement, a safe fix, a date a code rule writes, a quoted part of an instruction.
    for (const text of ['a year', 'because', 'Wednesday 1 December 2027', 'a friendly team']) expect(texts, text).toContain(text);
    // Instructions and counter-examples are not wording to write.
    for (const text of ['describe the skills needed, and leave out age', 'commence', 'ideal for a recent graduate', ':00']) expect(texts, text).not.toContain(text);
  });

  it('has a carrier sentence that is clean itself', () => {
    for (const type of DOC_TYPES) {
      const found = findingsOf(carrier('the right words'), type).filter((finding) => finding.location !== null);
      expect(found.map((finding) => `${finding.ruleId} ${finding.actual}`)).toEqual([]);
    }
  });

  it('raises no warning or error, except the known failures', () => {
    const failures = new Map<string, string>();
    for (const passage of passages) {
      for (const finding of problems(passage)) failures.set(failure(passage, finding), `[${passage.from}] ${finding.message}`);
    }
    const unexpected = [...failures.keys()].filter((line) => !KNOWN_FAILURES.includes(line)).map((line) => `${line}   ${failures.get(line)}`);
    const fixed = KNOWN_FAILURES.filter((line) => !failures.has(line));
    expect(unexpected, 'suggestions the checker flags: reword them (or, for a false positive, add them to KNOWN_FAILURES and report it)').toEqual([]);
    expect(fixed, 'known failures that are fixed: take them off KNOWN_FAILURES').toEqual([]);
  });

  it('covers the topic: a required-content suggestion pasted in is not reported by its own rule', () => {
    const reported = passages
      .filter((passage) => passage.pasteReady)
      .flatMap((passage) =>
        passage.docTypes.flatMap((type) =>
          findingsOf(passage.text, type)
            .filter((finding) => finding.ruleId === passage.ruleId)
            .map((finding) => `${passage.ruleId} (${type}): “${passage.text}” → ${finding.message}`),
        ),
      );
    expect(passages.filter((passage) => passage.pasteReady).length).toBeGreaterThan(25);
    // Code rules' wording to add, too: a closing date, a named contact.
    for (const id of ['required-content/missing-closing-date', 'required-content/phone-only-contact']) {
      expect(passages.some((passage) => passage.pasteReady && passage.ruleId === id), id).toBe(true);
    }
    expect(reported).toEqual([]);
  });

  it('gives every date the right day of the week', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const DATE = new RegExp(`\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'gu');
    const wrong: string[] = [];
    for (const text of new Set(passages.map((passage) => passage.text))) {
      for (const [written, day, date, month, year] of text.matchAll(DATE)) {
        const actual = new Date(Date.UTC(Number(year), MONTHS.indexOf(month ?? ''), Number(date))).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
        if (actual !== day) wrong.push(`${written}: it is a ${actual}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
