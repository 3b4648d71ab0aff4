/**
 * Joblint's demo job posts (../shared/corpus/adverts/synthetic-fixtures, MIT): the deliberately
 * bad one gets the gendered words, buzzword titles and idioms Joblint finds; the passing one gets
 * no inclusive-language or idiom findings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../../src/check.js';

const folder = new URL('../../../shared/corpus/adverts/synthetic-fixtures/', import.meta.url);
const checker = createChecker();

function flagged(name: string): string[] {
  const text = readFileSync(new URL(`joblint-${name}.txt`, folder), 'utf8');
  return checkText(text, 'text', checker)
    .findings.filter((finding) => finding.category === 'inclusive-language' || finding.ruleId === 'plain-language/idiom')
    .map((finding) => `${finding.ruleId.split('/')[1]} ${finding.actual}`);
}

describe.runIf(existsSync(folder))('Joblint demo job posts', () => {
  it('flags the gendered words, buzzword titles and idioms of the bad post', () => {
    expect(flagged('oh-dear')).toEqual(
      expect.arrayContaining([
        'gendered-term dude',
        'gendered-term He',
        'gendered-term beards',
        'idiom ninja',
        'idiom heroic',
        'idiom hit the ground running',
        'idiom cutting-edge',
        'idiom meritocratic',
        'idiom at the top of your game',
      ]),
    );
  });

  it('flags the gendered “guy” of the realistic post', () => {
    expect(flagged('realistic')).toEqual(['gendered-term guy']);
  });

  it('leaves the passing post alone', () => {
    expect(flagged('passing')).toEqual([]);
  });
});
