#!/usr/bin/env node
// The recruit-check command: runs the compiled CLI and sets the exit code (never process.exit,
// so a large report is always written out in full).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
