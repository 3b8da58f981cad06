import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { caseStudyPartnership } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 660001;
const PARTNER = 660002;

describe('a case study offered to a completed partnership’s schools', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ashgrove Primary School' });
      await insertSchool(db, { urn: PARTNER, name: 'Birchfield Primary School' });
    },
    { fresh: 'test' },
  );

  const partnership = (closure: 'completed' | null) =>
    caseStudyPartnership(t.app, t.db, { own: OWN, partner: PARTNER }, closure);

  it('shows the schools a draft from the partnership’s record, with the parts they choose', async () => {
    const { lead, id } = await partnership('completed');
    const show = await t.app.inject({ url: `/partnerships/${id}`, headers: { cookie: lead.cookie } });
    expect(show.body).toContain(`href="/partnerships/${id}/case-study"`);

    const page = await t.app.inject({
      url: `/partnerships/${id}/case-study`,
      headers: { cookie: lead.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ashgrove Primary School and Birchfield Primary School: a peer-to-peer');
    expect(page.body).toContain('Why: Reading results had fallen for three years.');

    const chosen = await t.app.inject({
      url: `/partnerships/${id}/case-study?parts=milestones`,
      headers: { cookie: lead.cookie },
    });
    expect(chosen.body).not.toContain('Why: Reading results');
    const bad = await t.app.inject({
      url: `/partnerships/${id}/case-study?parts=everything`,
      headers: { cookie: lead.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose parts from the list');
  });

  it('is offered only once the partnership has closed as completed, and only to its schools', async () => {
    const { lead, id } = await partnership(null);
    const running = await t.app.inject({
      url: `/partnerships/${id}/case-study`,
      headers: { cookie: lead.cookie },
    });
    expect(running.statusCode).toBe(409);
    const done = await partnership('completed');
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: 660003 }] });
    const refused = await t.app.inject({
      url: `/partnerships/${done.id}/case-study`,
      headers: { cookie: stranger.cookie },
    });
    expect(refused.statusCode).toBe(404);
    expect((await t.app.inject(`/partnerships/${done.id}/case-study`)).statusCode).toBe(303);
  });
});
