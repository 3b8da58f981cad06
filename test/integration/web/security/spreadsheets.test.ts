import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, saveAnswers } from '../../../../src/data/readiness.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { fillRoute } from '../../../helpers/site.ts';

/**
 * Every CSV the service writes, downloaded with hostile text in every field a person or a
 * published file can set: no cell may start a formula in a spreadsheet (OWASP: = + - @ tab CR).
 */
const OWN = 620001;
const PARTNER = 620002;
const PAYLOADS = [
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  "-1+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\t=1',
  '\r=1',
];
const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV downloads are spreadsheet-safe', () => {
  let admin: SignedIn;
  let officer: SignedIn;
  let values: Record<string, string>;
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: OWN, name: PAYLOADS[0]! });
    await insertSchool(db, { urn: PARTNER, name: PAYLOADS[3]! });
  });

  beforeAll(async () => {
    const organisationId = await createOrganisation(t.db, {
      name: '=Leeds',
      schools: [{ urn: OWN, sharesRecords: true }],
    });
    admin = await signIn(t.app, t.db, { schools: [{ urn: OWN, role: 'admin' }] });
    officer = await signIn(t.app, t.db, { organisations: [organisationId] });
    for (const title of PAYLOADS) {
      await createAcceptedPartnership(
        t.db,
        {
          title,
          type: 'peer-to-peer',
          proposer: { urn: OWN, role: 'supporting' },
          invited: [{ urn: PARTNER, role: 'supported' }],
          createdBy: admin.user.id,
          at: new Date().toISOString(),
        },
        'active',
      );
    }
    const assessment = await createAssessment(t.db, {
      urn: OWN,
      frameworkId: 'estyn-ten-questions',
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: admin.user.id,
    });
    await saveAnswers(
      t.db,
      assessment,
      PAYLOADS.map((evidence, i) => ({
        itemId: ['focus', 'need', 'priorities', 'outcomes', 'resources', 'culture'][i]!,
        rating: 2,
        evidence,
      })),
    );
    values = { id: String(assessment), organisationId: String(organisationId) };
  });

  const csvRoutes = () => t.app.routeTable.filter((r) => r.method === 'GET' && r.url.endsWith('.csv'));

  it('finds every CSV route the service registers', () => {
    expect(
      csvRoutes()
        .map((r) => r.url)
        .sort(),
    ).toEqual([
      '/api/organisations/:organisationId/partnerships.csv',
      '/api/partnerships/export.csv',
      '/capacity.csv',
      '/readiness/assessments/:id/answers.csv',
    ]);
  });

  it('writes no cell that starts a formula, and shows the hostile text as text', async () => {
    let hostileCells = 0;
    for (const route of csvRoutes()) {
      const who = route.url.includes('organisations') ? officer : admin;
      const response = await t.app.inject({
        url: fillRoute(route.url, values),
        headers: { cookie: who.cookie },
      });
      expect(response.statusCode, route.url).toBe(200);
      const cells: string[][] = parse(response.body, { relax_column_count: true, comment: '#' });
      for (const cell of cells.flat()) {
        expect(cell, `${route.url}: ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
        if (PAYLOADS.some((p) => cell.includes(`'${p}`))) hostileCells++;
      }
    }
    // Partnership titles (two exports) and readiness evidence reached the files, neutralised.
    expect(hostileCells).toBeGreaterThanOrEqual(PAYLOADS.length * 3);
  });
});
