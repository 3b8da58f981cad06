import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** A Welsh scale's levels, by value: each with its label and description, either left out. */
export const welshLevels = z
  .record(z.string(), z.object({ label: text, description: text }).partial().strict())
  .default({});

/** The Welsh of the sources' notes, in the sources' order (`{}` for a source with none); a citation stays as published. */
export const welshSources = z.array(z.object({ note: text }).partial().strict()).optional();

/**
 * A framework file (readiness or peer review) may carry its words in Welsh beside the English. A
 * reader in another language gets each text in theirs where the file gives it, and the English
 * otherwise: `inEnglish` lists what is shown in English, so a page can mark it `lang="en"`, and
 * `fromEnglish` maps English to the reader's words, for texts stored as the file wrote them.
 */
export interface ShownWords {
  inEnglish: readonly string[];
  fromEnglish: Readonly<Record<string, string>>;
}

/** Picks, text by text, the reader's words or the English, keeping count of which. */
export function wordPicker() {
  const inEnglish = new Set<string>();
  const fromEnglish: Record<string, string> = {};
  const english = (text: string | undefined) => {
    if (text !== undefined) inEnglish.add(text);
  };
  const pick = (text: string, theirs: string | undefined): string => {
    if (theirs === undefined) {
      english(text);
      return text;
    }
    return (fromEnglish[text] = theirs);
  };
  const pickOptional = (text: string | undefined, theirs: string | undefined) =>
    text === undefined ? undefined : pick(text, theirs);
  return {
    pick,
    pickOptional,
    /** A list, item by item: the file's Welsh list has the English list's length. */
    pickEach: (texts: readonly string[], theirs: readonly string[] = []) =>
      texts.map((t, i) => pick(t, theirs[i])),
    english,
    /** A scale's levels, their Welsh given by value. */
    levels: <L extends { value: number; label: string; description: string }>(
      levels: readonly L[],
      theirs: Record<string, { label?: string; description?: string }> = {},
    ): L[] =>
      levels.map((l) => ({
        ...l,
        label: pick(l.label, theirs[String(l.value)]?.label),
        description: pick(l.description, theirs[String(l.value)]?.description),
      })),
    /** A published source is cited as it was published, in English; its note is S2S's own words. */
    sources: <S extends { citation: string; note?: string | undefined }>(
      sources: readonly S[],
      theirs: readonly { note?: string }[] = [],
    ): S[] =>
      sources.map((s, i) => {
        english(s.citation);
        return { ...s, note: pickOptional(s.note, theirs[i]?.note) };
      }),
    shown: (): ShownWords => ({ inEnglish: [...inEnglish], fromEnglish }),
  };
}

/** Refusals for a Welsh block that gives words the English has not, named by their path in `cy`. */
export function welshChecks(ctx: z.RefinementCtx) {
  const unknown = (path: PropertyKey[], what: string) =>
    ctx.addIssue({ code: 'custom', path: ['cy', ...path], message: `the framework has no ${what}` });
  const sameCount = (
    path: PropertyKey[],
    welsh: readonly unknown[] | undefined,
    english: readonly unknown[],
    what: string,
  ) => {
    if (welsh && welsh.length !== english.length)
      ctx.addIssue({
        code: 'custom',
        path: ['cy', ...path],
        message: `gives ${welsh.length} ${what} where the English gives ${english.length}`,
      });
  };
  return {
    unknown,
    sameCount,
    /** A scale's levels, by value. */
    levels: (
      welsh: Record<string, unknown>,
      english: readonly { value: number }[],
      path: PropertyKey[] = [],
    ) => {
      for (const value of Object.keys(welsh)) {
        if (!english.some((l) => String(l.value) === value))
          unknown([...path, 'levels', value], `level ${value}`);
      }
    },
    /** The sources' notes, in the sources' order. */
    sources: (welsh: readonly { note?: string }[] | undefined, english: readonly { note?: string }[]) => {
      sameCount(['sources'], welsh, english, 'sources');
      welsh?.forEach((s, i) => {
        if (s.note && !english[i]?.note) unknown(['sources', i, 'note'], `note for source ${i + 1}`);
      });
    },
  };
}
