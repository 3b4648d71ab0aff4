/**
 * `document-structure/missing-document-title`: a document with no title, or one that is a file
 * name (“Microsoft Word - advert.docx”, “Document1”). An error for PDF and HTML, where the title
 * is what people see first; information for Word and Markdown.
 */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const FILE_LIKE = /^(?:microsoft word\s*-|document\d*$|untitled|.*\.(?:docx?|pdf|odt|rtf|txt|html?)$)/i;

const rule: Rule = {
  meta: {
    id: 'document-structure/missing-document-title',
    category: 'document-structure',
    severity: 'error',
    pillar: 'support',
    groups: ['everyone'],
    description: 'No document title, or a title that is a file name (an error for PDF and HTML, information for Word and Markdown).',
    note: 'The title is the first thing a screen reader announces and what shows in a browser tab or PDF reader. “Microsoft Word - Document7” tells nobody which job this is.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Set a meaningful title, for example “Support worker job advert – Southwark” (in Word: File › Info › Title; in HTML: <title>; in Markdown: a level-1 heading or a front-matter title).',
    sources: ['PDF/UA-1 7.1 (dc:title; Matterhorn 06-003)', 'WCAG 2.2 success criterion 2.4.2, Page Titled', 'Microsoft Support, “Create accessible PDFs”'],
    messages: {
      missing: 'This document has no title: set one that names the job, for example “Support worker job advert – Southwark”.',
      fileName: 'The document title “{title}” looks like a file name: set one that names the job.',
    },
    examples: { flagged: ['Just some text.'], passes: ['# Support worker\n\nText.'] },
    fixable: false,
    origin: 'src/rules/missing-document-title.ts',
  },
  check(context) {
    const { doc } = context;
    if (doc.format === 'text' || doc.meta.textLayer === false) return;
    const severity = doc.format === 'pdf' || doc.format === 'html' ? 'error' : 'info';
    const title = doc.meta.title;
    if (title !== null && FILE_LIKE.test(title.trim())) {
      context.report({ messageId: 'fileName', data: { title }, severity, actual: title });
      return;
    }
    // In Markdown a level-1 heading is the title.
    const hasTitle = title !== null || (doc.format === 'markdown' && doc.blocks.some((block) => block.kind === 'heading' && block.depth === 1));
    if (!hasTitle) context.report({ messageId: 'missing', severity });
  },
};

export default rule;
