import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import { normaliseOptions } from '../../src/engine/options.js';
import { compilePackRule } from '../../src/packs/compile.js';
import { PackError, parsePack, phraseToSource } from '../../src/packs/read.js';
import { parseText } from '../../src/load/parse.js';

const GOOD = `pack: house-style
rules:
  - id: our-jargon
    category: plain-language
    severity: warning
    pillar: inform
    groups: [migrants]
    description: Our own jargon.
    note: Nobody outside knows these words.
    seed: Inform — “No jargon, easy to read job adverts”.
    fix: Say it plainly.
    message: "Write {suggestions} instead of “{actual}”."
    entries:
      - match: [synergise]
        suggest: [work together]
`;

function errorOf(text: string): PackError {
  try {
    parsePack('packs/house.yml', text);
  } catch (error) {
    if (error instanceof PackError) return error;
    throw error;
  }
  throw new Error('expected the pack to be refused');
}

describe('rule pack validation', () => {
  it('reads a good pack', () => {
    const [rule] = parsePack('packs/house.yml', GOOD);
    expect(rule?.meta.id).toBe('house-style/our-jargon');
    expect(rule?.meta.origin).toBe('packs/house.yml');
  });

  it('names the file, line and column of a bad value and says what is allowed', () => {
    const error = errorOf(GOOD.replace('severity: warning', 'severity: warn'));
    expect(error.message).toBe('packs/house.yml:5:15: “severity” must be one of error, warning, info (found “warn”)');
  });

  it('refuses unknown keys, pointing at them', () => {
    const error = errorOf(GOOD.replace('        suggest: [work together]', '        sugest: [work together]'));
    expect(error.line).toBe(15);
    expect(error.reason).toMatch(/unknown key “sugest”/);
  });

  it('refuses YAML syntax errors with their line', () => {
    const error = errorOf(GOOD.replace('groups: [migrants]', 'groups: [migrants'));
    expect(error.line).toBeGreaterThanOrEqual(7);
    expect(error.reason).toMatch(/^invalid YAML/);
  });

  it('refuses a missing required key', () => {
    expect(errorOf(GOOD.replace('    note: Nobody outside knows these words.\n', '')).reason).toBe('missing required key “note”');
  });

  it('refuses unknown groups and pillars', () => {
    expect(errorOf(GOOD.replace('groups: [migrants]', 'groups: [migrant]')).reason).toMatch(/unknown group “migrant”/);
    expect(errorOf(GOOD.replace('pillar: inform', 'pillar: information')).reason).toMatch(/“pillar” must be one of/);
  });

  it('refuses a bad regular expression', () => {
    const error = errorOf(GOOD.replace('      - match: [synergise]', "      - pattern: ['(unclosed']"));
    expect(error.line).toBe(14);
    expect(error.reason).toMatch(/not a valid regular expression/);
  });

  it('refuses an entry with nothing to match, and safe fixes without a replacement', () => {
    expect(errorOf(GOOD.replace('      - match: [synergise]\n', '      - explain: hi\n')).reason).toMatch(/needs “match”/);
    expect(errorOf(GOOD.replace('        suggest: [work together]', '        safe: true')).reason).toMatch(/needs a “suggest”/);
  });

  it('refuses ids that are not kebab-case', () => {
    expect(errorOf(GOOD.replace('id: our-jargon', 'id: Our_Jargon')).reason).toMatch(/kebab-case/);
  });

  it('refuses a malformed phrase pattern, pointing at the problem inside it', () => {
    const unclosed = errorOf(GOOD.replace('      - match: [synergise]', "      - match: [synergy, '[full|clean driving licence']"));
    expect(unclosed.message).toBe('packs/house.yml:14:27: rule house-style/our-jargon: “[full|clean driving licence” is not a valid phrase pattern: “[” is never closed with “]”');
    const empty = errorOf(GOOD.replace('      - match: [synergise]', '      - match: "licen{c|} holder"'));
    expect([empty.line, empty.column]).toEqual([14, 25]);
    expect(empty.reason).toMatch(/an empty choice in “\{…\}”/);
    const plain = errorOf(GOOD.replace('      - match: [synergise]', '      - match: (care|support worker'));
    expect([plain.line, plain.column]).toEqual([14, 16]);
    const choice = errorOf(GOOD.replace('      - match: [synergise]', "      - match:\n          - synergy\n          - 'full (|clean) licence'"));
    expect([choice.line, choice.column]).toEqual([16, 20]);
    expect(choice.reason).toMatch(/an empty choice in “\(…\)”/);
  });

  it('refuses “~” (every form) in a safe entry, whose replacement fits one form', () => {
    const error = errorOf(GOOD.replace('      - match: [synergise]\n        suggest: [work together]', '      - match: [synergise~]\n        suggest: [work together]\n        safe: true'));
    expect([error.line, error.column]).toEqual([14, 17]);
    expect(error.reason).toMatch(/“~” .* cannot be used with “safe: true”/);
  });

  it('refuses unknown contexts, for a rule or one entry', () => {
    const rule = errorOf(GOOD.replace('    entries:', '    skipIn: [equality]\n    entries:'));
    expect(rule.reason).toBe('rule house-style/our-jargon: unknown context “equality” in “skipIn”; allowed: equality-statement, quotation, name');
    const entry = errorOf(GOOD.replace('        suggest: [work together]', '        suggest: [work together]\n        skipIn: [quote]'));
    expect(entry.line).toBe(16);
    expect(entry.reason).toMatch(/unknown context “quote”/);
  });
});

