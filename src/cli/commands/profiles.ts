import type { Command } from 'commander';
import {
  getActiveProfileName,
  listProfileVersions,
  setActiveProfile,
  type ProfileVersionSummary,
} from '../../data/profiles.ts';
import { output, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';

interface ProfileListing {
  active: string;
  profiles: (Omit<ProfileVersionSummary, 'createdAt'> & { createdAt: string; active: boolean })[];
}

function listing(active: string, versions: ProfileVersionSummary[]): ProfileListing {
  return {
    active,
    profiles: versions.map((v) => ({
      ...v,
      createdAt: v.createdAt.toISOString(),
      active: v.name === active,
    })),
  };
}

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
      const result = await withDatabase(async (db) =>
        listing(await getActiveProfileName(db), await listProfileVersions(db)),
      );
      output(options.json, result, () => describe(result));
    });
  profiles
    .command('activate <name>')
    .description('use this profile when a page, call or command names none (audited)')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const result = await withDatabase(async (db) => {
        if (!(await setActiveProfile(db, name, null))) {
          const known = [...new Set((await listProfileVersions(db)).map((v) => v.name))];
          throw new UsageError(
            `There is no performance profile called "${name}": choose one of ${known.join(', ')}`,
          );
        }
        return { active: name };
      });
      output(options.json, result, () => `${name} is now used when none is named`);
    });
}
