/**
 * `recruit-check serve`: a small web server for the page HR staff and reviewers use without a
 * terminal. It is built to be safe on a shared computer and network:
 *
 * - It listens on 127.0.0.1 unless told otherwise, and answers only requests whose Host header
 *   names the address it listens on (so a web site cannot reach it by DNS rebinding).
 * - The page is given only at the address printed at the start, which holds a key made for this
 *   run; a check must carry the key and come from the page's own origin, so another tab, site or
 *   user of the computer cannot ask for one.
 * - Every answer carries a Content Security Policy that allows only the tool's own files, and
 *   the usual headers against sniffing, framing and leaking the address.
 * - A document lives in memory for its request only: it is never written to disk or logged, and
 *   the downloads travel inside the answer. Uploads are read with busboy under the command's size
 *   limits; checks run one at a time in a worker with its time and memory limits, with a short
 *   queue, and a bad or hostile file gets its message in the page while the server carries on.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import busboy from 'busboy';
import { DOC_TYPES, type DocType } from '../engine/doc-type.js';
import { PROFILES, type Profile } from '../engine/options.js';
import { inputLimit, tooLargeError } from '../load/read.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './assets.js';
import { UploadChecker, type CheckSettings, type Upload } from './check.js';
import { DEFAULT_CHOICE, refusalPage, renderPage, type Choice, type PageState, type Shown } from './page.js';

/** How to start the server. */
export interface ServeOptions extends CheckSettings {
  /** The address to listen on (default 127.0.0.1). */
  readonly host: string;
  /** The port (0: any free port). */
  readonly port: number;
  /** The key (default: a new random one). */
  readonly key?: string;
}

/** A running server. */
export interface RunningServer {
  /** The address to open, with the key in it. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stop listening, end open connections and stop the workers. */
  close(): Promise<void>;
}

/** Checks waiting beyond the one running; more are turned away until one ends. */
export const MAX_WAITING = 3;

/**
 * The largest body that is read (and dropped) before it is refused as too large. A connection
 * closed while the browser is still sending is reset, and a reset browser shows that instead of
 * the answer; so a body over the limit is let arrive first, unless it is larger than this.
 */
const DRAIN_LIMIT = 256 * 1024 * 1024;

/** Call `then` once the rest of `request`'s body has arrived, unread; at once when it says it is over DRAIN_LIMIT. */
function afterBody(request: IncomingMessage, length: number, then: () => void): void {
  if (length > DRAIN_LIMIT || request.complete) return then();
  request.on('end', then);
  // An upload stopped part-way needs no answer: the connection is gone.
  request.on('error', () => undefined);
  request.resume();
}

/** The headers of every answer. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // Not `no-referrer`: with it, browsers send `Origin: null` on the page's own posts.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cache-Control': 'no-store',
};

/** Is `host` a loopback address, where `localhost` names the same server? */
function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

/** Is `host` every address of the computer (0.0.0.0 or ::)? */
function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** The names a request may use for a server listening on `host`: that address, or for every address, each of them. */
function hostNames(host: string): string[] {
  if (!isWildcard(host)) return isLoopback(host) ? [host, 'localhost'] : [host];
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
  return ['localhost', ...addresses];
}

/** The address to print for a server listening on `host`: for every address, this computer's first network address. */
function shownHost(host: string): string {
  if (!isWildcard(host)) return host;
  const external = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .find((entry) => entry.family === 'IPv4' && !entry.internal);
  return external?.address ?? '127.0.0.1';
}

/** `host` as it appears in a URL (IPv6 in brackets). */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Equal keys, compared in constant time. */
function sameKey(given: string | undefined | null, key: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  response.end(body);
}

const HTML = 'text/html; charset=utf-8';

/** A refusal, as a short page; the connection is closed when the request's body was not read. */
function refuse(response: ServerResponse, status: number, heading: string, message: string, close = false): void {
  send(response, status, HTML, refusalPage(heading, message), close ? { Connection: 'close' } : {});
}

