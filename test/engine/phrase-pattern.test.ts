/**
 * Phrase patterns (src/packs/phrase-pattern.ts and src/packs/word-forms.ts): a table of
 * patterns with text each must find and text it must not, then the errors for malformed
 * patterns, and the word forms and spellings that a sample of the bundled packs' entries find.
 */
import { describe, expect, it } from 'vitest';
import { compilePhrase, expandPhrase, listedForms, PhrasePatternError, type CompileOptions } from '../../src/packs/phrase-pattern.js';
import { parseBundledPacks } from '../../src/ruleset.js';
import { spellings, wordForms } from '../../src/packs/word-forms.js';

/** The whole of each text that the pattern matches (case-insensitive, as most packs are). */
function found(pattern: string, text: string, options: CompileOptions = {}): string[] {
  const regex = new RegExp(compilePhrase(pattern, options).bounded, 'giu');
  return [...text.matchAll(regex)].map((match) => match[0]);
}

interface Case {
  readonly pattern: string;
  /** Texts the pattern matches, each as a whole. */
  readonly matches: readonly string[];
  /** Texts in which the pattern finds nothing. */
  readonly not: readonly string[];
  readonly options?: CompileOptions;
}

const TABLE: readonly Case[] = [
  // Word forms of a one-word phrase: inflections, not derivations.
  { pattern: 'facilitate', matches: ['facilitate', 'Facilitates', 'facilitated', 'facilitating'], not: ['facilitation', 'facilitator', 'facilitat'] },
  { pattern: 'liaise', matches: ['liaise', 'liaises', 'liaised', 'liaising'], not: ['liaison', 'liaize'] },
  { pattern: 'utilise', matches: ['utilise', 'utilises', 'utilised', 'utilising', 'utilize', 'utilizes', 'utilized', 'utilizing'], not: ['utilisation', 'utilization'] },
  { pattern: 'stakeholder', matches: ['stakeholder', 'stakeholders'], not: ['stake', 'stakeholding'] },
  { pattern: 'occur', matches: ['occur', 'occurs', 'occurred', 'occurring'], not: ['occurrence'] },
  { pattern: 'combat', matches: ['combats', 'combated', 'combatted', 'combating', 'combatting'], not: ['combative'] },
  { pattern: 'apply', matches: ['applies', 'applied', 'applying'], not: ['applys', 'application'] },
  { pattern: 'deploy', matches: ['deploys', 'deployed', 'deploying'], not: ['deploies'] },
  { pattern: 'plan', matches: ['plans', 'planned', 'planning'], not: ['planed'] },
  { pattern: 'travel', matches: ['travels', 'travelled', 'traveled', 'travelling', 'traveling'], not: ['traveller'] },
  { pattern: 'chairman', matches: ['chairman', 'chairmen'], not: ['chairmans', 'chairwoman'] },
  { pattern: 'drive', matches: ['drives', 'drove', 'driven', 'driving'], not: ['drived', 'driver'] },
  // Forms that are words with another meaning are never made.
  { pattern: 'base', matches: ['bases'], not: ['based in London'] },
  // British and American spellings, for words written in British spelling.
  { pattern: 'organisation', matches: ['organisation', 'organisations', 'organization', 'organizations'], not: ['organ'] },
  { pattern: 'colour', matches: ['colours', 'coloured', 'colored', 'color'], not: [] },
  { pattern: 'behaviour', matches: ['behaviours', 'behavior', 'behaviors'], not: [] },
  { pattern: 'licence', matches: ['licence', 'licences', 'license', 'licenses'], not: [] },
  { pattern: 'centre', matches: ['centres', 'center', 'centers'], not: ['central'] },
  { pattern: 'programme', matches: ['programmes', 'program', 'programs'], not: [] },
  { pattern: 'analyse', matches: ['analysed', 'analyze', 'analyzing'], not: [] },
  { pattern: 'paediatric nurse', matches: ['paediatric nurses', 'pediatric nurse'], not: [] },
  { pattern: 'advise', matches: ['advises'], not: ['advize'] },
  { pattern: 'hour', matches: ['hours'], not: ['hor'] },
  // The last word of a longer phrase gets its plural only.
  { pattern: 'service user', matches: ['service user', 'service users', 'Service\nUsers'], not: ['service used', 'service usering'] },
  { pattern: 'the blind', matches: ['the blind'], not: ['close the blinds'] },
  // ~ asks for every form of any word; = for exactly the word written.
  { pattern: 'focus~ on', matches: ['focus on', 'focuses on', 'focused on', 'focussed on', 'focusing on', 'focussing on'], not: ['focus upon', 'focal on'] },
  { pattern: 'go~ the extra mile', matches: ['goes the extra mile', 'went the extra miles', 'going the extra mile'], not: ['goed the extra mile'] },
  { pattern: 'foster=', matches: ['foster'], not: ['fosters', 'fostering', 'fostered'] },
  { pattern: 'programme=', matches: ['programme'], not: ['program', 'programmes'] },
  // Optional words and choices.
  { pattern: '[full|clean] UK? driving licen{c|s}e', matches: ['full UK driving licence', 'clean driving license', 'UK driving licences', 'driving licence'], not: ['full UK driving', 'driving licensed'] },
  { pattern: '(care|support) worker', matches: ['care worker', 'support workers'], not: ['worker', 'care'] },
  { pattern: 'substantive [post|role]', matches: ['substantive', 'substantive post', 'substantive roles'], not: ['substantively'] },
  { pattern: 'in (a hospital|an acute) setting', matches: ['in a hospital setting', 'in an acute setting'], not: ['in a acute setting', 'in hospital setting'] },
  { pattern: '(statutory|mandatory) [and (statutory|mandatory)] training', matches: ['statutory training', 'mandatory and statutory training'], not: ['and statutory training'] },
  // Words next to the phrase, checked but not part of the match.
  { pattern: '<will|can|to> impact', matches: [], not: ['impact', 'the impact', 'into impact'] },
  // Hyphens, spaces and apostrophes, as in any phrase.
  { pattern: 'self-starter', matches: ['self-starter', 'self starter', 'selfstarter', 'self-\nstarters', 'self‐starter'], not: ['self  starter'] },
  { pattern: 'one-stop shop', matches: ['one stop shops', 'one-stop shop'], not: ['stop shop'] },
  { pattern: '(whole|full)-time equivalent', matches: ['whole-time equivalent', 'full time equivalents', 'fulltime equivalent'], not: [] },
  { pattern: "can't", matches: ["can't", 'can’t', 'CAN’T'], not: ['cant', "can't've"] },
  { pattern: 'hit the ground running', matches: ['hit the ground running', 'hit  the\nground running'], not: ['hit the groundrunning'] },
  { pattern: 'e.g.', matches: ['e.g.'], not: ['exg.', 'e.g'] },
  { pattern: '&', matches: ['&'], not: [] },
  { pattern: 'and/or', matches: ['and/or'], not: ['and or'] },
  // Escapes make a pattern character literal.
  { pattern: 'why\\?', matches: ['why?'], not: ['why'] },
  // safe: true (forms: false) keeps the spellings but adds no forms.
  { pattern: 'utilise', matches: ['utilise', 'utilize'], not: ['utilised', 'utilizes'], options: { forms: false, safe: true } },
];

