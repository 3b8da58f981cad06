import { SCHOOL_AREA_LABELS, SCHOOL_GROUP_LABELS } from '../classification/types.ts';
import type { AreaStanding } from './areas.ts';
import { describeContext } from './context.ts';
import { areasOf, focusAreasOf, type PartnerFacts } from './pool.ts';
import { FOCUS_AREA_LABELS } from '../focus-areas.ts';
import { complementMask, declaredFor } from './score.ts';
import type { SupportStrategy } from './settings.ts';

const km = (d: number) => `${d.toFixed(1)} km`;
const listed = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

function findingFor(findings: AreaStanding[], mask: number): AreaStanding[] {
  const areas = new Set(areasOf(mask));
  return findings.filter((f) => areas.has(f.area));
}

function complement(giver: PartnerFacts, receiver: PartnerFacts, whose: 'you' | 'they'): string[] {
  const weak = findingFor(receiver.areas.weaknesses, complementMask(receiver, giver));
  return weak.map((w) => {
    const strong = giver.areas.strengths.find((s) => s.area === w.area)!;
    return whose === 'you'
      ? `strong in ${SCHOOL_AREA_LABELS[w.area]} (${strong.text}), where yours is weaker (${w.text})`
      : `you are strong in ${SCHOOL_AREA_LABELS[w.area]} (${strong.text}), where they are weaker (${w.text})`;
  });
}

export interface Explained {
  distanceKm: number;
  remote: boolean;
  radiusKm: number;
  spare: number;
  /** Remote because, in the national allocation, the partners nearer are all taken. */
  nearerTaken?: boolean;
  /** The place the search looked around, when not the school itself. */
  from?: string;
}

/** The reasons a candidate is offered, in the order a school leader weighs them. */
export function explainCandidate(
  strategy: SupportStrategy,
  school: PartnerFacts,
  candidate: PartnerFacts,
  { distanceKm, remote, radiusKm, spare, nearerTaken = false, from }: Explained,
): string[] {
  const away = from ? `${km(distanceKm)} from ${from}` : `${km(distanceKm)} away`;
  const beyond = `${away}, beyond ${from ? 'the' : 'your'} ${radiusKm} km radius`;
  const reasons: string[] = [
    !remote
      ? away
      : nearerTaken
        ? `${beyond}: the suitable partners nearer are all taken by other schools in need`
        : `${beyond}: no suitable partner is nearer`,
  ];
  reasons.push(...describeContext(school.school, school.context, candidate.school, candidate.context));

  const theirs = candidate.classification;
  const group = SCHOOL_GROUP_LABELS[theirs.group].toLowerCase();
  const why = theirs.reasons[0]?.text;
  if (strategy === 'support') {
    reasons.push(`High-performing${why ? `: ${why}` : ''}`);
    reasons.push(...complement(candidate, school, 'you'));
  } else if (strategy === 'peer') {
    reasons.push(
      theirs.group === school.group
        ? `At a similar stage of improvement: also ${group}`
        : `At a nearby stage of improvement: ${group}`,
    );
    reasons.push(...complement(candidate, school, 'you'), ...complement(school, candidate, 'they'));
  } else if (strategy === 'offer-support') {
    reasons.push(`In need of support${why ? `: ${why}` : ''}`);
    reasons.push(...complement(school, candidate, 'they'));
  } else {
    reasons.push(...complement(candidate, school, 'you'), ...complement(school, candidate, 'they'));
  }
  for (const { receiver, met } of declaredFor(strategy, school, candidate)) {
    const areas = listed(focusAreasOf(met).map((a) => FOCUS_AREA_LABELS[a].toLowerCase()));
    // The offering school's own words about its offer, where it meets the searching school's need.
    const note = candidate.offerNote ? `: “${candidate.offerNote}”` : '';
    reasons.push(
      receiver === 'school'
        ? `Offers support in ${areas}, where you asked for support${note}`
        : `Asks for support in ${areas}, which you offer`,
    );
  }
  if (school.school.trust && school.school.trust === candidate.school.trust) {
    reasons.push(`In the same trust (${candidate.school.trust})`);
  }
  const plural = (n: number) => `${n} more partnership${n === 1 ? '' : 's'}`;
  reasons.push(
    strategy !== 'offer-support'
      ? `Capacity for ${plural(spare)}`
      : spare > 0
        ? `Your school has capacity for ${plural(spare)}`
        : 'Your school has declared no room for another partnership at present',
  );
  return reasons;
}
