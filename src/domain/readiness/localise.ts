import { wordPicker, type ShownWords } from '../framework-words.ts';
import type { Language } from '../language.ts';
import type { Emphasis, Framework, FrameworkItem, FrameworkSection } from './framework.ts';

/**
 * A framework as a reader sees it: its words in their language where the file has them, the
 * English otherwise (`ShownWords`: what is shown in English, and the reader's words for an
 * English text, for what was stored as written, such as an action plan's next steps). An English
 * reader gets the framework as written.
 */
export type ShownFramework = Framework & ShownWords;

export function localiseFramework(f: Framework, language: Language): ShownFramework {
  if (language === 'en') return { ...f, inEnglish: [], fromEnglish: {} };
  const cy = f.cy;
  const { pick, pickOptional, levels, sources, shown } = wordPicker();
  const emphasis = (each: Emphasis[], welsh?: string[]): Emphasis[] =>
    each.map((e, i) => ({ ...e, reason: pick(e.reason, welsh?.[i]) }));

  const item = (
    it: FrameworkItem,
    words: NonNullable<typeof cy>['sections'][string]['items'][string] = {},
  ) => {
    const nextStepByRating = it.nextStepByRating
      ? Object.fromEntries(
          Object.entries(it.nextStepByRating).map(([rating, step]) => [
            rating,
            pick(step, words.nextStepByRating?.[rating]),
          ]),
        )
      : undefined;
    return {
      ...it,
      question: pick(it.question, words.question),
      hint: pickOptional(it.hint, words.hint),
      guidance: pick(it.guidance, words.guidance),
      whenLow: pick(it.whenLow, words.whenLow),
      ...(nextStepByRating ? { nextStepByRating } : {}),
      emphasis: emphasis(it.emphasis, words.emphasis),
    };
  };
  const section = (s: FrameworkSection): FrameworkSection => {
    const words = cy?.sections[s.id];
    return {
      ...s,
      title: pick(s.title, words?.title),
      summary: pickOptional(s.summary, words?.summary),
      emphasis: emphasis(s.emphasis, words?.emphasis),
      items: s.items.map((it) => item(it, words?.items[it.id])),
    };
  };

  const localised: Framework = {
    ...f,
    title: pick(f.title, cy?.title),
    summary: pick(f.summary, cy?.summary),
    scale: { ...f.scale, levels: levels(f.scale.levels, cy?.levels) },
    sections: f.sections.map(section),
    sources: sources(f.sources, cy?.sources),
  };
  return { ...localised, ...shown() };
}

/** Whether a text of this framework is shown in English on a page in another language. */
export function shownInEnglish(f: { inEnglish?: readonly string[] }, text: string): boolean {
  return f.inEnglish?.includes(text) ?? false;
}

/** A text stored as the framework writes it (an action plan's next step), in the reader's language where there is one. */
export function inReaderLanguage(
  f: Framework & Partial<Pick<ShownFramework, 'fromEnglish'>>,
  text: string,
): string {
  return f.fromEnglish?.[text] ?? text;
}
