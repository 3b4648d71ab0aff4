/**
 * readability/hard-sentence judges sentences with src/engine/readability.ts, a faster copy of
 * retext-readability's check. These tests hold its verdicts identical to retext-readability's
 * own, sentence by sentence, at every reading age the profiles use, on the bundled fixtures and
 * on the readability corpus (../shared/corpus/labels/readability) when it is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'nlcst';
import retextReadability from 'retext-readability';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../src/engine/analysis.js';
import { formulasAbove } from '../../src/engine/readability.js';
import { filesUnder } from '../helpers.js';

const AGES = [9, 11, 14, 16];
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const corpus = fileURLToPath(new URL('../../../shared/corpus/labels/readability/', import.meta.url));


/** Each paragraph's verdicts, as “start-end:formulas”, from retext-readability and from ours. */
function verdicts(text: string, age: number): { theirs: string[]; ours: string[] } {
  const transform = retextReadability({ age, minWords: 5, threshold: 4 / 7 });
  const theirs: string[] = [];
  const ours: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const analysis = analyseText(paragraph);
    const file = new VFile({ value: paragraph });
    transform(analysis.tree as Root, file);
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : null;
      const agree = /all 7/.test(message.reason) ? 7 : Number(/(\d+) out of/.exec(message.reason)?.[1]);
      theirs.push(`${place?.start.offset}-${place?.end.offset}:${agree}`);
    }
    for (const sentence of analysis.sentences) {
      const agree = formulasAbove(sentence.node, age);
      if (agree !== null && agree >= 4) ours.push(`${sentence.start}-${sentence.end}:${agree}`);
    }
  }
  return { theirs, ours };
}

describe('per-sentence readability matches retext-readability', () => {
  it('on hand-picked sentences, hard and easy', () => {
    const text = [
      'Individuals demonstrating exceptional organisational capabilities and comprehensive understanding of multidisciplinary safeguarding methodologies are particularly encouraged.',
      'We would like to hear from people who are good at planning their day.',
      'The post-holder will facilitate the implementation of evidence-based interventions.',
      'Short one.',
      'Don’t worry if you haven’t worked in care before: we’ll train you, pay you while you learn, and support you.',
    ].join('\n\n');
    for (const age of AGES) {
      const { theirs, ours } = verdicts(text, age);
      expect(ours).toEqual(theirs);
      if (age === 14) expect(ours.length).toBeGreaterThan(0);
    }
  });

  it('on every Markdown and text fixture', () => {
    let flagged = 0;
    for (const file of filesUnder(fixtures, /\.(?:md|txt)$/)) {
      const text = readFileSync(file, 'utf8');
      for (const age of AGES) {
        const { theirs, ours } = verdicts(text, age);
        expect(ours, `${file} at age ${age}`).toEqual(theirs);
        flagged += ours.length;
      }
    }
    expect(flagged).toBeGreaterThan(10);
  });

  it.runIf(existsSync(corpus))('on the readability corpus', () => {
    let sentences = 0;
    for (const file of filesUnder(corpus, /\.(?:md|txt)$/).slice(0, 100)) {
      const text = readFileSync(file, 'utf8');
      for (const age of [11, 14]) {
        const { theirs, ours } = verdicts(text, age);
        expect(ours, `${file} at age ${age}`).toEqual(theirs);
        sentences += ours.length;
      }
    }
    expect(sentences).toBeGreaterThan(300);
  });
});