describe('phrase patterns', () => {
  describe.each(TABLE.map((row) => [row.pattern, row] as const))('%s', (pattern, row) => {
    it('matches what it should, as a whole', () => {
      for (const text of row.matches) expect(found(pattern, text, row.options), text).toEqual([text]);
    });
    it('finds nothing where it should not', () => {
      for (const text of row.not) expect(found(pattern, text, row.options), text).not.toContain(text);
      for (const text of row.not) expect(found(pattern, text, row.options).join(' ') === text, text).toBe(false);
    });
  });

  it('matches whole words only', () => {
    expect(found('impact', 'impactful impact')).toEqual(['impact']);
    expect(found('UK? licence', 'a UKlicence, a UK licence, a licence')).toEqual(['UK licence', 'licence']);
  });

  it('flags only the words outside <…>', () => {
    expect(found('<will|can|to> impact', 'This will impact staff; the impact is large; into impact.')).toEqual(['impact']);
    expect(found('deliver~ <[the|our] (outcome|change)>', 'We delivered the outcomes and deliver babies.')).toEqual(['delivered']);
  });

  it('gives every first word as a trigger, and says which ends are word characters', () => {
    expect(compilePhrase('[full|clean] UK? driving licence').triggers).toEqual(['UK', 'clean', 'driving', 'full']);
    expect(compilePhrase('facilitate').triggers).toEqual(['facilitate', 'facilitating']);
    expect(compilePhrase("can't").triggers).toEqual(['can']);
    expect(compilePhrase('<will|to> impact').triggers).toEqual(['impact']);
    expect(compilePhrase('e.g.')).toMatchObject({ start: 'word', end: 'other' });
    expect(compilePhrase('&c.')).toMatchObject({ start: 'other', end: 'other' });
  });

  it('says which triggers are whole words, so that “a” is not looked for in every word that starts with “a”', () => {
    expect(compilePhrase('a good fit')).toMatchObject({ triggers: ['a'], wholeTriggers: ['a'] });
    expect(compilePhrase('[the] (care|care home) team')).toMatchObject({ triggers: ['care', 'the'], wholeTriggers: ['care', 'the'] });
    expect(compilePhrase("can't").wholeTriggers).toEqual(['can']);
    // A hyphen may be left out (“fastpaced”), and first words that go on from each other leave
    // the shorter one open: “facilitate” goes on to “facilitates”, “care” to “carer”.
    expect(compilePhrase('fast-paced').wholeTriggers).toEqual([]);
    expect(compilePhrase('facilitate').wholeTriggers).toEqual(['facilitating']);
    expect(compilePhrase('(care|carer) support').wholeTriggers).toEqual([]);
    expect(compilePhrase('e.g.').wholeTriggers).toEqual([]);
  });

  it('ranks a plain phrase by its length, as before, and a pattern by its longest way of being written', () => {
    expect(compilePhrase('hit the ground running').rank).toBe(22);
    expect(compilePhrase('[full|clean] UK? driving licen{c|s}e').rank).toBe('clean UK driving licence'.length);
  });

  it('lists every way a pattern is written', () => {
    expect(expandPhrase('(care|support) worker')).toEqual(['care worker', 'care workers', 'support worker', 'support workers']);
    expect(expandPhrase('focus~ on')).toEqual(['focus on', 'focuses on', 'focused on', 'focussed on', 'focusing on', 'focussing on']);
  });

  it('treats an entry that lists several forms of a word as saying which forms it means', () => {
    expect([...listedForms(['foster', 'fosters', 'fostered', 'foster care'])]).toEqual([0, 1, 2]);
    expect([...listedForms(['hit the ground running', 'hits the ground running'])]).toEqual([0, 1]);
    expect([...listedForms(['utilise', 'utilize'])]).toEqual([0, 1]);
    expect([...listedForms(['stakeholder', 'partner'])]).toEqual([]);
  });
});

