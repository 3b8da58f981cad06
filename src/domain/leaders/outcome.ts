/** Expected refusals of the system-leader rules, as values the use cases turn into answers. */
export type LeaderRuleCode =
  'no-days' | 'dates-reversed' | 'outside-availability' | 'no-term-time' | 'over-availability';

export interface LeaderRuleBroken {
  code: LeaderRuleCode;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LeaderRuleBroken };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (code: LeaderRuleCode, message: string): Outcome<never> => ({
  ok: false,
  error: { code, message },
});
