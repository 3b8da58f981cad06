import type { SchoolLink } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { requireColumns } from './kinds.ts';
import { DuplicateCheck, type ReadOptions, type RecordSource } from './source.ts';

/** Reads GIAS's links extract (`links_edubasealldataYYYYMMDD.csv`). */
export async function readLinks(file: string, options: ReadOptions): Promise<RecordSource<SchoolLink>> {
  const csv = await openCsv(file, {
    encoding: 'windows-1252',
    ...options,
    checkHeader: (name, columns) => requireColumns(name, columns, 'links', ['URN', 'LinkURN', 'LinkType']),
  });
  const { problems } = options;
  const duplicates = new DuplicateCheck<string>((key) => `the link ${key.replaceAll('|', ' → ')}`);

  async function* records(): AsyncGenerator<SchoolLink> {
    for await (const r of csv.rows) {
      const urn = r.integer('URN', { min: 1 });
      const linkUrn = r.integer('LinkURN', { min: 1 });
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

  return { kind: 'links', name: csv.name, records: records(), sha256: csv.sha256, rowsRead: csv.rowsRead };
}
