import type { Command } from 'commander';
import {
  endSponsorship,
  recordSponsorship,
  sponsorshipList,
  type SponsorRef,
  type SponsorshipsOf,
} from '../../app/sponsorships/sponsorships.ts';
import { output, withApp } from '../context.ts';
import { UsageError } from '../errors.ts';
import { valueOf } from '../problem.ts';

interface Who {
  organisation?: string;
  sponsorUrn?: string;
  urn?: string;
}

const number = (option: string, raw: string, example: string) => {
  if (!/^\d{1,9}$/.test(raw)) throw new UsageError(`${option}: give a number, like ${example}`);
  return Number(raw);
};

/** The sponsor named by exactly one of --organisation and --sponsor-urn. */
function sponsorOf(opts: Who): SponsorRef {
  if ((opts.organisation === undefined) === (opts.sponsorUrn === undefined))
    throw new UsageError('give one of --organisation ID (a trust) and --sponsor-urn URN (a sponsor school)');
  return opts.organisation !== undefined
    ? { organisationId: number('--organisation', opts.organisation, '3') }
    : { urn: number('--sponsor-urn', opts.sponsorUrn!, '100001') };
}

/** A date typed as 2025-08-31, in the three parts the web's date input sends; blank stays blank. */
function dateParts(option: string, raw: string | undefined) {
  if (raw === undefined) return { day: '', month: '', year: '' };
  const parts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  if (!parts) throw new UsageError(`${option}: give the date as YYYY-MM-DD, like 2025-08-31`);
  return { year: parts[1]!, month: parts[2]!, day: parts[3]! };
}

/**
 * `s2s sponsorships`: list a trust's, a sponsor school's or a school's sponsorships, record one
 * and end one, through the same use cases as the sponsor's page. The operator at the command line
 * has a platform administrator's rights; what is recorded or ended is audited with no person.
 */
export default function register(program: Command): void {
  const sponsorships = program
    .command('sponsorships')
    .description('schools taken on by a trust or a sponsor school: list, record and end them');

  sponsorships
    .command('list', { isDefault: true })
    .description('a trust’s or a sponsor school’s sponsorships, or those a school is part of, newest first')
    .option('--organisation <id>', 'the trust')
    .option('--sponsor-urn <urn>', 'the sponsor school')
    .option('--urn <urn>', 'a school: the sponsorships it was taken on by, or that it sponsors')
    .option('--json', 'print JSON: { of, total, items }')
    .action(async (opts: Who & { json?: boolean }) => {
      const given = [opts.organisation, opts.sponsorUrn, opts.urn].filter((o) => o !== undefined).length;
      if (given !== 1) throw new UsageError('give one of --organisation ID, --sponsor-urn URN and --urn URN');
      const of: SponsorshipsOf =
        opts.urn !== undefined ? { school: number('--urn', opts.urn, '100001') } : sponsorOf(opts);
      const list = valueOf(await withApp((ctx) => sponsorshipList(ctx, of, null)));
      output(opts.json, list, () =>
        [
          `${list.total} sponsorship${list.total === 1 ? '' : 's'}: ${list.of.name}`,
          ...list.items.map(
            (s) =>
              `${s.id}  ${s.schoolName} (${s.urn}) taken on by ${s.sponsor.name} on ${s.startsOn}, ${
                s.endsOn ? `ended ${s.endsOn}` : 'continuing'
              }; ${s.current ? 'in force' : 'not in force'}`,
          ),
        ].join('\n'),
      );
    });

  sponsorships
    .command('record')
    .description('record that a trust or a sponsor school took a school on (audited)')
    .option('--organisation <id>', 'the trust that took the school on')
    .option('--sponsor-urn <urn>', 'the sponsor school that took it on')
    .requiredOption('--urn <urn>', 'the school taken on')
    .requiredOption('--from <date>', 'the day it was taken on, YYYY-MM-DD')
    .option('--until <date>', 'the day the sponsorship ended, if it has, YYYY-MM-DD')
    .option('--json', 'print JSON: { id }')
    .action(async (opts: Who & { from: string; until?: string; json?: boolean }) => {
      const sponsor = sponsorOf(opts);
      const input = {
        urn: opts.urn,
        startsOn: dateParts('--from', opts.from),
        endsOn: dateParts('--until', opts.until),
      };
      const recorded = valueOf(await withApp((ctx) => recordSponsorship(ctx, sponsor, input, null)), {
        startsOn: '--from',
        endsOn: '--until',
      });
      output(
        opts.json,
        recorded,
        () => `Sponsorship ${recorded.id} recorded: school ${opts.urn} from ${opts.from}`,
      );
    });

  sponsorships
    .command('end <id>')
    .description('end a sponsorship still in force, on a day not before it began (audited)')
    .requiredOption('--on <date>', 'the day it ended, YYYY-MM-DD')
    .option('--json', 'print JSON: { id, endsOn }')
    .action(async (id: string, opts: { on: string; json?: boolean }) => {
      const input = { sponsorship: id, endedOn: dateParts('--on', opts.on) };
      const ended = valueOf(await withApp((ctx) => endSponsorship(ctx, null, input, null)), {
        sponsorship: 'ID',
        endedOn: '--on',
      });
      output(opts.json, ended, () => `Sponsorship ${ended.id} ended on ${ended.endsOn}`);
    });
}
