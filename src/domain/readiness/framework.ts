import { z } from 'zod';
import { FOCUS_AREAS } from '../focus-areas.ts';
import { PARTNERSHIP_TYPES } from '../partnerships/model.ts';
import { welshChecks, welshLevels, welshSources } from '../framework-words.ts';

/**
 * A readiness framework is data, not code: a versioned set of sections and items with an answer
 * scale, guidance and the published source it comes from. This schema is the contract every
 * framework file must meet; `parseFramework` names the file and the path of any bad field.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "shared-vision"');
const text = z.string().trim().min(1, 'must not be empty');

/** Extra weight a gap carries when the school is considering particular kinds of partnership. */
const emphasis = z.object({
  types: z.array(z.enum(PARTNERSHIP_TYPES)).min(1, 'must name at least one partnership type'),
  weight: z.number().min(1, 'must be at least 1 (emphasis only ever raises a gap)').max(5),
  reason: text,
});

const item = z.object({
  id: slug,
  question: text,
  hint: text.optional(),
  /** What a strong answer looks like: shown beside the question. */
  guidance: text,
  /** The suggested next step when the rating is a gap. */
  whenLow: text,
  /**
   * Optional next steps by rating ("1": ..., "2": ...), where the guidance differs by level: a
   * school with nothing in place starts elsewhere than one whose practice is emerging. A gap
   * rated at a level without its own step gets `whenLow`.
   */
  nextStepByRating: z.record(z.string().regex(/^-?\d+$/, 'must be a rating, e.g. "1"'), text).optional(),
  emphasis: z.array(emphasis).default([]),
  /** The item of the paired framework that asks the other party about the same thing. */
  pairsWith: slug.optional(),
  /** The focus areas of the good-practice library whose practice helps close a gap here. */
  practiceFocus: z.array(z.enum(FOCUS_AREAS)).optional(),
});

const section = z.object({
  id: slug,
  title: text,
  summary: text.optional(),
  emphasis: z.array(emphasis).default([]),
  items: z.array(item).min(1, 'a section needs at least one item'),
});

const level = z.object({ value: z.number().int(), label: text, description: text });

const scale = z
  .object({
    levels: z.array(level).min(2, 'a scale needs at least two levels'),
    /** A rating at or below this is a gap. */
    gapAtOrBelow: z.number().int(),
    /** A rating at or above this is a strength. */
    strengthAtOrAbove: z.number().int(),
  })
  .superRefine((s, ctx) => {
    const values = s.levels.map((l) => l.value);
    values.forEach((v, i) => {
      if (i > 0 && v !== values[i - 1]! + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'value'],
          message: 'levels must run upwards in steps of one',
        });
      }
    });
    for (const key of ['gapAtOrBelow', 'strengthAtOrAbove'] as const) {
      if (!values.includes(s[key])) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'must be one of the scale’s level values' });
      }
    }
    if (s.gapAtOrBelow >= s.strengthAtOrAbove) {
      ctx.addIssue({ code: 'custom', path: ['gapAtOrBelow'], message: 'must be below strengthAtOrAbove' });
    }
  });

const source = z.object({ citation: text, url: z.url().optional(), note: text.optional() });

/**
 * The framework's words in Welsh, beside the English: optional, and partial if need be (a page
 * shows the English, marked as English, where a Welsh text is missing). Sections and items are
 * named by their ids, so the English shape stays as it is. `reviewed` stays false until a
 * professional translator has checked the Welsh, as for the message catalogues.
 */
const welshItem = z
  .object({
    question: text,
    hint: text,
    guidance: text,
    whenLow: text,
    nextStepByRating: z.record(z.string(), text),
    /** The reasons of the item's `emphasis`, in the same order. */
    emphasis: z.array(text),
  })
  .partial()
  .strict();
const welshSection = z
  .object({
    title: text.optional(),
    summary: text.optional(),
    emphasis: z.array(text).optional(),
    items: z.record(z.string(), welshItem).default({}),
  })
  .strict();
const welsh = z
  .object({
    reviewed: z.boolean().default(false),
    title: text.optional(),
    summary: text.optional(),
    levels: welshLevels,
    sources: welshSources,
    sections: z.record(z.string(), welshSection).default({}),
  })
  .strict();

