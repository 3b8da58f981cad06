import { z } from 'zod';
import { phrase, phraseList } from '../domain/words.ts';
import { phrasedCheck } from './result.ts';

/**
 * One of a fixed list of values (a phase, an area of expertise), refused with a message that
 * names them all: "Choose a phase: nursery, primary, …", `template` holding them as `{{choices}}`.
 * Each choice is a phrase keyed by its value in the catalogue's `messages` ("primary": "cynradd"),
 * so a page or the API names the choices in the reader's language while the values taken stay
 * as they are; a value the catalogue does not hold (a designation's code, NLE) is written as it is.
 *
 * Zod's own refusal of an enum keeps only its message, so the value is checked before the enum by
 * a check that keeps its phrase; the enum after it keeps the type and the published schema.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, template: string) {
  const refusal = phrasedCheck(
    phrase(template, {
      choices: phraseList(
        values.map((v) => phrase(v)),
        ', ',
      ),
    }),
  );
  return oneOfRefusing(values, refusal);
}

/**
 * One of a fixed list of values, refused in the words of a check (`wordedCheck`, `phrasedCheck`)
 * that a page or the API writes in the reader's language (see oneOf).
 */
export function oneOfRefusing<const T extends readonly [string, ...string[]]>(
  values: T,
  refusal: { message: string; params: Record<string, unknown> },
) {
  const allowed: readonly unknown[] = values;
  return z.preprocess((value, ctx) => {
    if (!allowed.includes(value)) ctx.addIssue({ code: 'custom', ...refusal });
    return value;
  }, z.enum(values));
}