/** The choice a form asks for, with anything unknown taken as the default. */
function choiceOf(fields: ReadonlyMap<string, string>): Choice {
  const type = fields.get('type') ?? 'auto';
  const profile = fields.get('profile') ?? 'standard';
  return {
    type: (DOC_TYPES as readonly string[]).includes(type) ? (type as DocType) : 'auto',
    profile: (PROFILES as readonly string[]).includes(profile) ? (profile as Profile) : DEFAULT_CHOICE.profile,
  };
}

/** A file name from a browser, made safe to show: no folders, no control characters, not too long. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return base.slice(-120) || 'document';
}

/** What a form post held, or why it could not be read. */
type Received = { ok: true; fields: Map<string, string>; file: Upload | null } | { ok: false; fields: Map<string, string>; status: number; message: string };

/** Read a multipart form post with busboy, under the size limits. */
function receive(request: IncomingMessage, settings: CheckSettings): Promise<Received> {
  const fileLimit = inputLimit('docx', settings.limits);
  const textLimit = inputLimit('text', settings.limits);
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { fileSize: fileLimit, files: 1, fields: 8, fieldSize: textLimit, parts: 12 }, defParamCharset: 'utf8' });
    } catch {
      resolve({ ok: false, fields: new Map(), status: 400, message: 'The form could not be read. Reload the page and try again.' });
      return;
    }
    const fields = new Map<string, string>();
    let file: Upload | null = null;
    let problem: { status: number; message: string } | null = null;
    let settled = false;
    const finish = (value: Received): void => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) problem ??= { status: 413, message: tooLargeError('The pasted text', textLimit, null).message };
      fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        problem ??= { status: 413, message: tooLargeError(cleanName(info.filename ?? ''), fileLimit, null).message };
      });
      stream.on('end', () => {
        if (name === 'file' && size > 0) file = { name: cleanName(info.filename ?? ''), bytes: Buffer.concat(chunks, size) };
      });
    });
    parser.on('partsLimit', () => (problem ??= { status: 413, message: 'The form has more parts than the page sends. Reload the page and try again.' }));
    parser.on('filesLimit', () => (problem ??= { status: 413, message: 'Choose one file at a time.' }));
    parser.on('fieldsLimit', () => (problem ??= { status: 413, message: 'The form has more fields than the page sends. Reload the page and try again.' }));
    parser.on('error', () => finish({ ok: false, fields, status: 400, message: 'The form could not be read. Reload the page and try again.' }));
    parser.on('close', () => finish(problem ? { ok: false, fields, ...problem } : { ok: true, fields, file }));
    request.on('error', () => finish({ ok: false, fields, status: 400, message: 'The upload stopped before the end. Try again.' }));
    request.pipe(parser);
  });
}

