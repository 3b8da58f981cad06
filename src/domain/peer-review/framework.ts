import { z } from 'zod';
import { FOCUS_AREAS, type FocusArea } from '../focus-areas.ts';
import { welshChecks, welshLevels, welshSources } from '../framework-words.ts';
import { formatPath, type ParseResult } from '../readiness/framework.ts';

/**
 * A peer-review framework is data, like a readiness framework: versioned areas, each with the
 * prompts reviewers ask, the evidence they look at and the focus areas its findings speak of,
 * and a judgement scale of S2S's own (never an inspection grade). `parsePeerReviewFramework`
 * names the file and the path of any bad field.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "leadership"');
const text = z.string().trim().min(1, 'must not be empty');

const area = z
  .object({
    id: slug,
    title: text,
    /** The focus areas a finding here can be about (the one shared list). */
    focusAreas: z.array(z.enum(FOCUS_AREAS)).min(1, 'name at least one focus area').optional(),
    /** The area is the host school's chosen focus: its findings are about that focus. */
    hostsChoice: z.literal(true).optional(),
    prompts: z.array(text).min(1, 'give reviewers at least one prompt'),
    evidenceTypes: z.array(text).min(1, 'name at least one type of evidence'),
  })
  .refine((a) => (a.focusAreas === undefined) === (a.hostsChoice === true), {
    message: 'an area either lists its focusAreas or is the host’s choice ("hostsChoice": true), not both',
  });

const level = z.object({ value: z.number().int(), label: text, description: text });

/**
 * The framework's words in Welsh, beside the English, as for a readiness framework: optional and
 * partial (a page shows the English, marked as English, where Welsh is missing); models, levels
 * and areas named by their ids, an area's prompts and evidence types one for one with the
 * English. `reviewed` stays false until a professional translator has checked them.
 */
const welsh = z
  .object({
    reviewed: z.boolean().default(false),
    title: text.optional(),
    summary: text.optional(),
    models: z.record(z.string(), z.object({ title: text, description: text }).partial().strict()).default({}),
    sources: welshSources,
    scale: z.object({ levels: welshLevels, note: text.optional() }).strict().default({ levels: {} }),
    areas: z
      .record(
        z.string(),
        z
          .object({ title: text, prompts: z.array(text), evidenceTypes: z.array(text) })
          .partial()
          .strict(),
      )
      .default({}),
  })
  .strict();

export const peerReviewFrameworkSchema = z
  .object({
    id: slug,
    version: z.number().int().positive(),
    title: text,
    summary: text,
    models: z.array(z.object({ id: z.enum(['cluster', 'hub']), title: text, description: text })).min(1),
    sources: z.array(z.object({ citation: text, url: z.url().optional(), note: text.optional() })).min(1),
    scale: z.object({ levels: z.array(level).min(2, 'a scale needs at least two levels'), note: text }),
    areas: z.array(area).min(1, 'a framework needs at least one area'),
    cy: welsh.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.cy) {
      // The Welsh may only give words the English has.
      const { unknown, sameCount, levels, sources } = welshChecks(ctx);
      for (const id of Object.keys(f.cy.models))
        if (!f.models.some((m) => m.id === id)) unknown(['models', id], `model "${id}"`);
      sources(f.cy.sources, f.sources);
      levels(f.cy.scale.levels, f.scale.levels, ['scale']);
      for (const [id, words] of Object.entries(f.cy.areas)) {
        const english = f.areas.find((a) => a.id === id);
        if (!english) unknown(['areas', id], `area "${id}"`);
        else {
          sameCount(['areas', id, 'prompts'], words.prompts, english.prompts, 'prompts');
          sameCount(
            ['areas', id, 'evidenceTypes'],
            words.evidenceTypes,
            english.evidenceTypes,
            'evidence types',
          );
        }
      }
    }
    f.scale.levels.forEach((l, i) => {
      if (i > 0 && l.value !== f.scale.levels[i - 1]!.value + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['scale', 'levels', i, 'value'],
          message: 'levels must run upwards in steps of one',
        });
      }
    });
    const ids = new Set<string>();
    f.areas.forEach((a, i) => {
      if (ids.has(a.id))
        ctx.addIssue({ code: 'custom', path: ['areas', i, 'id'], message: `repeats area id "${a.id}"` });
      ids.add(a.id);
    });
    if (f.areas.filter((a) => a.hostsChoice).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['areas'], message: 'only one area can be the host’s choice' });
    }
  });

export type PeerReviewFramework = z.output<typeof peerReviewFrameworkSchema>;
export type ReviewArea = PeerReviewFramework['areas'][number];

/** Checks one framework document; every error names the file and the field at fault. */
export function parsePeerReviewFramework(
  document: unknown,
  fileName: string,
): ParseResult<PeerReviewFramework> {
  const parsed = peerReviewFrameworkSchema.safeParse(document);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map(
      (issue) => `${fileName}: ${formatPath(issue.path) || '(top level)'}: ${issue.message}`,
    ),
  };
}

export const judgementLabel = (f: PeerReviewFramework, value: number): string =>
  f.scale.levels.find((l) => l.value === value)?.label ?? String(value);

export const findArea = (f: PeerReviewFramework, areaId: string): ReviewArea | undefined =>
  f.areas.find((a) => a.id === areaId);

/** The focus areas a finding in this area may be about: the area's own, or the host's chosen focus. */
export function focusAreasOf(a: ReviewArea, chosenFocus: FocusArea | null): FocusArea[] {
  if (a.hostsChoice) return chosenFocus ? [chosenFocus] : [];
  return a.focusAreas ?? [];
}

/** Every version on hand; a cycle keeps the version it was scheduled with. */
export interface PeerReviewCatalogue {
  current(): PeerReviewFramework[];
  find(id: string, version?: number): PeerReviewFramework | undefined;
}

/** Joins parsed frameworks, refusing a repeated id and version. */
export function buildPeerReviewCatalogue(
  files: { fileName: string; framework: PeerReviewFramework }[],
): ParseResult<PeerReviewCatalogue> {
  const byKey = new Map<string, { fileName: string; framework: PeerReviewFramework }>();
  const errors: string[] = [];
  for (const file of files) {
    const key = `${file.framework.id}@${file.framework.version}`;
    const earlier = byKey.get(key);
    if (earlier)
      errors.push(`${file.fileName}: id and version ${key} are already used by ${earlier.fileName}`);
    else byKey.set(key, file);
  }
  if (errors.length > 0) return { ok: false, errors };
  const newest = new Map<string, PeerReviewFramework>();
  for (const { framework } of byKey.values()) {
    const seen = newest.get(framework.id);
    if (!seen || seen.version < framework.version) newest.set(framework.id, framework);
  }
  const current = [...newest.values()].sort((a, b) => a.title.localeCompare(b.title));
  return {
    ok: true,
    value: {
      current: () => current,
      find: (id, version) =>
        version === undefined ? newest.get(id) : byKey.get(`${id}@${version}`)?.framework,
    },
  };
}
