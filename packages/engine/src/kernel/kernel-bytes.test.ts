/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain Node build script, without type declarations
import { assembleKernel, kernels } from '../../scripts/build-kernels.mjs';

// Every kernel the build script finds (each src/*/kernel/*.wat), so a new one is checked too.
it.each(kernels() as [string, string][])('ships the module %s/%s.wat assembles to', async (folder, name) => {
  const shipped = readFileSync(new URL(`../${folder}/${name}-wasm.ts`, import.meta.url), 'utf8');
  expect(shipped).toBe(await assembleKernel(folder, name));
});