/** Start the server; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const key = options.key ?? randomBytes(24).toString('base64url');
  const checker = new UploadChecker(options);
  const textLimit = inputLimit('text', options.limits);
  // The largest body a page's post can be: a file, the pasted text and the form's small fields.
  const maxBody = inputLimit('docx', options.limits) + textLimit + 64 * 1024;
  let port = options.port;
  let allowedHosts = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const page = (state: Partial<PageState> & { shown: Shown }): string => renderPage({ key, choice: DEFAULT_CHOICE, pasted: '', ...state });

  const handleCheck = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = (request.headers.host ?? '').toLowerCase();
    // Only the page itself may ask for a check: its own origin, and the run's key.
    const origin = request.headers.origin;
    if (origin !== `http://${host}`) return refuse(response, 403, 'This check was refused', 'A check can only be asked for from the recruit-check page itself. Open the address recruit-check serve printed when it started.', true);
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(response, 403, 'This check was refused', 'A check can only be asked for from the recruit-check page itself.', true);
    const headerKey = request.headers['x-recruit-check-key'];
    if (headerKey !== undefined && !sameKey(String(headerKey), key)) return refuse(response, 403, 'This check was refused', 'The page is out of date. Open the address recruit-check serve printed when it started.', true);
    const length = Number(request.headers['content-length'] ?? '0');
    // Until the key is read from the form, no answer holds the page (whose form holds the key).
    if (Number.isFinite(length) && length > maxBody) {
      return afterBody(request, length, () => refuse(response, 413, 'The document is too large', tooLargeError('The document', inputLimit('docx', options.limits), length).message, true));
    }
    if (pending > MAX_WAITING) {
      response.setHeader('Retry-After', '5');
      return refuse(response, 503, 'recruit-check is busy', 'recruit-check is busy checking other documents. Wait a moment, then try again.', true);
    }
    pending++;
    try {
      // A body longer than it said it was, or with no length, is cut off at the limit.
      let received = 0;
      request.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBody) request.destroy();
      });
      const form = await receive(request, options);
      if (!sameKey(form.fields.get('key'), key)) {
        if (!form.ok) return refuse(response, form.status, 'The document could not be checked', form.message);
        return refuse(response, 403, 'This check was refused', 'The page is out of date. Open the address recruit-check serve printed when it started.');
      }
      if (!form.ok) return send(response, form.status, HTML, page({ choice: choiceOf(form.fields), shown: { kind: 'problem', message: form.message } }));
      const choice = choiceOf(form.fields);
      const pasted = form.fields.get('text') ?? '';
      const upload: Upload | null = form.file ?? (pasted.trim() !== '' ? { name: null, bytes: Buffer.from(pasted) } : null);
      if (!upload) return send(response, 400, HTML, page({ choice, shown: { kind: 'problem', message: 'Choose a file or paste some text, then check it.' } }));
      // One check at a time: each waits for the one before it.
      const run = queue.then(() => checker.check(upload, choice));
      queue = run.catch(() => undefined);
      const checked = await run;
      send(response, 200, HTML, page({ choice, pasted: form.file ? '' : pasted, shown: { kind: 'result', ...checked } }));
    } finally {
      pending--;
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Only requests that name this server's own address are answered (DNS rebinding).
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) return refuse(response, 421, 'Wrong address', `This server only answers at http://${urlHost(shownHost(options.host))}:${port}/.`, true);
    const url = new URL(request.url ?? '/', `http://${host}`);
    const method = request.method ?? 'GET';
    if (url.pathname === '/check') {
      if (method !== 'POST') return refuse(response, 405, 'Not here', 'Use the form on the page to check a document.', true);
      return handleCheck(request, response);
    }
    if (method !== 'GET' && method !== 'HEAD') return refuse(response, 405, 'Not here', 'Use the form on the page to check a document.', true);
    if (url.pathname === '/assets/page.css') return send(response, 200, 'text/css; charset=utf-8', PAGE_STYLE);
    if (url.pathname === '/assets/page.js') return send(response, 200, 'text/javascript; charset=utf-8', PAGE_SCRIPT);
    if (url.pathname === '/') {
      if (!sameKey(url.searchParams.get('key'), key)) return refuse(response, 403, 'Open the address with the key', 'Open the address recruit-check serve printed when it started: it has a key in it, so that only you can use this page.');
      return send(response, 200, HTML, page({ shown: { kind: 'nothing' } }));
    }
    return refuse(response, 404, 'Not found', 'There is nothing at this address. Open the address recruit-check serve printed when it started.');
  };

  const server = createServer({ requestTimeout: 120_000, headersTimeout: 30_000 }, (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) refuse(response, 500, 'Something went wrong', 'recruit-check could not answer. This is a bug in recruit-check; please report it.', true);
      else response.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await checker.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  allowedHosts = new Set(hostNames(options.host).map((name) => `${urlHost(name)}:${port}`.toLowerCase()));
  return {
    url: `http://${urlHost(shownHost(options.host))}:${port}/?key=${key}`,
    port,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await checker.close();
    },
  };
}
