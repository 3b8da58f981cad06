import { listPredecessorsAndSuccessors } from '../../data/school-links.ts';
import { registryCoverage } from '../../data/registry-coverage.ts';
import { getSameAs } from '../../data/school-names.ts';
import { getRegistryMeans, getSchoolRecord } from '../../data/schools.ts';
import { yearsBetween } from '../../domain/classification/measures.ts';
import { giasPage, publicPagesOf } from '../../domain/public-pages.ts';
import { linkTypeLabel } from '../../domain/school-links.ts';
import { nationalFiguresFor, schoolTypeOf, type SchoolType } from '../../domain/national-figures.ts';
import type { NationalAverages } from '../../domain/school.ts';
import type { Snapshot } from '../../domain/snapshot.ts';
import { welshContextOf } from '../../domain/wales.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, worded } from '../result.ts';
import { classificationOf } from './groups.ts';
import { sponsorshipsOfSchool } from '../sponsorships/sponsorships.ts';

/**
 * The Welsh record that a GIAS row of the same Welsh school stands for (null for any other URN):
 * `/schools/{urn}` and `GET /api/schools/{urn}` of the GIAS URN send the reader there.
 */
export async function sameSchoolAs(ctx: Pick<AppContext, 'db'>, urn: number): Promise<number | null> {
  return getSameAs(ctx.db, urn);
}

/**
 * The registry's means of a year's results, read once for each snapshot of the data: they change
 * only when the data does, and read for every profile shown they took every school's results
 * of that year each time (20 ms of the database's time at 21,708 schools, 0.6 s at 150,000). A
 * read that failed (the database gone) is not kept: the next profile asks again.
 */
const meansBySnapshot = new WeakMap<Snapshot, Map<string, Promise<NationalAverages>>>();

async function registryMeans(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  year: number,
  keyStage: 2 | 4,
  type: SchoolType,
): Promise<NationalAverages> {
  const snapshot = await ctx.snapshots.get();
  let means = meansBySnapshot.get(snapshot);
  if (!means) meansBySnapshot.set(snapshot, (means = new Map<string, Promise<NationalAverages>>()));
  const key = `${year} ${keyStage} ${type}`;
  let read = means.get(key);
  if (!read) {
    read = getRegistryMeans(ctx.db, year, keyStage, type);
    means.set(key, read);
    read.catch(() => means.delete(key));
  }
  return read;
}

/**
 * One school with its inspections, performance, and its group under the active profile with the
 * reasons (null for a closed school): the answer of `GET /api/schools/{urn}`. Beside each year of
 * results, the national figure for each measure published (`nationalFigures`, each naming its key
 * stage, year and measure): the one the profile and the partner reasons quote. A Welsh school
 * carries its Welsh context (`wales`: language medium, consortium, Estyn inspections by era).
 * `sponsorships`: the sponsors that took it on (and the schools it took on, as a sponsor school),
 * each saying whether it is `current`.
 */
export async function schoolRecord(ctx: Pick<AppContext, 'db' | 'snapshots' | 'now'>, urn: number) {
  // The sponsorships are read beside the record rather than after it: a round trip fewer.
  const [record, sponsorships] = await Promise.all([
    getSchoolRecord(ctx.db, urn),
    sponsorshipsOfSchool(ctx, urn),
  ]);
  if (!record) return fail('not-found', worded('No school with {{urn, schoolIdInSentence}}', { urn }));
  const type = schoolTypeOf(record);
  const [classification, figures] = await Promise.all([
    record.open ? classificationOf(ctx.snapshots, urn) : null,
    Promise.all(
      record.performance.map(async (p) =>
        nationalFiguresFor(p, type, await registryMeans(ctx, p.year, p.keyStage, type)),
      ),
    ),
  ]);
  return ok({
    ...record,
    classification,
    nationalFigures: figures.flat(),
    wales: welshContextOf(record),
    sponsorships,
  });
}

/**
 * What the school's page shows: the record; for each year of results, the national figures
 * beside them; its predecessors and successors; its pages on other public services; and how old
 * its latest inspection is against the evidence window of the profile that placed it.
 */
export async function schoolProfile(ctx: Pick<AppContext, 'db' | 'snapshots' | 'now'>, urn: number) {
  // Read side by side with the record, none of them needing it.
  const [found, links, coverage, snapshot] = await Promise.all([
    schoolRecord(ctx, urn),
    listPredecessorsAndSuccessors(ctx.db, urn),
    registryCoverage(ctx.db),
    ctx.snapshots.get(),
  ]);
  if (!found.ok) return found;
  const record = found.value;
  const view = snapshot.view();
  // The profile that placed the school: a Welsh school's is the Welsh one, whichever is the default.
  const placedBy = view?.classifications.get(urn)?.profile.name;
  const profile = snapshot.profiles.find((p) => p.name === placedBy) ?? view?.profile;
  const latest = record.inspections[0];
  const ageYears = latest ? yearsBetween(latest.startDate, snapshot.asOf) : null;
  const windowYears = profile?.maxInspectionAgeYears ?? null;
  return ok({
    ...record,
    profile: profile ? { name: profile.name, title: profile.title } : null,
    latestInspectionAge:
      ageYears === null
        ? null
        : {
            years: Math.floor(ageYears),
            beyondEvidenceWindow: windowYears !== null && ageYears > windowYears,
            windowYears,
          },
    trustsInData: coverage.trusts,
    publicPages: publicPagesOf(record),
    links: links.map((link) => ({
      ...link,
      type: linkTypeLabel(link.type),
      href: link.inRegistry ? `/schools/${link.urn}` : giasPage(link.urn),
    })),
  });
}