const REQUIRED = `pack: house-style
rules:
  - id: missing-parking
    type: required
    topic: parking
    category: required-content
    severity: info
    appliesTo: {advert: info, interview-invitation: warning}
    pillar: inform
    groups: [carers]
    description: No word on parking.
    note: Carers often drive between school and work.
    seed: Inform — “No jargon, easy to read job adverts”.
    fix: Say where people can park.
    message: Say where people can park.
    present: ['\\bpark(?:ing)?\\b']
    suggest: [There is free parking on site.]
`;

describe('required-content rules in a pack', () => {
  it('reads the topic, the document types with their severities and the patterns', () => {
    const [rule] = parsePack('packs/house.yml', REQUIRED);
    expect(rule?.kind).toBe('required');
    if (rule?.kind !== 'required') return;
    expect(rule.topic).toBe('parking');
    expect(rule.appliesTo).toEqual({ advert: 'info', 'interview-invitation': 'warning' });
    expect(rule.present[0]?.test('Free PARKING')).toBe(true);
  });

  it('refuses unknown document types and keys that only phrase rules have', () => {
    expect(errorOf(REQUIRED.replace('advert: info,', 'letter: info,')).reason).toMatch(/unknown key “letter”/);
    expect(errorOf(REQUIRED.replace('    suggest:', '    entries: []\n    suggest:')).reason).toMatch(/unknown key “entries”/);
    expect(errorOf(REQUIRED.replace("    present: ['\\bpark(?:ing)?\\b']", "    present: ['(park']")).reason).toMatch(/“present” has an invalid regular expression/);
  });
});

describe('phrases', () => {
  const matches = (phrase: string, text: string): boolean => new RegExp(phraseToSource(phrase), 'iu').test(text);

  it('match whole words only, with their word forms', () => {
    expect(matches('stakeholder', 'our stakeholder group')).toBe(true);
    expect(matches('stakeholder', 'our stakeholders')).toBe(true);
    expect(matches('stakeholder=', 'stakeholders')).toBe(false);
    expect(matches('stake', 'stakeholder')).toBe(false);
    expect(matches('ninja', 'ninjaesque')).toBe(false);
  });

  it('treat hyphens, spaces and apostrophes flexibly', () => {
    expect(matches('self-starter', 'a self starter')).toBe(true);
    expect(matches('self-starter', 'a selfstarter')).toBe(true);
    expect(matches('hit the ground running', 'hit the\nground  running')).toBe(true);
    expect(matches("can't", 'we can’t')).toBe(true);
  });

  it('escape regular expression characters in phrases', () => {
    expect(matches('p.a.', 'pay p.a. here')).toBe(true);
    expect(matches('p.a.', 'pay pxax here')).toBe(false);
  });
});

