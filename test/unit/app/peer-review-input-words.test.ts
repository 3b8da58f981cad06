import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  actionInput,
  challengeDecisionInput,
  challengeInput,
  cycleInput,
  findingInput,
  groupInput,
  isoDate,
  judgementInput,
  moderationInput,
  reviewerInput,
  selfEvaluationInput,
  teamInput,
} from '../../../src/app/peer-review/input.ts';
import { fieldIssues } from '../../../src/app/result.ts';
import { translateMessage } from '../../../src/i18n/index.ts';

/** Each field's problem, as the English a page would show and the Welsh a Welsh reader sees. */
const problems = (schema: z.ZodType, input: Record<string, unknown>) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return fieldIssues(parsed.error).map((issue) => ({
    field: issue.field,
    en: translateMessage('en', issue),
    cy: translateMessage('cy', issue),
  }));
};

const FORMS = {
  groupInput,
  teamInput,
  moderationInput,
  cycleInput,
  selfEvaluationInput,
  judgementInput,
  findingInput,
  challengeInput,
  challengeDecisionInput,
  actionInput,
  reviewerInput,
};

describe('the peer-review forms’ problems, for a Welsh reader', () => {
  it('says in Welsh which field to fill in, blank or too long, whatever its label', () => {
    const long = 'a'.repeat(5001);
    for (const [form, schema] of Object.entries(FORMS)) {
      const fields = Object.keys((schema as z.ZodObject).shape);
      // A cycle's visits are checked one by one, each against its school (below).
      const blank = { ...Object.fromEntries(fields.map((f) => [f, ''])), visits: {} };
      const tooLong = { ...Object.fromEntries(fields.map((f) => [f, long])), visits: {} };
      for (const problem of [...problems(schema, blank), ...problems(schema, tooLong)])
        expect(problem.cy, `${form}.${problem.field}: ${problem.en}`).not.toBe(problem.en);
    }
  });

  it('keeps the English as it was', () => {
    expect(
      problems(groupInput, { name: '', model: 'cluster', proposerUrn: '1', invitedUrns: '100002' }),
    ).toEqual([{ field: 'name', en: 'Enter a name for the group', cy: 'Rhowch enw i’r grŵp' }]);
    expect(
      problems(groupInput, { name: 'Taf', model: 'cluster', proposerUrn: '1', invitedUrns: '6814002 42' }),
    ).toEqual([
      {
        field: 'invitedUrns',
        en: 'Each is a URN (6 digits) or a Welsh school number (7 digits), like 100001 or 6814002',
        cy: 'Mae pob un yn URN (6 digid) neu’n rhif ysgol Cymru (7 digid), fel 100001 neu 6814002',
      },
    ]);
    expect(
      problems(selfEvaluationInput, { selfEvaluation: 'a'.repeat(5001), chosenFocus: 'literacy' }),
    ).toEqual([
      {
        field: 'selfEvaluation',
        en: 'your self-evaluation must be 5000 characters or fewer',
        cy: 'Rhaid i’ch hunanarfarniad fod yn 5000 nod neu lai',
      },
    ]);
  });

  it('names the school in a visit’s date, in either language', () => {
    const visit = (value: string) => {
      const parsed = isoDate('the date of the visit to {{school}}', { school: 'Ysgol y Derw' }).safeParse(
        value,
      );
      if (parsed.success) throw new Error('expected the date to be refused');
      const [issue] = fieldIssues(parsed.error);
      return [translateMessage('en', issue!), translateMessage('cy', issue!)];
    };
    expect(visit('')).toEqual([
      'Enter the date of the visit to Ysgol y Derw as year-month-day, for example 2027-03-14',
      'Rhowch y dyddiad pan fydd Ysgol y Derw yn croesawu’r ymweliad ar ffurf blwyddyn-mis-diwrnod, er enghraifft 2027-03-14',
    ]);
    expect(visit('2027-02-30')).toEqual([
      'Enter the date of the visit to Ysgol y Derw as a real date, for example 2027-03-14',
      'Rhowch y dyddiad pan fydd Ysgol y Derw yn croesawu’r ymweliad fel dyddiad go iawn, er enghraifft 2027-03-14',
    ]);
  });
});
