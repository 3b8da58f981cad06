import type { AppContext } from '../context.ts';
import { fail, ok, worded } from '../result.ts';

/**
 * The school a partner search is for, as its page introduces it: its group and why under the
 * chosen profile (the active one when the name is unknown), and the choices the search offers.
 */
export async function partnerSearchSubject(
  ctx: Pick<AppContext, 'snapshots'>,
  urn: number,
  profileName: string | undefined,
) {
  const snapshot = await ctx.snapshots.withView(profileName);
  const school = snapshot.byUrn.get(urn);
  if (!school) return fail('not-found', worded('No open school with {{urn, schoolIdInSentence}}', { urn }));
  const view = snapshot.view(profileName) ?? snapshot.view()!;
  const classification = view.classifications.get(urn)!;
  return ok({
    school: { urn, name: school.name, phase: school.phase, country: school.country },
    group: classification.group,
    sufficientEvidence: classification.sufficientEvidence,
    reasons: classification.reasons.map((r) => r.words),
    profile: view.profile.name,
    profiles: snapshot.profiles.map((p) => ({ name: p.name, title: p.title })),
    defaultRadiusKm: snapshot.settings.radiusKm[school.phase],
  });
}
