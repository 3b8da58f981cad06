import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { translatePhrase, translator } from '../../i18n/index.ts';
import { allocationCsv } from '../../app/matching/allocation-csv.ts';
import { allocationInArea, allocationPage, allocationQuery } from '../../app/matching/allocations.ts';
import { parseInput } from '../../app/result.ts';
import { datasetProvenance } from '../../app/provenance.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';
import { schoolIdInEnglish } from '../../domain/wales.ts';

async function checkFolder(file: string): Promise<void> {
  try {
    if ((await fs.stat(path.dirname(file))).isDirectory()) return;
  } catch {
    // Reported below, as for a path that is not a folder.
  }
  throw new UsageError(`--out: the folder ${path.dirname(file)} does not exist`);
}

export default function register(program: Command): void {
  program
    .command('allocate')
    .description('pair every school in need with a high-performing supporter, within capacity, nationally')
    .option('--out <file>', 'write the whole allocation as CSV to this file')
    .option(
      '--profile <name>',
      'performance profile (default: the active one, nfer-2017 unless an administrator chose another)',
    )
    .option('--region <region>', 'only the schools in need in this region (code or name)')
    .option('--la <la>', 'only the schools in need in this local authority (code or name)')
    .option('--constituency <constituency>', 'only the schools in need in this constituency (code or name)')
    .option('--phase <phase>', 'only the schools in need of this phase (primary, secondary, …)')
    .option('--limit <n>', 'how many supported schools to list', '100')
    .option('--offset <n>', 'how many supported schools to skip', '0')
    .option('--json', 'print JSON, exactly as GET /api/allocations answers for the same options')
    .action(
      async (opts: {
        out?: string;
        profile?: string;
        region?: string;
        la?: string;
        constituency?: string;
        phase?: string;
        limit: string;
        offset: string;
        json?: boolean;
      }) => {
        const query = valueOf(parseInput(allocationQuery, opts));
        const out = opts.out ? path.resolve(opts.out) : undefined;
        if (out) await checkFolder(out);
        const { answer, dataset } = await withApp(async (ctx) => {
          const dataset = await datasetProvenance(ctx);
          if (out) {
            const found = valueOf(await allocationInArea(ctx, query));
            // Written beside the target and renamed, so a failure never leaves half a file.
            await fs.writeFile(
              `${out}.partial`,
              allocationCsv(found, dataset, { t: translator('en'), write: (p) => translatePhrase('en', p) }),
            );
            await fs.rename(`${out}.partial`, out);
          }
          return { answer: valueOf(await allocationPage(ctx, query)), dataset };
        });
        const { summary, unsupported } = answer;
        output(
          opts.json,
          answer,
          () =>
            [
              `${summary.supported} of ${summary.inNeed} schools in need have a supporter (${summary.remote} beyond their radius, ${summary.remoteNearerTaken} of them because those within it are taken), from ${summary.supporters} supporters, under ${answer.profile.title}.`,
              `${summary.unsupported} without a partner:`,
              ...unsupported.slice(0, 20).map((u) => `  ${u.name} (${schoolIdInEnglish(u.urn)}): ${u.text}`),
              ...(summary.unsupported > 20
                ? [`  … and ${summary.unsupported - 20} more${out ? ' in the file' : ''}`]
                : []),
              ...(out ? [`Written to ${out}`] : []),
            ].join('\n'),
          dataset,
        );
      },
    );
}
