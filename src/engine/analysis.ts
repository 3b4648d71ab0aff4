/**
 * Sentences and words of each block, from one parse with parse-english (the parser behind
 * retext-english). Each block is parsed on its own, so a heading and the bullets under it are
 * never glued into one giant sentence.
 */
import type { Root, Sentence as SentenceNode } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Block, DocModel } from '../document/model.js';
import { proseOf, type ProseSentence, type Sentence, type Word } from './prose.js';
import { countSyllables } from './readability.js';
import { foldCase, WordStarts, type DocumentKey } from './scanner.js';

export type { Sentence, Word } from './prose.js';

/** The parse of one block. */
export interface BlockAnalysis {
  /** nlcst tree of the block's text, positions relative to the block. */
  readonly tree: Root;
  readonly sentences: readonly Sentence[];
}

const parser = new ParseEnglish();

/** Parses blocks on demand and keeps the result for every rule that asks again; one per document. */
export class TextAnalysis {
  private readonly cache = new Map<Block, BlockAnalysis>();
  private readonly proseCache = new Map<Block, readonly ProseSentence[]>();
  private readonly keys = new Map<boolean, DocumentKey>();

  /** The document's blocks as one text for trigger searches, in lower case when `folded`. */
  documentKey(doc: DocModel, folded: boolean): DocumentKey {
    let key = this.keys.get(folded);
    if (!key) {
      const starts: number[] = [];
      let offset = 0;
      const texts = doc.blocks.map((block) => {
        const text = folded ? foldCase(block.text) : block.text;
        starts.push(offset);
        offset += text.length + 1;
        return text;
      });
      key = { text: texts.join('\n'), starts, words: new WordStarts(texts) };
      this.keys.set(folded, key);
    }
    return key;
  }

  /** The sentences of `block` that readability rules judge, each less any leading “Label:” (see prose.ts). */
  prose(block: Block): readonly ProseSentence[] {
    let sentences = this.proseCache.get(block);
    if (!sentences) {
      sentences = this.of(block).sentences.flatMap((sentence) => proseOf(sentence) ?? []);
      this.proseCache.set(block, sentences);
    }
    return sentences;
  }

  /** The analysis of `block`. */
  of(block: Block): BlockAnalysis {
    let analysis = this.cache.get(block);
    if (!analysis) {
      analysis = analyseText(block.text);
      this.cache.set(block, analysis);
    }
    return analysis;
  }
}

/** Parse `text` into sentences and words. */
export function analyseText(text: string): BlockAnalysis {
  const tree = parser.parse(text);
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const node of paragraph.children) {
      if (node.type !== 'SentenceNode') continue;
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      sentences.push({
        start,
        end,
        text: text.slice(start, end),
        words: wordsOf(node, text),
        node,
      });
    }
  }
  return { tree, sentences };
}

const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

function wordsOf(sentence: SentenceNode, text: string): Word[] {
  const words: Word[] = [];
  let tokenStart = -1;
  let tokenEnd = -1;
  let hasWord = false;
  const flush = (): void => {
    if (tokenStart >= 0 && hasWord) {
      const raw = text.slice(tokenStart, tokenEnd);
      const leading = /^[\p{P}\p{S}]*/u.exec(raw)?.[0].length ?? 0;
      const stripped = raw.replace(EDGE_PUNCTUATION, '');
      if (stripped !== '') {
        words.push({
          start: tokenStart + leading,
          end: tokenStart + leading + stripped.length,
          text: stripped,
        });
      }
    }
    tokenStart = -1;
    hasWord = false;
  };
  for (const child of sentence.children) {
    const start = child.position?.start.offset ?? 0;
    const end = child.position?.end.offset ?? start;
    if (child.type === 'WhiteSpaceNode') {
      flush();
      continue;
    }
    if (tokenStart < 0) tokenStart = start;
    tokenEnd = end;
    if (child.type === 'WordNode') hasWord = true;
  }
  flush();
  return words;
}

/** Syllables in a word (at least one; numbers count as one). */
export function syllablesIn(word: string): number {
  if (!/\p{L}/u.test(word)) return 1;
  return Math.max(1, countSyllables(word));
}
