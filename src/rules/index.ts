/** The code rules, in run order (specific rules before general ones). */
import type { Rule } from '../engine/rule.js';
import acronymNotExpanded from './acronym-not-expanded.js';
import allCaps from './all-caps.js';
import altTextIsFilename from './alt-text-is-filename.js';
import dateFormat from './date-format.js';
import { averageSentenceLength, readingAgeRule } from './document-readability.js';
import fakeHeading from './fake-heading.js';
import fontSizeSmall from './font-size-small.js';
import genderCodedBalance from './gender-coded-balance.js';
import hardSentence from './hard-sentence.js';
import headingLevelSkipped from './heading-level-skipped.js';
import imageMissingAlt from './image-missing-alt.js';
import italicText from './italic-text.js';
import justifiedText from './justified-text.js';
import listTooLong from './list-too-long.js';
import lowContrastText from './low-contrast-text.js';
import missingClosingDate from './missing-closing-date.js';
import missingDocumentLanguage from './missing-document-language.js';
import missingDocumentTitle from './missing-document-title.js';
import missingSupport from './missing-support.js';
import noHeadings from './no-headings.js';
import nonDescriptiveLink from './non-descriptive-link.js';
import paragraphTooLong from './paragraph-too-long.js';
import payBandUnexplained from './pay-band-unexplained.js';
import pdfScanned from './pdf-scanned.js';
import pdfUntagged from './pdf-untagged.js';
import phoneOnlyContact from './phone-only-contact.js';
import sentenceTooLong from './sentence-too-long.js';
import simplerWords from './simpler-words.js';
import tableComplex from './table-complex.js';
import tableMissingHeader from './table-missing-header.js';
import timeFormat from './time-format.js';
import underlineNotLink from './underline-not-link.js';

/** Every code rule in `src/rules/`. */
export const codeRules: readonly Rule[] = [
  acronymNotExpanded,
  dateFormat,
  timeFormat,
  simplerWords,
  sentenceTooLong,
  hardSentence,
  paragraphTooLong,
  listTooLong,
  averageSentenceLength,
  readingAgeRule,
  pdfScanned,
  pdfUntagged,
  missingDocumentTitle,
  missingDocumentLanguage,
  noHeadings,
  headingLevelSkipped,
  fakeHeading,
  imageMissingAlt,
  altTextIsFilename,
  nonDescriptiveLink,
  tableMissingHeader,
  tableComplex,
  justifiedText,
  underlineNotLink,
  italicText,
  allCaps,
  fontSizeSmall,
  lowContrastText,
  genderCodedBalance,
  missingClosingDate,
  phoneOnlyContact,
  payBandUnexplained,
  missingSupport,
];