describe('word forms and spellings', () => {
  it('are inflections with the usual spelling rules', () => {
    expect(wordForms('liaise', 'all')).toEqual(['liaises', 'liaised', 'liaising']);
    expect(wordForms('study', 'all')).toEqual(['studies', 'studied', 'studying']);
    expect(wordForms('refer', 'all')).toEqual(['refers', 'refered', 'referred', 'refering', 'referring']);
    expect(wordForms('party', 'plural')).toEqual(['parties']);
    expect(wordForms('Liaise', 'all')).toEqual(['Liaises', 'Liaised', 'Liaising']);
  });

  it('are not made for acronyms, short or function words, words that are forms already, or adverbs', () => {
    for (const word of ['MDT', 'UK', 'on', 'the', 'stakeholders', 'trained', 'caring', 'normally', 'various', 'e.g', "can't"]) {
      expect(wordForms(word, 'all'), word).toEqual([]);
    }
    expect(wordForms('on', 'all', true)).not.toEqual([]);
  });

  it('give the American spelling of a British one', () => {
    expect(spellings('organisation')).toEqual(['organization']);
    expect(spellings('prioritised')).toEqual(['prioritized']);
    expect(spellings('colourful')).toEqual(['colorful']);
    expect(spellings('offence')).toEqual(['offense']);
    expect(spellings('centred')).toEqual(['centered']);
    expect(spellings('counsellor')).toEqual(['counselor']);
    expect(spellings('oedema')).toEqual(['edema']);
    expect(spellings('judgement')).toEqual(['judgment']);
    for (const word of ['advise', 'exercise', 'raise', 'liaise', 'hour', 'tour', 'contour', 'acre', 'filled', 'organize']) {
      expect(spellings(word), word).toEqual([]);
    }
  });
});

