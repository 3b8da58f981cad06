import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createAssessment, saveAnswers } from '../../../../src/data/readiness.ts';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
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
const ESTYN_ITEMS = ['focus', 'need', 'priorities', 'outcomes', 'resources', 'culture'];

describe('CSV downloads are spreadsheet-safe', () => {
  let organisationId: number;
  let assessmentId: number;
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: OWN, name: PAYLOADS[0]! });
    await insertSchool(db, { urn: PARTNER, name: PAYLOADS[3]! });
    organisationId = await createOrganisation(db, {
      name: '=Leeds',
      schools: [{ urn: OWN, sharesRecords: true }],
    });
    const head = await createUser(db, { schools: [{ urn: OWN, role: 'admin' }] });
    for (const title of PAYLOADS) {
      await createAcceptedPartnership(
        db,
        {
          title,
          type: 'peer-to-peer',
          proposer: { urn: OWN, role: 'supporting' },
          invited: [{ urn: PARTNER, role: 'supported' }],
          createdBy: head.id,
          at: new Date().toISOString(),
        },
        'active',
      );
    }
    assessmentId = await createAssessment(db, {
      urn: OWN,
      frameworkId: 'estyn-ten-questions',
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: head.id,
    });
    await saveAnswers(
      db,
      assessmentId,
      PAYLOADS.map((evidence, i) => ({ itemId: ESTYN_ITEMS[i]!, rating: 2, evidence })),
    );
  });

  const csvRoutes = () => t.app.routeTable.filter((r) => r.method === 'GET' && r.url.endsWith('.csv'));

  it('finds every CSV route the service registers', () => {
    expect(
      csvRoutes()
        .map((r) => r.url)
        .sort(),
    ).toEqual([
      '/allocations.csv',
      '/api/organisations/:organisationId/partnerships.csv',
      '/api/partnerships/export.csv',
      '/capacity.csv',
      '/readiness/assessments/:id/answers.csv',
    ]);
  });

  it('writes no cell that starts a formula, and shows the hostile text as text', async () => {
    const admin = await signIn(t.app, t.db, { schools: [{ urn: OWN, role: 'admin' }] });
    const officer = await signIn(t.app, t.db, { organisations: [organisationId] });
    const values = { id: String(assessmentId), organisationId: String(organisationId) };
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
