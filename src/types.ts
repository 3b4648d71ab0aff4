/** The vocabulary shared by every part of recruit-check: severities, pillars, groups, findings. */

/** How serious a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from most to least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Rank of a severity: higher is more serious. */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/** What kind of barrier a rule looks for. */
export type Category =
  | 'plain-language'
  | 'readability'
  | 'inclusive-language'
  | 'required-content'
  | 'document-structure'
  | 'formatting';

/** Every category, in report order. */
export const CATEGORIES: readonly Category[] = [
  'plain-language',
  'readability',
  'inclusive-language',
  'required-content',
  'document-structure',
  'formatting',
];

/** The I.D.E.A.S. pillar a co-created solution sits under in the seeds. */
export type Pillar = 'inform' | 'develop' | 'encourage' | 'awareness' | 'support';

/** Every pillar, in I.D.E.A.S. order. */
export const PILLARS: readonly Pillar[] = ['inform', 'develop', 'encourage', 'awareness', 'support'];

/** The under-represented groups named in the seeds, plus `everyone`. */
export type Group = 'carers' | 'black-heritage' | 'migrants' | 'deaf' | 'neurodivergent' | 'everyone';

/** Every group id. */
export const GROUPS: readonly Group[] = [
  'carers',
  'black-heritage',
  'migrants',
  'deaf',
  'neurodivergent',
  'everyone',
];

/** Plain-words names of the groups, for reports. */
export const GROUP_NAMES: Readonly<Record<Group, string>> = {
  carers: 'people with caring responsibilities',
  'black-heritage': 'people of Black, Caribbean or African heritage',
  migrants: 'migrants, refugees and people seeking asylum',
  deaf: 'deaf and hard of hearing people',
  neurodivergent: 'neurodivergent people',
  everyone: 'everyone',
};

/** Short names of the groups, for summaries. */
export const GROUP_SHORT_NAMES: Readonly<Record<Group, string>> = {
  carers: 'carers',
  'black-heritage': 'Black, Caribbean and African heritage',
  migrants: 'migrants and refugees',
  deaf: 'Deaf people',
  neurodivergent: 'neurodivergent people',
  everyone: 'everyone',
};

/** Where a finding is, in terms a person can use to find it. */
export interface Location {
  /** 1-based line (markdown, text, html), or null. */
  readonly line: number | null;
  /** 1-based column (UTF-16 code units), or null. */
  readonly column: number | null;
  /** 1-based line of the end (exclusive end column), or null. */
  readonly endLine: number | null;
  /** 1-based column just after the flagged text, or null. */
  readonly endColumn: number | null;
  /** 1-based page (pdf), or null. */
  readonly page: number | null;
  /** 1-based paragraph number (docx), or null. */
  readonly paragraph: number | null;
  /** Text of the nearest heading above the finding, when known. */
  readonly section: string | null;
}

/** One problem found in a document: the JSON contract's finding (all but `messageId`). */
export interface Finding {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  /** The flagged text exactly as the reader sees it; null for document-level findings. */
  readonly actual: string | null;
  /** Replacements, or wording to add. */
  readonly suggestions: readonly string[];
  /** Null for document-level findings. */
  readonly location: Location | null;
  readonly pillar: Pillar;
  readonly groups: readonly Group[];
  /** Why it matters, who it affects, and the co-created solution it comes from. */
  readonly note: string;
  /** Present when `--fix` can apply the first suggestion mechanically. */
  readonly fix?: { readonly safe: true };
  /**
   * Which of the rule's messages this is (its key in `RuleMeta.messages`: `notExpanded`,
   * `missing`, `match`), as rule tests name it. Set on every finding the engine makes; not part
   * of the JSON report (nor the SARIF, baseline or other reports), which list their fields one by one.
   */
  readonly messageId?: string;
  /**
   * For a finding that combines others (`required-content/missing-support`): the findings it
   * stands for, each with its own rule id, severity, message and suggestions.
   */
  readonly parts?: readonly FindingPart[];
}

/** One of the findings a combined finding stands for. */
export interface FindingPart {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly suggestions: readonly string[];
}

