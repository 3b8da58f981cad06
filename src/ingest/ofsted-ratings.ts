import path from 'node:path';
import type { Grade4, PublishedRating } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { dateFromName } from './dates.ts';
import { ImportError } from './import-error.ts';
import { checkLayout, RATING_COLUMNS } from './kinds.ts';
import { GRADE4_WORDS } from './ofsted.ts';
import { UniqueUrns, recordSource, type ReadOptions, type RecordSource } from './source.ts';

export type RatingRecord = PublishedRating & { raw: Record<string, string> };

/** GIAS and older summaries name the category of concern in place of the grade it goes with. */
const RATING_WORDS: Record<string, Grade4> = {
  ...GRADE4_WORDS,
  'serious weaknesses': 4,
  'special measures': 4,
};

const NO_RATING = /^(not judged|not yet inspected|no rating|not applicable|n\/a|na|null|none|-|9)$/i;

/**
 * Reads a summary of overall ratings by URN that gives no inspection dates (as published beside
 * GIAS and in statistical releases). Each rating is kept as published on the summary's date:
 * from its file name, or `asOf` when the name has none.
 */
export async function readOfstedRatings(
  file: string,
  options: ReadOptions & { asOf?: string },
): Promise<RecordSource<RatingRecord>> {
  const asOf = options.asOf ?? dateFromName(file);
  if (asOf === null)
    throw ImportError.at(
      { file: path.basename(file) },
      'cannot tell on what date these ratings were published (its name has no date): give --as-of DATE, e.g. --as-of 2020-03-31',
    );
  const published: string = asOf;
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'ofsted-ratings', ['URN', RATING_COLUMNS]),
  });
  const column = csv.columns.pick(...RATING_COLUMNS);
  const { problems } = options;
  const urns = new UniqueUrns();

  async function* records(): AsyncGenerator<RatingRecord> {
    for await (const r of csv.rows) {
      const urn = urns.take(r);
      if (urn === null) continue;
      const value = r.text(column);
      if (value === null || NO_RATING.test(value)) {
        problems.skip('no overall rating published for the school');
        continue;
      }
      const grade = RATING_WORDS[value.toLowerCase()];
      if (grade === undefined) {
        r.problem(
          column,
          `"${value}" is not an Ofsted overall rating (Outstanding, Good, Requires improvement, Inadequate or 1 to 4)`,
        );
        continue;
      }
      yield { urn, asOf: published, overallEffectiveness: grade, raw: r.raw() };
    }
    problems.throwIfAny();
  }

  return recordSource('ofsted-ratings', csv, records(), () => published);
}
