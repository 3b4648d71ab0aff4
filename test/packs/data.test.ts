/** The rules' data files are checked against their shapes, with errors at their line and column. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_WORDS } from '../../src/engine/rule.js';
import { DATA_FOLDER, parseDataFile, ruleData } from '../../src/packs/data.js';
import { LocatedYamlError } from '../../src/yaml/located.js';

const bundled = (name: string): string => readFileSync(path.join(DATA_FOLDER, name), 'utf8');

/** The error `parseDataFile` throws, as `file:line:column: reason`. */
function problem(name: string, text: string): string {
  try {
    parseDataFile(name, text);
  } catch (error) {
    expect(error).toBeInstanceOf(LocatedYamlError);
    return (error as Error).message;
  }
  return 'no error';
}

describe('data files', () => {
  it('are all valid as bundled', () => {
    for (const name of ['acronyms.yml', 'contexts.yml', 'gender-coded-words.yml']) expect(() => parseDataFile(name, bundled(name)), name).not.toThrow();
  });

  it('give the English word list to the rules, read only when asked for', () => {
    const data = ruleData();
    expect(Object.keys(data)).not.toContain(ENGLISH_WORDS);
    expect(String(data[ENGLISH_WORDS])).toContain('"nurse"');
  });

  it('are refused, at the line and column, when a value has the wrong shape', () => {
    const acronyms = 'known: [UK]\nqualifications: [BSc]\nwordLike: {PA: null}\nwords: [rota]\nexpansions:\n  DBS: [Disclosure, Barring]\n';
    expect(problem('acronyms.yml', acronyms)).toBe('rules/data/acronyms.yml:6:8: “expansions.DBS” must be text');
    expect(problem('acronyms.yml', 'known: [UK]\n')).toMatch(/^rules\/data\/acronyms\.yml:1:1: the file needs “qualifications”, “wordLike”, “words”, “expansions”$/);
    expect(problem('acronyms.yml', `${bundled('acronyms.yml')}\nextra: 1\n`)).toMatch(/unknown key “extra”; allowed: known, qualifications/);
    expect(problem('contexts.yml', "equality-statement:\n  - '\\bwelcome(\\b'\n")).toMatch(/^rules\/data\/contexts\.yml:2:5: “equality-statement\[0\]” is not a valid regular expression/);
    expect(problem('gender-coded-words.yml', 'feminine: [kind]\nmasculine: [driven]\nhyphenated: []\nexceptions:\n  words: [child]\n  phrases:\n')).toBe(
      'rules/data/gender-coded-words.yml:6:3: “exceptions.phrases” must be a list',
    );
  });

  it('are refused when the YAML is broken, or the file is not one we know', () => {
    expect(problem('acronyms.yml', 'known: [UK\n')).toMatch(/^rules\/data\/acronyms\.yml:\d+:\d+: invalid YAML/);
    expect(problem('colours.yml', 'red: [1]\n')).toMatch(/^rules\/data\/colours\.yml:1:1: no shape is known for this data file; known: acronyms\.yml/);
  });
});
