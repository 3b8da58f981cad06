import fastJson, { type Schema } from 'fast-json-stringify';
import { z } from 'zod';

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
  return fastJson(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as Schema);
}
