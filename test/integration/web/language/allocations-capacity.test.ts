import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertCapacitySchools } from '../../../helpers/capacity-fixture.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

/**
 * The capacity fixture (schools in need with supporters in Leeds, York and Kent, and a primary in
 * need in Leeds with no high-performing primary anywhere), its schools renamed: their English
 * names ("Leeds Primary In Need") hold words of the catalogue ("Primary").
 */
async function capacitySchoolsNamedInWelsh(db: Db) {
  await insertCapacitySchools(db);
  const urns = (await db.selectFrom('schools').select('urn').orderBy('urn').execute()).map((s) => s.urn);
  for (const [i, urn] of urns.entries())
    await db
      .updateTable('schools')
      .set({ name: `Ysgol ${i + 1}` })
      .where('urn', '=', urn)
      .execute();
}

describe('the national allocation and the capacity table in Welsh, for anyone', () => {
  const t = useTestApp(capacitySchoolsNamedInWelsh, { fresh: 'file' });
  const { get: welsh } = inWelsh(() => t.app);

  it('shows the allocation, filtered or not, with no English left', async () => {
    for (const url of [
      '/allocations',
      '/allocations?region=E15000003&phase=primary',
      '/allocations?la=886&phase=secondary',
      '/allocations?phase=nursery',
    ]) {
      const res = await welsh(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(englishLeftIn(res.body), url).toEqual([]);
    }
    const page = visibleText((await welsh('/allocations?region=E15000003')).body);
    expect(page).toContain('Dyraniad cenedlaethol');
    expect(page).toContain('Pwy sy’n cefnogi pwy');
    expect(page).toContain('Ysgol ag angen cymorth');
    expect(page).toContain('Pob rhanbarth');
    // Why a school has no supporter, in Welsh, naming the phases that could have supported it.
    expect(page).toContain(
      'Does gan yr un ysgol sy’n perfformio’n uchel yn y cyfnod cynradd neu bob oed le i gefnogi ysgol arall, ar unrhyw bellter',
    );
    expect(page).not.toContain('No high-performing');
    // Why each pairing, in Welsh: how far, how alike, how it performs and the supporter's room;
    // the API and the English page keep the English reasons.
    const rowOf = (html: string, urn: number) =>
      visibleText(
        new RegExp(`<tr class="govuk-table__row" data-urn="${urn}">[\\s\\S]*?</tr>`).exec(html)![0],
      );
    const why = rowOf((await welsh('/allocations?region=E15000003')).body, 200003);
    expect(why).toContain('1.3 km i ffwrdd');
    expect(why).toContain('trefol hefyd');
    expect(why).toContain('Perfformio’n uchel: Rhagorol yn yr arolygiad diweddaraf');
    expect(why).toContain('Lle i 2 bartneriaeth arall');
    const english = rowOf((await t.app.inject('/allocations?region=E15000003')).body, 200003);
    expect(english).toContain('1.3 km away');
    expect(english).toContain('Capacity for 2 more partnerships');
    const api = (await welsh('/api/allocations?region=E15000003', undefined, false)).json<{
      items: { urn: number; reasons: string[] }[];
    }>();
    expect(api.items.find((a) => a.urn === 200003)!.reasons).toContain('1.3 km away');
    const filtered = visibleText((await welsh('/allocations?region=E15000003&phase=primary')).body);
    expect(filtered).toContain('Ysgolion ag angen cymorth yn Yorkshire and The Humber, yn y cyfnod cynradd');
  });

  it('writes the allocation CSV’s headings, statuses and reasons in Welsh', async () => {
    const lines = (csv: string) => csv.split('\n').filter((line) => !line.startsWith('#'));
    const rowOf = (csv: string, urn: number) => lines(csv).find((line) => line.startsWith(`${urn},`));
    const welshCsv = (await welsh('/allocations.csv', undefined, false)).body;
    const englishCsv = (await t.app.inject('/allocations.csv')).body;
    const [welshHead] = lines(welshCsv);
    expect(welshHead).toBe('URN,Ysgol,Statws,URN yr ysgol gefnogi,Ysgol gefnogi,Pellter km,Sgôr,O bell,Pam');
    expect(welshHead).not.toEqual(lines(englishCsv)[0]);
    // The cells too: whether supported, whether from afar, and why, as the Welsh page says.
    const supported = rowOf(welshCsv, 200003)!;
    expect(supported).toContain(',yn cael cymorth,');
    expect(supported).toContain(',na,');
    expect(supported).toContain('1.3 km i ffwrdd');
    expect(supported).toContain('Lle i 2 bartneriaeth arall');
    expect(rowOf(welshCsv, 200009)).toContain(
      ',heb gefnogwr,,,,,,"Does gan yr un ysgol sy’n perfformio’n uchel yn y cyfnod cynradd neu bob oed le i gefnogi ysgol arall',
    );
    expect(englishLeftIn(welshCsv)).toEqual([]);
    expect(welshCsv.split('\n')[0]).toMatch(/^# Data ysgolion/);
    expect(rowOf(englishCsv, 200003)).toContain(',supported,');
    expect(rowOf(englishCsv, 200003)).toContain('1.3 km away');
    expect(rowOf(englishCsv, 200009)).toContain(
      ',unsupported,,,,,,"No high-performing primary or all-through school has room to support another school',
    );
  });

  it('refuses a CSV of a profile that does not exist in the reader’s language', async () => {
    for (const url of ['/allocations.csv?profile=nope', '/capacity.csv?profile=nope']) {
      const welshRes = await welsh(url, undefined, false);
      expect(welshRes.statusCode, url).toBe(400);
      expect(welshRes.body, url).toMatch(/^Does dim proffil perfformiad o’r enw "nope": dewiswch un o /);
      expect((await t.app.inject(url)).body, url).toMatch(
        /^There is no performance profile called "nope": choose one of /,
      );
    }
  });

  it('gives the capacity table’s ratio column a Welsh heading short enough for a phone', async () => {
    const res = await welsh('/capacity');
    expect(englishLeftIn(res.body)).toEqual([]);
    expect(visibleText(res.body)).toContain('Perfformio’n uchel i bob ysgol ag angen');
  });
});
