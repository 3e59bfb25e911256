import type { z } from 'zod';

/** Demo ids are fixed UUIDs written in the source: parsing brands them, and a mistyped one fails at load. */
export function demoId<Schema extends z.ZodType>(schema: Schema, uuid: string): z.output<Schema> {
  return schema.parse(uuid);
}
