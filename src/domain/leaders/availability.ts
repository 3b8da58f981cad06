import { phrase, phraseList, wordsOf, writePhrase } from '../words.ts';
import { ok, refuse, type Outcome } from './outcome.ts';
import { overlapDays, termContaining, termKey, termLabel, termsBetween, type Term } from './terms.ts';

/**
 * A system leader's availability is so many days a term between two dates; each deployment
 * takes its days between its own dates. A deployment that spans terms takes from each term in
 * proportion to the term days it covers, so four days from mid-November to mid-January take
 * about two from autumn and two from spring. A term counts whole if the availability touches
 * it: "six days a term from October" offers the autumn term's six.
 */
export interface Availability {
  daysPerTerm: number;
  /** ISO calendar dates, inclusive. */
  from: string;
  to: string;
}

/** Days a deployment takes, between its first and last day. */
export interface Commitment {
  days: number;
  start: string;
  end: string;
}

export interface TermLoad {
  key: string;
  label: string;
  term: Term;
  declared: number;
  committed: number;
  left: number;
}

const SEASONS: Record<Term['name'], string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** Sums of shares of days are fractional: compare and show them to a hundredth of a day. */
const round = (days: number) => Math.round(days * 100) / 100;

/** How a commitment's days fall across the terms its dates cover, by term key. */
export function spreadOverTerms(c: Commitment): Map<string, number> {
  const shares = termsBetween(c.start, c.end).map((t) => ({
    key: termKey(t),
    days: overlapDays(t, c.start, c.end),
  }));
  const termDays = shares.reduce((sum, s) => sum + s.days, 0);
  const spread = new Map<string, number>();
  // Dates wholly in the August holiday take no term's days (a new deployment may not have them).
  if (termDays === 0) return spread;
  for (const s of shares) spread.set(s.key, (c.days * s.days) / termDays);
  return spread;
}

/** Each term of the availability: what was declared, what deployments take, what is left. */
export function termLoads(availability: Availability, commitments: readonly Commitment[]): TermLoad[] {
  const committed = new Map<string, number>();
  for (const c of commitments) {
    for (const [key, days] of spreadOverTerms(c)) committed.set(key, (committed.get(key) ?? 0) + days);
  }
  return termsBetween(availability.from, availability.to).map((term) => {
    const key = termKey(term);
    const taken = round(committed.get(key) ?? 0);
    return {
      key,
      label: termLabel(term),
      term,
      declared: availability.daysPerTerm,
      committed: taken,
      left: round(Math.max(0, availability.daysPerTerm - taken)),
    };
  });
}

/** Days still free from today's term to the end of the availability (past terms are gone). */
export function daysLeft(
  availability: Availability,
  commitments: readonly Commitment[],
  today: string,
): number {
  const current = termContaining(today);
  const from = current ? current.start : today;
  return round(
    termLoads(availability, commitments)
      .filter((t) => t.term.end >= from)
      .reduce((sum, t) => sum + t.left, 0),
  );
}

/**
 * Whether a new deployment fits: inside the dates the leader is available, touching term time,
 * and not taking any term past the days declared for it, counting every other open deployment.
 */
export function checkCommitment(
  availability: Availability,
  others: readonly Commitment[],
  proposed: Commitment,
): Outcome<TermLoad[]> {
  if (!(proposed.days > 0)) return refuse('no-days', 'A deployment needs at least half a day');
  if (proposed.end < proposed.start)
    return refuse('dates-reversed', 'The last day must be on or after the first day');
  if (proposed.start < availability.from || proposed.end > availability.to) {
    return refuse(
      'outside-availability',
      wordsOf('The system leader is available from {{from}} to {{to}}; choose dates within that time', {
        from: availability.from,
        to: availability.to,
      }),
    );
  }
  if (
    termsBetween(proposed.start, proposed.end).every(
      (t) => overlapDays(t, proposed.start, proposed.end) === 0,
    )
  ) {
    return refuse('no-term-time', 'The dates fall in the August holiday: choose dates in term time');
  }
  const loads = termLoads(availability, [...others, proposed]);
  const over = loads.filter((t) => t.committed > t.declared);
  if (over.length > 0) {
    const before = termLoads(availability, others);
    const free = (t: TermLoad) => before.find((b) => b.key === t.key)?.left ?? 0;
    // One term over (the usual case) is worded by its season, so that a page writes its name.
    const [only] = over;
    if (over.length === 1 && only) {
      return refuse(
        'over-availability',
        wordsOf(
          `That is more days than the system leader has left in ${SEASONS[only.term.name]} {{year}} ({{free}} of {{declared}} days free): choose fewer days or other dates`,
          { year: only.term.start.slice(0, 4), free: free(only), declared: only.declared },
        ),
      );
    }
    // Several terms over: each named by its season and with its days free, written in turn.
    const described = over.map((t) =>
      phrase('{{term}} ({{free}} of {{declared}} days free)', {
        term: phrase(`${SEASONS[t.term.name]} {{year}}`, { year: t.term.start.slice(0, 4) }),
        free: free(t),
        declared: t.declared,
        count: t.declared,
      }),
    );
    const words = phrase(
      'That is more days than the system leader has left in {{terms}}: choose fewer days or other dates',
      { terms: phraseList(described, 'and') },
    );
    return refuse('over-availability', { message: writePhrase(words), phrase: words });
  }
  return ok(loads);
}
