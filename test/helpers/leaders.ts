import type { FastifyInstance } from 'fastify';
import { signIn, type SignedIn } from './accounts.ts';
import { postForm } from './forms.ts';
import { frameworkCatalogue } from '../../src/app/readiness/catalogue.ts';
import type { Db } from '../../src/data/db.ts';
import { deploymentReadiness } from '../../src/data/deployments.ts';
import { saveProfile, setProfilePublished } from '../../src/data/leaders.ts';
import { completeAssessment, findAssessment, saveAnswers } from '../../src/data/readiness.ts';
import type { SessionUser } from '../../src/domain/access.ts';
import type { ProfileDetails } from '../../src/domain/leaders/profile.ts';
import type { ReadinessSide } from '../../src/domain/leaders/readiness.ts';
import { allItems } from '../../src/domain/readiness/framework.ts';

/** An ISO date some days from today (the service reads the real clock). */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const parts = (prefix: string, iso: string) => ({
  [`${prefix}-day`]: String(Number(iso.slice(8, 10))),
  [`${prefix}-month`]: String(Number(iso.slice(5, 7))),
  [`${prefix}-year`]: iso.slice(0, 4),
});

export interface ProfileFields {
  jobTitle?: string;
  urn: number;
  claimedDesignations?: string[];
  expertise?: string[];
  phases?: string[];
  experience?: string;
  daysPerTerm?: string;
  from?: string;
  to?: string;
  travelKm?: string;
  worksRemotely?: boolean;
  dayRatePounds?: string;
  freeWithin?: string;
}

/** The profile form as a person fills it in: available from today for two years unless told. */
export function profileForm(f: ProfileFields): Record<string, string | string[]> {
  return {
    jobTitle: f.jobTitle ?? 'Executive headteacher',
    urn: String(f.urn),
    claimedDesignations: f.claimedDesignations ?? [],
    expertise: f.expertise ?? ['leadership'],
    phases: f.phases ?? ['primary'],
    experience: f.experience ?? '',
    daysPerTerm: f.daysPerTerm ?? '6',
    ...parts('availableFrom', f.from ?? daysFromToday(0)),
    ...parts('availableTo', f.to ?? daysFromToday(730)),
    travelKm: f.travelKm ?? '20',
    ...(f.worksRemotely ? { worksRemotely: 'yes' } : {}),
    dayRatePounds: f.dayRatePounds ?? '450',
    freeWithin: f.freeWithin ?? '',
  };
}

/** Saves the person's profile through the form and, unless told not to, publishes it. */
export async function publishProfile(
  app: FastifyInstance,
  who: SignedIn,
  fields: ProfileFields,
  { publish = true } = {},
): Promise<void> {
  const saved = await postForm(
    app,
    '/account/system-leader',
    { _csrf: who.csrfToken, ...profileForm(fields) },
    who.headers,
  );
  if (saved.statusCode !== 303)
    throw new Error(`profile not saved: ${saved.statusCode} ${saved.body.slice(0, 2000)}`);
  if (!publish) return;
  const published = await postForm(
    app,
    '/account/system-leader/publish',
    { _csrf: who.csrfToken },
    who.headers,
  );
  if (published.statusCode !== 303) throw new Error(`profile not published: ${published.statusCode}`);
}

/** A person signed in who has published a system-leader profile through the form, and the id of that profile. */
export async function aPublishedLeader(
  app: FastifyInstance,
  db: Db,
  name: string,
  fields: ProfileFields,
): Promise<{ who: SignedIn; profileId: number }> {
  const who = await signIn(app, db, { name });
  await publishProfile(app, who, fields);
  const { id } = await db
    .selectFrom('system_leader_profiles')
    .select('id')
    .where('user_id', '=', who.user.id)
    .executeTakeFirstOrThrow();
  return { who, profileId: id };
}

export interface DeploymentFields {
  clientUrn: number;
  days?: string;
  start: string;
  end: string;
  dayRatePounds?: string;
  paidBy?: string;
  reportsTo?: string;
}

/** The commissioning form as a client school's administrator or an officer fills it in. */
export function deploymentForm(f: DeploymentFields): Record<string, string> {
  return {
    clientUrn: String(f.clientUrn),
    scope: 'Coach the English lead and the Year 6 team on reading',
    objectives: 'Reading taught consistently from Year 3 to Year 6',
    successCriteria: 'Every reading lesson observed is at least good by Easter',
    days: f.days ?? '4',
    ...parts('startDate', f.start),
    ...parts('endDate', f.end),
    dayRatePounds: f.dayRatePounds ?? '',
    paidBy: f.paidBy ?? 'client-school',
    reportsTo: f.reportsTo ?? 'The headteacher',
    exitStrategy: 'The English lead carries on the coaching',
  };
}

/** A spring term in the future, when every test leader is available: next calendar year's. */
export function nextSpring(): { start: string; end: string; label: string } {
  const year = new Date().getUTCFullYear() + 1;
  return { start: `${year}-01-11`, end: `${year}-03-19`, label: `Spring ${year}` };
}

/**
 * Answers and completes one or both sides of a deployment's paired readiness questions, every
 * item rated `rating` (or, per item, `ratings[itemId]`), as each side would through its pages.
 */
export async function completeReadiness(
  db: Db,
  deploymentId: number,
  { sides = ['client', 'leader'], rating = 3, ratings = {} }: CompleteReadiness = {},
): Promise<void> {
  const catalogue = await frameworkCatalogue();
  const ids = await deploymentReadiness(db, deploymentId);
  for (const side of sides) {
    const id = ids[side];
    if (id === undefined) throw new Error(`deployment ${deploymentId} has no ${side} questions`);
    const assessment = (await findAssessment(db, id))!;
    const framework = catalogue.find(assessment.frameworkId, assessment.frameworkVersion)!;
    await saveAnswers(
      db,
      id,
      allItems(framework).map((item) => ({
        itemId: item.id,
        rating: ratings[item.id] ?? rating,
        evidence: `Our answer on ${item.id}`,
      })),
    );
    const done = await completeAssessment(db, id, new Date(), []);
    if (!done.ok) throw new Error(`the ${side} questions were not completed: ${done.reason}`);
  }
}

export interface CompleteReadiness {
  sides?: ReadinessSide[];
  rating?: number;
  ratings?: Record<string, number>;
}

/**
 * A system leader's profile written straight to the database, as its owner saved it, and published
 * unless told not to: for fixtures that need a leader rather than the profile form. Available for
 * six days a term from today for two years, 20 km, no charge, unless told.
 */
export async function insertLeaderProfile(
  db: Db,
  leader: SessionUser,
  details: Partial<ProfileDetails> & Pick<ProfileDetails, 'urn'>,
  { published = true }: { published?: boolean } = {},
): Promise<void> {
  await saveProfile(
    db,
    leader.id,
    {
      jobTitle: 'Executive headteacher',
      claimedDesignations: [],
      expertise: ['leadership'],
      phases: ['primary'],
      experience: '',
      availability: { daysPerTerm: 6, from: daysFromToday(0), to: daysFromToday(730) },
      travelKm: 20,
      worksRemotely: false,
      dayRatePounds: null,
      freeWithin: null,
      ...details,
    },
    leader,
  );
  if (published) await setProfilePublished(db, leader.id, new Date().toISOString(), leader);
}
