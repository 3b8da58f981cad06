import { classificationAnswer, type Classification } from '../../domain/classification/types.ts';
import { PHASES, type Phase } from '../../domain/school.ts';
import type { ProfileView } from '../../domain/snapshot.ts';
import type { AppContext } from '../context.ts';
import { profileView } from '../profiles.ts';
import { invalidField, ok, worded } from '../result.ts';

export interface PhaseCounts {
  phase: Phase;
  highPerforming: number;
  inNeed: number;
  other: number;
  insufficientEvidence: number;
}

function countByPhase(view: ProfileView, phaseOf: (urn: number) => Phase): PhaseCounts[] {
  const counts = new Map<Phase, PhaseCounts>();
  for (const c of view.classifications.values()) {
    const phase = phaseOf(c.urn);
    const row = counts.get(phase) ?? {
      phase,
      highPerforming: 0,
      inNeed: 0,
      other: 0,
      insufficientEvidence: 0,
    };
    if (c.group === 'high-performing') row.highPerforming++;
    else if (c.group === 'in-need') row.inNeed++;
    else row.other++;
    if (!c.sufficientEvidence) row.insufficientEvidence++;
    counts.set(phase, row);
  }
  return PHASES.flatMap((p) => (counts.has(p) ? [counts.get(p)!] : []));
}

async function classified(ctx: Pick<AppContext, 'snapshots'>, profile: string | undefined) {
  const found = await profileView(ctx, profile);
  if (!found.ok) return found;
  const { snapshot, view } = found.value;
  const { name, version, title } = view.profile;
  return ok({ snapshot, view, profile: { name, version, title } });
}

/** Every open school's group under a profile, counted by phase. */
export async function classifyAll(ctx: Pick<AppContext, 'snapshots'>, profile: string | undefined) {
  const found = await classified(ctx, profile);
  if (!found.ok) return found;
  const { snapshot, view } = found.value;
  return ok({
    profile: found.value.profile,
    asOf: snapshot.asOf,
    byPhase: countByPhase(view, (u) => snapshot.byUrn.get(u)!.phase),
    items: [...view.classifications.values()].map(classificationAnswer),
  });
}

/** One open school's group under a profile, with every reason, strength and weakness. */
export async function classifyOne(
  ctx: Pick<AppContext, 'snapshots'>,
  urn: number,
  profile: string | undefined,
) {
  const found = await classified(ctx, profile);
  if (!found.ok) return found;
  const { snapshot, view } = found.value;
  const classification: Classification | undefined = view.classifications.get(urn);
  if (!classification)
    return invalidField('urn', worded('no open school with {{urn, schoolIdInSentence}}', { urn }));
  return ok({
    profile: found.value.profile,
    asOf: snapshot.asOf,
    name: snapshot.byUrn.get(urn)!.name,
    classification: classificationAnswer(classification),
  });
}
