import type { Command } from 'commander';
import { SCHOOL_GROUP_LABELS } from '../../domain/classification/types.ts';
import { STRATEGY_LABELS } from '../../domain/matching/settings.ts';
import { searchPartners } from '../../domain/snapshot.ts';
import { partnersQuery } from '../../app/matching/query.ts';
import { output } from '../context.ts';
import { UsageError } from '../errors.ts';
import { withSnapshot } from '../snapshot.ts';

const flag = (path: PropertyKey | undefined) =>
  `--${String(path).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export default function register(program: Command): void {
  program
    .command('match')
    .description('ranked, explained candidate partners for one school')
    .argument('<urn>', 'the school looking for a partner')
    .option('--strategy <strategy>', 'support, peer or reciprocal', 'support')
    .option('--radius-km <km>', "how far to look (default: the phase's radius)")
    .option('--limit <n>', 'how many candidates', '10')
    .option('--type <type>', 'only this establishment type or type group')
    .option('--trust <name>', 'only schools in this trust')
    .option('--exclude-partnered', 'leave out schools that already have a partnership')
    .option(
      '--profile <name>',
      'performance profile (default: the active one, nfer-2017 unless an administrator chose another)',
    )
    .option('--json', 'print JSON, as the API answers')
    .action(async (urnText: string, opts: Record<string, string | boolean | undefined>) => {
      const urn = Number(urnText);
      if (!(Number.isSafeInteger(urn) && urn > 0)) {
        throw new UsageError(`URN: "${urnText}" is not a URN (a whole number such as 100000)`);
      }
      const parsed = partnersQuery.safeParse({
        ...opts,
        excludePartnered: opts.excludePartnered ? 'true' : undefined,
        json: undefined,
      });
      if (!parsed.success) {
        throw new UsageError(parsed.error.issues.map((i) => `${flag(i.path[0])}: ${i.message}`).join('\n'));
      }
      const { profile, ...query } = parsed.data;
      await withSnapshot((snapshot) => {
        const result = searchPartners(snapshot, urn, query, profile);
        if (!result.ok)
          throw new UsageError(
            result.error === 'unknown-profile' ? `--profile: ${result.message}` : result.message,
          );
        const { school, candidates } = result;
        const lines = [
          `${school.school.name} (URN ${urn}): ${SCHOOL_GROUP_LABELS[school.classification.group]}`,
          `${STRATEGY_LABELS[query.strategy]}, within ${result.radiusKm} km, profile ${result.profile.title}`,
          '',
          ...(candidates.length === 0
            ? ['No suitable partner found. Try another strategy or a wider radius.']
            : candidates.flatMap((c, i) => [
                `${i + 1}. ${c.name} (URN ${c.urn}), ${c.distanceKm} km, score ${c.score.toFixed(3)}${c.remote ? ', remote' : ''}`,
                ...c.reasons.map((r) => `     ${r}`),
              ])),
        ];
        output(
          opts.json as boolean | undefined,
          {
            school: { urn, name: school.school.name, group: school.classification.group },
            profile: { name: result.profile.name, version: result.profile.version },
            strategy: query.strategy,
            radiusKm: result.radiusKm,
            candidates,
          },
          () => lines.join('\n'),
        );
      });
    });
}
