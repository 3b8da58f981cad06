import { phrase, phraseList, writePhrase, type Phrase } from '../words.ts';
import { withoutNationalFiguresIn } from '../classification/measures.ts';
import { SCHOOL_AREA_LABELS, SCHOOL_GROUP_LABELS } from '../classification/types.ts';
import { AGAINST_OTHER_RESULTS, type AreaStanding } from './areas.ts';
import { describeContext } from './context.ts';
import { areasOf, focusAreasOf, type PartnerFacts } from './pool.ts';
import { FOCUS_AREA_IN_SENTENCE } from '../focus-areas.ts';
import { complementMask, declaredFor } from './score.ts';
import type { SupportStrategy } from './settings.ts';

/** A standing against the school's other results, spoken of as `whose` results they are. */
function spokenOf(words: Phrase, whose: 'your' | 'their'): Phrase {
  const against = Object.values(AGAINST_OTHER_RESULTS).find((a) => a.its === words.template);
  return against ? phrase(against[whose], words.values) : words;
}

/** Two schools' standings in one area: the giver's strength where the receiver is weaker. */
function complement(giver: PartnerFacts, receiver: PartnerFacts, whose: 'you' | 'they'): Phrase[] {
  const weak = findingFor(receiver.areas.weaknesses, complementMask(receiver, giver));
  return weak.map((w) => {
    const strong = giver.areas.strengths.find((s) => s.area === w.area)!;
    const weaker = withoutNationalFiguresIn(w.words, strong.words);
    const values = {
      area: phrase(SCHOOL_AREA_LABELS[w.area]),
      strong: whose === 'you' ? strong.words : spokenOf(strong.words, 'your'),
      weak: spokenOf(weaker, whose === 'you' ? 'your' : 'their'),
    };
    return whose === 'you'
      ? phrase('strong in {{area}}: {{strong}}, where yours is weaker: {{weak}}', values)
      : phrase('you are strong in {{area}}: {{strong}}, where they are weaker: {{weak}}', values);
  });
}

function findingFor(findings: AreaStanding[], mask: number): AreaStanding[] {
  const areas = new Set(areasOf(mask));
  return findings.filter((f) => areas.has(f.area));
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

/** How far away the candidate is, and why so far when it is beyond the radius. */
function distancePhrase({ distanceKm, remote, radiusKm, nearerTaken = false, from }: Explained): Phrase {
  const km = distanceKm.toFixed(1);
  const away = from
    ? phrase('{{km}} km from {{place}}', { km, place: from })
    : phrase('{{km}} km away', { km });
  if (!remote) return away;
  const beyond = from
    ? phrase('{{away}}, beyond the {{radius}} km radius', { away, radius: radiusKm })
    : phrase('{{away}}, beyond your {{radius}} km radius', { away, radius: radiusKm });
  return nearerTaken
    ? phrase('{{beyond}}: the suitable partners nearer are all taken by other schools in need', { beyond })
    : phrase('{{beyond}}: no suitable partner is nearer', { beyond });
}

/** A group and, when there is one, the candidate's first reason for it: "High-performing: Outstanding at…". */
const groupWhy = (label: string, why: Phrase | undefined) =>
  why ? phrase(`${label}: {{why}}`, { why }) : phrase(label);

/**
 * "Capacity for 2 more partnerships", singular or plural; `count` picks the catalogue's plural form
 * in a language with more of them ("2 bartneriaeth", "3 partneriaeth", "6 phartneriaeth" in Welsh).
 */
const morePartnerships = (template: string, spare: number) =>
  phrase(spare === 1 ? `${template} more partnership` : `${template} more partnerships`, {
    spare,
    count: spare,
  });

/** The reasons a candidate is offered, in the order a school leader weighs them, as phrases. */
export function explainCandidateInWords(
  strategy: SupportStrategy,
  school: PartnerFacts,
  candidate: PartnerFacts,
  explained: Explained,
): Phrase[] {
  const reasons: Phrase[] = [distancePhrase(explained)];
  reasons.push(...describeContext(school.school, school.context, candidate.school, candidate.context));

  const theirs = candidate.classification;
  const group = phrase(SCHOOL_GROUP_LABELS[theirs.group].toLowerCase());
  const why = theirs.reasons[0]?.words;
  if (strategy === 'support') {
    reasons.push(groupWhy('High-performing', why));
    reasons.push(...complement(candidate, school, 'you'));
  } else if (strategy === 'peer') {
    reasons.push(
      theirs.group === school.group
        ? phrase('At a similar stage of improvement: also {{group}}', { group })
        : phrase('At a nearby stage of improvement: {{group}}', { group }),
    );
    reasons.push(...complement(candidate, school, 'you'), ...complement(school, candidate, 'they'));
  } else if (strategy === 'offer-support') {
    reasons.push(groupWhy('In need of support', why));
    reasons.push(...complement(school, candidate, 'they'));
  } else {
    reasons.push(...complement(candidate, school, 'you'), ...complement(school, candidate, 'they'));
  }
  for (const { receiver, met } of declaredFor(strategy, school, candidate)) {
    const areas = phraseList(
      focusAreasOf(met).map((a) => phrase(FOCUS_AREA_IN_SENTENCE[a])),
      'and',
    );
    // The offering school's own words about its offer, where it meets the searching school's need.
    const note = candidate.offerNote;
    reasons.push(
      receiver !== 'school'
        ? phrase('Asks for support in {{areas}}, which you offer', { areas })
        : note
          ? phrase('Offers support in {{areas}}, where you asked for support: “{{note}}”', { areas, note })
          : phrase('Offers support in {{areas}}, where you asked for support', { areas }),
    );
  }
  if (school.school.trust && school.school.trust === candidate.school.trust) {
    reasons.push(phrase('In the same trust ({{trust}})', { trust: candidate.school.trust }));
  }
  const { spare } = explained;
  reasons.push(
    strategy !== 'offer-support'
      ? morePartnerships('Capacity for {{spare}}', spare)
      : spare > 0
        ? morePartnerships('Your school has capacity for {{spare}}', spare)
        : phrase('Your school has declared no room for another partnership at present'),
  );
  return reasons;
}

/** The reasons a candidate is offered, in English. */
export const explainCandidate = (...args: Parameters<typeof explainCandidateInWords>): string[] =>
  explainCandidateInWords(...args).map((p) => writePhrase(p));
