/**
 * The real `recruit-check serve` command for the tests: started as a child process, as a person
 * would start it, with the address it prints; and plain HTTP requests with exactly the headers a
 * test gives (Host, Origin), which fetch would not let a test set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { root } from '../run-cli.js';

/** A running server: its address, port and key, and how to stop it. */
export interface Served {
  readonly url: string;
  readonly port: number;
  readonly key: string;
  readonly origin: string;
  readonly child: ChildProcess;
  /** What it has written so far. */
  readonly output: () => { stdout: string; stderr: string };
  /** Stop it with Ctrl+C (SIGINT); resolves to its exit code and output. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Start `recruit-check serve --port 0 …args`; resolves once it prints its address. */
export function startServe(args: readonly string[] = [], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Served> {
  const child = spawn(process.execPath, [path.join(root, 'bin/recruit-check.js'), 'serve', '--port', '0', ...args], {
    cwd: options.cwd ?? root,
    env: { ...(process.env as Record<string, string>), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address in 60 s:\n${stdout}\n${stderr}`)), 60_000);
    const look = (): void => {
      const match = /(http:\/\/[^\s/]+:(\d+))\/\?key=([\w-]+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', look);
      resolve({
        url: match[0],
        origin: match[1] as string,
        port: Number(match[2]),
        key: match[3] as string,
        child,
        output: () => ({ stdout, stderr }),
        async stop() {
          if (child.exitCode === null) child.kill('SIGINT');
          const code = await exited;
          return { code, stdout, stderr };
        },
      });
    };
    child.stdout?.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve ended with ${code} before printing its address:\n${stdout}\n${stderr}`));
    });
  });
}

/** An answer: status, headers and body. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request to 127.0.0.1:`port` with exactly these headers. */
export function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: Uint8Array; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: options.host ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers ?? {}, setHost: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A multipart form body, as a browser sends it: fields, and a file with its name. */
export async function formBody(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }): Promise<{ body: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: new Uint8Array(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? '' };
}

/** Post a form to /check the way the page does: its own Host and Origin, and the key unless `fields` say otherwise. */
export async function postCheck(served: Served, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }, headers: Record<string, string> = {}): Promise<Answer> {
  const { body, type } = await formBody({ key: served.key, ...fields }, file);
  return send(served.port, { method: 'POST', path: '/check', body, headers: { Host: `127.0.0.1:${served.port}`, Origin: served.origin, 'Content-Type': type, 'Content-Length': String(body.length), ...headers } });
}

/** The downloads of a result page: name → bytes (they travel in the page as data: links). */
export function downloadsIn(page: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const match of page.matchAll(/<a href="data:[^;"]+(?:;charset=utf-8)?;base64,([^"]*)" download="([^"]*)">/g)) found.set(match[2] as string, Buffer.from(match[1] as string, 'base64'));
  return found;
}
