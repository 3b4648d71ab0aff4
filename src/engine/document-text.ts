/** A document's text as one string, for rules that look at the whole document. */
import type { Block, DocModel } from '../document/model.js';
import { foldCase } from './scanner.js';

const documentTexts = new WeakMap<DocModel, string>();

/** All the text of a document, one block a line (computed once per document). */
export function documentText(doc: DocModel): string {
  let text = documentTexts.get(doc);
  if (text === undefined) {
    text = doc.blocks.map((block) => block.text).join('\n');
    documentTexts.set(doc, text);
  }
  return text;
}

const foldedTexts = new WeakMap<DocModel, string>();

/** `documentText` folded by `foldCase`, for literal pre-tests (computed once per document). */
export function foldedDocumentText(doc: DocModel): string {
  let folded = foldedTexts.get(doc);
  if (folded === undefined) {
    folded = foldCase(documentText(doc));
    foldedTexts.set(doc, folded);
  }
  return folded;
}

/** The first place, in document order, where one of `patterns` matches a block's text (patterns tried in order within a block). */
export function firstMatch(doc: DocModel, patterns: readonly RegExp[]): { readonly block: Block; readonly match: RegExpExecArray } | null {
  for (const block of doc.blocks) {
    for (const pattern of patterns) {
      const match = pattern.exec(block.text);
      if (match) return { block, match };
    }
  }
  return null;
}

/** True when there is no text to judge (a scan, or an empty document). */
export function hasNoText(doc: DocModel): boolean {
  return doc.meta.textLayer === false || !/\p{L}{2,}/u.test(documentText(doc));
}
