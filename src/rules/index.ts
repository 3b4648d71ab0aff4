/** The code rules, in run order (specific rules before general ones). */
import type { Rule } from '../engine/rule.js';
import acronymNotExpanded from './acronym-not-expanded.js';
import dateFormat from './date-format.js';
import {
  averageSentenceLength,
  fleschKincaidGradeRule,
  fleschReadingEaseRule,
  smogGradeRule,
} from './document-readability.js';
import hardSentence from './hard-sentence.js';
import listTooLong from './list-too-long.js';
import paragraphTooLong from './paragraph-too-long.js';
import sentenceTooLong from './sentence-too-long.js';
import simplerWords from './simpler-words.js';
import timeFormat from './time-format.js';

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
  fleschReadingEaseRule,
  fleschKincaidGradeRule,
  smogGradeRule,
];
