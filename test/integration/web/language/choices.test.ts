import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';

/** The choices a refused query parameter names, as the API takes them and as a Welsh reader reads them. */
const PHASES = {
  en: 'nursery, primary, middle, secondary, all-through, special, alternative-provision, 16-plus, not-applicable',
  cy: 'meithrin, cynradd, canol, uwchradd, pob oed, arbennig, darpariaeth amgen, 16 a throsodd, amherthnasol',
};
const LEADER_PHASES = {
  en: 'nursery, primary, middle, secondary, all-through, special, alternative-provision, 16-plus',
  cy: 'meithrin, cynradd, canol, uwchradd, pob oed, arbennig, darpariaeth amgen, 16 a throsodd',
};
const PHASE = {
  en: `Choose a phase: ${PHASES.en}`,
  cy: `Dewiswch gyfnod: ${PHASES.cy}`,
};
const LEADER_PHASE = {
  en: `Choose a phase: ${LEADER_PHASES.en}`,
  cy: `Dewiswch gyfnod: ${LEADER_PHASES.cy}`,
};
const BY = {
  en: 'Choose the areas to count by: country, region, la, constituency, consortium (la: local authority)',
  cy: 'Dewiswch yr ardaloedd i gyfrif yn eu hôl: gwlad, rhanbarth, awdurdod lleol, etholaeth seneddol, consortiwm rhanbarthol',
};
const EXPERTISE = {
  en:
    'Choose areas of expertise from: teaching-and-learning, leadership, data-and-assessment, curriculum, ' +
    'literacy, numeracy, send, behaviour-and-attendance, governance, early-years, wellbeing, welsh-language',
  cy:
    'Dewiswch feysydd arbenigedd o blith: addysgu a dysgu, arweinyddiaeth, data ac asesu, cwricwlwm, ' +
    'llythrennedd, rhifedd, anghenion addysgol arbennig (SEND) ac anghenion dysgu ychwanegol (ADY), ' +
    'ymddygiad a phresenoldeb, llywodraethu, blynyddoedd cynnar, llesiant, y Gymraeg',
};
const DESIGNATION = {
  en: 'Choose a designation: NLE, LLE, SLE, NLG',
  cy: 'Dewiswch ddynodiad: NLE, LLE, SLE, NLG',
};

/**
 * A query parameter outside its list of choices (a phase, the areas to count by, an area of
 * expertise, a designation) is refused naming the choices: in Welsh for a Welsh reader, in the
 * words it always had in English.
 */
describe('a refused choice names the choices in the reader’s language', () => {
  const t = useTestApp(async () => {}, { fresh: 'file' });
  const api = async (url: string, language?: string) => {
    const res = await t.app.inject({ url, headers: language ? { 'accept-language': language } : {} });
    expect(res.statusCode, url).toBe(400);
    return (res.json() as { issues: { field: string; message: string }[] }).issues;
  };
  const text = async (url: string) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, url).toBe(400);
    return res.body;
  };
  const page = async (url: string) => visibleText(await text(url));

  it('answers the API in Welsh for Accept-Language: cy, and in English as before', async () => {
    for (const language of ['en', 'cy'] as const) {
      const asking = language === 'cy' ? 'cy' : undefined;
      expect(await api('/api/allocations?phase=bad', asking)).toEqual([
        { field: 'phase', message: PHASE[language] },
      ]);
      expect(await api('/api/capacity?phase=x&by=parish', asking)).toEqual([
        { field: 'by', message: BY[language] },
        { field: 'phase', message: PHASE[language] },
      ]);
      expect(await api('/api/map/system-leaders?phase=x', asking)).toEqual([
        { field: 'phase', message: PHASE[language] },
      ]);
      expect(await api('/api/system-leaders?expertise=maths&phase=x&designation=XYZ', asking)).toEqual([
        { field: 'expertise.0', message: EXPERTISE[language] },
        { field: 'phase', message: LEADER_PHASE[language] },
        { field: 'designation', message: DESIGNATION[language] },
      ]);
    }
  });

  it('shows the allocation, capacity, map and directory pages’ errors in Welsh', async () => {
    expect(await page('/allocations?phase=bad&lang=cy')).toContain(PHASE.cy);
    const capacity = await page('/capacity?phase=x&by=parish&lang=cy');
    expect(capacity).toContain(PHASE.cy);
    expect(capacity).toContain(BY.cy);
    expect(await page('/map?phase=x&lang=cy')).toContain(PHASE.cy);
    const directory = await page('/system-leaders?expertise=maths&phase=x&designation=XYZ&lang=cy');
    for (const message of [EXPERTISE.cy, LEADER_PHASE.cy, DESIGNATION.cy])
      expect(directory).toContain(message);
  });

  it('shows the same pages’ errors in English as before', async () => {
    expect(await page('/allocations?phase=bad')).toContain(PHASE.en);
    const capacity = await page('/capacity?phase=x&by=parish');
    expect(capacity).toContain(PHASE.en);
    expect(capacity).toContain(BY.en);
    expect(await page('/map?phase=x')).toContain(PHASE.en);
    const directory = await page('/system-leaders?expertise=maths&phase=x&designation=XYZ');
    for (const message of [EXPERTISE.en, LEADER_PHASE.en, DESIGNATION.en])
      expect(directory).toContain(message);
  });

  it('refuses a download in the reader’s language', async () => {
    expect(await text('/allocations.csv?phase=bad&lang=cy')).toBe(`phase: ${PHASE.cy}`);
    expect(await text('/capacity.csv?by=parish&lang=cy')).toBe(`by: ${BY.cy}`);
    expect(await text('/allocations.csv?phase=bad')).toBe(`phase: ${PHASE.en}`);
    expect(await text('/capacity.csv?by=parish')).toBe(`by: ${BY.en}`);
  });
});

describe('the choices the API takes', () => {
  const t = useTestApp(async () => {}, { fresh: 'file' });

  it('are published as they were: the values, not their names, with the default', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json();
    const parameter = (path: string, name: string) =>
      (doc.paths[path].get.parameters as { name: string; schema: unknown }[]).find((p) => p.name === name)
        ?.schema;
    expect(parameter('/api/capacity', 'by')).toEqual({
      type: 'string',
      // The Welsh regional consortia came after (issue 20): a value added, none changed.
      enum: ['country', 'region', 'la', 'constituency', 'consortium'],
      default: 'la',
    });
    expect(parameter('/api/allocations', 'phase')).toMatchObject({ enum: PHASES.en.split(', ') });
    expect(parameter('/api/system-leaders', 'designation')).toMatchObject({
      enum: ['NLE', 'LLE', 'SLE', 'NLG'],
    });
  });
});
