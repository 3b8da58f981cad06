import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import type { Inspection } from '../../../../src/domain/school.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

/** A school whose latest inspection is of one era, with what that era published. */
async function inspected(
  db: Db,
  urn: number,
  name: string,
  inspection: Pick<Inspection, 'era'> &
    Partial<Pick<Inspection, 'overallEffectiveness' | 'category' | 'estynFollowUp'>>,
) {
  await insertSchool(db, { urn, name });
  await db
    .insertInto('inspections')
    .values({
      urn,
      start_date: '2024-03-14',
      era: inspection.era,
      overall_effectiveness: inspection.overallEffectiveness ?? null,
      key_judgements: JSON.stringify({}),
      report_card: JSON.stringify({}),
      category: inspection.category ?? null,
      estyn_follow_up: inspection.estynFollowUp ?? null,
      raw: JSON.stringify({}),
    })
    .execute();
}

describe('the school search in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await inspected(db, 645001, 'Ysgol Derw', { era: 'legacy', overallEffectiveness: 2 });
      await inspected(db, 645002, 'Ysgol Bedw', {
        era: 'legacy',
        overallEffectiveness: 4,
        category: 'special measures',
      });
      await inspected(db, 645003, 'Ysgol Onnen', { era: 'ungraded', category: 'serious weaknesses' });
      await inspected(db, 645004, 'Ysgol Celyn', { era: 'report-card' });
      await inspected(db, 645005, 'Ysgol Helyg', { era: 'estyn', estynFollowUp: 'estyn review' });
      await inspected(db, 645006, 'Ysgol Ywen', { era: 'estyn' });
      await inspected(db, 645007, 'Ysgol Masarn', { era: 'legacy' });
      await insertSchool(db, { urn: 645008, name: 'Ysgol Criafol' });
      await db
        .insertInto('ofsted_ratings')
        .values({ urn: 645008, as_of: '2025-01-31', overall_effectiveness: 1, raw: JSON.stringify({}) })
        .execute();
      await insertSchool(db, { urn: 645009, name: 'Ysgol Collen' });
    },
    { fresh: 'test' },
  );
  const { get } = inWelsh(() => t.app);

  it('sums up each school’s latest inspection in Welsh, whatever its era', async () => {
    await t.app.snapshots.get();
    const page = await get('/?q=Ysgol');
    expect(page.statusCode).toBe(200);
    // Each result's last line: its latest inspection in one line.
    const lines = Object.fromEntries(
      [...page.body.matchAll(/<li class="govuk-!-margin-bottom-4">([\s\S]*?)<\/li>/g)].map((row) => {
        const [name, ...rest] = [...row[1]!.matchAll(/<(?:a|p)\b[^>]*>([\s\S]*?)<\/(?:a|p)>/g)].map((m) =>
          visibleText(m[1]!).trim(),
        );
        return [name, rest.at(-1)];
      }),
    );
    expect(lines).toEqual({
      'Ysgol Derw': expect.stringMatching(/Ofsted: Da, 14 Mawrth 2024$/),
      'Ysgol Bedw': expect.stringMatching(/Ofsted: Annigonol, mesurau arbennig, 14 Mawrth 2024$/),
      'Ysgol Onnen': expect.stringMatching(
        /Ofsted: dim gradd gyffredinol \(barnau allweddol yn unig\), gwendidau difrifol, 14 Mawrth 2024$/,
      ),
      'Ysgol Celyn': expect.stringMatching(/Cerdyn adroddiad Ofsted, 14 Mawrth 2024$/),
      'Ysgol Helyg': expect.stringMatching(/Estyn: gweithgarwch dilynol, adolygiad Estyn, 14 Mawrth 2024$/),
      'Ysgol Ywen': expect.stringMatching(/Estyn: dim gweithgarwch dilynol, 14 Mawrth 2024$/),
      'Ysgol Masarn': expect.stringMatching(/Ofsted: arolygwyd 14 Mawrth 2024$/),
      'Ysgol Criafol': expect.stringMatching(/Ofsted: Rhagorol \(gradd a gyhoeddwyd 31 Ionawr 2025\)$/),
      'Ysgol Collen': expect.stringMatching(/Dim arolygiad wedi’i gofnodi$/),
    });
    expect(englishLeftIn(page.body)).toEqual([]);
    expect(visibleText(page.body)).not.toMatch(
      /January|March|follow-up|inspected|report card|overall grade|rating published/,
    );
  });
});
