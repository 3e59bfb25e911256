import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FingerprintPoint, MarkScheme, TraceableExport } from '@parley/core';
import { listTraceableExports } from './traceable-exports';
import type { Database } from '../../storage/database';
import { listMembers } from '../../storage/members';

/** One recorded export: who received it, the fingerprint key it was made with, and its points. */
export type RecordedExport = {
  /** As the registry recorded it: a file's registry may name its exports any way it likes. */
  readonly exportId: string;
  readonly recipient: string;
  /** Who holds the copy, when known apart from the recipient's name (a user id); a recipient's copies share a key. */
  readonly holder?: string;
  readonly key: string;
  readonly points: readonly FingerprintPoint[];
  /** The mark scheme the copy was made with: its marks are read by that scheme's channels. */
  readonly scheme: MarkScheme;
};

/** Where trace-leak finds past exports: the exports table, or a JSON file of them. */
export type ExportRegistry = { readonly listExports: () => Promise<readonly RecordedExport[]> };

const PointSchema = z.object({ id: z.string(), number: z.string(), title: z.string(), text: z.string() });
const RegistryFileSchema = z.object({
  exports: z.array(
    z.object({
      exportId: z.string(),
      recipient: z.string(),
      key: z.string().min(16),
      points: z.array(PointSchema),
      // Files written before copies had a scheme list scheme-1 copies.
      scheme: z.union([z.literal(1), z.literal(2)]).default(1),
    }),
  ),
});

/** A registry read from a JSON file `{ "exports": [{ exportId, recipient, key, points, scheme? }] }`. */
export function fileExportRegistry(file: string): ExportRegistry {
  return {
    async listExports() {
      return RegistryFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).exports;
    },
  };
}

/** The fingerprinted exports recorded in the database (of one negotiation, or all), named by recipient. */
export function databaseExportRegistry(db: Database, negotiationId?: string): ExportRegistry {
  return {
    async listExports() {
      const exports = await listTraceableExports(db, negotiationId);
      const names = new Map<string, string>();
      for (const id of new Set(exports.map(({ recorded }) => recorded.negotiationId))) {
        for (const member of await listMembers(db, id)) names.set(member.userId, member.displayName);
      }
      return exports.map(({ recorded, traceable }) => ({
        exportId: recorded.id,
        recipient: names.get(recorded.recipientUserId) ?? recorded.recipientUserId,
        holder: recorded.recipientUserId,
        key: traceable.key,
        points: traceable.points,
        scheme: recorded.markScheme,
      }));
    },
  };
}

/** The name a trace gives a candidate copy: its recipient and its export, for people to read. */
export const candidateId = (recorded: RecordedExport) =>
  `${recorded.recipient} (export ${recorded.exportId})`;

/** Each export as a candidate named after its recipient, with its own blocks. */
export function traceInputs(exports: readonly RecordedExport[]): TraceableExport[] {
  return exports.map((recorded) => ({
    recipientId: candidateId(recorded),
    holderId: recorded.holder ?? recorded.recipient,
    key: recorded.key,
    points: recorded.points,
    scheme: recorded.scheme,
  }));
}
