import { z } from 'zod';
import { getSchoolDeclaration, saveSchoolDeclaration } from '../../data/declarations.ts';
import { getSchoolNameAndCountry } from '../../data/school-names.ts';
import { canEditSchool, type SessionUser } from '../../domain/access.ts';
import { MAX_CAPACITY_TO_SUPPORT, MAX_OFFER_NOTE } from '../../domain/declarations.ts';
import { FOCUS_AREAS, FOCUS_AREA_LABELS, focusAreasFor } from '../../domain/focus-areas.ts';
import { phrase, writePhrase } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, parseInput, type Result, worded, wordedCheck } from '../result.ts';

export const declarationInput = z.object({
  // Left blank, a school offers no support: one in need saves its needs without a figure it has no use for.
  capacityToSupport: z
    .string()
    .trim()
    .transform((text) => text || '0')
    .pipe(z.string().regex(/^\d+$/, 'Capacity to support must be a whole number, like 2'))
    .transform(Number)
    .refine(
      (n) => n <= MAX_CAPACITY_TO_SUPPORT,
      wordedCheck('Capacity to support must be {{max}} schools or fewer', { max: MAX_CAPACITY_TO_SUPPORT }),
    ),
  needs: z.array(z.enum(FOCUS_AREAS, { error: 'Choose areas from the list' })),
  offers: z.array(z.enum(FOCUS_AREAS, { error: 'Choose areas from the list' })),
  offerNote: z
    .string()
    .trim()
    .refine(
      (text) => text.length <= MAX_OFFER_NOTE,
      wordedCheck('The note on what you offer must be {{max}} characters or fewer', { max: MAX_OFFER_NOTE }),
    )
    .transform((text) => text || null),
});

/** The school and the focus areas it is offered, if the person may edit its declaration (its members). */
async function declaringSchool(ctx: Pick<AppContext, 'db'>, actor: SessionUser, urn: number) {
  const found = await getSchoolNameAndCountry(ctx.db, urn);
  if (!found) return fail('not-found', worded('No school with {{urn, schoolIdInSentence}}', { urn }));
  if (!canEditSchool(actor, urn))
    return fail('forbidden', 'Only the school’s own members can change what it declares.');
  return ok({ urn, name: found.name, focusAreas: focusAreasFor(found.country) });
}

/** What a school has declared: its capacity to support others, where it wants support and what it offers. */
export async function schoolDeclaration(ctx: Pick<AppContext, 'db'>, actor: SessionUser, urn: number) {
  const school = await declaringSchool(ctx, actor, urn);
  if (!school.ok) return school;
  return ok({ school: school.value, declaration: await getSchoolDeclaration(ctx.db, urn) });
}

/** A school declares for itself (audited); matching counts it at once. */
export async function declareForSchool(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  actor: SessionUser,
  urn: number,
  input: { capacityToSupport: unknown; needs: unknown[]; offers: unknown[]; offerNote: unknown },
): Promise<Result<{ urn: number }>> {
  const school = await declaringSchool(ctx, actor, urn);
  if (!school.ok) return school;
  const parsed = parseInput(declarationInput, input);
  if (!parsed.ok) return parsed;
  for (const field of ['needs', 'offers'] as const) {
    const other = parsed.value[field].find((area) => !school.value.focusAreas.includes(area));
    if (other) {
      const refusal = phrase('{{area}} is a focus area for schools in Wales only', {
        area: phrase(FOCUS_AREA_LABELS[other]),
      });
      return invalidField(field, { message: writePhrase(refusal), phrase: refusal });
    }
  }
  await saveSchoolDeclaration(ctx.db, { urn, ...parsed.value }, actor);
  ctx.snapshots.refreshSoon();
  return ok({ urn });
}
