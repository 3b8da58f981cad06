import { z } from 'zod';
import { fail, ok, parseInput, type Result } from '../result.ts';

/**
 * The one shape of peer review's writes: open the thing (a review, a finding, a group) as the
 * person may see it, check they may act on it now, read the form, then write. Kept in one place so
 * no use case can forget a check or run one after writing.
 */

/** Why the person may not go on with what they opened (a 403 or a 409), or null. */
export type Check<O> = (opened: O) => Result<never> | null;

/** For a write that reads no form. */
export const NO_INPUT = z.unknown();

export async function step<O, S extends z.ZodType, T>(
  opening: Promise<Result<O>>,
  checks: readonly Check<O>[],
  schema: S,
  raw: unknown,
  write: (opened: O, input: z.output<S>) => Promise<Result<T>>,
): Promise<Result<T>> {
  const opened = await opening;
  if (!opened.ok) return opened;
  for (const check of checks) {
    const refused = check(opened.value);
    if (refused) return refused;
  }
  const parsed = parseInput(schema, raw);
  if (!parsed.ok) return parsed;
  return write(opened.value, parsed.value);
}

/** A data-layer write that answers false when the thing moved on in the meantime. */
export const written = (done: boolean, refusal: string): Result<true> =>
  done ? ok(true) : fail('conflict', refusal);
