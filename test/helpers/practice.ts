import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/data/db.ts';
import {
  approvePracticeVersion,
  createPracticeRecord,
  submitPracticeVersion,
} from '../../src/data/practice.ts';
import type { EvidenceLevel, PracticeEvidence } from '../../src/domain/practice/evidence.ts';
import type { PracticeContent } from '../../src/domain/practice/model.ts';
import { postForm } from './forms.ts';
import { signIn, type SignedIn } from './accounts.ts';
import { createAcceptedPartnership } from './partnerships.ts';

/** A complete publishing form; tests override what matters to them. */
export function practiceForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    title: 'Daily reading fluency in Year 3',
    summary: 'Ten minutes of paired reading aloud every morning lifted reading fluency.',
    whatWeDid:
      'Pupils read aloud in pairs for ten minutes each morning.\n\nTeachers modelled expression first.',
    phases: ['primary'],
    pupilGroups: ['all', 'disadvantaged'],
    focusAreas: ['literacy'],
    collaboration: 'none',
    resources: 'Ten minutes a day of class time; £300 for books.',
    whatChanged: 'More pupils read at the expected pace by the summer.',
    howWeKnow: 'Termly fluency checks and the KS2 reading results.',
    startedIn: '',
    links: '',
    externalEvaluation: '',
    language: 'en',
    ...overrides,
  };
}

/** Saves a draft through the form, as the signed-in member of `urn`; returns its id. */
export async function draftPractice(
  app: FastifyInstance,
  who: SignedIn,
  urn: number,
  overrides: Record<string, string | string[]> = {},
): Promise<number> {
  const response = await postForm(
    app,
    '/practice',
    { _csrf: who.csrfToken, urn: String(urn), ...practiceForm(overrides) },
    { cookie: who.cookie },
  );
  if (response.statusCode !== 303)
    throw new Error(`the draft was refused: ${response.statusCode} ${response.body}`);
  return Number(String(response.headers.location).split('/').pop());
}

/** Sends the record's working version to the moderators. */
export function submitPracticeForm(
  app: FastifyInstance,
  who: SignedIn,
  id: number,
  version = 1,
  confirm = false,
) {
  return postForm(
    app,
    `/practice/${id}/submit`,
    { _csrf: who.csrfToken, version: String(version), ...(confirm ? { confirmNoPersonalData: 'yes' } : {}) },
    { cookie: who.cookie },
  );
}

/** A record's content as stored; tests override what matters to them. */
export function practiceContent(overrides: Partial<PracticeContent> = {}): PracticeContent {
  return {
    title: 'Daily reading fluency in Year 3',
    summary: 'Ten minutes of paired reading aloud every morning lifted reading fluency.',
    whatWeDid: 'Pupils read aloud in pairs for ten minutes each morning.',
    phases: ['primary'],
    pupilGroups: ['all'],
    focusAreas: ['literacy'],
    collaboration: null,
    resources: 'Ten minutes a day of class time.',
    whatChanged: 'More pupils read at the expected pace.',
    howWeKnow: 'Termly fluency checks.',
    startedIn: null,
    links: [],
    externalEvaluation: '',
    partnershipId: null,
    language: 'en',
    ...overrides,
  };
}

/** Evidence at a level, with nothing behind it: for fixtures whose ranking or label is the point. */
export const evidenceAt = (level: EvidenceLevel = 'own-account'): PracticeEvidence => ({
  level,
  figures: [],
  estimates: [],
  externalChecked: level === 'external',
});

/**
 * A record straight into the database in the state a test needs: a draft, sent for moderation,
 * or published (approved by `approver`).
 */
export async function insertPractice(
  db: Db,
  input: {
    urn: number;
    state?: 'draft' | 'submitted' | 'published';
    content?: Partial<PracticeContent>;
    evidence?: EvidenceLevel;
    example?: boolean;
  },
): Promise<number> {
  const evidence = evidenceAt(input.evidence);
  const id = await createPracticeRecord(
    db,
    { urn: input.urn, content: practiceContent(input.content), evidence, example: input.example },
    null,
  );
  if (input.state === 'submitted' || input.state === 'published')
    await submitPracticeVersion(db, id, 1, null);
  if (input.state === 'published') await approvePracticeVersion(db, id, 1, evidence, null);
  return id;
}

/**
 * A partnership led by `own` with `partner`, closed as completed (or still active when `closure` is
 * null), with a signed-in administrator of each school: what a case study is drafted from.
 */
export async function caseStudyPartnership(
  app: FastifyInstance,
  db: Db,
  schools: { own: number; partner: number },
  closure: 'completed' | null = 'completed',
): Promise<{ lead: SignedIn; partner: SignedIn; id: number }> {
  const lead = await signIn(app, db, { schools: [{ urn: schools.own, role: 'admin' }] });
  const partner = await signIn(app, db, { schools: [{ urn: schools.partner, role: 'admin' }] });
  const id = await createAcceptedPartnership(db, {
    title: 'Reading together',
    type: 'peer-to-peer',
    proposer: { urn: schools.own, role: 'supporting' },
    invited: [{ urn: schools.partner, role: 'supported' }],
    createdBy: lead.user.id,
    at: new Date().toISOString(),
  });
  await db
    .updateTable('partnerships')
    .set({
      status: closure ? 'closed' : 'active',
      closure,
      focus_areas: ['literacy'],
      need: 'Reading results had fallen for three years',
    })
    .where('id', '=', id)
    .execute();
  return { lead, partner, id };
}
