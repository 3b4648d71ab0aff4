#!/usr/bin/env node
// The recruit-check command: runs the bundled CLI (see scripts/bundle.js) and sets the exit code
// (never process.exit, so a large report is always written out in full).
import { main } from '../dist/bundle/cli.js';

// When the reader goes away (`recruit-check … | head -1`), the rest of the report is dropped
// quietly, and the run still ends with the exit code its findings call for.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stream.write = () => true;
      return;
    }
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
