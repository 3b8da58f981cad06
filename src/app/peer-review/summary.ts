import { z } from 'zod';
import { summaryRows, type Placed } from '../../data/peer-review/summary.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { summarise, supportedWithinTerm, type SummaryFigures } from '../../domain/peer-review/summary.ts';
import { today, type AppContext } from '../context.ts';

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

export async function peerReviewSummary(ctx: AppContext, by: SummaryGrouping): Promise<SummaryAnswer> {
  const rows = await summaryRows(ctx.db, today(ctx));
  const threshold = ctx.config.peerReview.suppressBelow;
  const places = new Map<string, { name: string; inCycles: number[]; findings: typeof rows.findings }>();
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
    if (summary.schoolsInCycles === null && summary.schoolsReviewed === null) {
      withheld += 1;
      continue;
    }
    items.push({
      code,
      name: place.name,
      ...summary,
      areas: summary.areas.map((a) => ({ ...a, label: FOCUS_AREA_LABELS[a.focusArea] })),
    });
  }
  return { by, suppressBelow: threshold, withheld, total: items.length, items };
}
