/**
 * Writing files so that nothing is lost or half-written. Every write (`--fix`, `--output`,
 * `--annotate`, baselines, `init`) first checks its target — not a folder, not a device, not
 * read-only, in a folder that exists and may be written — then writes a temporary file beside
 * the target and renames it over the target only when complete. A symbolic link is written
 * through, to the file it points to, and stays a link; a replaced file keeps its permissions; a
 * file that changed since it was read is left alone. Temporary files are removed on any exit,
 * including Ctrl+C and `kill`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { sanitize } from './report/sanitize.js';

/** Why a file was not written: one line naming the file and what to do. */
export class WriteRefusal extends Error {
  constructor(
    readonly code: 'is-directory' | 'not-a-file' | 'read-only' | 'no-folder' | 'changed' | 'write-failed',
    message: string,
  ) {
    super(message);
    this.name = 'WriteRefusal';
  }
}

/** The file a write to `file` really changes, and the permissions to give it. */
export interface WriteTarget {
  /** The file itself, after following symbolic links. */
  readonly real: string;
  /** The permissions of the file replaced, or undefined for a new file. */
  readonly mode: number | undefined;
}

/** A file name as a message shows it: control characters made visible. */
const shown = sanitize;

function writable(mode: number): boolean {
  return (mode & 0o222) !== 0;
}

/**
 * Check that `file` can be written, before any work is done for it: throws a WriteRefusal that
 * says why not. `what` names the thing written (“the report”, “the annotated copy”, “the fixes”).
 */
export function checkWriteTarget(file: string, what = 'the file'): WriteTarget {
  const name = shown(file);
  let real = path.resolve(file);
  let mode: number | undefined;
  let info: ReturnType<typeof statSync> | null = null;
  try {
    info = statSync(file);
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new WriteRefusal('no-folder', `${name}: ${what} cannot be written there — a part of that path is a file, not a folder`);
    if (code !== 'ENOENT') throw new WriteRefusal('write-failed', `${name}: ${what} cannot be written (${code ?? 'error'}) — check the path and your permissions`);
    // A link to nothing: writing through it would create a file somewhere unexpected.
    if (isSymlink(file)) throw new WriteRefusal('not-a-file', `${name}: is a symbolic link to a file that does not exist — remove the link or name the real file`);
  }
  if (info) {
    if (info.isDirectory()) throw new WriteRefusal('is-directory', `${name}: is a folder — name a file for ${what}`);
    if (!info.isFile()) throw new WriteRefusal('not-a-file', `${name}: is not an ordinary file (a device, pipe or socket) — name a file for ${what}`);
    if (!writable(info.mode)) throw new WriteRefusal('read-only', `${name}: is read-only, so recruit-check did not write ${what} — make it writable (chmod u+w) or name another file`);
    mode = info.mode & 0o7777;
  }
  const folder = path.dirname(real);
  // The folder as the user named it, unless a link leads elsewhere.
  const folderName = shown(real === path.resolve(file) ? path.dirname(file) : folder);
  let folderInfo: ReturnType<typeof statSync>;
  try {
    folderInfo = statSync(folder);
  } catch {
    throw new WriteRefusal('no-folder', `${name}: the folder ${folderName} does not exist — create it first, or name another file`);
  }
  if (!folderInfo.isDirectory()) throw new WriteRefusal('no-folder', `${name}: ${folderName} is not a folder — name another file`);
  let folderWritable = writable(folderInfo.mode);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    folderWritable = false;
  }
  if (!folderWritable) throw new WriteRefusal('read-only', `${name}: the folder ${folderName} is read-only, so recruit-check did not write ${what} — make the folder writable or name a file elsewhere`);
  return { real, mode };
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A digest of a file's bytes, to tell later whether it changed. */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Options of a write. */
export interface WriteOptions {
  /** Write only if the file's bytes still have this digest (it was not changed since it was read). */
  readonly unchangedSince?: string;
  /** What is written, for messages (default “the file”). */
  readonly what?: string;
}

/** Write `data` to `file` atomically, after checking the target; throws a WriteRefusal when it cannot be. */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const target = checkWriteTarget(file, options.what);
  const writer = new TemporaryFile(target);
  try {
    writer.write(data);
    if (options.unchangedSince !== undefined) {
      let now: string | null = null;
      try {
        now = digestOf(readFileSync(target.real));
      } catch {
        now = null;
      }
      if (now !== options.unchangedSince) {
        throw new WriteRefusal('changed', `${shown(file)}: changed while it was being checked, so it was not changed — check it again`);
      }
    }
    writer.commit(file);
  } finally {
    writer.abort();
  }
}

/**
 * A file written a piece at a time and put in place only when complete (`--output`): the pieces
 * go to a temporary file beside it, renamed over the target by `commit`; `abort` removes it.
 * The target is checked when the writer is made, before any work.
 */
export class AtomicFileWriter {
  private readonly temporary: TemporaryFile;

  /** Throws a WriteRefusal when `file` cannot be written. */
  constructor(
    private readonly file: string,
    what = 'the report',
  ) {
    this.temporary = new TemporaryFile(checkWriteTarget(file, what));
  }

  /** Add text to the file. */
  write(text: string): void {
    this.temporary.write(text);
  }

  /** Put the complete file in place. */
  commit(): void {
    try {
      this.temporary.commit(this.file);
    } finally {
      this.temporary.abort();
    }
  }

  /** Leave the target as it was. */
  abort(): void {
    this.temporary.abort();
  }
}

/** Temporary files not yet renamed into place: removed if the process stops first. */
const live = new Set<string>();
let watching = false;

function removeLive(): void {
  for (const file of live) rmSync(file, { force: true });
  live.clear();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  // Then stop as the signal would have stopped the process without this handler.
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  process.kill(process.pid, signal);
}

/** Remove temporary files when the process exits or is stopped by a signal. */
function watchExit(): void {
  if (watching) return;
  watching = true;
  process.on('exit', removeLive);
  for (const name of SIGNALS) process.on(name, onSignal);
}

/** A temporary file beside a write's target, removed on any exit unless renamed into place. */
class TemporaryFile {
  private readonly path: string;
  private fd: number | null;

  constructor(private readonly target: WriteTarget) {
    watchExit();
    this.path = path.join(path.dirname(target.real), `.${path.basename(target.real)}.${randomBytes(6).toString('hex')}.tmp`);
    live.add(this.path);
    try {
      this.fd = openSync(this.path, 'wx');
    } catch (error) {
      live.delete(this.path);
      throw new WriteRefusal('write-failed', `${shown(target.real)}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}) — check the folder and your permissions`);
    }
  }

  write(data: string | Uint8Array): void {
    if (this.fd === null) throw new Error('temporary file already closed');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.fd, bytes, offset);
    } catch (error) {
      throw new WriteRefusal('write-failed', `${shown(this.target.real)}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}) — check there is space on the disk`);
    }
  }

  /** Rename the complete file over the target (`asked` is the name the user gave). */
  commit(asked: string): void {
    if (this.fd === null) throw new Error('temporary file already closed');
    try {
      closeSync(this.fd);
      this.fd = null;
      // A new file has the usual permissions (as the umask allows); a replaced one keeps its own.
      if (this.target.mode !== undefined) chmodSync(this.path, this.target.mode);
      renameSync(this.path, this.target.real);
      live.delete(this.path);
    } catch (error) {
      throw new WriteRefusal('write-failed', `${shown(asked)}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}) — check the path and your permissions`);
    }
  }

  /** Remove the temporary file, if it is still there. */
  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (live.delete(this.path)) rmSync(this.path, { force: true });
  }
}