describe('the bundled packs’ phrase patterns', () => {
  const definitions = parseBundledPacks().flatMap((definition) => (definition.kind === 'phrases' ? [definition] : []));
  /** Whether any phrase of the rule's entries matches the whole of `text` (in the entry's case mode). */
  const finds = (ruleId: string, text: string): boolean => {
    const definition = definitions.find((candidate) => candidate.meta.id === ruleId);
    if (!definition) throw new Error(`no rule ${ruleId}`);
    return definition.entries.some((entry) =>
      entry.phrases.some((phrase) => new RegExp(`^(?:${phrase.bounded})$`, (entry.caseSensitive ?? definition.caseSensitive) ? 'u' : 'iu').test(text)),
    );
  };

  it.each([
    ['plain-language/words-to-avoid', ['facilitate', 'facilitates', 'facilitating', 'facilitated']],
    ['plain-language/words-to-avoid', ['utilise', 'utilize', 'utilises', 'utilized', 'utilising', 'utilizing']],
    ['plain-language/words-to-avoid', ['liaise', 'liaises', 'liaised', 'liaising']],
    ['plain-language/words-to-avoid', ['incentivise', 'incentivize', 'incentivised', 'incentivizing']],
    ['plain-language/words-to-avoid', ['focus on', 'focuses on', 'focussed on', 'focusing on']],
    ['plain-language/words-to-avoid', ['ring-fence', 'ring fenced', 'ringfencing', 'drove improvements', 'going forwards', 'pledging']],
    ['plain-language/recruitment-jargon', ['stakeholder', 'stakeholders', 'service users', 'signposted', 'bank shift', 'multidisciplinary teams']],
    ['plain-language/everyday-words', ['persisted', 'exceeded', 'occurred', 'triaging', 'in a community setting']],
  ])('%s finds %j', (ruleId, texts) => {
    for (const text of texts) expect(finds(ruleId, text), text).toBe(true);
  });

  it.each([
    ['plain-language/words-to-avoid', ['utilisation', 'fostering', 'promoted', 'impact', 'deliver', 'keys']],
    ['plain-language/everyday-words', ['sought', 'telephoned', 'seeked']],
    ['plain-language/recruitment-jargon', ['stake', 'bank holiday']],
  ])('%s leaves alone %j', (ruleId, texts) => {
    for (const text of texts) expect(finds(ruleId, text), text).toBe(false);
  });

  it('shows the word forms and spellings matched for a sample of entries', () => {
    const entry = (ruleId: string, first: string): string[] => {
      const definition = definitions.find((candidate) => candidate.meta.id === ruleId);
      const found = definition?.entries.find((candidate) => candidate.match[0] === first);
      if (!definition || !found) throw new Error(`no entry “${first}” in ${ruleId}`);
      const listed = listedForms(found.match);
      return found.match.flatMap((phrase, index) => expandPhrase(phrase, { safe: found.safe, forms: !found.safe && !listed.has(index) }));
    };
    expect(entry('plain-language/words-to-avoid', 'facilitate')).toEqual(['facilitate', 'facilitates', 'facilitated', 'facilitating']);
    expect(entry('plain-language/words-to-avoid', 'liaise')).toEqual(['liaise', 'liaises', 'liaised', 'liaising']);
    expect(entry('plain-language/words-to-avoid', 'utilise')).toEqual(['utilise', 'utilize']);
    expect(entry('plain-language/words-to-avoid', 'utilising')).toEqual(['utilising', 'utilizing']);
    expect(entry('plain-language/words-to-avoid', 'foster')).toEqual(['foster', 'fosters', 'fostered']);
    expect(entry('plain-language/words-to-avoid', 'slim~ down')).toEqual(['slim down', 'slims down', 'slimmed down', 'slimming down']);
    expect(entry('plain-language/recruitment-jargon', 'stakeholder')).toContain('stakeholders');
    expect(entry('plain-language/recruitment-jargon', 'service user')).toEqual(['service user', 'service users']);
    expect(entry('plain-language/recruitment-jargon', 'substantive [post|role|contract]')).toEqual(
      expect.arrayContaining(['substantive', 'substantive post', 'substantive posts', 'substantive roles', 'substantive contracts']),
    );
    expect(entry('plain-language/everyday-words', 'telephone')).toEqual(['telephone']);
  });

  it('refuses a malformed pattern with where the problem is', () => {
    const error = (pattern: string): [number, string] => {
      try {
        compilePhrase(pattern);
      } catch (caught) {
        if (caught instanceof PhrasePatternError) return [caught.index, caught.reason];
        throw caught;
      }
      throw new Error(`“${pattern}” was accepted`);
    };
    expect(error('[full|clean driving licence')).toEqual([0, '“[” is never closed with “]”']);
    expect(error('full] licence')[1]).toBe('“]” has no “[” before it');
    expect(error('[full|] licence')).toEqual([6, 'an empty choice in “[…]”']);
    expect(error('licen{c|}e')).toEqual([8, 'an empty choice in “{…}”']);
    expect(error('licen{c|s e')[1]).toMatch(/for letters inside one word/);
    expect(error('(care|) worker')[1]).toBe('an empty choice in “(…)”');
    expect(error('UK?licence')[1]).toBe('“?” must come at the end of a word');
    expect(error('UK? [driving]')[1]).toMatch(/every word is optional/);
    expect(error('care <and> worker')[1]).toMatch(/can only come first or last/);
    expect(error('care a|b')[1]).toMatch(/“\|” separates choices/);
    expect(error('foster=~')[1]).toMatch(/cannot mark the same word/);
    expect(error('e.g.~')[1]).toMatch(/needs a word made of letters/);
    expect(error('[a]b')[1]).toBe('put a space between “]” and “b”');
    expect(error('self- starter')[1]).toBe('a hyphen must join two words');
    expect(error('   ')[1]).toBe('the phrase is empty');
  });
});
