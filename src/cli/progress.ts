/**
 * A progress line on standard error while many files are checked on a terminal: `checked 120 of
 * 1,000 files`. Never in pipes, CI logs (`CI` set) or dumb terminals, and never mixed into the
 * report: when the report goes to the same terminal, the line is cleared before each piece of
 * the report and drawn again after the next file.
 */

/** Show progress only for at least this many files: fewer finish before anyone looks. */
export const PROGRESS_MIN_FILES = 10;

/** Redraw at most this often, in milliseconds. */
const INTERVAL_MS = 100;

const CLEAR = '\r\u001b[2K';

/** Where progress goes, and what decides whether it shows. */
export interface ProgressSetup {
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** False with `--no-progress`. */
  readonly enabled: boolean;
  readonly total: number;
  /** The clock, in milliseconds (replaced in tests). */
  readonly now?: () => number;
}

/** True when a progress line may be shown. */
export function showsProgress(setup: ProgressSetup): boolean {
  const ci = setup.env['CI'];
  return setup.enabled && setup.stderr.isTTY === true && (ci === undefined || ci === '' || ci === 'false') && setup.env['TERM'] !== 'dumb' && setup.total >= PROGRESS_MIN_FILES;
}

/** The progress line of a run (a no-op when `showsProgress` is false). */
export class Progress {
  private done = 0;
  private shown = false;
  private last = Number.NEGATIVE_INFINITY;
  private readonly active: boolean;
  private readonly now: () => number;

  constructor(private readonly setup: ProgressSetup) {
    this.active = showsProgress(setup);
    this.now = setup.now ?? (() => Date.now());
  }

  /** One more file is done: redraw, at most every 100 ms. */
  tick(): void {
    this.done++;
    if (!this.active) return;
    const now = this.now();
    if (now - this.last < INTERVAL_MS && this.done < this.setup.total) return;
    this.last = now;
    this.setup.stderr.write(`${CLEAR}checked ${this.done.toLocaleString('en-GB')} of ${this.setup.total.toLocaleString('en-GB')} files`);
    this.shown = true;
  }

  /** Remove the line (before the report's pieces, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.setup.stderr.write(CLEAR);
    this.shown = false;
    this.last = Number.NEGATIVE_INFINITY;
  }
}
