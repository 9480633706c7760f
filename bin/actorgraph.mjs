#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step is needed.
import { register } from 'tsx/esm/api';
register();
// A closed pipe (`actorgraph show x | head`) is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
