/**
 * Document readability metrics over prose blocks (paragraphs, list items, quotes), counted
 * block by block so headings and bullets are never glued into one sentence. Web addresses,
 * email addresses and phone numbers are left out; so are headings, table cells (fact boxes), the
 * labels of “Label: value” rows and runs of fields such as contact details (see prose.ts).
 */
import type { Block, DocModel } from '../document/model.js';
import type { Metrics } from '../types.js';
import { syllablesIn, type TextAnalysis } from './analysis.js';

/** Raw counts behind the metrics. */
export interface ProseCounts {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  /** Words of three or more syllables. */
  readonly polysyllables: number;
}

/** True for blocks whose text is running prose. */
export function isProse(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'list-item' || block.kind === 'quote';
}

/** Count words, sentences and syllables in the prose of a document. */
export function countProse(doc: DocModel, analysis: TextAnalysis): ProseCounts {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  let polysyllables = 0;
  for (const block of doc.blocks) {
    if (!isProse(block)) continue;
    for (const sentence of analysis.prose(block)) {
      for (const word of sentence.words) {
        const count = syllablesIn(word.text);
        syllables += count;
        if (count >= 3) polysyllables++;
      }
      words += sentence.words.length;
      sentences++;
    }
  }
  return { words, sentences, syllables, polysyllables };
}

/** Flesch reading ease: 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. */
export function fleschReadingEase(counts: ProseCounts): number | null {
  if (counts.words === 0 || counts.sentences === 0) return null;
  return 206.835 - 1.015 * (counts.words / counts.sentences) - 84.6 * (counts.syllables / counts.words);
}

/** Flesch–Kincaid grade: 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
export function fleschKincaidGrade(counts: ProseCounts): number | null {
  if (counts.words === 0 || counts.sentences === 0) return null;
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
}

/** UK reading age from a US grade (grade + 5, as retext-readability does), never below 5. */
export function gradeToReadingAge(grade: number): number {
  return Math.max(5, grade + 5);
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The metrics reported for every document. */
export function documentMetrics(counts: ProseCounts): Metrics {
  const grade = fleschKincaidGrade(counts);
  const ease = fleschReadingEase(counts);
  return {
    words: counts.words,
    sentences: counts.sentences,
    readingAge: grade === null ? null : round1(gradeToReadingAge(grade)),
    fleschReadingEase: ease === null ? null : round1(ease),
    fleschKincaidGrade: grade === null ? null : round1(grade),
  };
}
