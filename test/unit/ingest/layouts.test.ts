import { describe, expect, it } from 'vitest';
import { dateFromName } from '../../../src/ingest/dates.ts';
import { checkLayout, detectKind } from '../../../src/ingest/kinds.ts';
import { Columns } from '../../../src/ingest/row.ts';

const header = (line: string) => new Columns(line.split(','));

describe('recognising published layouts', () => {
  it.each([
    ['URN,School name,Overall effectiveness', 'ofsted-ratings'],
    ['URN,School name,Inspection start date,Overall effectiveness', 'ofsted'],
    ['RECTYPE,URN,SCHNAME,P8MEA,ATT8SCR,OFSTEDRATING,INSPECTIONDT', 'ks4'],
    ['URN,LA,ESTAB,SCHOOLTYPE,NOR,PNUMEAL', 'census'],
  ])('knows %s', (line, kind) => {
    expect(detectKind(header(line))).toBe(kind);
  });

  it.each([
    [
      'urn,name,open_date,town,postcode',
      /this is a list of open state-funded schools .*which S2S does not import: import the GIAS establishments extract instead/,
    ],
    [
      'establishment-type-group-code,establishment-type-group-name,type-of-establishment-code',
      /this is the GIAS establishment types lookup, which S2S does not import/,
    ],
    [
      'LEA,LA Name,REGION,REGION NAME',
      /this is a lookup of local authority and region codes, which S2S does not import/,
    ],
    [
      'RECTYPE,URN,TALLPPE_ALEV_1618',
      /this is a KS5 \(16 to 18\) performance table, which S2S does not import/,
    ],
  ])('names a layout S2S does not import: %s', (line, message) => {
    expect(() => checkLayout('file.csv', header(line), 'gias', ['URN'])).toThrow(message);
  });

  it('asks whether an unknown file is the right one when most of its columns are missing', () => {
    expect(() =>
      checkLayout('notes.csv', header('Name,Address,Phone'), 'census', ['URN', 'PNUMEAL']),
    ).toThrow(
      'notes.csv, row 1: 2 columns are missing for a school census file: "URN", "PNUMEAL" (its header starts "Name", "Address", "Phone": is it the right file?)',
    );
  });
});

describe('dates in published file names', () => {
  it.each([
    ['edubasealldata20250422.csv', '2025-04-22'],
    ['ratings_2020-03-31.csv', '2020-03-31'],
    [
      'Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_Aug_2024.csv',
      '2024-08-31',
    ],
    ['ofsted ratings as at 1 March 2020.csv', '2020-03-01'],
    ['england_ks4final.csv', null],
    ['edubasealldata20251399.csv', null],
  ])('reads %s as %s', (name, date) => {
    expect(dateFromName(`/downloads/${name}`)).toBe(date);
  });
});
