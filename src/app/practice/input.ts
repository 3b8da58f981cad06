import { z } from 'zod';
import { FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { EVIDENCE_LEVELS } from '../../domain/practice/evidence.ts';
import {
  PRACTICE_LANGUAGES,
  PRACTICE_LIMITS,
  PRACTICE_PHASES,
  PUPIL_GROUPS,
  type PracticeContent,
} from '../../domain/practice/model.ts';
import { PARTNERSHIP_TYPES } from '../../domain/partnerships/model.ts';
import { blankAsMissing, optionalText, requiredText } from '../input.ts';
import { wordedCheck } from '../result.ts';

/**
 * What an author writes, as every face reads it: a form's fields or a command's options. Each
 * problem is worded whole, with its limit as a value, so that a page can say it in Welsh.
 */

const atMost = (max: number, template: string) =>
  [(v: { length: number }) => v.length <= max, wordedCheck(template, { max })] as const;

const optionalLong = (what: string, max: number) =>
  z
    .string()
    .trim()
    .refine(...atMost(max, `${what} must be {{max}} characters or fewer`))
    .default('');

const list = <T extends string>(values: readonly [T, ...T[]], message: string, empty?: string) => {
  const items = z.array(z.enum(values, { error: message })).transform((v) => [...new Set(v)]);
  return empty ? items.refine((v) => v.length > 0, empty) : items;
};

/** One web address per line; only public http and https pages. */
const links = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.split(/\r?\n/) : value),
    z.array(z.string()).transform((lines) => lines.map((l) => l.trim()).filter((l) => l !== '')),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .refine(...atMost(PRACTICE_LIMITS.link, 'Each link must be {{max}} characters or fewer'))
          .refine((l) => {
            try {
              const url = new URL(l);
              return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
            } catch {
              return false;
            }
          }, 'Enter each link as a web address starting https://, one per line'),
      )
      .refine(...atMost(PRACTICE_LIMITS.links, 'Give {{max}} links or fewer')),
  );

const year = z.preprocess(
  blankAsMissing,
  z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Enter the year the practice began as 4 digits, like 2022')
    .transform(Number)
    .pipe(z.number().min(2000, 'Enter a year from 2000 onwards'))
    .optional(),
);

const id = z.preprocess(
  blankAsMissing,
  z.coerce.number({ error: 'Choose a partnership from the list' }).int().positive().optional(),
);

export const practiceInput = z.object({
  title: requiredText('Enter a title', PRACTICE_LIMITS.title),
  summary: requiredText('Enter a summary', PRACTICE_LIMITS.summary),
  // An English record's Welsh title and summary, for Welsh readers: optional.
  titleCy: optionalLong('The Welsh title', PRACTICE_LIMITS.title),
  summaryCy: optionalLong('The Welsh summary', PRACTICE_LIMITS.summary),
  whatWeDid: requiredText('Enter what you did', PRACTICE_LIMITS.long),
  phases: list(PRACTICE_PHASES, 'Choose phases from the list', 'Choose at least one phase'),
  pupilGroups: list(PUPIL_GROUPS, 'Choose pupil groups from the list', 'Choose who the practice was for'),
  focusAreas: list(FOCUS_AREAS, 'Choose focus areas from the list', 'Choose at least one focus area'),
  collaboration: z.preprocess(
    (v) => (v === '' || v === 'none' ? undefined : v),
    z.enum(PARTNERSHIP_TYPES, { error: 'Choose how the schools worked together' }).optional(),
  ),
  resources: requiredText('Enter the staff time and cost it took', PRACTICE_LIMITS.long),
  whatChanged: requiredText('Enter what changed', PRACTICE_LIMITS.long),
  howWeKnow: requiredText('Enter how you know', PRACTICE_LIMITS.long),
  startedIn: year,
  links,
  externalEvaluation: optionalLong('The external evaluation', PRACTICE_LIMITS.externalEvaluation),
  partnershipId: id,
  language: z.preprocess(
    (v) => (v === undefined || v === '' ? 'en' : v),
    z.enum(PRACTICE_LANGUAGES, { error: 'Choose the language the record is written in' }),
  ),
});
/** Unchecked: every face passes what it was given and the use case checks it. */
export type PracticeInput = Record<string, unknown>;

/** The parsed form as the record's content. */
export function toContent(parsed: z.output<typeof practiceInput>): PracticeContent {
  return {
    ...parsed,
    titleCy: parsed.titleCy || null,
    summaryCy: parsed.summaryCy || null,
    collaboration: parsed.collaboration ?? null,
    startedIn: parsed.startedIn ?? null,
    partnershipId: parsed.partnershipId ?? null,
  };
}

/** A field that may arrive once or many times (a query string's focus=…&focus=…). */
const oneOrMany = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (v: unknown) =>
      v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]).filter((x) => x !== '') : [v],
    z.array(z.enum(values, { error: 'Choose focus areas from the list' })).max(FOCUS_AREAS.length),
  );

const optionalChoice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(blankAsMissing, z.enum(values, { error: message }).optional());

/** The library's search and filters, read alike by the page, the API and the CLI. */
export const practiceSearchQuery = z.object({
  q: optionalText(200),
  focus: oneOrMany(FOCUS_AREAS),
  phase: optionalChoice(PRACTICE_PHASES, 'Choose a phase from the list'),
  evidence: optionalChoice(EVIDENCE_LEVELS, 'Choose an evidence level from the list'),
  la: optionalText(20),
  region: optionalText(100),
  type: optionalChoice(PARTNERSHIP_TYPES, 'Choose a type of collaboration from the list'),
  since: z.preprocess(
    blankAsMissing,
    z.iso.date({ error: 'Enter the date as yyyy-mm-dd, like 2025-01-31' }).optional(),
  ),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PracticeSearchQuery = z.output<typeof practiceSearchQuery>;
