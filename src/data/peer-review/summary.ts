import type { FocusArea } from '../../domain/focus-areas.ts';
import type { FindingKind } from '../../domain/peer-review/review.ts';
import type { Db } from '../db.ts';

/** Where a school is, for grouping the anonymised figures by geography. */
export interface Placed {
  urn: number;
  region: { code: string; name: string } | null;
  la: { code: string; name: string } | null;
}

export interface SummaryRows {
  /** Schools that agreed to take part in a group with a cycle not yet ended. */
  schoolsInCycles: Placed[];
  /** Findings of final reports, withdrawn ones left out. */
  findings: (Placed & { focusArea: FocusArea; kind: FindingKind; finalOn: string; supportedOn: string | null })[];
}

const place = (r: {
  urn: number;
  region_code: string | null;
  region_name: string | null;
  la_code: string | null;
  la_name: string | null;
}): Placed => ({
  urn: r.urn,
  region: r.region_code && r.region_name ? { code: r.region_code, name: r.region_name } : null,
  la: r.la_code && r.la_name ? { code: r.la_code, name: r.la_name } : null,
});

/** The rows the system's anonymised figures are counted from (never shown as they are). */
export async function summaryRows(db: Db, today: string): Promise<SummaryRows> {
  const [inCycles, findings] = await Promise.all([
    db
      .selectFrom('peer_review_group_schools as g')
      .innerJoin('schools as s', 's.urn', 'g.urn')
      .select(['s.urn', 's.region_code', 's.region_name', 's.la_code', 's.la_name'])
      .distinct()
      .where('g.consent', '=', 'joined')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('peer_review_cycles as c')
            .select('c.id')
            .whereRef('c.group_id', '=', 'g.group_id')
            .where('c.ends_on', '>=', today),
        ),
      )
      .execute(),
    db
      .selectFrom('peer_review_findings as f')
      .innerJoin('peer_reviews as r', 'r.id', 'f.review_id')
      .innerJoin('schools as s', 's.urn', 'r.host_urn')
      .select([
        's.urn',
        's.region_code',
        's.region_name',
        's.la_code',
        's.la_name',
        'f.focus_area',
        'f.kind',
        'r.final_on',
        'f.supported_on',
      ])
      .where('r.status', '=', 'final')
      .where((eb) => eb.or([eb('f.challenge_outcome', 'is', null), eb('f.challenge_outcome', '!=', 'withdrawn')]))
      .execute(),
  ]);
  return {
    schoolsInCycles: inCycles.map(place),
    findings: findings.map((r) => ({
      ...place(r),
      focusArea: r.focus_area,
      kind: r.kind,
      finalOn: r.final_on!,
      supportedOn: r.supported_on,
    })),
  };
}
