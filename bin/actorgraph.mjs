#!/usr/bin/env node
// Runs the CLI bundled into build/cli/ at install (`prepare`); rebuilds it first if a source changed.
import { cliBundle } from './cli-bundle.mjs';
// A closed pipe (`actorgraph show x | head`) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const { main } = await import(await cliBundle());
process.exitCode = await main(process.argv.slice(2));
