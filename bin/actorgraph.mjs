#!/usr/bin/env node
// Runs the CLI bundled into build/cli/ at install (`prepare`); rebuilds it first if a source changed.
import { cliBundle } from './cli-bundle.mjs';
// A closed pipe (`actorgraph show x | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
let bundle;
try {
  bundle = await cliBundle();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
