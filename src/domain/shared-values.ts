import type { Area, School, SchoolRecord } from './school.ts';

/**
 * The records with one copy of each value that many schools repeat: a database row, and a record
 * read back in a worker thread, carry a string of their own for every value ("Academy converter",
 * "Section 5", an inspection's date), an object for each school's local authority, region and
 * constituency, and an empty object for each row's `raw` and most inspections' judgements. Shared,
 * the registry takes about a fifth less memory (94 MB of heap down to 76 at 22,000 schools in the
 * service, 53 down to 41 in a worker); every record holds the same values as before. Everything is
 * shared in place (see `sharedAreas`). Only a record's own fields are shared: a nested object is
 * shared when empty, and an inspection's judgements when another inspection has the same.
 */
export function shareRepeatedValues(schools: readonly SchoolRecord[]): SchoolRecord[] {
  const { share, sharedAreas } = valueSharing();
  return schools.map((school) => {
    for (const list of [
      school.inspections,
      school.performance,
      school.publishedRatings ?? [],
      school.categorisations ?? [],
    ])
      for (const record of list) share(record);
    return sharedAreas(share(school));
  });
}

/**
 * shareRepeatedValues a record at a time, for records being built: `share` shares a record's own
 * strings and empty objects in place, `sharedAreas` a school's areas.
 */
export function valueSharing() {
  const strings = new Map<string, string>();
  const areas = new Map<string, Area>();
  // One frozen empty object for every empty `raw`, `keyJudgements` and `reportCard`: most are.
  const empty = Object.freeze({});
  const text = (value: string) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  const area = (value: Area | null): Area | null => {
    if (!value) return value;
    const key = `${value.code}\u0000${value.name}`;
    let known = areas.get(key);
    if (!known) areas.set(key, (known = { code: text(value.code), name: text(value.name) }));
    return known;
  };
  // Judgements with the same grades in the same order, one frozen copy: 150,000 schools'
  // inspections have a few thousand sets of grades between them (13 MB of heap as an object each).
  const gradeSets = new Map<string, Readonly<Record<string, number>>>();
  const grades = (value: Record<string, number>) => {
    const key = JSON.stringify(value);
    let known = gradeSets.get(key);
    if (!known) gradeSets.set(key, (known = Object.freeze(value)));
    return known;
  };
  return {
    share: <T extends object>(record: T): T => {
      const fields = record as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        const value = fields[key];
        if (typeof value === 'string') fields[key] = text(value);
        else if (isEmptyObject(value)) fields[key] = empty;
        else if (JUDGEMENTS.has(key) && isGrades(value)) fields[key] = grades(value);
      }
      return record;
    },
    /**
     * The school with the one copy of each of its areas, changed in place rather than spread into
     * a new record: V8 gives every object made by a spread (`{ ...school }`) a hidden class of its
     * own, about 700 bytes a school (100 MB of heap at 150,000 schools), where records given the
     * same fields in the same order share one.
     */
    sharedAreas: <T extends School>(school: T): T => {
      school.localAuthority = area(school.localAuthority);
      school.region = area(school.region);
      school.constituency = area(school.constituency);
      return school;
    },
  };
}

/** An inspection's judgements, each a grade by area (see Inspection). */
const JUDGEMENTS = new Set(['keyJudgements', 'reportCard', 'estynJudgements']);

function isGrades(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).every((grade) => typeof grade === 'number')
  );
}

/** A plain object with no fields (an empty list is left alone: lists are added to). */
function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}
