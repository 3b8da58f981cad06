import { describe, expect, it } from 'vitest';
import { catalogue, translateMessage, translatePhrase, type Catalogue } from '../../../src/i18n/index.ts';

/** Each message of a catalogue by its path. */
const messagesOf = (c: Catalogue, path = ''): Map<string, string> =>
  new Map(
    Object.entries(c).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${path}${key}`, value] as const]
        : [...messagesOf(value, `${path}${key}.`)],
    ),
  );

/** The DfE's KS4 measures by their English names, each with its one Welsh name. */
const MEASURES = [
  { english: 'Progress 8', welsh: 'Cynnydd 8' },
  { english: 'Attainment 8', welsh: 'Cyrhaeddiad 8' },
];

describe.each(MEASURES)('the DfE’s KS4 measure $english in Welsh', ({ english: name, welsh: named }) => {
  it('is its Welsh name in every Welsh message that names it, never the English name', () => {
    const english = messagesOf(catalogue('en'));
    const welsh = messagesOf(catalogue('cy'));
    const naming = [...english].filter(([, text]) => text.includes(name)).map(([key]) => key);
    expect(naming.length).toBeGreaterThan(4);
    const notNamed = naming.filter((key) => {
      const text = welsh.get(key) ?? '';
      return !text.includes(named) || text.includes(name);
    });
    expect(notNamed).toEqual([]);
  });

  it('is written alike on the profile, in a school’s reasons and in a partnership’s measures', () => {
    expect(translateMessage('cy', { message: `${name} score` })).toBe(`Sgôr ${named}`);
    expect(
      translatePhrase('cy', {
        template: `${name} {{score}} ({{national}})`,
        values: { score: '+0.45', national: '0' },
      }),
    ).toBe(`${named} +0.45 (0)`);
    expect(translateMessage('cy', { message: `KS4 ${name}` })).toBe(`${named} CA4`);
  });
});
