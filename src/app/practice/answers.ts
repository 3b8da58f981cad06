import { z } from 'zod';
import { FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { EVIDENCE_LEVELS } from '../../domain/practice/evidence.ts';
import {
  PRACTICE_LANGUAGES,
  PRACTICE_PHASES,
  PUPIL_GROUPS,
  VERSION_STATES,
} from '../../domain/practice/model.ts';
import { PARTNERSHIP_TYPES, REGISTRY_MEASURES } from '../../domain/partnerships/model.ts';

/** The library's JSON answers: the API's bodies and what `s2s practice export --json` prints. */

const school = z.object({ urn: z.number(), name: z.string() });
const evidenceSummary = z.object({
  level: z.enum(EVIDENCE_LEVELS),
  label: z
    .string()
    .describe('the level in words, from the published scale (GET /api/practice/evidence-levels)'),
});

export const practiceItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  titleCy: z.string().nullable().describe('the author’s Welsh title, if given'),
  summaryCy: z.string().nullable().describe('the author’s Welsh summary, if given'),
  language: z.enum(PRACTICE_LANGUAGES).describe('the language the record is written in'),
  schools: z.array(school),
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  phases: z.array(z.enum(PRACTICE_PHASES)),
  collaboration: z.enum(PARTNERSHIP_TYPES).nullable(),
  evidence: evidenceSummary,
  publishedAt: z.string(),
  example: z.boolean().describe('true for a made-up example shipped with the demo dataset'),
  matched: z
    .array(z.string())
    .describe('why the record matched: where the words were found, and the filters it meets'),
});

export const practiceListSchema = z.object({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(practiceItemSchema),
});

const figure = z.object({
  measure: z.enum(REGISTRY_MEASURES),
  label: z.string(),
  unit: z.string(),
  before: z.object({ year: z.number(), value: z.number() }),
  after: z.object({ year: z.number(), value: z.number() }),
  change: z.number(),
  improved: z.boolean(),
});
const estimate = z.object({
  measure: z.enum(REGISTRY_MEASURES),
  label: z.string(),
  unit: z.string(),
  estimate: z.number(),
  interval: z.tuple([z.number(), z.number()]),
  comparisonSchools: z.number(),
});

export const practiceRecordSchema = z.object({
  id: z.number(),
  version: z.number(),
  state: z
    .enum(VERSION_STATES)
    .describe('published, or (for the school and its moderators) where the version stands'),
  withdrawn: z.boolean(),
  title: z.string(),
  summary: z.string(),
  titleCy: z.string().nullable(),
  summaryCy: z.string().nullable(),
  whatWeDid: z.string(),
  phases: z.array(z.enum(PRACTICE_PHASES)),
  pupilGroups: z.array(z.enum(PUPIL_GROUPS)),
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  collaboration: z.enum(PARTNERSHIP_TYPES).nullable(),
  resources: z.string(),
  whatChanged: z.string(),
  howWeKnow: z.string(),
  startedIn: z.number().nullable(),
  links: z.array(z.string()),
  externalEvaluation: z.string(),
  language: z.enum(PRACTICE_LANGUAGES),
  schools: z.array(school),
  evidence: evidenceSummary.extend({
    figures: z.array(figure).describe('the school’s published results before and after the practice began'),
    estimates: z.array(estimate).describe('a completed S2S partnership’s effect against a comparison group'),
    externalChecked: z.boolean(),
  }),
  publishedAt: z.string().nullable(),
  example: z.boolean(),
  versions: z.array(z.object({ version: z.number(), publishedAt: z.string() })),
});

export const evidenceLevelsSchema = z.object({
  items: z.array(
    z.object({
      level: z.enum(EVIDENCE_LEVELS),
      rank: z.number(),
      label: z.string(),
      description: z.string(),
      setBy: z.string(),
    }),
  ),
});
