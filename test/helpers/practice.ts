import type { FastifyInstance } from 'fastify';
import { postForm } from './forms.ts';
import type { SignedIn } from './accounts.ts';

/** A complete publishing form; tests override what matters to them. */
export function practiceForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Daily reading fluency in Year 3',
    summary: 'Ten minutes of paired reading aloud every morning lifted reading fluency.',
    whatWeDid: 'Pupils read aloud in pairs for ten minutes each morning.\n\nTeachers modelled expression first.',
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
  if (response.statusCode !== 303) throw new Error(`the draft was refused: ${response.statusCode} ${response.body}`);
  return Number(String(response.headers.location).split('/').pop());
}

/** Sends the record's working version to the moderators. */
export function submitPracticeForm(app: FastifyInstance, who: SignedIn, id: number, version = 1, confirm = false) {
  return postForm(
    app,
    `/practice/${id}/submit`,
    { _csrf: who.csrfToken, version: String(version), ...(confirm ? { confirmNoPersonalData: 'yes' } : {}) },
    { cookie: who.cookie },
  );
}
