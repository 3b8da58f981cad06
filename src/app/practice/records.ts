import {
  createPracticeRecord,
  getPracticeRecord,
  listOpenReports,
  listPublishedVersions,
  savePracticeContent,
  submitPracticeVersion,
} from '../../data/practice.ts';
import { listOrganisationSchoolLinks } from '../../data/organisations.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import { canEditSchool, type SessionUser } from '../../domain/access.ts';
import { canSeePractice, practiceRights } from '../../domain/practice/access.ts';
import type { PracticeRecord } from '../../domain/practice/model.ts';
import {
  findPersonalData,
  PERSONAL_DATA_KIND_LABELS,
  type PersonalDataFlag,
} from '../../domain/practice/personal-data.ts';
import type { AppContext } from '../context.ts';
import { phrase, writePhrase } from '../../domain/words.ts';
import { fail, invalidField, ok, parseInput, worded, type Phrased, type Result } from '../result.ts';
import { completedPartnerships, gatherEvidence, isCompletedPartnershipOf } from './evidence.ts';
import { practiceInput, toContent, type PracticeInput } from './input.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

/** Who reads a record: a signed-in person, or null for someone not signed in. */
export type Viewer = SessionUser | null;

/** The schools a person may publish practice for (their own), with the partnerships each can name. */
export async function publishingSchools(ctx: Ctx, actor: SessionUser) {
  const urns = actor.schools.map((s) => s.urn);
  const names = await getSchoolNames(ctx.db, urns);
  return Promise.all(
    urns
      .filter((urn) => names.has(urn))
      .map(async (urn) => ({
        urn,
        name: names.get(urn)!,
        partnerships: await completedPartnerships(ctx, urn),
      })),
  );
}

/** Reads and checks what the author wrote, for their school. */
async function checkedContent(ctx: Ctx, urn: number, input: PracticeInput) {
  const parsed = parseInput(practiceInput, input);
  if (!parsed.ok) return parsed;
  const content = toContent(parsed.value);
  if (content.startedIn !== null && content.startedIn > ctx.now().getUTCFullYear())
    return invalidField('startedIn', 'The year the practice began must be this year or earlier');
  if (content.partnershipId !== null && !(await isCompletedPartnershipOf(ctx, content.partnershipId, urn)))
    return invalidField('partnershipId', 'Choose a completed partnership your school took part in');
  return ok(content);
}

/** A school's member starts a record for it, as a draft only the school sees. */
export async function createPractice(
  ctx: Ctx,
  actor: SessionUser,
  urn: number,
  input: PracticeInput,
): Promise<Result<{ id: number }>> {
  if (!canEditSchool(actor, urn))
    return invalidField('urn', 'You can only share practice for a school you are a member of');
  if (!(await getSchoolNames(ctx.db, [urn])).has(urn))
    return invalidField('urn', worded('There is no school with {{urn, schoolIdInSentence}}', { urn }));
  const content = await checkedContent(ctx, urn, input);
  if (!content.ok) return content;
  const evidence = await gatherEvidence(ctx, urn, content.value, false);
  return ok({ id: await createPracticeRecord(ctx.db, { urn, content: content.value, evidence }, actor) });
}

/** Loads a record with what the person may do with it; a record they may not see is not found. */
export async function practiceFor(ctx: Pick<AppContext, 'db'>, viewer: Viewer, id: number) {
  const record = await getPracticeRecord(ctx.db, id);
  if (!record) return fail('not-found', worded('No practice record {{id}}', { id }));
  const rights = practiceRights(viewer, record, await listOrganisationSchoolLinks(ctx.db, record.urn));
  if (!canSeePractice(rights)) return fail('not-found', worded('No practice record {{id}}', { id }));
  return ok({ record, rights });
}

/** A record's page: the record, the person's rights, its published history and, for moderators, its reports. */
export async function practicePage(ctx: Pick<AppContext, 'db'>, viewer: Viewer, id: number) {
  const found = await practiceFor(ctx, viewer, id);
  if (!found.ok) return found;
  const { rights } = found.value;
  const [history, reports] = await Promise.all([
    listPublishedVersions(ctx.db, id),
    rights.reviewReports ? listOpenReports(ctx.db, id) : Promise.resolve([]),
  ]);
  return ok({ ...found.value, history, reports });
}

/** The school changes its record: a published record keeps its public version until the change is approved. */
export async function editPractice(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: PracticeInput,
): Promise<Result<{ id: number; version: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  const { record, rights } = found.value;
  if (!rights.edit)
    return fail('forbidden', 'Only the school’s own members can change a record it has not withdrawn.');
  const content = await checkedContent(ctx, record.urn, input);
  if (!content.ok) return content;
  const evidence = await gatherEvidence(ctx, record.urn, content.value, false);
  const version = await savePracticeContent(ctx.db, id, content.value, evidence, actor);
  if (version === undefined) return fail('conflict', 'The record was withdrawn while you were editing it.');
  return ok({ id, version });
}

/** Each passage that looks like someone's personal data, as a problem with the field it is in. */
export function personalDataIssues(record: PracticeRecord): PersonalDataFlag[] {
  const c = record.working.content;
  return findPersonalData({
    title: c.title,
    summary: c.summary,
    whatWeDid: c.whatWeDid,
    resources: c.resources,
    whatChanged: c.whatChanged,
    howWeKnow: c.howWeKnow,
    links: c.links,
    externalEvaluation: c.externalEvaluation,
  });
}

/** A passage that looks like personal data, as the author is told of it (worded for each reader's language). */
export function describeFlag(flag: PersonalDataFlag): Phrased {
  const told = phrase('This looks like {{kind}}: “{{text}}”', {
    kind: phrase(PERSONAL_DATA_KIND_LABELS[flag.kind]),
    text: flag.text,
  });
  return { message: writePhrase(told), phrase: told };
}

/**
 * The school sends the version it read to the moderators. A passage that looks like personal
 * data stops it, unless the author confirms that none of them identifies a pupil or member of staff.
 */
export async function submitPractice(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: { version: number; confirmNoPersonalData: boolean },
): Promise<Result<{ id: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  const { record, rights } = found.value;
  if (!rights.submit) {
    return canEditSchool(actor, record.urn)
      ? fail('conflict', 'This version has already been sent for moderation or published.')
      : fail('forbidden', 'Only the school’s own members can send its record for moderation.');
  }
  if (record.workingVersion !== input.version)
    return fail('conflict', 'The record has changed since you read it; check it and send it again.');
  const flags = personalDataIssues(record);
  if (flags.length > 0 && !input.confirmNoPersonalData) {
    return fail(
      'invalid-input',
      'The record may hold personal data',
      flags.map((f) => ({ field: f.field, ...describeFlag(f) })),
    );
  }
  if (!(await submitPracticeVersion(ctx.db, id, input.version, actor)))
    return fail('conflict', 'The record has changed since you read it; check it and send it again.');
  return ok({ id });
}
