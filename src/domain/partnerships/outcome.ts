/** Expected refusals are values, turned into HTTP answers and form errors at the edge. */
export type RuleCode =
  | 'wrong-status'
  | 'invitations-pending'
  | 'too-few-schools'
  | 'setup-incomplete'
  | 'not-invited'
  | 'before-start'
  | 'reason-required'
  | 'not-taking-part'
  | 'already-agreed'
  | 'already-signed';

export interface RuleBroken {
  code: RuleCode;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: RuleBroken };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (code: RuleCode, message: string): Outcome<never> => ({
  ok: false,
  error: { code, message },
});
