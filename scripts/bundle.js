#!/usr/bin/env node
// Part of `npm run build`: bundle the command (dist/cli.js and its three worker threads) into
// dist/bundle/, a few files instead of ~220 modules, because loading that many modules was a
// third of the time of checking one advert. The format libraries stay outside the bundle and are
// loaded only for a Word or PDF file; code shared by the entry points goes into chunks, and the
// command's lazy imports stay lazy. Every file lands in dist/bundle/ itself (see src/paths.ts).
// The bundle is built beside the old one and swapped in, so a command running meanwhile (a test,
// say) never finds dist/bundle/ half-written.
import { renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const fresh = `dist/bundle.${process.pid}.tmp`;
rmSync(fresh, { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli.js', 'dist/cli/check-worker.js', 'dist/load/pdf-worker.js', 'dist/audit/audit-host.js'],
  outdir: fresh,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Word and PDF readers: large, loaded only when needed, and pdf.js finds its own files.
  external: ['mammoth', 'pdf-parse', 'pdfjs-dist'],
  // Bundled CommonJS packages call require().
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
const old = `dist/bundle.${process.pid}.old`;
rmSync(old, { recursive: true, force: true });
try {
  renameSync('dist/bundle', old);
} catch {
  // No bundle yet.
}
renameSync(fresh, 'dist/bundle');
rmSync(old, { recursive: true, force: true });