const framework = z.object({
  id: slug,
  version: z.number().int().positive(),
  title: text,
  summary: text,
  /** Who answers: a school about itself, or one side of a deployment. */
  audience: z.enum(['school', 'system-leader', 'client-school']),
  appliesTo: z.array(z.enum(PARTNERSHIP_TYPES)).min(1),
  sources: z.array(source).min(1, 'cite at least one published source'),
  /** A linked framework answered by the other party of a deployment. */
  pair: z.object({ with: slug, disagreementAtLeast: z.number().int().positive() }).optional(),
  scale,
  sections: z.array(section).min(1, 'a framework needs at least one section'),
  cy: welsh.optional(),
});

export const frameworkSchema = framework.superRefine((f, ctx) => {
  checkWelsh(f, ctx);
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  f.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections', si, 'id'],
        message: `repeats section id "${s.id}"`,
      });
    }
    sectionIds.add(s.id);
    s.items.forEach((it, ii) => {
      if (itemIds.has(it.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', si, 'items', ii, 'id'],
          message: `repeats item id "${it.id}"`,
        });
      }
      itemIds.add(it.id);
      for (const rating of Object.keys(it.nextStepByRating ?? {})) {
        const value = Number(rating);
        const problem = !f.scale.levels.some((l) => l.value === value)
          ? 'is not a level of the scale'
          : value > f.scale.gapAtOrBelow
            ? `is not a gap (gaps are rated ${f.scale.gapAtOrBelow} or below), so its next step would never show`
            : null;
        if (problem) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'items', ii, 'nextStepByRating', rating],
            message: `rating ${rating} ${problem}`,
          });
        }
      }
      if (it.pairsWith && !f.pair) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', si, 'items', ii, 'pairsWith'],
          message: 'needs a "pair" at the top of the framework',
        });
      }
    });
  });
});

/**
 * The Welsh block may only give words the English has: its levels, sections, items, hints,
 * summaries, next steps, the reasons of its emphasis and the notes of its sources, one for one.
 */
function checkWelsh(f: z.output<typeof framework>, ctx: z.RefinementCtx): void {
  if (!f.cy) return;
  const { unknown, sameCount, levels, sources } = welshChecks(ctx);
  levels(f.cy.levels, f.scale.levels);
  sources(f.cy.sources, f.sources);
  for (const [sectionId, words] of Object.entries(f.cy.sections)) {
    const section = f.sections.find((s) => s.id === sectionId);
    if (!section) {
      unknown(['sections', sectionId], `section "${sectionId}"`);
      continue;
    }
    if (words.summary && !section.summary)
      unknown(['sections', sectionId, 'summary'], 'summary for this section');
    sameCount(['sections', sectionId, 'emphasis'], words.emphasis, section.emphasis, 'reasons for emphasis');
    for (const [itemId, itemWords] of Object.entries(words.items)) {
      const path = ['sections', sectionId, 'items', itemId];
      const item = section.items.find((it) => it.id === itemId);
      if (!item) {
        unknown(path, `item "${itemId}" in this section`);
        continue;
      }
      if (itemWords.hint && !item.hint) unknown([...path, 'hint'], 'hint for this item');
      sameCount([...path, 'emphasis'], itemWords.emphasis, item.emphasis, 'reasons for emphasis');
      for (const rating of Object.keys(itemWords.nextStepByRating ?? {})) {
        if (!item.nextStepByRating?.[rating])
          unknown([...path, 'nextStepByRating', rating], `next step for ${rating}`);
      }
    }
  }
}

export type Framework = z.output<typeof frameworkSchema>;
export type WelshWords = NonNullable<Framework['cy']>;
export type FrameworkSection = Framework['sections'][number];
export type FrameworkItem = FrameworkSection['items'][number];
export type ScaleLevel = Framework['scale']['levels'][number];
export type Emphasis = FrameworkItem['emphasis'][number];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Turns Zod's issue path into the form a person reads: sections[2].items[0].question. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

/** Checks one framework document; every error names the file and the field at fault. */
export function parseFramework(document: unknown, fileName: string): ParseResult<Framework> {
  const parsed = frameworkSchema.safeParse(document);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const where = formatPath(issue.path);
      return `${fileName}: ${where || '(top level)'}: ${issue.message}`;
    }),
  };
}

export function frameworkKey(f: { id: string; version: number }): string {
  return `${f.id}@${f.version}`;
}

export function allItems(f: Framework): Array<FrameworkItem & { sectionId: string }> {
  return f.sections.flatMap((s) => s.items.map((it) => ({ ...it, sectionId: s.id })));
}

export function levelLabel(f: Framework, rating: number): string {
  return f.scale.levels.find((l) => l.value === rating)?.label ?? String(rating);
}
