import fastJson, { type Schema } from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

/**
 * Zod writes "X or null" as `anyOf: [X, { type: 'null' }]`, which the compiled serialiser can
 * only write by checking each value against X with a validator (two-thirds of the time of a
 * capacity answer); `type: [X's type, 'null']` says the same and is written at once.
 */
function nullableAsType(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableAsType);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node: JsonSchema = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, nullableAsType(value)]),
  );
  const options = node.anyOf as JsonSchema[] | undefined;
  if (options?.length !== 2) return node;
  const other = options.find((option) => option.type !== 'null');
  const nullable = options.some((option) => option.type === 'null' && Object.keys(option).length === 1);
  if (!nullable || !other || typeof other.type !== 'string' || 'anyOf' in other) return node;
  const { anyOf: _, ...rest } = node;
  return { ...rest, ...other, type: [other.type, 'null'] };
}

/**
 * The serialiser of the large or often-asked public answers (capacity by area, the allocation,
 * partner search): the route's Zod schema compiled once, as JSON Schema, into a function that
 * writes exactly the schema's fields in its order, leaving out any others, as Zod's serialiser
 * does. It does not check every value again on the way out, as Zod's does: at 22,000 schools
 * that check of one capacity answer held the thread answering every request for up to 100 ms. The
 * answers' types, checked at compile time, and the routes' tests stand in for it.
 */
export function compiledSerializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.core.$ZodType)) throw new Error('A compiled serialiser needs a Zod schema');
  return fastJson(nullableAsType(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' })) as Schema);
}
