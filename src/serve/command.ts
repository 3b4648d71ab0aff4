/** The `recruit-check serve` command: start the server, say where it is, stop on Ctrl+C. */
import { spawn } from 'node:child_process';
import { commandLineLimits } from '../load/read.js';
import { startServer, type RunningServer } from './server.js';

/** The command's options, as commander gives them. */
export interface ServeCommandOptions {
  readonly port: number;
  readonly host: string;
  readonly open?: boolean;
  /** `--config <file>` (a string), `--no-config` (false), or neither (true). */
  readonly config: string | boolean;
  readonly maxFileSize: number;
  readonly timeout: number;
  readonly maxMemory: number;
}

/** Where the command writes: the address to standard output, anything else as one line on standard error. */
export interface ServeIo {
  readonly stdout: { write(text: string): unknown };
  /** Say one line (`recruit-check: …`) on standard error. */
  readonly say: (message: string) => void;
  /** Resolves when the server should stop (Ctrl+C, or the process is told to end). */
  readonly stopped?: () => Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Resolves on the first SIGINT (Ctrl+C) or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Open `url` in the default browser; says so when it cannot. */
function openBrowser(url: string, say: (message: string) => void): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => say(`could not open a browser (${command} did not start): open the address above yourself`));
    child.unref();
  } catch {
    say('could not open a browser: open the address above yourself');
  }
}

/** Why the server could not start, in one line. */
function startFailure(error: unknown, options: ServeCommandOptions): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${options.port} is in use — choose another with --port, or --port 0 for any free port`;
  if (code === 'EACCES') return `port ${options.port} needs special permission on this computer — choose one above 1024 with --port`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `${options.host} is not an address of this computer — leave --host out to use 127.0.0.1`;
  return (error as Error).message;
}

/** Run the server until it is stopped; resolves to the exit code. */
export async function serveCommand(options: ServeCommandOptions, io: ServeIo): Promise<number> {
  let running: RunningServer;
  try {
    running = await startServer({
      host: options.host,
      port: options.port,
      limits: commandLineLimits(options.maxFileSize, options.timeout),
      maxMemoryMb: options.maxMemory,
      config: options.config === true ? undefined : options.config,
    });
  } catch (error) {
    io.say(startFailure(error, options));
    return 2;
  }
  // Ctrl+C is caught from before the address is printed: whoever reads it may stop the server at once.
  const stopped = (io.stopped ?? untilStopped)();
  if (!LOOPBACK.has(options.host)) {
    io.say(`warning: listening on ${options.host}, so anyone on that network who has the address below can use the page and see what is checked with it`);
  }
  io.stdout.write(
    [
      'recruit-check serve is running. Open this address in your browser:',
      '',
      `  ${running.url}`,
      '',
      'The address has a key in it: only people you give it to can use the page.',
      'Documents stay on this computer and are not kept. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  if (options.open) openBrowser(running.url, io.say);
  await stopped;
  await running.close();
  io.stdout.write('recruit-check serve has stopped.\n');
  return 0;
}
