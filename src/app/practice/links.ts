import { getSchoolDeclaration } from '../../data/declarations.ts';
import { searchPractice } from '../../data/practice-search.ts';
import { canEditSchool, type SessionUser } from '../../domain/access.ts';
import { FOCUS_AREA_LABELS } from '../../domain/focus-areas.ts';
import { evidenceLabel } from '../../domain/practice/evidence.ts';
import { phrase, phraseList, type Phrase } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { practiceItem } from './search.ts';

/** The library where other features meet it: a school's profile and its partner search. */

type Ctx = Pick<AppContext, 'db'>;

/** Most records a school's profile lists, and a candidate partner shows. */
const ON_PROFILE = 20;
const PER_CANDIDATE = 3;

/** A school's published practice, strongest evidence first, for its profile. */
export async function schoolPractice(ctx: Ctx, urn: number) {
  const page = await searchPractice(ctx.db, { urns: [urn], limit: ON_PROFILE, offset: 0 });
  return { total: page.total, items: page.items.map((hit) => practiceItem(hit)) };
}

export interface CandidatePractice {
  id: number;
  title: string;
  /** "Has published practice on Literacy (reading, writing, English); evidence: backed by published data". */
  line: Phrase;
}

/**
 * For each candidate partner, its published practice in what the school has said it needs:
 * "has published practice on literacy, evidence: data-backed". A school's declared needs are its
 * own, so only its members see them used; anyone else gets nothing.
 */
export async function practiceForNeeds(
  ctx: Ctx,
  viewer: SessionUser | null,
  urn: number,
  candidates: readonly number[],
): Promise<Map<number, CandidatePractice[]>> {
  const found = new Map<number, CandidatePractice[]>();
  if (!canEditSchool(viewer, urn) || candidates.length === 0) return found;
  const needs = (await getSchoolDeclaration(ctx.db, urn))?.needs ?? [];
  if (needs.length === 0) return found;
  const page = await searchPractice(ctx.db, {
    urns: candidates,
    focus: needs,
    limit: candidates.length * PER_CANDIDATE * 4,
    offset: 0,
  });
  for (const hit of page.items) {
    const list = found.get(hit.urn) ?? [];
    if (list.length >= PER_CANDIDATE) continue;
    const areas = hit.focusAreas.filter((a) => needs.includes(a)).map((a) => phrase(FOCUS_AREA_LABELS[a]));
    list.push({
      id: hit.id,
      title: hit.title,
      line: phrase('Has published practice on {{areas}}; evidence: {{evidence}}', {
        areas: phraseList(areas, 'and'),
        evidence: phrase(evidenceLabel(hit.evidenceLevel).toLowerCase()),
      }),
    });
    found.set(hit.urn, list);
  }
  return found;
}
