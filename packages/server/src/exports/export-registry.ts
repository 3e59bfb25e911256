import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FingerprintPoint, TraceCandidate } from '@parley/core';

/** One recorded export: who received it, the fingerprint key it was made with, and its points. */
export type RecordedExport = { readonly exportId: string; readonly recipient: string; readonly key: string; readonly points: readonly FingerprintPoint[] };

/** Where trace-leak finds past exports (a JSON file now; the exports table later). */
export type ExportRegistry = { readonly listExports: () => Promise<readonly RecordedExport[]> };

const PointSchema = z.object({ id: z.string(), number: z.string(), title: z.string(), text: z.string() });
const RegistryFileSchema = z.object({
  exports: z.array(z.object({ exportId: z.string(), recipient: z.string(), key: z.string().min(16), points: z.array(PointSchema) })),
});

/** A registry read from a JSON file `{ "exports": [{ exportId, recipient, key, points }] }`. */
export function fileExportRegistry(file: string): ExportRegistry {
  return {
    async listExports() {
      return RegistryFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).exports;
    },
  };
}

/** All points and candidates across exports; candidates are named after the recipient. */
export function traceInputs(exports: readonly RecordedExport[]): { points: FingerprintPoint[]; candidates: TraceCandidate[] } {
  const points = new Map<string, FingerprintPoint>();
  for (const recorded of exports) for (const point of recorded.points) points.set(`${point.id}\u0000${point.text}`, point);
  const candidates = exports.map((recorded) => ({ recipientId: `${recorded.recipient} (export ${recorded.exportId})`, key: recorded.key }));
  return { points: [...points.values()], candidates };
}
