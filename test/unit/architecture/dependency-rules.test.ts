import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * A small tree that breaks each layering rule once, in the folders the rules name: the rules
 * must catch every break, or a real one could land unnoticed.
 */
const BREAKS: Record<string, Record<string, string>> = {
  'no-cycles': { 'src/app/a.ts': "import './b.ts';", 'src/app/b.ts': "import './a.ts';" },
  'domain-imports-only-domain': { 'src/domain/rule.ts': "import '../data/repo.ts';", 'src/data/repo.ts': '' },
  'domain-does-no-io': { 'src/domain/reads.ts': "import 'node:fs';" },
  'geo-imports-only-domain': { 'src/geo/shape.ts': "import '../app/use.ts';", 'src/app/use.ts': '' },
  'data-imports-only-domain': { 'src/data/table.ts': "import '../app/case.ts';", 'src/app/case.ts': '' },
  'ingest-below-app': { 'src/ingest/reader.ts': "import '../app/task.ts';", 'src/app/task.ts': '' },
  'mail-imports-nothing-above': { 'src/mail/text.ts': "import '../data/row.ts';", 'src/data/row.ts': '' },
  'app-never-imports-faces': { 'src/app/uc.ts': "import '../web/page.ts';", 'src/web/page.ts': '' },
  'web-never-imports-cli': { 'src/web/route.ts': "import '../cli/cmd.ts';", 'src/cli/cmd.ts': '' },
  'cli-never-imports-web': { 'src/cli/command.ts': "import '../web/form.ts';", 'src/web/form.ts': '' },
  'faces-go-through-app': {
    'src/web/schools/pages.ts': "import '../../data/schools.ts';",
    'src/data/schools.ts': '',
  },
  'client-imports-only-shared-pure-code': {
    'client/map.ts': "import '../src/app/map.ts';",
    'src/app/map.ts': '',
  },
  'scripts-never-import-faces': {
    'scripts/build.ts': "import '../src/web/build.ts';",
    'src/web/build.ts': '',
  },
  'source-never-imports-tests': { 'src/app/x.ts': "import '../../test/helper.ts';", 'test/helper.ts': '' },
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe('the layering rules', () => {
  let dir: string;
  let violations: Violation[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 's2s-layers-'));
    for (const files of Object.values(BREAKS)) {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), `${text}\nexport {};\n`);
      }
    }
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'NodeNext' },
      }),
    );
    const depcruise = path.join(ROOT, 'node_modules/.bin/depcruise');
    const config = path.join(ROOT, '.dependency-cruiser.cjs');
    const result = await run(
      depcruise,
      ['src', 'client', 'scripts', '--config', config, '--output-type', 'json'],
      {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    violations = (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  }, 120_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(Object.keys(BREAKS))('%s: catches the break', (rule) => {
    const [from] = Object.keys(BREAKS[rule]!);
    expect(violations.filter((v) => v.rule.name === rule).map((v) => v.from)).toContain(from);
  });

  it('names no rule that the tree does not break', () => {
    expect(new Set(violations.map((v) => v.rule.name))).toEqual(new Set(Object.keys(BREAKS)));
  });
});