/** Document metrics over the prose of a document. */
export interface Metrics {
  readonly words: number;
  readonly sentences: number;
  /** UK reading age (Flesch–Kincaid grade + 5), or null with no prose. */
  readonly readingAge: number | null;
  readonly fleschReadingEase: number | null;
  readonly fleschKincaidGrade: number | null;
}

/** Why a file could not be checked. */
export interface FileError {
  /** Stable machine-readable code, e.g. `not-found`, `not-utf8`. */
  readonly code: string;
  /** One line naming the file and saying what to do. */
  readonly message: string;
}

/** Supported document formats. */
export type Format = 'markdown' | 'text' | 'html' | 'docx' | 'pdf';

/** The kinds of recruitment document. */
export type DocumentType = 'advert' | 'job-description' | 'person-specification' | 'interview-invitation';

/** One pillar of the I.D.E.A.S. scorecard. */
export interface ScorecardEntry {
  readonly pillar: Pillar;
  /** Required topics the document covers. */
  readonly does: readonly string[];
  /** Required topics it leaves out. */
  readonly missing: readonly string[];
  /** Findings under this pillar. */
  readonly findings: number;
  /** Groups affected by those findings and missing topics. */
  readonly groups: readonly Group[];
}

/** One block of a document's text, as a reader sees it (for reports that show the document). */
export interface TextBlock {
  readonly kind: 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'quote';
  /** Heading level (1–6), else null. */
  readonly depth: number | null;
  readonly text: string;
}

/** Where a finding sits in the document's text: its block and range there (UTF-16 offsets). */
export interface Highlight {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  /** Index of the finding in `FileResult.findings`. */
  readonly finding: number;
}

/** A document's text with its findings in place (only with `keepText`, for the HTML report). */
export interface DocumentText {
  readonly blocks: readonly TextBlock[];
  readonly highlights: readonly Highlight[];
}

/** How a finding came to be suppressed. */
export type SuppressionKind = 'inline' | 'allow-list' | 'baseline';

/** A finding that was found but not reported, and why. */
export interface SuppressedFinding {
  readonly finding: Finding;
  /** An inline comment in the document, an allowed phrase in a config file, or the baseline. */
  readonly kind: SuppressionKind;
  /** The reason given (the comment's text after `--`, the config file, the baseline file). */
  readonly reason: string;
}

/** The result of checking one file. */
export interface FileResult {
  /** The path as given on the command line (`-` for standard input). */
  readonly path: string;
  readonly format: Format | null;
  /** The kind of document it was checked as; null when it could not be read. */
  readonly type: DocumentType | null;
  /** Why it was checked as that type, in plain words (detected, `--type` or the config); absent when it could not be read. */
  readonly typeReason?: string;
  readonly error: FileError | null;
  readonly findings: readonly Finding[];
  readonly metrics: Metrics | null;
  /** The I.D.E.A.S. scorecard; null when the file could not be read. */
  readonly scorecard: readonly ScorecardEntry[] | null;
  /** Findings suppressed by an inline comment, an allow-list or the baseline, with the reasons. */
  readonly suppressed: readonly SuppressedFinding[];
  /**
   * With `--fix` or `--fix-dry-run`: how many safe fixes were made (or would be), and for a dry
   * run their diff. Not part of the JSON report: with --fix, the findings are those of the fixed file.
   */
  readonly fixes?: { readonly applied: number; readonly diff: string | null };
  /**
   * Problems with the document's own suppression comments (a rule name that is no rule), said on
   * standard error by the command. Not part of the JSON report.
   */
  readonly notes?: readonly string[];
  /** The document's text with the findings in place, when asked for (`keepText`); not in the JSON report. */
  readonly text?: DocumentText;
  /** What `recruit-check audit` sums besides the findings, when asked for; not in the JSON report. */
  readonly audit?: AuditFacts;
}

/** The facts of one checked document that an audit sums: its required topics, and the employer it names. */
export interface AuditFacts {
  /** Every required topic checked for this kind of document, with the rule that checks it. */
  readonly topics: readonly { readonly ruleId: string; readonly topic: string; readonly pillar: Pillar; readonly present: boolean }[];
  /** The employer: from the config's `employers`, else the one an “Employer:” field names, else null. */
  readonly employer: string | null;
}
