import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFrameworks } from '../../../../src/ingest/readiness-frameworks.ts';
import { localiseFramework } from '../../../../src/domain/readiness/localise.ts';
import { allItems } from '../../../../src/domain/readiness/framework.ts';
import { frameworkDocument } from '../../../fixtures/readiness/build-framework.ts';

const WELSH = {
  title: 'Fframwaith prawf',
  levels: { '1': { label: 'Lefel un' } },
  sections: {
    first: { title: 'Cyntaf', items: { a: { question: 'A yn Gymraeg?' } } },
    second: { title: 'Ail' },
  },
};

describe('a framework file with and without Welsh', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 's2s-frameworks-cy-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));
  const write = (name: string, document: unknown) =>
    fs.writeFile(path.join(dir, name), JSON.stringify(document));
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

  it('refuses Welsh for a section, item, level or next step the framework does not have, naming the file and path', async () => {
    await write(
      'bad.json',
      frameworkDocument({
        cy: {
          levels: { '9': { label: 'Naw' } },
          sections: {
            first: { items: { zz: { question: 'Beth?' }, a: { nextStepByRating: { '1': 'Cam.' } } } },
            missing: { title: 'Ar goll' },
          },
          subtitle: 'Typo',
        },
      }),
    );
    await expect(loadFrameworks(dir)).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/^bad\.json: cy: .*"subtitle"/),
        'bad.json: cy.levels.9: the framework has no level 9',
        'bad.json: cy.sections.first.items.zz: the framework has no item "zz" in this section',
        'bad.json: cy.sections.first.items.a.nextStepByRating.1: the framework has no next step for 1',
        'bad.json: cy.sections.missing: the framework has no section "missing"',
      ],
    });
  });
});

describe('the shipped frameworks in Welsh', () => {
  it('give every theme a Welsh title and every question a Welsh question, marked unreviewed', async () => {
    const catalogue = await loadFrameworks();
    for (const framework of catalogue.current()) {
      const welsh = localiseFramework(framework, 'cy');
      expect(framework.cy?.reviewed, framework.id).toBe(false);
      expect(welsh.inEnglish, framework.id).not.toContain(welsh.title);
      for (const s of welsh.sections) expect(welsh.inEnglish, s.id).not.toContain(s.title);
      for (const it of allItems(welsh)) expect(welsh.inEnglish, it.id).not.toContain(it.question);
    }
  });
});
