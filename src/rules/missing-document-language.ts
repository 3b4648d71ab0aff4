/** `document-structure/missing-document-language`: a Word, PDF or HTML document with no language set. */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/missing-document-language',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['everyone'],
    description: 'A Word, PDF or HTML document with no language set.',
    note: 'Screen readers use the document language to choose a voice and pronunciation; without it, English text may be read with the wrong accent or rules, and translation tools may guess wrong.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Set the document language to English (UK): in Word, Review › Language › Set Proofing Language; in HTML, <html lang="en-GB">.',
    sources: ['PDF/UA-1 7.2 (Matterhorn checkpoint 11)', 'WCAG 2.2 success criterion 3.1.1, Language of Page'],
    messages: { missing: 'This document has no language set: set it to English (UK) so screen readers use the right voice.' },
    examples: { flagged: ['<html><body><p>Text.</p></body></html>'], passes: ['<html lang="en-GB"><body><p>Text.</p></body></html>'] },
    fixable: false,
    origin: 'src/rules/missing-document-language.ts',
  },
  check(context) {
    const { doc } = context;
    if (doc.format !== 'docx' && doc.format !== 'pdf' && doc.format !== 'html') return;
    if (doc.meta.textLayer === false) return;
    if (doc.meta.language === null) context.report({ messageId: 'missing' });
  },
};

export default rule;
