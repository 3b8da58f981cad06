import type { Command } from 'commander';
import { partnersFor } from '../../app/matching/partners.ts';
import { partnersQuery } from '../../app/matching/query.ts';
import { partnersAnswerSchema } from '../../app/matching/answers.ts';
import { parseInput } from '../../app/result.ts';
import { SCHOOL_GROUP_LABELS } from '../../domain/classification/types.ts';
import { STRATEGY_LABELS } from '../../domain/matching/settings.ts';
import { output, withDataset } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';
import { schoolIdInEnglish } from '../../domain/wales.ts';

export default function register(program: Command): void {
  program
    .command('match')
    .description('ranked, explained candidate partners for one school')
    .argument('<urn>', 'the school looking for a partner')
    .option('--strategy <strategy>', 'support, peer, reciprocal or offer-support', 'support')
    .option('--radius-km <km>', "how far to look (default: the phase's radius)")
    .option(
      '--near <place>',
      'look around a postcode, postcode district, town or URN instead of the school (distances from there)',
    )
    .option('--limit <n>', 'how many candidates', '10')
    .option('--type <type>', 'only this establishment type or type group')
    .option('--trust <name>', 'only schools in this trust')
    .option('--exclude-partnered', 'leave out schools that already have a partnership')
    .option(
      '--language-medium <medium>',
      'only schools in Wales teaching through this medium: welsh-medium, bilingual, english-with-significant-welsh or english-medium',
    )
    .option(
      '--profile <name>',
      'performance profile (default: the active one, nfer-2017 unless an administrator chose another)',
    )
    .option('--no-explain', 'the candidates ranked and scored without their reasons')
    .option('--json', 'print JSON, exactly as GET /api/schools/{urn}/partners answers')
    .action(async (urnText: string, opts: Record<string, string | boolean | undefined>) => {
      const urn = Number(urnText);
      if (!(Number.isSafeInteger(urn) && urn > 0)) {
        throw new UsageError(`URN: "${urnText}" is not a URN (a whole number such as 100000)`);
      }
      const query = valueOf(
        parseInput(partnersQuery, {
          ...opts,
          excludePartnered: opts.excludePartnered ? 'true' : undefined,
          explain: opts.explain === false ? 'false' : undefined,
          json: undefined,
        }),
      );
      const { value: answer, dataset } = await withDataset(async (ctx) =>
        valueOf(await partnersFor(ctx, urn, query)),
      );
      const { school, candidates } = answer;
      output(
        opts.json as boolean | undefined,
        // As the API answers: the phrases the reasons were written from are for pages.
        partnersAnswerSchema.parse(answer),
        () =>
          [
            `${school.name} (${schoolIdInEnglish(urn)}): ${SCHOOL_GROUP_LABELS[school.group]}`,
            `${STRATEGY_LABELS[query.strategy]}, within ${answer.radiusKm} km${answer.near ? ` of ${answer.near.name}` : ''}, profile ${answer.profile.title}`,
            ...(answer.near ? [`${answer.near.basis}.`] : []),
            '',
            ...(candidates.length === 0
              ? ['No suitable partner found. Try another strategy or a wider radius.']
              : candidates.flatMap((c, i) => [
                  `${i + 1}. ${c.name} (${schoolIdInEnglish(c.urn)}), ${c.distanceKm} km, score ${c.score} of 100${c.remote ? ', remote' : ''}${c.tags.length > 0 ? `, ${c.tags.join(', ')}` : ''}`,
                  ...c.reasons.map((r) => `     ${r}`),
                ])),
          ].join('\n'),
        dataset,
      );
    });
}
