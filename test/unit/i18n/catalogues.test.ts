import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../src/domain/language.ts';
import { worded } from '../../../src/app/result.ts';
import {
  catalogue,
  listIn,
  translateMessage,
  translatePhrase,
  translator,
  unreviewedWelsh,
  type Catalogue,
} from '../../../src/i18n/index.ts';

/** Each message as its path and text; a key of `messages` is an English sentence, dots and all. */
const entriesOf = (c: Catalogue, path: string[] = []): [string[], string][] =>
  Object.entries(c).flatMap(([key, value]): [string[], string][] =>
    typeof value === 'string' ? [[[...path, key], value]] : entriesOf(value, [...path, key]),
  );
const keysOf = (c: Catalogue) => entriesOf(c).map(([path]) => path.join('.'));
const valueOf = (c: Catalogue, key: string) =>
  new Map(entriesOf(c).map(([p, v]) => [p.join('.'), v])).get(key);
// A placeholder with its format (`{{urn, schoolId}}`), which both languages write alike.
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+(?:, \w+)?)\}\}/g)].map((m) => m[1]).sort();

describe('the English and Welsh catalogues', () => {
  const en = catalogue('en');
  const cy = catalogue('cy');

  it('have the same keys, so no Welsh page falls back to English unseen', () => {
    // Welsh counts have more plural forms than English ("2 gofnod", "3 chofnod"): a count's
    // _zero, _two, _few and _many forms are Welsh only, beside the _one and _other of both.
    const english = new Set(keysOf(en));
    const welshOnlyPlural = (key: string) =>
      /_(zero|two|few|many)$/.test(key) && english.has(key.replace(/_\w+$/, '_other'));
    expect(
      keysOf(cy)
        .filter((key) => !welshOnlyPlural(key))
        .sort(),
    ).toEqual(keysOf(en).sort());
  });

  it('write a count in Welsh with its plural form: 0, 1, 2, 3, 6 and 7 records', () => {
    const t = translator('cy');
    expect(
      [0, 1, 2, 3, 6, 7].map((count) => t('practice.records', { count, formatted: String(count) })),
    ).toEqual(['0 cofnod', '1 cofnod', '2 gofnod', '3 chofnod', '6 chofnod', '7 cofnod']);
    expect(
      [1, 2].map((count) => translator('en')('practice.records', { count, formatted: String(count) })),
    ).toEqual(['1 record', '2 records']);
  });

  it('write a supporter’s room for more partnerships in Welsh with its plural form', () => {
    const room = (count: number) =>
      translatePhrase('cy', {
        template:
          count === 1
            ? 'Capacity for {{spare}} more partnership'
            : 'Capacity for {{spare}} more partnerships',
        values: { spare: count, count },
      });
    expect([1, 2, 3, 4, 6].map(room)).toEqual([
      'Lle i 1 bartneriaeth arall',
      'Lle i 2 bartneriaeth arall',
      'Lle i 3 partneriaeth arall',
      'Lle i 4 partneriaeth arall',
      'Lle i 6 phartneriaeth arall',
    ]);
  });

  it('write "a" before a listed word with the aspirate mutation, and a listed name as it is', () => {
    const similar = (...features: string[]) =>
      translatePhrase('cy', {
        template: 'similar {{features}}',
        values: { features: { items: features.map((f) => ({ template: f })), joined: 'and' } },
      });
    expect(similar('size', 'share of pupils with special educational needs')).toBe(
      'maint a chyfran y disgyblion ag anghenion addysgol arbennig tebyg',
    );
    expect(similar('size', 'disadvantage')).toBe('maint a difreintedd tebyg');
    expect(listIn('cy', ['Ysgol y Derw', 'Tregaron'])).toBe('Ysgol y Derw a Tregaron');
  });

  it('write every count in Welsh with its plural form, mutations and all: 1, 2, 3, 4, 6 and 7', () => {
    const t = translator('cy');
    const counts = [1, 2, 3, 4, 6, 7];
    const each = (key: string, values: Record<string, unknown> = {}) =>
      counts.map((count) => t(key, { count, n: String(count), ...values }));
    // "Cofnod" and "diwrnod" are masculine: dau gofnod, dau ddiwrnod; tri and chwe add an h to c
    // (tri chofnod) and leave d alone.
    expect(each('adminAudit.entries')).toEqual([
      '1 cofnod.',
      '2 gofnod.',
      '3 chofnod.',
      '4 cofnod.',
      '6 chofnod.',
      '7 cofnod.',
    ]);
    expect(counts.map((count) => t('leaders.days', { count, days: count }))).toEqual([
      '1 diwrnod',
      '2 ddiwrnod',
      '3 diwrnod',
      '4 diwrnod',
      '6 diwrnod',
      '7 diwrnod',
    ]);
    expect(t('leaders.days', { count: 2.5, days: 2.5 })).toBe('2.5 diwrnod');
    // "Lle" softens after dau: 2 le.
    expect([1, 2, 3, 6].map((count) => t('peerReview.summary.leftOut', { count }).split(' wedi')[0])).toEqual(
      ['1 lle', '2 le', '3 lle', '6 lle'],
    );
    // "Cam" too: ratings dau gam, tri cham apart.
    expect(
      [1, 2, 3, 6].map(
        (count) =>
          /sgoriau sydd (\d+ \w+) neu fwy/.exec(
            t('readiness.compare.intro', { count, threshold: count }),
          )?.[1],
      ),
    ).toEqual(['1 cam', '2 gam', '3 cham', '6 cham']);
    expect(
      [1, 2, 3, 6, 25].map((count) => t('leaders.directory.found', { count, total: String(count) })),
    ).toEqual([
      'Cafwyd hyd i 1 arweinydd system',
      'Cafwyd hyd i 2 arweinydd system',
      'Cafwyd hyd i 3 arweinydd system',
      'Cafwyd hyd i 6 arweinydd system',
      'Cafwyd hyd i 25 o arweinwyr system',
    ]);
    // "Ysgol" is feminine and begins with a vowel: un ysgol, dwy ysgol, tair ysgol, chwe ysgol,
    // each written "n ysgol"; what changes is the words that agree with one school.
    expect(each('adminBulk.willBeAdded')).toEqual([
      'Bydd 1 ysgol yn cael ei hychwanegu.',
      ...[2, 3, 4, 6, 7].map((n) => `Bydd ${n} ysgol yn cael eu hychwanegu.`),
    ]);
    expect(each('adminBulk.unknown', { urns: '1' }).slice(0, 3)).toEqual([
      'Does gan yr un ysgol agored yr URN hwn, felly caiff ei adael allan: 1.',
      'Does gan yr un ysgol agored y ddau URN hyn, felly cânt eu gadael allan: 1.',
      'Does gan yr un ysgol agored yr URNau hyn, felly cânt eu gadael allan: 1.',
    ]);
    for (const [key, welsh] of [
      ['adminBulk.alreadyIn', (n: number) => `Mae ${n} ysgol yn y sefydliad yn barod.`],
      ['organisationSchools.added', (n: number) => `Ychwanegwyd ${n} ysgol.`],
      ['organisationSchools.count', (n: number) => `${n} ysgol`],
      ['search.found', (n: number) => `Cafwyd hyd i ${n} ysgol`],
      ['allocations.unsupportedCaption', (n: number) => `${n} ysgol ag angen cymorth heb gefnogwr`],
      ['mail.digest.subject', (n: number) => `S2S: ${n} hysbysiad newydd`],
    ] as const)
      expect(each(key), key).toEqual(counts.map(welsh));
    expect(each('allocations.summaryHeading', { supported: '1', inNeed: '3' })[2]).toBe(
      'Mae gan 1 o’r 3 ysgol ag angen cymorth gefnogwr',
    );
    expect(translatePhrase('cy', { template: '{{days}} days free', values: { days: 2, count: 2 } })).toBe(
      '2 ddiwrnod yn rhydd',
    );
    // An impact report's schools: the English chooses "school" or "schools", the Welsh agrees.
    const impact = (template: string, values: Record<string, string>) =>
      translateMessage('cy', { message: template, template, values });
    expect(impact('{{change}} ({{count}} school)', { change: '+1.5', count: '1' })).toBe('+1.5 (1 ysgol)');
    expect(
      ['2', '3', '6'].map((count) => impact('{{change}} ({{count}} schools)', { change: '+1.5', count })),
    ).toEqual(['+1.5 (2 ysgol)', '+1.5 (3 ysgol)', '+1.5 (6 ysgol)']);
    const comparison = (count: string, equal: string) =>
      impact(
        `{{count}} ${count === '1' ? 'school' : 'schools'} not in a partnership, weighted towards those like the partnership’s schools in free school meals, size and phase (worth about {{equal}} ${equal === '1' ? 'school' : 'schools'} weighted equally)`,
        { count, equal },
      );
    expect(comparison('1', '1')).toMatch(
      /^1 ysgol nad yw mewn partneriaeth, wedi’i phwysoli .* \(gwerth tua 1 ysgol wedi’i phwysoli’n gyfartal\)$/,
    );
    expect(comparison('3', '2')).toMatch(
      /^3 ysgol nad ydynt mewn partneriaeth, wedi’u pwysoli .* \(gwerth tua 2 ysgol wedi’u pwysoli’n gyfartal\)$/,
    );
  });

  it('write every count in English as one or many', () => {
    const t = translator('en');
    const both = (key: string, values: Record<string, unknown> = {}) =>
      [1, 2].map((count) => t(key, { count, n: String(count), ...values }));
    expect(both('adminAudit.entries')).toEqual(['1 entry.', '2 entries.']);
    expect(both('adminBulk.willBeAdded')).toEqual(['1 school will be added.', '2 schools will be added.']);
    expect(both('adminBulk.alreadyIn')).toEqual([
      '1 school is in the organisation already.',
      '2 schools are in the organisation already.',
    ]);
    expect(both('organisationSchools.added')).toEqual(['Added 1 school.', 'Added 2 schools.']);
    expect(both('organisationSchools.count')).toEqual(['1 school', '2 schools']);
    expect(both('search.found')).toEqual(['1 school found', '2 schools found']);
    expect(both('allocations.summaryHeading', { supported: '1', inNeed: '1' })).toEqual([
      '1 of 1 school in need has a supporter',
      '1 of 1 schools in need have a supporter',
    ]);
    expect(both('allocations.unsupportedCaption')).toEqual([
      '1 school in need without a supporter',
      '2 schools in need without a supporter',
    ]);
    expect(both('mail.digest.subject')).toEqual(['S2S: 1 new notification', 'S2S: 2 new notifications']);
    expect([1, 2].map((count) => t('leaders.days', { count, days: count }))).toEqual(['1 day', '2 days']);
    expect(both('leaders.directory.found', { total: '2' })).toEqual([
      '1 system leader found',
      '2 system leaders found',
    ]);
  });

  it('fill in the same values in each language, and leave no message empty', () => {
    for (const key of keysOf(en)) {
      const english = valueOf(en, key) as string;
      const welsh = valueOf(cy, key) as string;
      expect(welsh.trim(), key).not.toBe('');
      expect(placeholders(welsh), key).toEqual(placeholders(english));
    }
  });

  it('list for the translator only Welsh messages that exist', () => {
    const welsh = new Set(keysOf(cy));
    expect(unreviewedWelsh().filter((key) => !welsh.has(key))).toEqual([]);
  });

  it('keep a message written alike in two files once, and name one written differently', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 's2s-i18n-'));
    try {
      await mkdir(path.join(root, 'en'));
      await writeFile(
        path.join(root, 'en', 'nav.json'),
        JSON.stringify({ nav: { map: 'Map', search: 'Find' } }),
      );
      await writeFile(path.join(root, 'en', 'twice.json'), JSON.stringify({ nav: { search: 'Find' } }));
      expect(catalogue('en', pathToFileURL(`${root}/`))).toEqual({ nav: { map: 'Map', search: 'Find' } });
      await writeFile(path.join(root, 'en', 'twice.json'), JSON.stringify({ nav: { map: 'Map again' } }));
      expect(() => catalogue('en', pathToFileURL(`${root}/`))).toThrow(
        'en/twice.json: nav.map is given other words in another file',
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('key the messages of use cases and input checks by their English text, filled in alike', () => {
    // A counted message's plural forms are keyed by its English text and the form ("…_other").
    for (const [path, text] of entriesOf(en))
      if (path[0] === 'messages') expect(text).toBe(path[1]!.replace(/_(zero|one|two|few|many|other)$/, ''));
    const noSchool = (urn: number) => worded('No school with {{urn, schoolIdInSentence}}', { urn });
    expect(translateMessage('cy', noSchool(6812001))).toBe('Dim ysgol â’r rhif ysgol 6812001');
    expect(translateMessage('en', noSchool(6812001))).toBe('No school with school number 6812001');
    expect(noSchool(6812001).message).toBe('No school with school number 6812001');
    expect(translateMessage('cy', noSchool(100001))).toBe('Dim ysgol â’r URN 100001');
    expect(translateMessage('en', noSchool(100001))).toBe('No school with URN 100001');
    // A message not yet in the catalogue stays in English rather than vanish.
    expect(translateMessage('cy', { message: 'Something new' })).toBe('Something new');
  });

  it('fill in a message’s values in the reader’s language', () => {
    expect(translator('cy')('nav.notificationsUnread', { count: 3 })).toBe('Hysbysiadau (3 heb eu darllen)');
    expect(translator('en')('nav.notificationsUnread', { count: 3 })).toBe('Notifications (3 unread)');
  });
});

describe('choosing the language of an answer', () => {
  it('takes the language asked for, then this browser’s, the person’s, the browser’s preference, else English', () => {
    expect(chooseLanguage({ asked: 'cy', saved: 'en', remembered: 'en', preferred: 'en' })).toBe('cy');
    expect(chooseLanguage({ asked: 'fr', saved: 'en', remembered: 'cy' })).toBe('cy');
    expect(chooseLanguage({ saved: 'cy', remembered: undefined, preferred: 'en' })).toBe('cy');
    expect(chooseLanguage({ preferred: 'cy' })).toBe('cy');
    expect(chooseLanguage({ asked: ['cy'], preferred: null })).toBe('en');
  });
});
