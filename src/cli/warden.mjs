#!/usr/bin/env node
// The warden command runs the TypeScript core directly, so the CLI and the app
// never drift apart through a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
