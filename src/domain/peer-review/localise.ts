import { wordPicker, type ShownWords } from '../framework-words.ts';
import type { Language } from '../language.ts';
import type { PeerReviewFramework } from './framework.ts';

/**
 * A peer-review framework as a reader sees it: its words in their language where the file has
 * them, the English otherwise, listed in `inEnglish` so a page can mark it `lang="en"`. An
 * English reader gets the framework as written.
 */
export type ShownPeerReviewFramework = PeerReviewFramework & ShownWords;

export function localisePeerReviewFramework(
  f: PeerReviewFramework,
  language: Language,
): ShownPeerReviewFramework {
  if (language === 'en') return { ...f, inEnglish: [], fromEnglish: {} };
  const cy = f.cy;
  const { pick, pickEach, levels, sources, shown } = wordPicker();
  const localised: PeerReviewFramework = {
    ...f,
    title: pick(f.title, cy?.title),
    summary: pick(f.summary, cy?.summary),
    models: f.models.map((m) => ({
      ...m,
      title: pick(m.title, cy?.models[m.id]?.title),
      description: pick(m.description, cy?.models[m.id]?.description),
    })),
    sources: sources(f.sources, cy?.sources),
    scale: { levels: levels(f.scale.levels, cy?.scale.levels), note: pick(f.scale.note, cy?.scale.note) },
    areas: f.areas.map((a) => {
      const words = cy?.areas[a.id];
      return {
        ...a,
        title: pick(a.title, words?.title),
        prompts: pickEach(a.prompts, words?.prompts),
        evidenceTypes: pickEach(a.evidenceTypes, words?.evidenceTypes),
      };
    }),
  };
  return { ...localised, ...shown() };
}
