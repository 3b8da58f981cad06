import { describe, expect, it } from 'vitest';
import { inWelsh } from '../../../src/i18n/places.ts';
import { WELSH_CONSTITUENCY_NAMES_CY, WELSH_LA_NAMES_CY } from '../../../src/domain/wales.ts';

describe('a Welsh place after "yn", with the nasal mutation', () => {
  it('mutates every Welsh authority as a Welsh writer does', () => {
    const inAuthority = Object.fromEntries(
      Object.entries(WELSH_LA_NAMES_CY).map(([code, name]) => [code, inWelsh(name)]),
    );
    expect(inAuthority).toEqual({
      '660': 'yn Ynys Môn',
      '661': 'yng Ngwynedd',
      '662': 'yng Nghonwy',
      '663': 'yn Sir Ddinbych',
      '664': 'yn Sir y Fflint',
      '665': 'yn Wrecsam',
      '666': 'ym Mhowys',
      '667': 'yng Ngheredigion',
      '668': 'yn Sir Benfro',
      '669': 'yn Sir Gaerfyrddin',
      '670': 'yn Abertawe',
      '671': 'yng Nghastell-nedd Port Talbot',
      '672': 'ym Mhen-y-bont ar Ogwr',
      '673': 'ym Mro Morgannwg',
      '674': 'yn Rhondda Cynon Taf',
      '675': 'ym Merthyr Tudful',
      '676': 'yng Nghaerffili',
      '677': 'ym Mlaenau Gwent',
      '678': 'yn Nhor-faen',
      '679': 'yn Sir Fynwy',
      '680': 'yng Nghasnewydd',
      '681': 'yng Nghaerdydd',
    });
    expect(inWelsh('Cymru')).toBe('yng Nghymru');
  });

  it('mutates the constituencies by their first word only', () => {
    expect(inWelsh(WELSH_CONSTITUENCY_NAMES_CY.W07000089!)).toBe('yn Nwyrain Caerdydd');
    expect(inWelsh(WELSH_CONSTITUENCY_NAMES_CY.W07000091!)).toBe('yn Ne Caerdydd a Phenarth');
    expect(inWelsh(WELSH_CONSTITUENCY_NAMES_CY.W07000090!)).toBe('yng Ngogledd Caerdydd');
    expect(inWelsh(WELSH_CONSTITUENCY_NAMES_CY.W07000083!)).toBe('ym Mangor Aberconwy');
    expect(inWelsh(WELSH_CONSTITUENCY_NAMES_CY.W07000100!)).toBe('yng Nghanol a De Sir Benfro');
    expect(inWelsh(WELSH_CONSTITUENCY_NAMES_CY.W07000082!)).toBe('yn Alun a Glannau Dyfrdwy');
  });

  it('leaves "ch", "ph", "th" and "dd" as they are', () => {
    expect(inWelsh('Chwilog')).toBe('yn Chwilog');
    expect(inWelsh('Threfynwy')).toBe('yn Threfynwy');
    expect(inWelsh('Ddinas')).toBe('yn Ddinas');
  });
});
