import type { Command } from 'commander';
import { deploymentsReport } from '../../app/leaders/deployments.ts';
import { findSystemLeaders, systemLeadersAnswer } from '../../app/leaders/directory.ts';
import { leaderQuery } from '../../app/leaders/query.ts';
import { parseInput } from '../../app/result.ts';
import { DEPLOYMENT_STATUS_LABELS } from '../../domain/leaders/deployment.ts';
import { output, withApp, withDataset } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const pounds = (n: number) =>
  `£${n.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;

/** `s2s leaders` (the published directory, as GET /api/system-leaders) and `s2s deployments`. */
export default function register(program: Command): void {
  program
    .command('leaders')
    .description('search the published directory of system leaders, as GET /api/system-leaders does')
    .option(
      '--expertise <areas>',
      'any of these areas of expertise, separated by commas (e.g. literacy,send)',
    )
    .option('--phase <phase>', 'a phase they work in, e.g. primary or secondary')
    .option('--designation <code>', 'a designation: NLE, LLE, SLE or NLG')
    .option('--near <urn>', 'only leaders who reach this school, in person or remotely, nearest first')
    .option('--available', 'only leaders with days left')
    .option('--limit <n>', 'how many to print', '20')
    .option('--json', 'print JSON, exactly as GET /api/system-leaders answers')
    .action(
      async (opts: {
        expertise?: string;
        phase?: string;
        designation?: string;
        near?: string;
        available?: boolean;
        limit: string;
        json?: boolean;
      }) => {
        const query = valueOf(
          parseInput(leaderQuery, {
            ...opts,
            available: opts.available ? 'true' : undefined,
            json: undefined,
          }),
        );
        const { value, dataset } = await withDataset(async (ctx) =>
          valueOf(await findSystemLeaders(ctx, query)),
        );
        const answer = systemLeadersAnswer(value);
        output(
          opts.json,
          answer,
          () =>
            [
              `${answer.total} published system leader${answer.total === 1 ? '' : 's'}${answer.near ? ` who reach ${answer.near.name}` : ''}`,
              ...answer.items.map((l) =>
                [
                  `${l.id}  ${l.name}${l.example ? ' (example, synthetic)' : ''}, ${l.jobTitle}, ${l.school.name}`,
                  `    ${[...l.designations.map((d) => `${d.code}${d.verified ? ' (verified)' : ''}`), ...l.expertise].join(', ')}; ${days(l.daysAvailable)} left${'distanceKm' in l && l.distanceKm !== undefined ? `; ${l.distanceKm} km away` : ''}`,
                  ...('reasons' in l && l.reasons ? l.reasons.map((r: string) => `    - ${r}`) : []),
                ].join('\n'),
              ),
            ].join('\n'),
          dataset,
        );
      },
    );

  program
    .command('deployments')
    .description(
      'the deployments an organisation commissioned, or a system leader’s, with days and cost by school',
    )
    .option(
      '--organisation <id>',
      'the organisation (local authority, trust or diocese) that commissioned them',
    )
    .option('--leader <email>', 'the system leader deployed')
    .option('--json', 'print JSON: { of, total, items, summary }')
    .action(async (opts: { organisation?: string; leader?: string; json?: boolean }) => {
      if ((opts.organisation === undefined) === (opts.leader === undefined))
        throw new UsageError('give one of --organisation ID and --leader EMAIL');
      if (opts.organisation !== undefined && !/^\d{1,9}$/.test(opts.organisation))
        throw new UsageError('--organisation: give the organisation’s number, like 3');
      const report = await withApp(async (ctx) =>
        valueOf(
          await deploymentsReport(ctx, {
            organisationId: opts.organisation === undefined ? undefined : Number(opts.organisation),
            leaderEmail: opts.leader,
          }),
        ),
      );
      output(opts.json, report, () => {
        const title = report.of.organisation?.name ?? report.of.leader?.email ?? '';
        const { schools, total } = report.summary;
        return [
          `${report.total} deployment${report.total === 1 ? '' : 's'}: ${title}`,
          ...report.items.map(
            (d) =>
              `${d.id}  ${d.leader.name} to ${d.client.name}: ${days(d.days)}, ${d.start} to ${d.end}, ${pounds(d.costing.totalPounds)}; ${DEPLOYMENT_STATUS_LABELS[d.status]}`,
          ),
          '',
          'Days and cost by school (declined and withdrawn left out)',
          ...schools.map((s) => `${s.name} (${s.urn}): ${days(s.days)}, ${pounds(s.totalPounds)}`),
          `All schools: ${days(total.days)}, ${pounds(total.totalPounds)}`,
        ].join('\n');
      });
    });
}
