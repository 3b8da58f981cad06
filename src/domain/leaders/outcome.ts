import type { Phrase, SomeWords } from '../words.ts';

/** Expected refusals of the system-leader rules, as values the use cases turn into answers. */
export type LeaderRuleCode =
  'no-days' | 'dates-reversed' | 'outside-availability' | 'no-term-time' | 'over-availability';

/**
 * The refusal in English, with the template and values it was filled in from where it has any,
 * or the phrase it was written from when it is made of phrases (several terms, each worded).
 */
export interface LeaderRuleBroken extends SomeWords {
  code: LeaderRuleCode;
  phrase?: Phrase;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LeaderRuleBroken };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (
  code: LeaderRuleCode,
  words: string | SomeWords | { message: string; phrase: Phrase },
): Outcome<never> => ({
  ok: false,
  error: { code, ...(typeof words === 'string' ? { message: words } : words) },
});
