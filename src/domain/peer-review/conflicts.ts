import type { PartnershipStatus, PartnershipType } from '../partnerships/model.ts';
import type { LatLon, Phase } from '../school.ts';
import { distanceKm } from '../spatial-index.ts';
import { phrase, type Phrase } from '../words.ts';

/**
 * Conflicts of interest between a reviewer and a school they might review: those people
 * declare in the register, and those S2S finds in its own data. A conflicted reviewer joins a
 * team only with a moderator's recorded override (see team.ts). Pure: facts and today's date in.
 */

/** What a person declares and keeps up to date. */
export const DECLARED_CONFLICT_KINDS = [
  'worked-at',
  'governs',
  'family',
  'trust-membership',
  'commercial',
] as const;
export type DeclaredConflictKind = (typeof DECLARED_CONFLICT_KINDS)[number];

export const DECLARED_CONFLICT_LABELS: Record<DeclaredConflictKind, string> = {
  'worked-at': 'I work or have worked at the school',
  governs: 'I am or have been a governor or trustee of the school',
  family: 'A member of my family works at, governs or attends the school',
  'trust-membership': 'My school and this school are in the same trust, federation or group',
  commercial: 'I have a commercial or financial interest linked to the school',
};

/** The same, as a moderator reads it about someone else. */
const DECLARED_CONFLICT_REASONS: Record<DeclaredConflictKind, string> = {
  'worked-at': 'The reviewer declared that they work or have worked at the school.',
  governs: 'The reviewer declared that they are or have been a governor or trustee of the school.',
  family: 'The reviewer declared that a member of their family works at, governs or attends the school.',
  'trust-membership':
    'The reviewer declared that their school and this school are in the same trust, federation or group.',
  commercial: 'The reviewer declared that they have a commercial or financial interest linked to the school.',
};

/** What S2S finds in its own records. */
export const DETECTED_CONFLICT_KINDS = [
  'same-trust',
  'federation',
  'partnership',
  'deployment',
  'competing',
] as const;
export type DetectedConflictKind = (typeof DETECTED_CONFLICT_KINDS)[number];

export type ConflictKind = DeclaredConflictKind | DetectedConflictKind;

export interface Conflict {
  kind: ConflictKind;
  source: 'declared' | 'detected';
  /**
   * Why, in a sentence a moderator reads before deciding on an override: its template (the
   * catalogue's key) and its values, the schools' names and what links them, written in the
   * reader's language by the page.
   */
  reason: Phrase;
}

export interface DeclaredConflict {
  kind: DeclaredConflictKind;
  urn: number;
}

/** What the conflict rules need to know of a school. */
export interface SchoolFacts {
  urn: number;
  name: string;
  phase: Phase;
  trust: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  location: LatLon | null;
}

/** A partnership between schools, as the rules need it. */
export interface PartnershipLink {
  type: PartnershipType;
  status: PartnershipStatus;
  /** The schools taking part (proposer and accepted members). */
  urns: number[];
  /** When it closed (yyyy-mm-dd), for a closed one. */
  closedOn: string | null;
}

export interface ConflictSettings {
  /** Schools of overlapping age ranges within this distance compete for pupils. */
  competingWithinKm: number;
  /** A partnership closed less than this many months ago still counts. */
  recentPartnershipMonths: number;
}

export const DEFAULT_CONFLICT_SETTINGS: ConflictSettings = {
  competingWithinKm: 3,
  recentPartnershipMonths: 24,
};

const sameTrust = (a: SchoolFacts, b: SchoolFacts) =>
  !!a.trust && !!b.trust && a.trust.trim().toLowerCase() === b.trust.trim().toLowerCase();

/** Two schools teach pupils of the same age: their statutory age ranges overlap, or, unknown, their phases match. */
function sameAges(a: SchoolFacts, b: SchoolFacts): boolean {
  if (
    a.statutoryLowAge !== null &&
    a.statutoryHighAge !== null &&
    b.statutoryLowAge !== null &&
    b.statutoryHighAge !== null
  ) {
    return a.statutoryLowAge < b.statutoryHighAge && b.statutoryLowAge < a.statutoryHighAge;
  }
  return a.phase === b.phase;
}

