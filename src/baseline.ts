/**
 * The baseline: the findings a set of documents already had when a team adopted recruit-check,
 * so that CI fails only on new ones. `--update-baseline` records every finding of the files
 * checked; `--baseline <file>` then suppresses findings it records (kind `baseline`), counted and
 * listed like any other suppression. A finding is matched by its file, rule and flagged text —
 * not its line, so editing other parts of a document does not bring old findings back — and by
 * count: a third “utilise” where the baseline has two is new.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { normalisePhrase } from './engine/engine.js';
import { keepFindings } from './engine/checker.js';
import type { FileResult, Finding, SuppressedFinding } from './types.js';

/** The default baseline file, in the working folder. */
export const DEFAULT_BASELINE = '.recruit-check-baseline.json';

/** Version of the baseline file's shape. */
export const BASELINE_VERSION = 1;

/** One recorded finding: its rule, its flagged text (empty for a finding about the whole document), how many. */
export interface BaselineEntry {
  readonly ruleId: string;
  readonly actual: string;
  readonly count: number;
}

/** A baseline: entries by file, relative to the baseline file's folder with forward slashes. */
export interface Baseline {
  readonly file: string;
  readonly files: ReadonlyMap<string, readonly BaselineEntry[]>;
}

/** A baseline file that cannot be used. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** A checked file's key in the baseline. */
function keyOf(baselineFile: string, resultPath: string): string {
  return path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(resultPath)).split(path.sep).join('/');
}

function entryKey(ruleId: string, actual: string | null): string {
  return `${ruleId}\u0000${normalisePhrase(actual ?? '')}`;
}

/**
 * What the baseline records of a finding: its rule and text, or for a combined finding each of
 * its parts (so that fixing one part, or turning combining off, still matches the rest).
 */
function recorded(finding: Finding): { readonly ruleId: string; readonly actual: string | null }[] {
  return finding.parts ? finding.parts.map((part) => ({ ruleId: part.ruleId, actual: null })) : [{ ruleId: finding.ruleId, actual: finding.actual }];
}

function recordedKeys(finding: Finding): string[] {
  return recorded(finding).map(({ ruleId, actual }) => entryKey(ruleId, actual));
}

/** Read a baseline file; `missingOk` gives an empty baseline when there is none (for updating). */
export function readBaseline(file: string, missingOk = false): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingOk) return { file, files: new Map() };
    throw new BaselineError(code === 'ENOENT' ? `${file}: baseline file not found — make it with --update-baseline` : `${file}: baseline cannot be read (${code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BaselineError(`${file}: the baseline is not valid JSON — make it again with --update-baseline`);
  }
  const shape = value as { version?: unknown; files?: unknown };
  if (typeof shape !== 'object' || shape === null || shape.version !== BASELINE_VERSION || typeof shape.files !== 'object' || shape.files === null) {
    throw new BaselineError(`${file}: is not a recruit-check baseline (version ${BASELINE_VERSION}) — make it again with --update-baseline`);
  }
  const files = new Map<string, BaselineEntry[]>();
  for (const [name, entries] of Object.entries(shape.files as Record<string, unknown>)) {
    if (!Array.isArray(entries) || !entries.every(isEntry)) {
      throw new BaselineError(`${file}: the entries for “${name}” are not a list of {ruleId, actual, count} — make the baseline again with --update-baseline`);
    }
    files.set(name, entries);
  }
  return { file, files };
}

function isEntry(value: unknown): value is BaselineEntry {
  const entry = value as BaselineEntry;
  return typeof entry === 'object' && entry !== null && typeof entry.ruleId === 'string' && typeof entry.actual === 'string' && Number.isInteger(entry.count) && entry.count > 0;
}

/** The result with the findings the baseline records moved to its suppressed list. */
export function applyBaseline(result: FileResult, baseline: Baseline): FileResult {
  const entries = baseline.files.get(keyOf(baseline.file, result.path));
  if (!entries || result.findings.length === 0) return result;
  const left = new Map<string, number>();
  for (const entry of entries) left.set(entryKey(entry.ruleId, entry.actual), (left.get(entryKey(entry.ruleId, entry.actual)) ?? 0) + entry.count);
  const suppressed: SuppressedFinding[] = [];
  const reason = `recorded in the baseline ${baseline.file}`;
  const kept = keepFindings(result, (finding) => {
    // A combined finding is old when every part of it is: a new part makes it new.
    const keys = recordedKeys(finding);
    if (keys.some((key) => (left.get(key) ?? 0) === 0)) return true;
    for (const key of keys) left.set(key, (left.get(key) ?? 0) - 1);
    suppressed.push({ finding, kind: 'baseline', reason });
    return false;
  });
  return suppressed.length === 0 ? result : { ...kept, suppressed: [...result.suppressed, ...suppressed] };
}

/** Records a new baseline from checked results, keeping the entries of files not checked this time. */
export class BaselineRecorder {
  private readonly files: Map<string, readonly BaselineEntry[]>;
  /** Findings recorded per file, as the report counts them (a combined finding is one). */
  private readonly findings: Map<string, number>;

  constructor(private readonly previous: Baseline) {
    this.files = new Map(previous.files);
    this.findings = new Map([...previous.files].map(([name, entries]) => [name, entries.reduce((sum, entry) => sum + entry.count, 0)]));
  }

  /** Record one checked file (an unreadable file keeps what it had). */
  add(result: FileResult): void {
    if (result.error !== null || result.path === '-') return;
    const counts = new Map<string, BaselineEntry>();
    for (const finding of result.findings) {
      for (const { ruleId, actual } of recorded(finding)) {
        const key = entryKey(ruleId, actual);
        const entry = counts.get(key);
        counts.set(key, { ruleId, actual: entry?.actual ?? actual ?? '', count: (entry?.count ?? 0) + 1 });
      }
    }
    const name = keyOf(this.previous.file, result.path);
    const entries = [...counts.values()].sort((a, b) => (a.ruleId === b.ruleId ? compare(a.actual, b.actual) : compare(a.ruleId, b.ruleId)));
    if (entries.length > 0) {
      this.files.set(name, entries);
      this.findings.set(name, result.findings.length);
    } else {
      this.files.delete(name);
      this.findings.delete(name);
    }
  }

  /** The baseline recorded so far. */
  baseline(): Baseline {
    return { file: this.previous.file, files: this.files };
  }

  /** Write the baseline file atomically; returns the number of findings and files recorded. */
  write(): { findings: number; files: number } {
    const names = [...this.files.keys()].sort(compare);
    const files = Object.fromEntries(names.map((name) => [name, this.files.get(name)]));
    const findings = names.reduce((total, name) => total + (this.findings.get(name) ?? 0), 0);
    const document = {
      version: BASELINE_VERSION,
      note: 'Findings recruit-check had already reported when this baseline was made: with --baseline, they are not reported again (new ones are). Make it again with --update-baseline.',
      files,
    };
    writeFileAtomic(this.previous.file, `${JSON.stringify(document, null, 2)}\n`);
    return { findings, files: names.length };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
