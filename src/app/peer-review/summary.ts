import { z } from 'zod';
import { getOrganisation, schoolsOfOrganisations } from '../../data/organisations.ts';
import { summaryRows, type Placed, type SummaryRows } from '../../data/peer-review/summary.ts';
import { isOrganisationOfficer, type SessionUser } from '../../domain/access.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { summarise, supportedWithinTerm, type SummaryFigures } from '../../domain/peer-review/summary.ts';
import { today, type AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

/**
 * The performance framework's figures for the system, by geography: anonymised counts, each
 * withheld (null) when it rests on fewer schools than the threshold. A geography whose every
 * figure is withheld is left out altogether, so its name alone says nothing of its schools.
 */

export const SUMMARY_GROUPINGS = ['country', 'region', 'la'] as const;
export type SummaryGrouping = (typeof SUMMARY_GROUPINGS)[number];

export const summaryQuery = z.object({
  by: z
    .enum(SUMMARY_GROUPINGS, { message: 'Choose country, region or la' })
    .default('country')
    .describe('country (the default), region or la (local authority)'),
});

const suppressed = z.number().nullable().describe('null when withheld: it rests on too few schools');

const figures = z.object({
  schoolsInCycles: suppressed.describe('schools in a review cycle not yet ended (null when withheld)'),
  schoolsReviewed: suppressed.describe('schools with a final report (null when withheld)'),
  areasToDevelop: suppressed,
  supportedWithinTerm: suppressed.describe(
    'areas to develop that became an action or a partnership within a term of the report (null when withheld)',
  ),
  areas: z.array(
    z.object({
      focusArea: z.enum(FOCUS_AREAS),
      label: z.string(),
      strengths: suppressed,
      areasToDevelop: suppressed,
    }),
  ),
});

export const summaryAnswerSchema = z.object({
  by: z.enum(SUMMARY_GROUPINGS),
  suppressBelow: z.number().describe('a figure resting on fewer schools than this is withheld'),
  withheld: z.number().describe('geographies left out because every figure would rest on too few schools'),
  total: z.number(),
  items: z.array(z.object({ code: z.string(), name: z.string() }).extend(figures.shape)),
});
export type SummaryAnswer = z.infer<typeof summaryAnswerSchema>;

const keyOf = (by: SummaryGrouping, p: Placed) =>
  by === 'country' ? { code: 'all', name: 'All schools in S2S' } : by === 'region' ? p.region : p.la;

type Counted = { inCycles: number[]; findings: SummaryRows['findings'] };
type Figures = z.infer<typeof figures>;

/** One place's figures, each withheld below the threshold; null when every figure would be. */
function figuresOf(place: Counted, threshold: number): Figures | null {
  const summary: SummaryFigures = summarise(
    {
      schoolsInCycles: place.inCycles,
      findings: place.findings.map((f) => ({
        urn: f.urn,
        focusArea: f.focusArea,
        kind: f.kind,
        supportedWithinTerm: supportedWithinTerm(f.finalOn, f.supportedOn),
      })),
    },
    threshold,
  );
  if (summary.schoolsInCycles === null && summary.schoolsReviewed === null) return null;
  return { ...summary, areas: summary.areas.map((a) => ({ ...a, label: FOCUS_AREA_LABELS[a.focusArea] })) };
}

export async function peerReviewSummary(ctx: AppContext, by: SummaryGrouping): Promise<SummaryAnswer> {
  const rows = await summaryRows(ctx.db, today(ctx));
  const threshold = ctx.config.peerReview.suppressBelow;
  const places = new Map<string, Counted & { name: string }>();
  const at = (p: Placed) => {
    const key = keyOf(by, p);
    if (!key) return undefined;
    let place = places.get(key.code);
    if (!place) places.set(key.code, (place = { name: key.name, inCycles: [], findings: [] }));
    return place;
  };
  for (const s of rows.schoolsInCycles) at(s)?.inCycles.push(s.urn);
  for (const f of rows.findings) at(f)?.findings.push(f);
  const items: SummaryAnswer['items'] = [];
  let withheld = 0;
  for (const [code, place] of [...places].sort(([a], [b]) => a.localeCompare(b))) {
    const counted = figuresOf(place, threshold);
    if (counted) items.push({ code, name: place.name, ...counted });
    else withheld += 1;
  }
  return { by, suppressBelow: threshold, withheld, total: items.length, items };
}

export interface OrganisationSummary {
  organisation: { id: number; name: string };
  suppressBelow: number;
  /** Null when every figure would rest on too few of its schools. */
  figures: Figures | null;
}

/**
 * The same figures over one organisation's schools, for its officers: still anonymised and
 * withheld below the threshold, since an organisation's officers do not see its schools' reports.
 */
export async function organisationSummary(
  ctx: AppContext,
  user: SessionUser | null | undefined,
  organisationId: number,
): Promise<Result<OrganisationSummary>> {
  const organisation = isOrganisationOfficer(user, organisationId)
    ? await getOrganisation(ctx.db, organisationId)
    : undefined;
  if (!organisation) return fail('not-found', 'No such organisation, or you are not one of its officers.');
  const [urns, rows] = await Promise.all([
    schoolsOfOrganisations(ctx.db, [organisationId]).then((list) => new Set(list)),
    summaryRows(ctx.db, today(ctx)),
  ]);
  const threshold = ctx.config.peerReview.suppressBelow;
  return ok({
    organisation: { id: organisation.id, name: organisation.name },
    suppressBelow: threshold,
    figures: figuresOf(
      {
        inCycles: rows.schoolsInCycles.filter((s) => urns.has(s.urn)).map((s) => s.urn),
        findings: rows.findings.filter((f) => urns.has(f.urn)),
      },
      threshold,
    ),
  });
}
