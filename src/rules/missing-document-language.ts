/**
 * `document-structure/missing-document-language`: a Word, PDF or HTML document with no language
 * set, or with a language code that is not valid (“english”, “en_GB”). A PDF needs its own
 * language (the catalog's `/Lang`) unless its tagged parts give one for everything a screen reader
 * reads: a structure element's `/Lang` covers only that element.
 */
import { parse } from 'bcp-47';
import type { Rule } from '../engine/rule.js';
import type { Format } from '../types.js';
import { SEEDS } from './seeds.js';

/** Word's own codes, which are not BCP 47: Spanish with the traditional sort, and Windows language ids (“0809”). */
const WORD_CODES = /^(?:es-ES_tradnl|[0-9a-f]{4})$/i;

/**
 * True when `code` is a language code a screen reader can use: a well-formed BCP 47 tag (“en”,
 * “en-GB”, “cy”, “zh-Hant-TW”) whose language is a two- or three-letter code, or a private-use
 * or grandfathered tag. “english”, “en_GB” and “” are not; in a Word file, Word's own codes are.
 */
export function isLanguageCode(code: string, format: Format | null = null): boolean {
  if (format === 'docx' && WORD_CODES.test(code)) return true;
  const tag = parse(code);
  if (tag.irregular || tag.regular) return true;
  // BCP 47 keeps 4- to 8-letter languages for future use: none is registered.
  return tag.language ? /^[a-z]{2,3}$/i.test(tag.language) : tag.privateuse.length > 0;
}

const rule: Rule = {
  meta: {
    id: 'document-structure/missing-document-language',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['everyone'],
    description: 'A Word, PDF or HTML document with no language set, or a language code that is not valid.',
    note: 'Screen readers use the document language to choose a voice and pronunciation; without it, English text may be read with the wrong accent or rules, and translation tools may guess wrong.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Set the document language to English (UK): in Word, Review › Language › Set Proofing Language; in HTML, <html lang="en-GB">.',
    sources: ['PDF/UA-1 7.2 (Matterhorn checkpoint 11)', 'WCAG 2.2 success criterion 3.1.1, Language of Page', 'BCP 47 (RFC 5646), Tags for Identifying Languages'],
    messages: {
      missing: 'This document has no language set: set it to English (UK) so screen readers use the right voice.',
      invalid: '“{actual}” is not a valid language code: write the language as a code such as “en-GB” (English, UK) or “cy” (Welsh).',
      invalidPart: 'Part of this document has the language “{actual}”, which is not a valid language code: write it as a code such as “en-GB” (English, UK).',
    },
    examples: {
      flagged: ['<html><body><p>Text.</p></body></html>', '<html lang="english"><body><p>Text.</p></body></html>'],
      passes: ['<html lang="en-GB"><body><p>Text.</p></body></html>'],
    },
    fixable: false,
    origin: 'src/rules/missing-document-language.ts',
  },
  check(context) {
    const { doc } = context;
    if (doc.format !== 'docx' && doc.format !== 'pdf' && doc.format !== 'html') return;
    if (doc.meta.textLayer === false) return;
    const { language, partLanguages, languageFromParts } = doc.meta;
    if (language === null && !languageFromParts) context.report({ messageId: 'missing' });
    if (language !== null && !isLanguageCode(language, doc.format)) context.report({ messageId: 'invalid', actual: language, suggestions: ['en-GB'] });
    for (const code of partLanguages) {
      if (code !== language && !isLanguageCode(code, doc.format)) context.report({ messageId: 'invalidPart', actual: code, suggestions: ['en-GB'] });
    }
  },
};

export default rule;
