/**
 * `recruit-check serve` over plain HTTP, started as the real command: where it listens, what it
 * refuses (a foreign Host, a foreign or missing Origin, a missing key), the headers of every
 * answer, what it answers for good, over-size and hostile documents (the server carries on), the
 * queue, that nothing is written to disk, and that Ctrl+C stops it. The page in a browser is
 * tested in page.test.ts.
 */
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check.js';
import { checkDocument } from '../../src/engine/checker.js';
import { DEFAULT_LIMITS, loadBuffer } from '../../src/load/read.js';
import { ZipArchive } from '../../src/load/zip.js';
import { root } from '../run-cli.js';
import { downloadsIn, formBody, postCheck, send, startServe, type Served } from './serve-process.js';

const fixture = (name: string): { name: string; bytes: Buffer } => ({ name: path.basename(name), bytes: readFileSync(path.join(root, name)) });

/** The findings counted in a result page's summary line. */
function summaryOf(page: string): string {
  return /id="result-summary">([^<]*)</.exec(page)?.[1] ?? '';
}

/** The problem a page shows, if any. */
function problemOf(page: string): string {
  return /class="problem"[^>]*>([^<]*)</.exec(page)?.[1] ?? '';
}

describe('recruit-check serve', () => {
  let served: Served;

  beforeAll(async () => {
    served = await startServe();
  }, 90_000);

  afterAll(async () => {
    await served?.stop();
  });

  it('listens on 127.0.0.1 by default and prints the address with a key made for this run', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{32}$/);
    expect(served.output().stdout).toContain('Press Ctrl+C to stop.');
    // Not on the computer's other addresses.
    const other = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (other) await expect(send(served.port, { host: other.address, headers: { Host: `${other.address}:${served.port}` } })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('gives the page only at the address with the key, and never shows the key otherwise', async () => {
    const host = { Host: `127.0.0.1:${served.port}` };
    const page = await send(served.port, { path: `/?key=${served.key}`, headers: host });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form id="check-form" method="post" action="/check" enctype="multipart/form-data">');
    expect(page.body).toContain(`<input type="hidden" name="key" value="${served.key}">`);
    for (const path of ['/', '/?key=wrong', `/?key=${served.key.slice(1)}`, '/check', '/anything']) {
      const refused = await send(served.port, { path, headers: host });
      expect(refused.status, path).toBeGreaterThanOrEqual(400);
      expect(refused.body, path).not.toContain(served.key);
    }
    // `localhost` names the same server.
    expect((await send(served.port, { path: `/?key=${served.key}`, headers: { Host: `localhost:${served.port}` } })).status).toBe(200);
  });

  it('refuses a Host header that does not name its address (DNS rebinding)', async () => {
    for (const host of [`evil.example:${served.port}`, `127.0.0.1:${served.port + 1}`, '127.0.0.1', '']) {
      const answer = await send(served.port, { path: `/?key=${served.key}`, headers: { Host: host } });
      expect(answer.status, host).toBe(421);
      expect(answer.body).not.toContain(served.key);
    }
    const post = await postCheck(served, { text: 'We are a friendly team.' }, undefined, { Host: `evil.example:${served.port}`, Origin: `http://evil.example:${served.port}` });
    expect(post.status).toBe(421);
  });

  it('checks only what comes from its own page: its origin, and the key', async () => {
    const text = { text: 'You will utilise your skills.' };
    expect((await postCheck(served, text)).status).toBe(200);
    const refusals = [
      await postCheck(served, text, undefined, { Origin: 'http://evil.example' }),
      await postCheck(served, text, undefined, { Origin: 'null' }),
      await postCheck(served, text, undefined, { Origin: `http://localhost:${served.port}` }),
      await postCheck(served, text, undefined, { 'Sec-Fetch-Site': 'cross-site' }),
      await postCheck(served, { ...text, key: 'not-the-key' }),
      await postCheck(served, { ...text, key: '' }),
      await postCheck(served, text, undefined, { 'X-Recruit-Check-Key': 'not-the-key' }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('refused');
      expect(answer.body).not.toContain(served.key);
      expect(answer.body).not.toContain('utilise');
    }
    // No Origin header at all (browsers always send one with a form post).
    const { body, type } = await formBody({ key: served.key, ...text });
    const bare = await send(served.port, { method: 'POST', path: '/check', body, headers: { Host: `127.0.0.1:${served.port}`, 'Content-Type': type, 'Content-Length': String(body.length) } });
    expect(bare.status).toBe(403);
    expect(bare.body).not.toContain(served.key);
  });

  it('puts its security headers on every answer', async () => {
    const host = { Host: `127.0.0.1:${served.port}` };
    const answers = [
      await send(served.port, { path: `/?key=${served.key}`, headers: host }),
      await send(served.port, { path: '/assets/page.css', headers: host }),
      await send(served.port, { path: '/assets/page.js', headers: host }),
      await send(served.port, { path: '/', headers: host }),
      await send(served.port, { path: '/', headers: { Host: 'evil.example' } }),
      await postCheck(served, { text: 'Hello.' }),
    ];
    for (const answer of answers) {
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('same-origin');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect(answers[1]?.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(answers[2]?.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('checks a Word file, with its report, JSON and a Word copy with one comment per finding', async () => {
    const answer = await postCheck(served, { type: 'auto', profile: 'standard' }, fixture('fixtures/adverts/exclusionary.docx'));
    expect(answer.status).toBe(200);
    expect(summaryOf(answer.body)).toMatch(/^Checked exclusionary\.docx: \d+ findings/);
    expect(answer.body).toContain('<article class="file" id="file-1"');
    expect(answer.body).toContain('<mark class="hl');
    const downloads = downloadsIn(answer.body);
    expect([...downloads.keys()]).toEqual(['exclusionary-report.html', 'exclusionary-report.json', 'exclusionary-reviewed.docx']);
    const json = JSON.parse(downloads.get('exclusionary-report.json')?.toString('utf8') ?? '{}') as { files: { findings: unknown[] }[] };
    const findings = json.files[0]?.findings.length ?? 0;
    expect(findings).toBeGreaterThan(10);
    expect(summaryOf(answer.body)).toContain(`${findings} findings`);
    expect(downloads.get('exclusionary-report.html')?.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    const comments = new ZipArchive(downloads.get('exclusionary-reviewed.docx') as Buffer, DEFAULT_LIMITS.maxInflatedBytes).text('word/comments.xml') ?? '';
    expect(comments.match(/<w:comment /g)).toHaveLength(findings);
  });

  it('checks a PDF and pasted text; the text comes back with the safe fixes made', async () => {
    const pdf = await postCheck(served, {}, fixture('fixtures/adverts/exclusionary.pdf'));
    expect(summaryOf(pdf.body)).toMatch(/^Checked exclusionary\.pdf: \d+ findings/);
    expect([...downloadsIn(pdf.body).keys()]).toEqual(['exclusionary-report.html', 'exclusionary-report.json']);

    const text = 'Support worker\n\nYou will utilise your skills to facilitate good care, and commence on 1 June.';
    const pasted = await postCheck(served, { text, type: 'advert', profile: 'easy-read' });
    expect(summaryOf(pasted.body)).toMatch(/^Checked pasted-text\.txt: \d+ findings/);
    // The choices and the text are kept in the form, to change and check again.
    expect(pasted.body).toContain('<option value="advert" selected>');
    expect(pasted.body).toContain('<option value="easy-read" selected>');
    expect(pasted.body).toContain(`${text}</textarea>`);
    const fixed = downloadsIn(pasted.body).get('pasted-text-fixed.txt')?.toString('utf8') ?? '';
    expect(fixed).toContain('You will use your skills');
    expect(fixed).not.toContain('utilise');
  });

  it('escapes what documents and their names hold', async () => {
    const answer = await postCheck(served, {}, { name: 'advert "><img src=x onerror=alert(1)>.md', bytes: Buffer.from('# Carer <script>alert(2)</script>\n\nYou will utilise "><img src=y onerror=alert(3)> skills.\n') });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toMatch(/<img|<script>alert/);
    expect(answer.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answers a request for nothing with a message in the page', async () => {
    const answer = await postCheck(served, { text: '   ' });
    expect(answer.status).toBe(400);
    expect(problemOf(answer.body)).toBe('Choose a file or paste some text, then check it.');
  });

  it('gives each hostile or broken file its message in the page, and carries on', async () => {
    const files = [
      ['fixtures/bad/zip-bomb.docx', /zip-bomb\.docx: .*(bomb|unpack)/],
      ['fixtures/bad/password-protected.pdf', /password-protected\.pdf: is password-protected/],
      ['fixtures/bad/truncated.docx', /truncated\.docx: /],
      ['fixtures/bad/truncated.pdf', /truncated\.pdf: the PDF is damaged/],
      ['fixtures/bad/external-entity.docx', /external-entity\.docx: /],
      ['fixtures/bad/not-a-pdf.pdf', /not-a-pdf\.pdf: the PDF is damaged/],
      ['fixtures/bad/old-word-format.doc', /old-word-format\.doc: /],
    ] as const;
    for (const [file, message] of files) {
      const answer = await postCheck(served, {}, fixture(file));
      expect(answer.status, file).toBe(200);
      expect(summaryOf(answer.body), file).toContain('could not be checked');
      expect(answer.body.replace(/&#39;|&quot;/g, ''), file).toMatch(message);
      expect(downloadsIn(answer.body).size, file).toBe(0);
    }
    expect(summaryOf((await postCheck(served, { text: 'We are a friendly team.' })).body)).toMatch(/^Checked pasted-text\.txt/);
  }, 120_000);

  it('checks one document at a time and turns away more than a short queue', async () => {
    const docx = fixture('fixtures/adverts/exclusionary.docx');
    const answers = await Promise.all(Array.from({ length: 8 }, () => postCheck(served, {}, docx)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    for (const answer of answers.filter((each) => each.status === 503)) {
      expect(answer.body).toContain('busy');
      expect(answer.headers['retry-after']).toBe('5');
    }
    expect((await postCheck(served, {}, docx)).status).toBe(200);
  }, 120_000);

  it('has page words that pass recruit-check (nothing to fix in its own writing)', async () => {
    const page = await send(served.port, { path: `/?key=${served.key}`, headers: { Host: `127.0.0.1:${served.port}` } });
    const loaded = await loadBuffer(Buffer.from(page.body), 'page.html', 'html');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const result = checkDocument(loaded.doc, createChecker());
    // The page is not an advert: what an advert must say (pay, closing date…) does not apply to it.
    const writing = result.findings.filter((finding) => !finding.ruleId.startsWith('required-content/'));
    expect(writing.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
  });
});

describe('recruit-check serve with small limits', () => {
  let served: Served;

  beforeAll(async () => {
    served = await startServe(['--max-file-size', '1']);
  }, 90_000);

  afterAll(async () => {
    await served?.stop();
  });

  it('gives an over-size file its message in the page, and carries on', async () => {
    // Text over its 1 MB limit: the loader's message.
    const text = await postCheck(served, {}, { name: 'long.txt', bytes: Buffer.alloc(1.5 * 1024 * 1024, 'word ') });
    expect(problemOf(text.body)).toBe('long.txt: is 1.5 MB, over the 1 MB limit — check it is the right file, or raise the limit with --max-file-size');
    // A file over the 10 MB limit of Word files: cut off while it arrives.
    const word = await postCheck(served, {}, { name: 'huge.docx', bytes: Buffer.alloc(10.5 * 1024 * 1024, 1) });
    expect(word.status).toBe(413);
    expect(problemOf(word.body)).toBe('huge.docx: is over the 10 MB limit — check it is the right file, or raise the limit with --max-file-size');
    // Pasted text over the limit.
    const pasted = await postCheck(served, { text: 'word '.repeat(250_000) });
    expect(pasted.status).toBe(413);
    expect(problemOf(pasted.body)).toContain('The pasted text: is over the 1 MB limit');
    // A body larger than any form the page sends is refused before it is read.
    const tooBig = await postCheck(served, {}, { name: 'enormous.pdf', bytes: Buffer.alloc(12 * 1024 * 1024, 1) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain('The document: is 12 MB, over the 10 MB limit');
    expect(tooBig.body).not.toContain(served.key);
    expect(summaryOf((await postCheck(served, { text: 'We are a friendly team.' })).body)).toMatch(/^Checked pasted-text\.txt/);
  }, 120_000);

  it('lets a body over the limit arrive before it refuses it, so the browser gets the answer, not a reset', async () => {
    // Closed while the body was still arriving, the connection was reset: about half of these failed with EPIPE on a busy machine.
    const body = Buffer.alloc(12 * 1024 * 1024, 1);
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await postCheck(served, {}, { name: 'enormous.pdf', bytes: body });
      expect(answer.status).toBe(413);
      expect(answer.body).toContain('The document: is 12 MB, over the 10 MB limit');
    }
  }, 120_000);
});

describe('recruit-check serve with a time limit', () => {
  it('stops a check that takes too long, says so in the page, and carries on', async () => {
    const served = await startServe(['--timeout', '0.001']);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await postCheck(served, {}, fixture('fixtures/adverts/exclusionary.docx'));
        expect(answer.status).toBe(200);
        expect(problemOf(answer.body)).toMatch(/^exclusionary\.docx: took longer than [\d.]+ s to check, so it was stopped/);
      }
    } finally {
      expect((await served.stop()).code).toBe(0);
    }
  }, 120_000);
});

describe('recruit-check serve, starting and stopping', () => {
  it('writes nothing to disk: its folder, its temporary folder and its home stay empty', async () => {
    const folders = ['cwd', 'tmp', 'home'].map((name) => mkdtempSync(path.join(tmpdir(), `recruit-check-serve-${name}-`)));
    const [cwd, tmp, home] = folders as [string, string, string];
    const served = await startServe(['--no-config'], { cwd, env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp, HOME: home } });
    try {
      for (const file of ['fixtures/adverts/exclusionary.docx', 'fixtures/adverts/exclusionary.pdf', 'fixtures/adverts/healthcare-assistant-jargon.md']) {
        expect(summaryOf((await postCheck(served, {}, fixture(file))).body)).toMatch(/^Checked /);
      }
      expect(summaryOf((await postCheck(served, { text: 'You will utilise your skills.' })).body)).toMatch(/^Checked /);
    } finally {
      const stopped = await served.stop();
      expect(stopped.code).toBe(0);
    }
    for (const folder of folders) expect(readdirSync(folder), folder).toEqual([]);
  }, 120_000);

  it('stops cleanly on Ctrl+C, with exit code 0', async () => {
    const served = await startServe();
    const stopped = await served.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('recruit-check serve has stopped.');
    expect(stopped.stderr).toBe('');
  }, 90_000);

  it('says in one line when its port is in use, with exit code 2', async () => {
    const blocker: TcpServer = createTcpServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { runCli } = await import('../run-cli.js');
      const run = runCli(['serve', '--port', String(port)]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`recruit-check: port ${port} is in use — choose another with --port, or --port 0 for any free port\n`);
    } finally {
      blocker.close();
    }
  }, 90_000);

  it('warns that another address lets others on the network use it, and answers only at its addresses', async () => {
    const served = await startServe(['--host', '0.0.0.0']);
    try {
      expect(served.output().stderr).toContain('recruit-check: warning: listening on 0.0.0.0, so anyone on that network');
      const ok = await send(served.port, { path: `/?key=${served.key}`, headers: { Host: `127.0.0.1:${served.port}` } });
      expect(ok.status).toBe(200);
      expect((await send(served.port, { path: `/?key=${served.key}`, headers: { Host: `evil.example:${served.port}` } })).status).toBe(421);
    } finally {
      await served.stop();
    }
  }, 90_000);
});