/** yyyy-mm-dd `months` before `day`. */
function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** A partnership that binds two schools now or did recently: not one merely proposed. */
function binding(p: PartnershipLink, today: string, settings: ConflictSettings): boolean {
  if (p.status === 'proposed') return false;
  if (p.status !== 'closed') return true;
  return p.closedOn !== null && p.closedOn >= monthsBefore(today, settings.recentPartnershipMonths);
}

const PARTNERSHIP_KIND: Record<PartnershipType, 'partnership' | 'deployment' | 'federation'> = {
  'peer-to-peer': 'partnership',
  sponsorship: 'partnership',
  deployment: 'deployment',
  federation: 'federation',
};

/** Two schools bound together now, or until a partnership closed: whole sentences, each language words its own. */
const TOGETHER: Record<(typeof PARTNERSHIP_KIND)[PartnershipType], { now: string; until: string }> = {
  partnership: {
    now: '{{school}} and {{host}} are in a partnership together (now).',
    until: '{{school}} and {{host}} are in a partnership together (until {{closedOn}}).',
  },
  deployment: {
    now: '{{school}} and {{host}} are in a deployment together (now).',
    until: '{{school}} and {{host}} are in a deployment together (until {{closedOn}}).',
  },
  federation: {
    now: '{{school}} and {{host}} are in a federation together (now).',
    until: '{{school}} and {{host}} are in a federation together (until {{closedOn}}).',
  },
};

/** Conflicts S2S finds between one of the reviewer's schools and the host. */
export function detectConflicts(
  reviewerSchool: SchoolFacts,
  host: SchoolFacts,
  partnerships: readonly PartnershipLink[],
  settings: ConflictSettings,
  today: string,
): Conflict[] {
  const found: Conflict[] = [];
  const names = { school: reviewerSchool.name, host: host.name };
  const detected = (kind: DetectedConflictKind, reason: Phrase) =>
    found.push({ kind, source: 'detected', reason });
  if (sameTrust(reviewerSchool, host)) {
    detected(
      'same-trust',
      phrase('{{school}} and {{host}} are both in {{trust}}.', { ...names, trust: host.trust!.trim() }),
    );
  }
  for (const p of partnerships) {
    if (!p.urns.includes(reviewerSchool.urn) || !p.urns.includes(host.urn) || !binding(p, today, settings))
      continue;
    const kind = PARTNERSHIP_KIND[p.type];
    detected(
      kind,
      p.status === 'closed'
        ? phrase(TOGETHER[kind].until, { ...names, closedOn: p.closedOn! })
        : phrase(TOGETHER[kind].now, names),
    );
  }
  if (reviewerSchool.location && host.location && sameAges(reviewerSchool, host)) {
    const km = distanceKm(reviewerSchool.location, host.location);
    if (km <= settings.competingWithinKm) {
      detected(
        'competing',
        phrase(
          '{{school}} is {{km}} km from {{host}} and teaches pupils of the same age, so the schools may compete for pupils.',
          { ...names, km: km.toFixed(1) },
        ),
      );
    }
  }
  return found;
}

/** Every conflict between a reviewer (their declarations and the schools they serve) and the host. */
export function conflictsOf(
  reviewer: { declared: readonly DeclaredConflict[]; schools: readonly SchoolFacts[] },
  host: SchoolFacts,
  partnerships: readonly PartnershipLink[],
  settings: ConflictSettings,
  today: string,
): Conflict[] {
  const declared: Conflict[] = reviewer.declared
    .filter((d) => d.urn === host.urn)
    .map((d) => ({ kind: d.kind, source: 'declared', reason: phrase(DECLARED_CONFLICT_REASONS[d.kind]) }));
  const detected = reviewer.schools
    .filter((s) => s.urn !== host.urn)
    .flatMap((s) => detectConflicts(s, host, partnerships, settings, today));
  return [...declared, ...detected];
}
