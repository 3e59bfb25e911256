#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on load so `npx parley` works from a fresh
// clone without a build step, on every supported Node version (20.19+ has no type stripping).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
