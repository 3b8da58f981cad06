import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUPPORT_CATEGORIES, type SupportCategory } from '../../domain/school.ts';
import { CsvWriter } from '../csv-writer.ts';
import { ESTYN_COLUMNS } from '../estyn.ts';
import { SYNTHETIC_MANIFEST } from '../import-file.ts';
import { CATEGORISATION_COLUMNS } from '../wales-categorisation.ts';
import { Random } from './random.ts';
import type { WelshList } from './wales-list.ts';

const AREAS_2017 = ['standards', 'wellbeing', 'teaching', 'care', 'leadership'] as const;
const AREAS_2010 = ['currentPerformance', 'prospects'] as const;

export const ESTYN_LAYOUT = [
  ESTYN_COLUMNS.number[0],
  ESTYN_COLUMNS.name[0],
  ESTYN_COLUMNS.startDate,
  ESTYN_COLUMNS.publicationDate,
  ...[...AREAS_2017, ...AREAS_2010].map((a) => ESTYN_COLUMNS.areas[a]),
  ESTYN_COLUMNS.followUp,
];

export const CATEGORISATION_LAYOUT = [
  'LA Code',
  CATEGORISATION_COLUMNS.number,
  CATEGORISATION_COLUMNS.name,
  'Sector',
  CATEGORISATION_COLUMNS.year,
  'Standards Group',
  'Improvement Capacity',
  CATEGORISATION_COLUMNS.supportCategory,
];

const WORDS_2017 = [
  'Excellent',
  'Good',
  'Adequate and needs improvement',
  'Unsatisfactory and needs urgent improvement',
];
const WORDS_2010 = ['Excellent', 'Good', 'Adequate', 'Unsatisfactory'];

/** A judgement from a school's underlying quality: mostly good, some excellent, fewer below. */
const judgementOf = (quality: number) => (quality > 1.2 ? 0 : quality > -0.6 ? 1 : quality > -1.7 ? 2 : 3);

/** A support category from quality: about 40% green, 40% yellow, 15% amber and 5% red. */
const categoryOf = (quality: number): SupportCategory =>
  SUPPORT_CATEGORIES[quality > 0.25 ? 0 : quality > -0.95 ? 1 : quality > -1.65 ? 2 : 3];

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const FIRST_DAY = Date.parse('2012-01-09') / 86_400_000;
const LAST_DAY = Date.parse('2018-11-05') / 86_400_000;
const FRAMEWORK_2017 = '2017-09-01';

export interface WelshEvidenceFiles {
  estyn: string;
  categorisation: string;
}

/**
 * Writes made-up Estyn inspection outcomes (summary judgements and follow-up, all before the
 * list's date of January 2019, so in the era of summary judgements) and the national
 * categorisation of 2017/18 and 2018/19 for the schools of a synthetic Welsh list, each school's
 * judgements and categories drawn around one underlying quality. The list's manifest is extended
 * to name them, so that their import marks them synthetic too.
 */
export async function generateWelshEvidence(
  list: WelshList,
  options: { seed: number; out: string },
): Promise<WelshEvidenceFiles> {
  const random = new Random(options.seed + 1);
  const files: WelshEvidenceFiles = {
    estyn: path.join(options.out, '190117-estyn-inspection-outcomes-synthetic.csv'),
    categorisation: path.join(options.out, '190117-national-school-categorisation-synthetic.csv'),
  };
  const estyn = new CsvWriter(files.estyn, ESTYN_LAYOUT, 'utf-8');
  const categories = new CsvWriter(files.categorisation, CATEGORISATION_LAYOUT, 'utf-8');
  for (const school of list.schools) {
    const quality = random.normal();
    // A few schools are too new for an inspection or a categorisation.
    if (random.chance(0.93)) {
      const start = iso(random.int(FIRST_DAY, LAST_DAY));
      const areas: readonly string[] = start >= FRAMEWORK_2017 ? AREAS_2017 : AREAS_2010;
      const words = start >= FRAMEWORK_2017 ? WORDS_2017 : WORDS_2010;
      const judged = new Map(areas.map((a) => [a, judgementOf(quality + random.normal() * 0.5)]));
      const worst = Math.max(...judged.values());
      const followUp =
        worst === 3
          ? random.pick(['Special measures', 'Significant improvement'])
          : worst === 2
            ? random.weighted({ 'Estyn review': 3, 'Local authority monitoring': 2, None: 5 })
            : 'None';
      await estyn.row([
        school.number,
        null,
        start,
        iso(Date.parse(start) / 86_400_000 + random.int(40, 70)),
        ...[...AREAS_2017, ...AREAS_2010].map((a) => (judged.has(a) ? words[judged.get(a)!] : null)),
        followUp,
      ]);
    }
    // Nursery schools were not categorised.
    if (school.sector !== 'Nursery' && random.chance(0.92)) {
      const before = categoryOf(quality + random.normal() * 0.4);
      for (const [year, category] of [
        ['2017/18', before],
        ['2018/19', categoryOf(quality + random.normal() * 0.3)],
      ] as const) {
        const capacity = { green: 'A', yellow: 'B', amber: 'C', red: 'D' }[category];
        await categories.row([
          String(school.number).slice(0, 3),
          school.number,
          null,
          school.sector,
          year,
          String(SUPPORT_CATEGORIES.indexOf(category) + 1),
          capacity,
          category[0]!.toUpperCase() + category.slice(1),
        ]);
      }
    }
  }
  await estyn.close();
  await categories.close();
  const manifestFile = path.join(options.out, SYNTHETIC_MANIFEST);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, string> };
  manifest.files.estyn = path.basename(files.estyn);
  manifest.files['wales-categorisation'] = path.basename(files.categorisation);
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
