import type { SchoolLink } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { dateFromName } from './dates.ts';
import { checkLayout } from './kinds.ts';
import { DuplicateCheck, recordSource, type ReadOptions, type RecordSource } from './source.ts';
import { URN_BOUNDS } from './urn-table.ts';

/** Reads GIAS's links extract (`links_edubasealldataYYYYMMDD.csv`). */
export async function readLinks(file: string, options: ReadOptions): Promise<RecordSource<SchoolLink>> {
  const csv = await openCsv(file, {
    encoding: 'windows-1252',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'links', ['URN', 'LinkURN', 'LinkType']),
  });
  const { problems } = options;
  const duplicates = new DuplicateCheck<string>((key) => `the link ${key.replaceAll('|', ' → ')}`);

  async function* records(): AsyncGenerator<SchoolLink> {
    for await (const r of csv.rows) {
      const urn = r.integer('URN', URN_BOUNDS);
      const linkUrn = r.integer('LinkURN', URN_BOUNDS);
      const linkType = r.text('LinkType');
      if (linkType === null) r.problem('LinkType', 'the link type is missing');
      if (urn === null || linkUrn === null || linkType === null) continue;
      const link = {
        urn,
        linkUrn,
        linkName: r.text('LinkName'),
        linkType,
        linkDate: r.date('LinkEstablishedDate'),
      };
      const key = `${urn}|${linkUrn}|${linkType}`;
      if (duplicates.firstRow(key, r.row) !== undefined) {
        problems.skip('the same link listed twice');
        continue;
      }
      yield link;
    }
    problems.throwIfAny();
  }

  const asOf = dateFromName(file);
  return recordSource('links', csv, records(), () => asOf);
}
