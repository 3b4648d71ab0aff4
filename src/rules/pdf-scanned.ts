/** `document-structure/pdf-scanned`: a PDF with no text layer (a scan), or with pages that are pictures of text. */
import type { Rule } from '../engine/rule.js';
import { pagePlace } from '../document/trackers.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/pdf-scanned',
    category: 'document-structure',
    severity: 'error',
    pillar: 'support',
    groups: ['everyone'],
    description: 'A PDF with no text layer (a scan), or pages that are pictures of text.',
    note: 'A scanned page is a picture of text: screen readers, translation tools, text-to-speech and this checker cannot read any of it, and it cannot be enlarged without blurring.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Publish the original document (Word or a web page) instead, or export the PDF from it; if you only have paper, retype it. OCR is a last resort.',
    sources: ['Matterhorn Protocol checkpoint 08 (OCR)', 'NHS service manual, “PDFs and other non-HTML documents”'],
    messages: {
      noText: 'This PDF has no text layer — it is probably a scan, so nobody using a screen reader (and not this checker) can read it: publish the original document, or export the PDF from it.',
      somePages: 'Pages {pages} of this PDF are pictures of text: publish the original document, or export the PDF from it.',
    },
    examples: { flagged: [], passes: [] },
    fileExamples: {
      flagged: [{ file: 'fixtures/pdf/scanned.pdf', what: 'a PDF made by scanning a printed advert: each page is a picture' }],
      passes: [{ file: 'fixtures/pdf/well-made.pdf', what: 'a PDF saved from Word, with a text layer' }],
    },
    fixable: false,
    origin: 'src/rules/pdf-scanned.ts',
  },
  check(context) {
    const { doc } = context;
    if (doc.format !== 'pdf') return;
    if (doc.meta.textLayer === false) {
      context.report({ messageId: 'noText' });
    } else if (doc.meta.scannedPages.length > 0) {
      const pages = doc.meta.scannedPages;
      context.report({
        messageId: 'somePages',
        data: { pages: pages.join(', ') },
        place: pagePlace(pages[0] ?? null),
      });
    }
  },
};

export default rule;
