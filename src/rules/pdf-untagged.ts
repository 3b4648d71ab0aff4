/** `document-structure/pdf-untagged`: a PDF with no accessibility tags (no structure tree). */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/pdf-untagged',
    category: 'document-structure',
    severity: 'error',
    pillar: 'support',
    groups: ['everyone'],
    description: 'A PDF without accessibility tags.',
    note: 'Tags tell screen readers what is a heading, a list, a table or a picture, and the order to read things in. Without them, the PDF is read as one stream of text in whatever order it happens to be stored.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Export the PDF again from the original document with tags: in Word, File › Save As › PDF › Options › tick “Document structure tags for accessibility”. Do not use “Print to PDF”.',
    sources: ['PDF/UA-1 7.1 (StructTreeRoot)', 'ISO 32000-1 §14.8 (Tagged PDF)', 'Matterhorn Protocol checkpoint 01', 'Microsoft Support, “Create accessible PDFs”'],
    messages: { untagged: 'This PDF has no accessibility tags: export it again from the original document with “Document structure tags for accessibility” ticked.' },
    examples: { flagged: [], passes: [] },
    fileExamples: {
      flagged: [{ file: 'fixtures/pdf/untagged.pdf', what: 'a PDF saved without tags (no headings, lists or reading order for a screen reader)' }],
      passes: [{ file: 'fixtures/pdf/well-made.pdf', what: 'a tagged PDF saved from Word with “Document structure tags for accessibility” on' }],
    },
    fixable: false,
    origin: 'src/rules/pdf-untagged.ts',
  },
  check(context) {
    const { meta } = context.doc;
    // A scan is reported as a scan.
    if (context.doc.format === 'pdf' && meta.tagged === false && meta.textLayer !== false) context.report({ messageId: 'untagged' });
  },
};

export default rule;
