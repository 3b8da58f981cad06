import { answerTeamPlace } from '../../data/deployment-team.ts';
import {
  answerDeployment,
  createDeployment,
  getDeployment,
  listDeploymentsOf,
  organisationsOfSchool,
  schoolsOfOrganisations,
  withdrawDeployment,
} from '../../data/deployments.ts';
import { getProfile } from '../../data/leaders.ts';
import { getOrganisation } from '../../data/organisations.ts';
import { findUserByEmail } from '../../data/users.ts';
import { peopleOfSchools } from '../../data/notifications.ts';
import type { SessionUser } from '../../domain/access.ts';
import { suggestedDayRate, summariseBySchool } from '../../domain/leaders/costing.ts';
import {
  canSeeCosting,
  canChangeTeam,
  canSeeDeployment,
  canWithdraw,
  commissionerFor,
  goesAhead,
  isCommissioner,
  standingIn,
  type Deployment,
  type DeploymentStanding,
  type LeaderAnswer,
  type TeamMember,
} from '../../domain/leaders/deployment.ts';
import type { LeaderRuleCode } from '../../domain/leaders/outcome.ts';
import type { SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import { wordsOf } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { notifyPeople } from '../notifications/notifications.ts';
import { fail, invalidField, ok, parseInput, worded, type Result } from '../result.ts';
import { deploymentInput } from './deployment-input.ts';
import { fitting, refusalWords } from './deployment-terms.ts';
import type { Language } from '../../domain/language.ts';
import {
  readinessFrameworks,
  readinessOfDeployment,
  type DeploymentReadinessView,
} from './deployment-readiness.ts';

type Ctx = Pick<AppContext, 'db' | 'snapshots' | 'now' | 'config' | 'mailer'>;

/** A school someone may commission a deployment for, and as whom. */
export interface CommissionableSchool {
  urn: number;
  name: string;
  organisationId: number | null;
  organisationName: string | null;
}

/** The schools a person administers, and the schools of the organisations they are officers of. */
export async function commissionableSchools(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  actor: SessionUser,
): Promise<CommissionableSchool[]> {
  const snapshot = await ctx.snapshots.get();
  const name = (urn: number) => snapshot.byUrn.get(urn)?.name ?? `School ${urn}`;
  const schools: CommissionableSchool[] = actor.schools
    .filter((s) => s.role === 'admin')
    .map((s) => ({ urn: s.urn, name: name(s.urn), organisationId: null, organisationName: null }));
  const seen = new Set(schools.map((s) => s.urn));
  const linked = await schoolsOfOrganisations(
    ctx.db,
    actor.organisations.map((o) => o.id),
  );
  for (const r of linked) {
    if (seen.has(r.urn)) continue;
    seen.add(r.urn);
    const org = actor.organisations.find((o) => o.id === r.organisationId)!;
    schools.push({ urn: r.urn, name: name(r.urn), organisationId: org.id, organisationName: org.name });
  }
  return schools.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Which form field each rule of availability is about. */
const RULE_FIELDS: Record<LeaderRuleCode, string> = {
  'no-days': 'days',
  'dates-reversed': 'endDate',
  'outside-availability': 'startDate',
  'no-term-time': 'startDate',
  'over-availability': 'days',
};

type Snapshot = Awaited<ReturnType<Ctx['snapshots']['get']>>;

/**
 * The day rate agreed for a leader on a deployment to a school: the one the commissioner
 * entered, or else the leader's own, nothing within the trust or local authority they support free.
 */
export function agreedRate(
  snapshot: Snapshot,
  profile: Pick<SystemLeaderProfile, 'urn' | 'dayRatePounds' | 'freeWithin'>,
  clientUrn: number,
  entered: number | null,
): number {
  if (entered !== null) return entered;
  const client = snapshot.byUrn.get(clientUrn);
  const leaderSchool = snapshot.byUrn.get(profile.urn);
  return suggestedDayRate(profile, {
    sameTrust: !!client?.trust && client.trust === leaderSchool?.trust,
    sameLocalAuthority:
      !!client?.localAuthority && client.localAuthority.code === leaderSchool?.localAuthority?.code,
  });
}

export interface CommissionStart {
  profile: SystemLeaderProfile;
  schools: CommissionableSchool[];
}

/** What the commissioning form needs: the published profile and the schools the person may commission for. */
export async function startCommission(
  ctx: Ctx,
  actor: SessionUser,
  profileId: number,
): Promise<Result<CommissionStart>> {
  const profile = await getProfile(ctx.db, profileId);
  if (!profile?.publishedAt)
    return fail('not-found', 'There is no published system leader with that number.');
  if (profile.userId === actor.id)
    return fail('forbidden', 'You cannot commission a deployment of yourself.');
  const schools = await commissionableSchools(ctx, actor);
  if (schools.length === 0)
    return fail(
      'forbidden',
      'Only a school’s administrators, or officers of its local authority, trust or diocese, commission a deployment for it.',
    );
  return ok({ profile, schools });
}

/**
 * Commissions a deployment of a published system leader for a school, from its administrator or
 * an officer of one of its organisations. Refused, naming the field, when the days would take
 * the leader past the availability they declared.
 */
export async function commissionDeployment(
  ctx: Ctx,
  actor: SessionUser,
  profileId: number,
  input: unknown,
): Promise<Result<{ id: number }>> {
  const started = await startCommission(ctx, actor, profileId);
  if (!started.ok) return started;
  const { profile } = started.value;
  const parsed = parseInput(deploymentInput, input);
  if (!parsed.ok) return parsed;
  const form = parsed.value;
  const snapshot = await ctx.snapshots.get();
  const client = snapshot.byUrn.get(form.clientUrn);
  if (!client)
    return invalidField(
      'clientUrn',
      worded('There is no open school with {{urn, schoolIdInSentence}}', { urn: form.clientUrn }),
    );
  const as = commissionerFor(actor, form.clientUrn, await organisationsOfSchool(ctx.db, form.clientUrn));
  if (!as)
    return invalidField('clientUrn', 'Choose a school you administer, or one of your organisation’s schools');
  const rate = agreedRate(snapshot, profile, client.urn, form.dayRatePounds);
  const proposed = { days: form.days, start: form.startDate, end: form.endDate };
  const created = await createDeployment(
    ctx.db,
    {
      leaderUserId: profile.userId,
      leaderName: profile.name,
      clientUrn: client.urn,
      clientName: client.name,
      organisationId: as.organisationId,
      commissionedBy: actor.id,
      scope: form.scope,
      objectives: form.objectives,
      successCriteria: form.successCriteria,
      focusAreas: profile.expertise,
      days: form.days,
      start: form.startDate,
      end: form.endDate,
      dayRatePounds: rate,
      paidBy: form.paidBy,
      reportsTo: form.reportsTo,
      exitStrategy: form.exitStrategy,
      at: ctx.now().toISOString(),
      readiness: await readinessFrameworks(profile.urn),
    },
    fitting(proposed),
    actor,
  );
  if ('noProfile' in created)
    return fail('not-found', 'There is no published system leader with that number.');
  if ('refused' in created)
    return invalidField(RULE_FIELDS[created.refused.code], refusalWords(created.refused));
  // The leader is asked to answer: what and for whom, never the scope or the costing.
  const organisation = actor.organisations.find((o) => o.id === as.organisationId);
  const names = { name: actor.name, school: client.name };
  await notifyPeople(ctx, [profile.userId], 'deployment-commissioned', {
    subject: organisation
      ? wordsOf('{{name}} of {{organisation}} asks you to work with {{school}} as a system leader', {
          ...names,
          organisation: organisation.name,
        })
      : wordsOf('{{name}} asks you to work with {{school}} as a system leader', names),
    link: `/deployments/${created.id}`,
  });
  return ok(created);
}

/** A team member as one person sees them: their costing only for those who may see it, and for themselves. */
export type SeenTeamMember = Omit<TeamMember, 'costing'> & { costing: TeamMember['costing'] | null };

/** A deployment as one person sees it: the costing only for those who agree and pay it. */
export interface SeenDeployment {
  deployment: Omit<Deployment, 'costing' | 'team'> & {
    costing: Deployment['costing'] | null;
    team: SeenTeamMember[];
  };
  standing: DeploymentStanding;
  /** The viewer's own place on the team, when they have one. */
  place: SeenTeamMember | null;
  canAnswer: boolean;
  canWithdraw: boolean;
  canChangeTeam: boolean;
}

function asSeenBy(actor: SessionUser, d: Deployment): SeenDeployment {
  const standing = standingIn(actor, d);
  const costs = canSeeCosting(standing);
  const team = d.team.map((m) => ({ ...m, costing: costs || m.userId === actor.id ? m.costing : null }));
  const place = team.find((m) => m.userId === actor.id) ?? null;
  const open = goesAhead(d.status) && !d.begun;
  return {
    deployment: { ...d, costing: costs ? d.costing : null, team },
    standing,
    place,
    canAnswer: standing.leader
      ? d.status === 'awaiting-leader'
      : standing.member && open && place?.answer === null,
    canWithdraw: canWithdraw(standing, d),
    canChangeTeam: canChangeTeam(standing, d),
  };
}

/** A deployment with its paired readiness questions, and whether the leader may accept it yet. */
export interface SeenDeploymentInFull extends SeenDeployment {
  readiness: DeploymentReadinessView | null;
  /** Accepting waits until both sides have completed their readiness questions. */
  canAccept: boolean;
}

/** One deployment, for its leader, its client school's people and its commissioning officers; 404 to anyone else. */
export async function deploymentFor(
  ctx: Pick<AppContext, 'db'>,
  actor: SessionUser,
  id: number,
  language: Language = 'en',
): Promise<Result<SeenDeploymentInFull>> {
  const d = Number.isSafeInteger(id) && id > 0 ? await getDeployment(ctx.db, id) : undefined;
  if (!d || !canSeeDeployment(standingIn(actor, d))) return fail('not-found', 'No such deployment.');
  const seen = asSeenBy(actor, d);
  const readiness = await readinessOfDeployment(ctx, d, seen.standing, language);
  const gated = seen.standing.leader && !(readiness?.bothCompleted ?? true);
  return ok({ ...seen, readiness, canAccept: seen.canAnswer && !gated });
}

/** The leader accepts or declines, once; nobody else answers for them. */
export async function answerAsLeader(
  ctx: Pick<AppContext, 'db' | 'now' | 'config' | 'mailer'>,
  actor: SessionUser,
  id: number,
  answer: unknown,
): Promise<Result<{ answer: LeaderAnswer }>> {
  const seen = await deploymentFor(ctx, actor, id);
  if (!seen.ok) return seen;
  const { standing } = seen.value;
  if (!standing.leader && !standing.member)
    return fail('forbidden', 'Only the system leader accepts or declines a deployment.');
  if (answer !== 'accepted' && answer !== 'declined')
    return invalidField('answer', 'Choose whether you accept or decline the deployment');
  if (answer === 'accepted' && seen.value.canAnswer && !seen.value.canAccept)
    return fail(
      'conflict',
      'Both sides must complete their readiness questions before the deployment can be agreed.',
    );
  const by = { userId: actor.id, at: ctx.now().toISOString(), actor };
  // The lead answers for the deployment; a further member of the team for their own place only.
  const done = standing.leader
    ? await answerDeployment(ctx.db, id, answer, by)
    : await answerTeamPlace(ctx.db, id, answer, by);
  if (!done) return fail('conflict', 'You have already answered this deployment.');
  const d = seen.value.deployment;
  // Whoever commissioned it, and the client school's administrators, who agree and pay it.
  const admins = (await peopleOfSchools(ctx.db, [d.clientUrn])).filter((p) => p.role === 'admin');
  const told = new Set([
    ...admins.map((p) => p.userId),
    ...(d.commissionedBy === null ? [] : [d.commissionedBy]),
  ]);
  told.delete(actor.id);
  await notifyPeople(ctx, [...told], 'deployment-answered', {
    subject: wordsOf(
      answer === 'accepted'
        ? '{{name}} accepted the deployment to {{school}}'
        : '{{name}} declined the deployment to {{school}}',
      { name: actor.name, school: d.clientName },
    ),
    link: `/deployments/${id}`,
  });
  return ok({ answer });
}

/**
 * The commissioner withdraws a deployment before it starts; the team's days are free again
 * and the team is told.
 */
export async function withdrawAsCommissioner(
  ctx: Pick<AppContext, 'db' | 'now' | 'config' | 'mailer'>,
  actor: SessionUser,
  id: number,
): Promise<Result<null>> {
  const seen = await deploymentFor(ctx, actor, id);
  if (!seen.ok) return seen;
  const d = seen.value.deployment;
  if (!isCommissioner(seen.value.standing, d))
    return fail('forbidden', 'Only whoever commissioned the deployment withdraws it.');
  const done =
    seen.value.canWithdraw &&
    (await withdrawDeployment(ctx.db, id, { userId: actor.id, at: ctx.now().toISOString(), actor }));
  if (!done)
    return fail(
      'conflict',
      'The deployment has started, closed or been declined: it can no longer be withdrawn.',
    );
  // The whole team, the lead and every further member who has not declined.
  const team = d.team.filter((m) => m.lead || m.answer !== 'declined').map((m) => m.userId);
  await notifyPeople(ctx, team, 'deployment-withdrawn', {
    subject: wordsOf('The deployment to {{school}} is withdrawn before it started', { school: d.clientName }),
    link: `/deployments/${id}`,
  });
  return ok(null);
}

/**
 * A person's deployments: as the leader, for their schools, and commissioned by their
 * organisations, with each organisation's days and cost by school (declined ones left out).
 */
export async function yourDeployments(ctx: Pick<AppContext, 'db'>, actor: SessionUser) {
  const all = (
    await listDeploymentsOf(ctx.db, {
      userId: actor.id,
      urns: actor.schools.map((s) => s.urn),
      organisationIds: actor.organisations.map((o) => o.id),
    })
  ).map((d) => asSeenBy(actor, d));
  return {
    asLeader: all.filter((s) => s.standing.leader || s.standing.member),
    forSchools: all.filter((s) => s.standing.clientMember && !s.standing.leader && !s.standing.member),
    organisations: actor.organisations.map((o) => {
      const commissioned = all.filter((s) => s.deployment.organisationId === o.id);
      return {
        id: o.id,
        name: o.name,
        deployments: commissioned,
        summary: summariseBySchool(
          commissioned
            .filter((s) => goesAhead(s.deployment.status))
            .map(({ deployment: d }) => ({
              clientUrn: d.clientUrn,
              clientName: d.clientName,
              costing: d.costing!,
            })),
        ),
      };
    }),
  };
}

/** The JSON answer of `GET /api/deployments/{id}`: `costing` null for those who may not see it. */
export function deploymentAnswer({ deployment: d }: Pick<SeenDeployment, 'deployment'>) {
  return {
    id: d.id,
    status: d.status,
    leader: { userId: d.leaderUserId, name: d.leaderName, profileId: d.leaderProfileId },
    client: { urn: d.clientUrn, name: d.clientName },
    organisation: d.organisationId === null ? null : { id: d.organisationId, name: d.organisationName },
    scope: d.scope,
    objectives: d.objectives,
    successCriteria: d.successCriteria,
    days: d.days,
    start: d.start,
    end: d.end,
    reportsTo: d.reportsTo,
    exitStrategy: d.exitStrategy,
    costing: d.costing,
    team: d.team.map((m) => ({
      userId: m.userId,
      name: m.name,
      profileId: m.profileId,
      lead: m.lead,
      days: m.days,
      answer: m.answer,
      costing: m.costing,
    })),
  };
}

/**
 * The operator's report at the command line (`s2s deployments`): the deployments an organisation
 * commissioned, or one leader's, with days and cost by client school (declined and withdrawn
 * ones listed but not counted). Whoever runs the command reads the database, so sees costings.
 */
export async function deploymentsReport(
  ctx: Pick<AppContext, 'db'>,
  of: { organisationId?: number; leaderEmail?: string },
) {
  let who: { userId: number; urns: number[]; organisationIds: number[] };
  let name: string;
  if (of.organisationId !== undefined) {
    const organisation = await getOrganisation(ctx.db, of.organisationId);
    if (!organisation)
      return invalidField(
        'organisation',
        worded('There is no organisation {{id}}', { id: of.organisationId }),
      );
    who = { userId: 0, urns: [], organisationIds: [organisation.id] };
    name = organisation.name;
  } else if (of.leaderEmail !== undefined) {
    const leader = await findUserByEmail(ctx.db, of.leaderEmail);
    if (!leader)
      return invalidField(
        'leader',
        worded('There is no account with the email {{email}}', { email: of.leaderEmail }),
      );
    who = { userId: leader.id, urns: [], organisationIds: [] };
    name = leader.email;
  } else return invalidField('organisation', 'Give an organisation or a leader');
  const all = (await listDeploymentsOf(ctx.db, who)).filter((d) =>
    of.organisationId !== undefined
      ? d.organisationId === of.organisationId
      : d.team.some((m) => m.userId === who.userId),
  );
  return ok({
    of:
      of.organisationId !== undefined
        ? { organisation: { id: of.organisationId, name } }
        : { leader: { email: name } },
    total: all.length,
    items: all.map((d) => ({ ...deploymentAnswer({ deployment: d }), costing: d.costing })),
    summary: summariseBySchool(
      all
        .filter((d) => goesAhead(d.status))
        .map((d) => ({ clientUrn: d.clientUrn, clientName: d.clientName, costing: d.costing })),
    ),
  });
}
