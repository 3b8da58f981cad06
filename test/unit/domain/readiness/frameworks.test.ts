import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FrameworkFileError,
  loadFrameworks,
  SHIPPED_FRAMEWORKS_DIR,
} from '../../../../src/ingest/readiness-frameworks.ts';
import { allItems } from '../../../../src/domain/readiness/framework.ts';
import { frameworkDocument } from '../../../fixtures/readiness/build-framework.ts';

async function problemsLoading(dir: string): Promise<string[]> {
  try {
    await loadFrameworks(dir);
  } catch (error) {
    if (error instanceof FrameworkFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the frameworks to be refused');
}

describe('the shipped readiness frameworks', () => {
  it('load and include Estyn’s ten questions, the enablers, the deployment pair and the peer-review check', async () => {
    const catalogue = await loadFrameworks();
    expect(catalogue.current().map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'estyn-ten-questions',
        'partnership-enablers',
        'deployment-system-leader',
        'deployment-client-school',
        'peer-review-readiness',
      ]),
    );
    expect(allItems(catalogue.find('estyn-ten-questions')!)).toHaveLength(10);
    const leader = catalogue.find('deployment-system-leader')!;
    expect(catalogue.partnerOf(leader)?.id).toBe('deployment-client-school');
  });
});

describe('loading framework files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 's2s-frameworks-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  const write = (name: string, document: unknown) =>
    fs.writeFile(path.join(dir, name), typeof document === 'string' ? document : JSON.stringify(document));

  it('takes a new framework from a new file, with no code change', async () => {
    await fs.cp(SHIPPED_FRAMEWORKS_DIR, dir, { recursive: true });
    await write(
      'naht-peer-review.v1.json',
      frameworkDocument({ id: 'naht-peer-review', title: 'Peer review' }),
    );
    const catalogue = await loadFrameworks(dir);
    expect(catalogue.find('naht-peer-review')?.title).toBe('Peer review');
  });

  it('keeps older versions for assessments started on them, and offers the newest', async () => {
    await write('t.v1.json', frameworkDocument());
    await write('t.v2.json', frameworkDocument({ version: 2, title: 'Test framework, revised' }));
    const catalogue = await loadFrameworks(dir);
    expect(catalogue.find('test-framework')?.version).toBe(2);
    expect(catalogue.find('test-framework', 1)?.title).toBe('Test framework');
  });

  it('refuses a malformed file, naming the file and the path of each bad field', async () => {
    const document = frameworkDocument();
    const sections = document.sections as Array<{ items: Array<Record<string, unknown>> }>;
    delete sections[1]!.items[0]!.question;
    document.scale = { ...(document.scale as object), strengthAtOrAbove: 7 };
    await write('broken.json', document);
    expect(await problemsLoading(dir)).toEqual([
      expect.stringMatching(
        /^broken\.json: scale\.strengthAtOrAbove: must be one of the scale’s level values$/,
      ),
      expect.stringMatching(/^broken\.json: sections\[1\]\.items\[0\]\.question: /),
    ]);
  });

  it('refuses next steps for a rating that is not on the scale or is not a gap', async () => {
    const document = frameworkDocument();
    const [first] = document.sections as Array<{ items: Array<Record<string, unknown>> }>;
    first!.items[0]!.nextStepByRating = { '2': 'Fine.', '3': 'Never shown.', '9': 'Off the scale.' };
    await write('levels.json', document);
    expect(await problemsLoading(dir)).toEqual([
      'levels.json: sections[0].items[0].nextStepByRating.3: rating 3 is not a gap (gaps are rated 2 or below), so its next step would never show',
      'levels.json: sections[0].items[0].nextStepByRating.9: rating 9 is not a level of the scale',
    ]);
  });

  it('refuses a file that is not JSON, and a repeated id and version', async () => {
    await write('a.json', frameworkDocument());
    await write('b.json', frameworkDocument());
    await write('c.json', '{ "id": ');
    expect(await problemsLoading(dir)).toEqual([expect.stringMatching(/^c\.json: not valid JSON/)]);
    await fs.rm(path.join(dir, 'c.json'));
    expect(await problemsLoading(dir)).toEqual([
      'b.json: id and version test-framework@1 are already used by a.json',
    ]);
  });

  it('refuses a pair whose partner is missing an item it names', async () => {
    const item = (id: string, pairsWith: string) => ({
      id,
      question: 'Q?',
      guidance: 'G',
      whenLow: 'W',
      pairsWith,
    });
    await write(
      'leader.json',
      frameworkDocument({
        id: 'leader',
        pair: { with: 'client', disagreementAtLeast: 2 },
        sections: [{ id: 's', title: 'S', items: [item('sl-a', 'cl-missing')] }],
      }),
    );
    await write(
      'client.json',
      frameworkDocument({
        id: 'client',
        pair: { with: 'leader', disagreementAtLeast: 2 },
        sections: [{ id: 's', title: 'S', items: [item('cl-a', 'sl-a')] }],
      }),
    );
    expect(await problemsLoading(dir)).toEqual([
      'leader.json: sections[0].items[0].pairsWith: "client" has no item "cl-missing"',
    ]);
  });
});
