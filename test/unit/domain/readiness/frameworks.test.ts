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
import { localiseFramework } from '../../../../src/domain/readiness/localise.ts';
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

const WELSH = {
  title: 'Fframwaith prawf',
  levels: { '1': { label: 'Lefel un' } },
  sections: {
    first: { title: 'Cyntaf', items: { a: { question: 'A yn Gymraeg?' } } },
    second: { title: 'Ail' },
  },
};

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

  const loadOne = async (document: Record<string, unknown>) => {
    await write('t.v1.json', document);
    return (await loadFrameworks(dir)).find('test-framework')!;
  };

  it('loads a file with no Welsh as before: a Welsh reader gets the English, every text listed as English', async () => {
    const framework = await loadOne(frameworkDocument());
    expect(framework.cy).toBeUndefined();
    const shown = localiseFramework(framework, 'cy');
    expect(shown.title).toBe('Test framework');
    expect(shown.sections.map((s) => s.title)).toEqual(['First', 'Second']);
    expect(shown.inEnglish).toEqual(
      expect.arrayContaining(['Test framework', 'First', 'Second', 'A?', 'Level 1']),
    );
  });

  it('loads Welsh beside the English, unreviewed unless it says otherwise, and shows each reader theirs', async () => {
    const framework = await loadOne(frameworkDocument({ cy: WELSH }));
    expect(framework.cy?.reviewed).toBe(false);

    const welsh = localiseFramework(framework, 'cy');
    expect(welsh.title).toBe('Fframwaith prawf');
    expect(welsh.sections.map((s) => s.title)).toEqual(['Cyntaf', 'Ail']);
    expect(allItems(welsh).map((it) => it.question)).toEqual(['A yn Gymraeg?', 'B?', 'C?', 'D?']);
    expect(welsh.scale.levels.map((l) => l.label)).toEqual(['Lefel un', 'Level 2', 'Level 3', 'Level 4']);
    // What has no Welsh is shown in English and listed so the page marks it lang="en".
    expect(welsh.inEnglish).toEqual(expect.arrayContaining(['For tests.', 'B?', 'Good A.', 'Level 2']));
    expect(welsh.inEnglish).not.toEqual(expect.arrayContaining(['Fframwaith prawf']));
    expect(welsh.inEnglish).not.toContain('Cyntaf');
    // Ids, scale values and emphasis are untouched: scoring reads the same framework.
    expect(allItems(welsh).map((it) => it.id)).toEqual(allItems(framework).map((it) => it.id));

    const english = localiseFramework(framework, 'en');
    expect(english.title).toBe('Test framework');
    expect(english.sections[0]!.title).toBe('First');
    expect(english.inEnglish).toEqual([]);
  });

  it('refuses Welsh for a section, item, level, hint, summary or next step the framework does not have, naming the file and path', async () => {
    await write(
      'bad.json',
      frameworkDocument({
        cy: {
          levels: { '9': { label: 'Naw' } },
          sections: {
            first: {
              summary: 'Crynodeb heb ei Saesneg.',
              items: {
                zz: { question: 'Beth?' },
                a: { hint: 'Awgrym.', nextStepByRating: { '1': 'Cam.' } },
              },
            },
            missing: { title: 'Ar goll' },
          },
          sources: [{ note: 'Nodyn heb ei Saesneg.' }],
          subtitle: 'Typo',
        },
      }),
    );
    await expect(loadFrameworks(dir)).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/^bad\.json: cy: .*"subtitle"/),
        'bad.json: cy.levels.9: the framework has no level 9',
        'bad.json: cy.sources[0].note: the framework has no note for source 1',
        'bad.json: cy.sections.first.summary: the framework has no summary for this section',
        'bad.json: cy.sections.first.items.zz: the framework has no item "zz" in this section',
        'bad.json: cy.sections.first.items.a.hint: the framework has no hint for this item',
        'bad.json: cy.sections.first.items.a.nextStepByRating.1: the framework has no next step for 1',
        'bad.json: cy.sections.missing: the framework has no section "missing"',
      ],
    });
  });

  it('refuses Welsh reasons for emphasis or source notes that do not match the English one for one', async () => {
    await write(
      'uneven.json',
      frameworkDocument({
        cy: {
          sources: [{}, { note: 'Ail ffynhonnell.' }],
          sections: {
            first: { items: { b: { emphasis: ['Un.', 'Dau.'] } } },
            second: { emphasis: [] },
          },
        },
      }),
    );
    await expect(loadFrameworks(dir)).rejects.toMatchObject({
      problems: [
        'uneven.json: cy.sources: gives 2 sources where the English gives 1',
        'uneven.json: cy.sources[1].note: the framework has no note for source 2',
        'uneven.json: cy.sections.first.items.b.emphasis: gives 2 reasons for emphasis where the English gives 1',
        'uneven.json: cy.sections.second.emphasis: gives 0 reasons for emphasis where the English gives 1',
      ],
    });
  });

  it('shows the Welsh reasons for emphasis and source notes to a Welsh reader, the citation as published', async () => {
    const framework = await loadOne(
      frameworkDocument({
        sources: [{ citation: 'A published source.', note: 'Why it matters.' }],
        cy: {
          sources: [{ note: 'Pam mae’n bwysig.' }],
          sections: {
            first: { items: { b: { emphasis: ['Mae B yn bwysig mewn secondiadau.'] } } },
            second: { emphasis: ['Mae’r ail yn bwysig i gymheiriaid.'] },
          },
        },
      }),
    );
    const welsh = localiseFramework(framework, 'cy');
    expect(welsh.sources).toEqual([{ citation: 'A published source.', note: 'Pam mae’n bwysig.' }]);
    expect(allItems(welsh).find((it) => it.id === 'b')!.emphasis[0]).toMatchObject({
      types: ['deployment'],
      weight: 2,
      reason: 'Mae B yn bwysig mewn secondiadau.',
    });
    expect(welsh.sections[1]!.emphasis[0]!.reason).toBe('Mae’r ail yn bwysig i gymheiriaid.');
    expect(welsh.inEnglish).toContain('A published source.');
    expect(welsh.inEnglish).not.toContain('Why it matters.');
  });
});

describe('the shipped frameworks in Welsh', () => {
  it('give every text in Welsh, marked unreviewed: only the published citations stay in English', async () => {
    const catalogue = await loadFrameworks();
    // Every version on hand, not only the newest: an assessment keeps the version it started on.
    const files = (await fs.readdir(SHIPPED_FRAMEWORKS_DIR)).filter((name) => name.endsWith('.json'));
    for (const name of files) {
      const [, id, version] = /^(.+)\.v(\d+)\.json$/.exec(name)!;
      const framework = catalogue.find(id!, Number(version))!;
      const welsh = localiseFramework(framework, 'cy');
      expect(framework.cy?.reviewed, name).toBe(false);
      expect(welsh.inEnglish, name).toEqual(framework.sources.map((s) => s.citation));
    }
  });
});
