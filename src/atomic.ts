/**
 * Writing a file atomically: the text goes to a temporary file in the same folder, which is then
 * renamed over the target, so a reader (or a crash) never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Write `data` to `file` atomically, keeping the permissions of a file that is replaced. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    writeFileSync(temporary, data, mode === undefined ? { flag: 'wx' } : { flag: 'wx', mode });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * A file written a piece at a time and put in place only when complete (`--output`): the pieces
 * go to a temporary file beside it, renamed over the target by `commit`; `abort` removes it.
 */
export class AtomicFileWriter {
  private readonly temporary: string;
  private readonly fd: number;

  /** Opens the temporary file; throws (with the system's code) when the folder cannot be written. */
  constructor(private readonly file: string) {
    this.temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    this.fd = openSync(this.temporary, 'wx');
  }

  /** Add text to the file. */
  write(text: string): void {
    writeSync(this.fd, text);
  }

  /** Put the complete file in place. */
  commit(): void {
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
  }

  /** Leave the target as it was. */
  abort(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }
}
