/** Run the real `recruit-check` command (the built bin), as a user or a CI pipeline would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, where the command runs. */
export const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/recruit-check.js');

/** What the command did. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options: standard input, extra environment (FORCE_COLOR is removed unless given), a time limit, the folder. */
export interface RunOptions {
  readonly input?: string | Buffer;
  readonly env?: Record<string, string>;
  readonly timeout?: number;
  /** The folder to run in (default: the project folder). */
  readonly cwd?: string;
}

/** Run `recruit-check args…` in the project folder (or `options.cwd`). */
export function runCli(args: readonly string[], options: RunOptions = {}): Run {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    env,
    encoding: 'utf8',
    // Generous: a busy machine may be several times slower than an idle one.
    timeout: options.timeout ?? 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
