import type { Command } from 'commander';
import { activateProfile, listProfiles, type ProfileListing } from '../../app/admin/profiles.ts';
import { output, withApp } from '../context.ts';
import { valueOf } from '../problem.ts';

function describe({ active, profiles }: ProfileListing): string {
  return profiles
    .map((p) => {
      const by = p.createdByEmail ? ` by ${p.createdByEmail}` : ' (shipped)';
      const mark = p.active ? '* ' : '  ';
      return `${mark}${p.name} version ${p.version}: ${p.title}, published ${p.createdAt.slice(0, 10)}${by}`;
    })
    .concat(`* ${active} is used when none is named`)
    .join('\n');
}

export default function register(program: Command): void {
  const profiles = program
    .command('profiles')
    .description('the performance profiles that classify schools, and which one is used by default');
  profiles
    .command('list')
    .description('every published version of every profile, and the active one')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withApp(listProfiles);
      output(options.json, result, () => describe(result));
    });
  profiles
    .command('activate <name>')
    .description('use this profile when a page, call or command names none (audited)')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const result = valueOf(await withApp((ctx) => activateProfile(ctx, null, name)), { name: 'profile' });
      output(options.json, result, () => `${name} is now used when none is named`);
    });
}
