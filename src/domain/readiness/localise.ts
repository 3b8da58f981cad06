import type { Language } from '../language.ts';
import type { Emphasis, Framework, FrameworkItem, FrameworkSection } from './framework.ts';

/**
 * A framework as a reader sees it: its words in their language where the file has them, and
 * `inEnglish` listing the English texts shown in place of a missing translation, so a page can
 * mark them `lang="en"`. `fromEnglish` gives the reader's words for an English text of the
 * framework, for what was stored as written (an action plan's next steps). An English reader
 * gets the framework as written.
 */
export type ShownFramework = Framework & {
  inEnglish: readonly string[];
  fromEnglish: Readonly<Record<string, string>>;
};

export function localiseFramework(f: Framework, language: Language): ShownFramework {
  if (language === 'en') return { ...f, inEnglish: [], fromEnglish: {} };
  const cy = f.cy;
  const inEnglish = new Set<string>();
  const fromEnglish: Record<string, string> = {};
  const pick = (english: string, welsh: string | undefined): string => {
    if (welsh !== undefined) return (fromEnglish[english] = welsh);
    inEnglish.add(english);
    return english;
  };
  const pickOptional = (english: string | undefined, welsh: string | undefined) =>
    english === undefined ? undefined : pick(english, welsh);
  const english = (text: string | undefined) => {
    if (text !== undefined) inEnglish.add(text);
  };
  const emphasis = (english: Emphasis[], welsh: string[] = []): Emphasis[] =>
    english.map((e, i) => ({ ...e, reason: pick(e.reason, welsh[i]) }));

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

  const shown: Framework = {
    ...f,
    title: pick(f.title, cy?.title),
    summary: pick(f.summary, cy?.summary),
    scale: {
      ...f.scale,
      levels: f.scale.levels.map((l) => ({
        ...l,
        label: pick(l.label, cy?.levels[String(l.value)]?.label),
        description: pick(l.description, cy?.levels[String(l.value)]?.description),
      })),
    },
    sections: f.sections.map(section),
    // A published source is cited as it was published, in English; its note is S2S's own words.
    sources: f.sources.map((s, i) => {
      english(s.citation);
      return { ...s, note: pickOptional(s.note, cy?.sources?.[i]?.note) };
    }),
  };
  return { ...shown, inEnglish: [...inEnglish], fromEnglish };
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
