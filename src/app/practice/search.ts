import { searchPractice, type PracticeHit } from '../../data/practice-search.ts';
import { FOCUS_AREA_LABELS } from '../../domain/focus-areas.ts';
import { EVIDENCE_SCALE, evidenceLabel } from '../../domain/practice/evidence.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { PARTNERSHIP_TYPE_LABELS } from '../../domain/partnerships/model.ts';
import { phrase, writePhrase, type Phrase } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import type { PracticeSearchQuery } from './input.ts';

const PART_WORDS = {
  title: 'words in the title',
  summary: 'words in the summary',
  account: 'words in the account',
};

/**
 * Why a record is in the results: where its words were found and which filters it meets, each a
 * phrase ("focus area: {{area}}") for a page to write in its reader's language.
 */
export function whyMatched(hit: PracticeHit, query: PracticeSearchQuery): Phrase[] {
  return [
    ...hit.matchedIn.map((part) => phrase(PART_WORDS[part])),
    ...hit.focusAreas
      .filter((a) => query.focus.includes(a))
      .map((a) => phrase('focus area: {{area}}', { area: phrase(FOCUS_AREA_LABELS[a]) })),
    ...(query.phase ? [phrase('phase: {{phase}}', { phase: phrase(PHASE_LABELS[query.phase]) })] : []),
    ...(query.evidence
      ? [phrase('evidence: {{level}}', { level: phrase(evidenceLabel(hit.evidenceLevel)) })]
      : []),
    ...(query.type && hit.collaboration
      ? [
          phrase('collaboration: {{type}}', {
            type: phrase(PARTNERSHIP_TYPE_LABELS[hit.collaboration]),
          }),
        ]
      : []),
  ];
}

/** A list item of the library, as the API answers it. */
export const practiceItem = (hit: PracticeHit, query?: PracticeSearchQuery) => ({
  id: hit.id,
  title: hit.title,
  summary: hit.summary,
  titleCy: hit.titleCy,
  summaryCy: hit.summaryCy,
  language: hit.language,
  schools: [{ urn: hit.urn, name: hit.schoolName }],
  focusAreas: hit.focusAreas,
  phases: hit.phases,
  collaboration: hit.collaboration,
  evidence: { level: hit.evidenceLevel, label: evidenceLabel(hit.evidenceLevel) },
  publishedAt: hit.publishedAt,
  example: hit.example,
  matched: query ? whyMatched(hit, query).map((p) => writePhrase(p)) : [],
});

/** A page of published practice matching the search, each record with why it matched, as phrases. */
export async function findPracticeWithReasons(ctx: Pick<AppContext, 'db'>, query: PracticeSearchQuery) {
  const page = await searchPractice(ctx.db, query);
  return {
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    items: page.items.map((hit) => ({ ...practiceItem(hit, query), why: whyMatched(hit, query) })),
  };
}

/** A page of published practice matching the search: `GET /api/practice`, its reasons in English. */
export async function findPractice(ctx: Pick<AppContext, 'db'>, query: PracticeSearchQuery) {
  const { items, ...page } = await findPracticeWithReasons(ctx, query);
  return { ...page, items: items.map(({ why: _why, ...item }) => item) };
}

/** The published scale of evidence strength: `GET /api/practice/evidence-levels`. */
export const evidenceLevels = () => ({ items: EVIDENCE_SCALE.map((level) => ({ ...level })) });
