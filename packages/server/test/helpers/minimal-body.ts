import { randomUUID } from 'node:crypto';

// Builds the smallest body a JSON Schema (from /api/openapi.json) accepts, so the access-matrix
// test can call write routes it has never seen. Id-like fields are filled by name from fixtures.

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type BodyContext = {
  /** components.schemas of the document, for $ref. */
  readonly components: Record<string, JsonSchema>;
  /** Values for fields by name (e.g. owningPartyId → a demo party). */
  readonly fieldFixtures: Readonly<Record<string, unknown>>;
  /** An instant accepted wherever a date-time is needed. */
  readonly instant: string;
};

let emailCounter = 0;

export function minimalValue(schema: JsonSchema, context: BodyContext, name = ''): unknown {
  if (name in context.fieldFixtures) return context.fieldFixtures[name];
  if (schema.$ref !== undefined) {
    const resolved = context.components[schema.$ref.replace('#/components/schemas/', '')];
    if (resolved === undefined) throw new Error(`unresolved ${schema.$ref}`);
    return minimalValue(resolved, context, name);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union !== undefined) {
    const option = union.find((candidate) => candidate.type !== 'null') ?? union[0];
    return option === undefined ? null : minimalValue(option, context, name);
  }
  if (schema.allOf?.[0] !== undefined) return minimalValue(schema.allOf[0], context, name);
  const type = Array.isArray(schema.type)
    ? schema.type.find((candidate) => candidate !== 'null')
    : schema.type;
  switch (type) {
    case 'object': {
      const entries = (schema.required ?? []).map((key) => [
        key,
        minimalValue(schema.properties?.[key] ?? {}, context, key),
      ]);
      return Object.fromEntries(entries);
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(schema.items ?? {}, context));
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return `matrix-${(emailCounter += 1)}@example.org`;
      if (schema.format === 'date-time') return context.instant;
      if (schema.format === 'date') return context.instant.slice(0, 10);
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum === undefined ? 1 : schema.exclusiveMinimum + 1);
    case 'boolean':
      return false;
    default:
      return null;
  }
}