describe('one scanner for a rule’s phrases and patterns', () => {
  const pack = `pack: house-style
rules:
  - id: mixed
    category: plain-language
    severity: info
    pillar: inform
    groups: [everyone]
    description: Mixed phrases and patterns.
    note: A test of the scanner.
    seed: Inform — “No jargon, easy to read job adverts”.
    fix: Say it plainly.
    message: "“{actual}”"
    entries:
      - match: [e.g]
      - match: [e.g.]
      - match: [ground running, hit the ground running]
      - pattern: ['(?<![\\p{L}\\p{N}])foo|bar']
      - pattern: ['(?<![\\p{L}\\p{N}])(baz)+qux']
      - match: [qux]
`;
  const [definition] = parsePack('packs/house.yml', pack);
  const rule = definition?.kind === 'phrases' ? compilePackRule(definition) : null;
  const found = (text: string): (string | null)[] => runRules(parseText(text, 'markdown'), [rule!], normaliseOptions()).findings.map((finding) => finding.actual);

  it('prefers the longest phrase, whatever ends it', () => {
    expect(found('Bring ID, e.g. a passport, and hit the ground running.')).toEqual(['e.g.', 'hit the ground running']);
  });

  it('keeps a pattern’s own alternatives and groups', () => {
    expect(found('afoo xbar bazbazqux qux')).toEqual(['bar', 'bazbazqux', 'qux']);
  });
});

describe('YAML aliases', () => {
  it('repeat an anchored value in another entry', () => {
    const pack = `pack: house-style
rules:
  - id: licence
    category: inclusive-language
    severity: warning
    pillar: encourage
    groups: [everyone]
    description: A licence without a reason.
    note: A test of aliases.
    seed: Encourage — “support the validation of overseas qualifications”.
    fix: Say why.
    message: "“{actual}”"
    entries:
      - match: [driving licence]
        unlessDocument: &why 'because you visit'
      - match: [own car]
        unlessDocument: *why
`;
    const [definition] = parsePack('packs/house.yml', pack);
    const rule = definition?.kind === 'phrases' ? compilePackRule(definition) : null;
    const found = (text: string): (string | null)[] => runRules(parseText(text, 'markdown'), [rule!], normaliseOptions()).findings.map((finding) => finding.actual);
    expect(found('You need a driving licence and your own car.')).toEqual(['driving licence', 'own car']);
    expect(found('You need a driving licence and your own car, because you visit people.')).toEqual([]);
  });
});

describe('firstOnly', () => {
  const pack = `pack: house-style
rules:
  - id: once
    category: plain-language
    severity: info
    pillar: inform
    groups: [everyone]
    description: A habit, said once.
    note: A test of firstOnly.
    seed: Inform — “No jargon, easy to read job adverts”.
    fix: Say it plainly.
    message: "“{actual}”"
    firstOnly: true
    entries:
      - match: [post holder]
      - match: [MDT]
        caseSensitive: true
`;
  const [definition] = parsePack('packs/house.yml', pack);
  const rule = definition?.kind === 'phrases' ? compilePackRule(definition) : null;
  const found = (text: string): (string | null)[] => runRules(parseText(text, 'markdown'), [rule!], normaliseOptions()).findings.map((finding) => finding.actual);

  it('reports only the earliest match of each entry in the document, whichever scanner finds it', () => {
    expect(found('The post holder joins us.\n\nThe post holder works days.')).toEqual(['post holder']);
    expect(found('Join the MDT.\n\nThe MDT meets on Mondays.')).toEqual(['MDT']);
    // Each wording is named once: the case-sensitive entry is scanned separately, and the
    // findings are in document order.
    expect(found('Join the MDT.\n\nThe post holder works days.\n\nThe post holder and the MDT.')).toEqual(['MDT', 'post holder']);
    expect(found('The post holder works days.\n\nJoin the MDT.')).toEqual(['post holder', 'MDT']);
  });
});
