import { createExampleLeader, profileCount } from '../../data/leaders.ts';
import { demoPracticeSchools } from '../../data/practice.ts';
import type { ProfileDetails } from '../../domain/leaders/profile.ts';
import { today, type AppContext } from '../context.ts';

/**
 * A few made-up system leaders for the demo, so that the directory, a school's suggested
 * leaders and the capacity figures are not empty on first start. Each is marked as an example
 * (every page and answer says it is synthetic), cannot sign in, and works from a real school of
 * the demo dataset only so that distances mean something.
 */
type Example = Omit<ProfileDetails, 'urn' | 'availability'> & { name: string; daysPerTerm: number };

const EXAMPLES: Example[] = [
  {
    name: 'Priya Shah',
    jobTitle: 'Executive headteacher',
    claimedDesignations: ['NLE'],
    expertise: ['leadership', 'literacy'],
    phases: ['primary'],
    experience: 'Led two primary schools out of special measures; coaches new headteachers.',
    daysPerTerm: 6,
    travelKm: 40,
    worksRemotely: false,
    dayRatePounds: 450,
    freeWithin: null,
  },
  {
    name: 'Tom Okafor',
    jobTitle: 'Deputy headteacher and mathematics lead',
    claimedDesignations: ['SLE'],
    expertise: ['numeracy', 'teaching-and-learning'],
    phases: ['primary'],
    experience: 'Mastery maths lead for a cluster of eight schools.',
    daysPerTerm: 4,
    travelKm: 25,
    worksRemotely: true,
    dayRatePounds: 350,
    freeWithin: 'trust',
  },
  {
    name: 'Helen Marsh',
    jobTitle: 'Headteacher',
    claimedDesignations: ['LLE'],
    expertise: ['behaviour-and-attendance', 'leadership'],
    phases: ['secondary'],
    experience: 'Turned round attendance in an 11 to 16 school over three years.',
    daysPerTerm: 5,
    travelKm: 30,
    worksRemotely: false,
    dayRatePounds: 400,
    freeWithin: null,
  },
  {
    name: 'Sam Reid',
    jobTitle: 'Chair of governors',
    claimedDesignations: ['NLG'],
    expertise: ['governance'],
    phases: ['primary', 'secondary'],
    experience: 'Reviews governance for boards that have had a poor inspection.',
    daysPerTerm: 3,
    travelKm: null,
    worksRemotely: true,
    dayRatePounds: null,
    freeWithin: null,
  },
];

/** Adds the examples when nobody has a profile yet, each at a school of its first phase; returns how many. */
export async function addLeaderExamples(ctx: Pick<AppContext, 'db' | 'now'>): Promise<number> {
  if ((await profileCount(ctx.db)) > 0) return 0;
  const from = today(ctx);
  const until = new Date(ctx.now());
  until.setUTCFullYear(until.getUTCFullYear() + 2);
  const to = until.toISOString().slice(0, 10);
  let added = 0;
  for (const [i, { name, daysPerTerm, ...example }] of EXAMPLES.entries()) {
    const urn = (await demoPracticeSchools(ctx.db, example.phases[0]!, EXAMPLES.length))[i];
    if (urn === undefined) continue;
    await createExampleLeader(
      ctx.db,
      // An address in the reserved .invalid domain: no mail can reach it.
      { name, email: `example-leader-${i + 1}@s2s.invalid` },
      { ...example, urn, availability: { daysPerTerm, from, to } },
      ctx.now().toISOString(),
    );
    added++;
  }
  return added;
}
