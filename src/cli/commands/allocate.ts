import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { Allocation } from '../../domain/allocation/allocate.ts';
import { provenanceComment, type DatasetProvenance } from '../../domain/provenance.ts';
import { unknownProfile } from '../../domain/snapshot.ts';
import { output } from '../context.ts';
import { UsageError } from '../errors.ts';
import { withSnapshot } from '../snapshot.ts';

/** One row per school in need: its supporter, or why it has none; first, which data it rests on. */
export function allocationCsv(allocation: Allocation, dataset: DatasetProvenance): string {
  const header = [
    'URN',
    'School',
    'Status',
    'Supporter URN',
    'Supporter',
    'Distance km',
    'Score',
    'Remote',
    'Why',
  ];
  const rows = [
    ...allocation.assignments.map((a) => [
      a.urn,
      a.name,
      'supported',
      a.supporterUrn,
      a.supporterName,
      a.distanceKm,
      a.score,
      a.remote ? 'yes' : 'no',
      a.reasons.join('; '),
    ]),
    ...allocation.unsupported.map((u) => [u.urn, u.name, 'unsupported', '', '', '', '', '', u.text]),
  ];
  return provenanceComment(dataset) + stringify([header, ...rows]);
}

export default function register(program: Command): void {
  program
    .command('allocate')
    .description('pair every school in need with a high-performing supporter, within capacity, nationally')
    .requiredOption('--out <file>', 'where to write the allocation as CSV')
    .option(
      '--profile <name>',
      'performance profile (default: the active one, nfer-2017 unless an administrator chose another)',
    )
    .option('--json', 'print the summary and who is left without a partner as JSON')
    .action(async (opts: { out: string; profile?: string; json?: boolean }) => {
      const out = path.resolve(opts.out);
      try {
        if (!(await fs.stat(path.dirname(out))).isDirectory()) throw new Error();
      } catch {
        throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist`);
      }
      await withSnapshot(async (snapshot, dataset) => {
        const view = snapshot.view(opts.profile);
        if (!view) throw new UsageError(`--profile: ${unknownProfile(snapshot, opts.profile).message}`);
        const allocation = view.allocation();
        // Written beside the target and renamed, so a failure never leaves half a file.
        const partial = `${out}.partial`;
        await fs.writeFile(partial, allocationCsv(allocation, dataset));
        await fs.rename(partial, out);
        const { summary } = allocation;
        output(
          opts.json,
          {
            profile: { name: view.profile.name, version: view.profile.version },
            file: out,
            summary,
            unsupported: allocation.unsupported,
          },
          () =>
            [
              `${summary.supported} of ${summary.inNeed} schools in need have a supporter (${summary.remote} beyond their radius), from ${summary.supporters} supporters.`,
              `${summary.unsupported} without a partner:`,
              ...allocation.unsupported.slice(0, 20).map((u) => `  ${u.name} (URN ${u.urn}): ${u.text}`),
              ...(allocation.unsupported.length > 20
                ? [`  … and ${allocation.unsupported.length - 20} more in the file`]
                : []),
              `Written to ${out}`,
            ].join('\n'),
          dataset,
        );
      });
    });
}
