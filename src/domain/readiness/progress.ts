import type { Framework } from './framework.ts';
import { answersByItem, ratingOf, type Answer } from './scoring.ts';

export type SectionStatus = 'not-started' | 'in-progress' | 'completed';

export interface SectionProgress {
  sectionId: string;
  title: string;
  status: SectionStatus;
  rated: number;
  itemCount: number;
}

/** Where the school has got to in each section, for the task list. */
export function sectionProgress(framework: Framework, answers: readonly Answer[]): SectionProgress[] {
  const byItem = answersByItem(answers);
  return framework.sections.map((s) => {
    const rated = s.items.filter((it) => ratingOf(framework, byItem.get(it.id)) !== null).length;
    const touched = s.items.some((it) => {
      const a = byItem.get(it.id);
      return a !== undefined && (a.rating !== null || a.evidence.trim() !== '');
    });
    const status: SectionStatus =
      rated === s.items.length ? 'completed' : touched ? 'in-progress' : 'not-started';
    return { sectionId: s.id, title: s.title, status, rated, itemCount: s.items.length };
  });
}
