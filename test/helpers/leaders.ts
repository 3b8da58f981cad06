import type { FastifyInstance } from 'fastify';
import type { SignedIn } from './accounts.ts';
import { postForm } from './forms.ts';

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
