import { phrase } from '../../domain/words.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { schoolIdField } from '../../app/input.ts';
import { invitationsToAnswer } from '../../domain/partnerships/access.ts';
import { close } from '../../domain/partnerships/lifecycle.ts';
import type { SignedStep } from '../../domain/partnerships/signatures.ts';
import {
  MEMBER_ROLES,
  MEMBER_ROLE_LABELS,
  PARTNERSHIP_TYPES,
  PARTNERSHIP_TYPE_HINTS,
  PARTNERSHIP_TYPE_LABELS,
  participants,
} from '../../domain/partnerships/model.ts';
import { SETUP_TASK_LABELS, setupTasks } from '../../domain/partnerships/setup.ts';
import { today, type AppContext } from '../../app/context.ts';
import { agreementView, agreeToPlan } from '../../app/partnerships/agreement.ts';
import { recordable } from '../../app/partnerships/access.ts';
import {
  answerPartnershipInvitation,
  proposePartnership,
  schoolsAdministeredBy,
  signaturesView,
  signLifecycleStep,
  takeLifecycleStep,
  yourPartnerships,
} from '../../app/partnerships/lifecycle.ts';
import { partnersByName, proposalFromMatch, schoolIsOnS2s } from '../../app/partnerships/proposal.ts';
import { schoolName } from '../../app/schools/names.ts';
import { followUpOf, proposeFollowUp, type FollowUp } from '../../app/peer-review/reviews.ts';
import { FOCUS_AREA_IN_SENTENCE } from '../../domain/focus-areas.ts';
import { requestFirstAdministrator, schoolsWithoutAdministrators } from '../../app/accounts/join-requests.ts';
import { forbid, requireSignedIn, requireUser } from '../http/guards.ts';
import { sendProblem } from '../http/problem.ts';
import { formError, formErrors } from '../http/forms.ts';
import { loadPartnership, type Loaded } from './context.ts';
import { choice, formValues, optional, options, required, type FormPage } from './fields.ts';
import {
  actionRows,
  describe,
  eventRows,
  measureLabel,
  milestoneRows,
  say,
  statusTag,
} from './presenters.ts';
import { adminUrns, readinessOnPartnership } from '../../app/partnerships/readiness.ts';
import { withTitleIn, withTitlesIn } from '../../app/partnerships/titles.ts';
import { runningRecord } from '../../app/partnerships/record.ts';
import { schoolIdIn, wordsUnder, type Translate } from '../../i18n/index.ts';

const proposalForm = z.object({
  title: required('Enter a name for the partnership', 200),
  type: choice(PARTNERSHIP_TYPES, 'Choose the type of partnership'),
  proposerUrn: schoolIdField(
    'Enter your school’s URN or Welsh school number',
    'Your school’s URN or Welsh school number must be 5 to 7 digits, like 100001 or 6814002',
  ),
  proposerRole: choice(MEMBER_ROLES, "Choose your school's role"),
  partnerUrn: schoolIdField(
    'Enter the partner school’s URN or Welsh school number, a 6 or 7 digit number',
    'The URN or Welsh school number of the partner school must be 5 to 7 digits, like 100001 or 6814002',
  ),
  partnerRole: choice(MEMBER_ROLES, "Choose the partner school's role"),
  message: optional(1000),
});

const closeForm = z
  .object({
    closure: choice(['completed', 'ended-early'], 'Choose how the partnership is closing'),
    reason: z.string().trim().max(5000, 'The reason must be 5000 characters or fewer'),
  })
  .refine((v) => v.closure !== 'ended-early' || v.reason !== '', {
    path: ['reason'],
    message: 'Enter why the partnership is ending early',
  });

const roleItems = options(MEMBER_ROLES, MEMBER_ROLE_LABELS);

const nobodyOnS2s = (t: Translate, school: string) => t('proposal.nobodyOnS2s', { school });

/** Proposing, answering, following and steering a partnership through its lifecycle. */
const partnerships: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  const signedIn = { preHandler: requireSignedIn };

  app.get('/partnerships', signedIn, async (request, reply) => {
    const user = requireUser(request);
    const { invitations, partnerships } = await yourPartnerships(ctx, user, today(ctx));
    const tagged = async <T extends Parameters<typeof statusTag>[0] & { id: number; title: string }>(
      list: T[],
    ) =>
      (await withTitlesIn(ctx, request.language, list)).map((p) => ({
        ...p,
        tag: statusTag(p, request.language),
      }));
    return reply.page('partnerships/index.njk', {
      title: request.t('partnerships.title'),
      invitations: await tagged(invitations),
      partnerships: await tagged(partnerships),
      typeLabels: PARTNERSHIP_TYPE_LABELS,
      canPropose: user.schools.some((s) => s.role === 'admin'),
    });
  });

  const proposalPage = (adminSchools: { value: string; text: string }[]): FormPage => ({
    title: 'Propose a partnership',
    intro:
      'Say who you want to work with and how. The partner school is invited: it sees who is asking, the type and focus, and its role, and nothing more until it accepts.',
    fields: [
      {
        kind: 'text',
        name: 'title',
        label: 'Name of the partnership',
        hint: 'For example, Reading together 2025 to 2027',
      },
      {
        kind: 'radios',
        name: 'type',
        label: 'Type of partnership',
        items: options(PARTNERSHIP_TYPES, PARTNERSHIP_TYPE_LABELS, PARTNERSHIP_TYPE_HINTS),
      },
      adminSchools.length > 1
        ? { kind: 'select', name: 'proposerUrn', label: 'Your school', items: adminSchools }
        : {
            kind: 'text',
            name: 'proposerUrn',
            label: 'URN or Welsh school number of your school',
            width: 'govuk-input--width-10',
          },
      { kind: 'radios', name: 'proposerRole', label: "Your school's role", items: roleItems },
      {
        kind: 'text',
        name: 'partnerUrn',
        label: 'URN or Welsh school number of the partner school',
        hint: 'Shown beside the school’s name on its page: 6 digits for a school in England, 7 for a school in Wales',
        width: 'govuk-input--width-10',
      },
      { kind: 'radios', name: 'partnerRole', label: "The partner school's role", items: roleItems },
      {
        kind: 'textarea',
        name: 'message',
        label: 'A short message to the partner school (optional)',
        hint: 'Why you would like to work together. Up to 1000 characters; the school reads it with the invitation.',
      },
    ],
    submit: 'Send the proposal',
  });

  const adminSchoolsOf = async (request: FastifyRequest) =>
    (await schoolsAdministeredBy(ctx, requireUser(request))).map(({ urn, name }) => ({
      value: String(urn),
      text: `${name} (${schoolIdIn(request.language, urn)})`,
    }));

  /** A proposal made on a peer review's area to develop: `followUp` names the finding. */
  const followUpAsked = async (request: FastifyRequest, raw: unknown) => {
    if (typeof raw !== 'string' || raw === '') return undefined;
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    return followUpOf(ctx, requireUser(request), id);
  };
  // The school's name and the focus are values of one sentence, so that each language writes it whole.
  const followUpIntro = (f: FollowUp) =>
    phrase(
      'This partnership follows up an area to develop from {{school}}’s peer review. Its focus will be {{focus}}, and the review will show it as support found.',
      { school: f.hostName, focus: phrase(FOCUS_AREA_IN_SENTENCE[f.focusArea]) },
    );
  const followUpFields = (f: FollowUp | undefined) =>
    f ? { hidden: [{ name: 'followUp', value: String(f.findingId) }] } : {};

  app.get('/partnerships/new', signedIn, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const schools = await adminSchoolsOf(request);
    const partner = query.with && /^\d+$/.test(query.with) ? Number(query.with) : undefined;
    const followUp = await followUpAsked(request, query.followUp);
    if (followUp && !followUp.ok) return sendProblem(request, reply, followUp.error);
    const from = followUp
      ? String(followUp.value.hostUrn)
      : query.from && schools.some((s) => s.value === query.from)
        ? query.from
        : schools[0]?.value;
    const partnerName = partner ? await schoolName(ctx, partner) : undefined;
    // Finding the partner by name is a plain GET form, so it works without JavaScript.
    const byName = typeof query.partnerName === 'string' ? query.partnerName.trim().slice(0, 200) : '';
    const partnerSearch = {
      value: byName,
      from: from ?? '',
      strategy: query.strategy ?? '',
      followUp: followUp ? String(followUp.value.findingId) : '',
      results: byName ? await partnersByName(ctx, byName) : null,
      // The search-as-you-type script's words, in the reader's language (client/partner-search).
      words: JSON.stringify(wordsUnder(request.language, 'proposal.autocomplete')),
    };
    return reply.page('partnerships/form.njk', {
      partnerSearch,
      title: 'Propose a partnership',
      warning:
        partner && partnerName && !(await schoolIsOnS2s(ctx, partner))
          ? nobodyOnS2s(request.t, partnerName)
          : undefined,
      ...followUpFields(followUp?.value),
      form: followUp
        ? { ...proposalPage(schools), intro: followUpIntro(followUp.value) }
        : proposalPage(schools),
      action: '/partnerships',
      back: followUp
        ? `/peer-review/findings/${followUp.value.findingId}#support`
        : from
          ? `/schools/${from}/partners`
          : '/partnerships',
      values: {
        proposerUrn: from ?? '',
        partnerUrn: partner ? String(partner) : '',
        title: partnerName ? request.t('proposal.workingWith', { school: partnerName }) : '',
        // The roles (and type) the match it came from implies; the proposer can change them.
        type: '',
        ...(partner ? proposalFromMatch(query.strategy) : {}),
      },
    });
  });

  app.post('/partnerships', signedIn, async (request, reply) => {
    const schools = await adminSchoolsOf(request);
    const form = proposalPage(schools);
    const values = formValues(form.fields, request.body);
    const followUp = await followUpAsked(
      request,
      (request.body as Record<string, unknown> | undefined)?.followUp,
    );
    if (followUp && !followUp.ok) return sendProblem(request, reply, followUp.error);
    const rerender = (errors: ReturnType<typeof formErrors> | Record<string, unknown>, status = 400) => {
      reply.code(status);
      const hidden = followUpFields(followUp?.value).hidden ?? [];
      return reply.page('partnerships/form.njk', {
        title: 'Propose a partnership',
        form: followUp ? { ...form, intro: followUpIntro(followUp.value) } : form,
        action: '/partnerships',
        back: '/partnerships',
        values,
        ...errors,
        hidden: [...hidden, ...((errors as { hidden?: typeof hidden }).hidden ?? [])],
      });
    };
    const parsed = proposalForm.safeParse(values);
    if (!parsed.success) return rerender(formErrors(parsed.error));
    const input = parsed.data;
    const proposal = {
      ...input,
      // Said before it is sent: nobody will see it until someone from that school joins S2S.
      sendAnyway:
        (request.body as Record<string, unknown> | undefined)?.sendAnyway === String(input.partnerUrn),
    };
    const user = requireUser(request);
    const proposed = followUp
      ? await proposeFollowUp(ctx, user, followUp.value.findingId, proposal)
      : await proposePartnership(ctx, user, proposal);
    if (!proposed.ok) return rerender(formErrors(proposed.error));
    if ('unconfirmed' in proposed.value) {
      return rerender(
        {
          warning: nobodyOnS2s(request.t, proposed.value.unconfirmed),
          hidden: [{ name: 'sendAnyway', value: String(input.partnerUrn) }],
          form: { ...form, submit: 'Send the proposal anyway' },
        },
        200,
      );
    }
    return reply.redirect(`/partnerships/${proposed.value.id}`, 303);
  });

  async function showPage(loaded: Loaded, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { partnership: p } = loaded;
    if (loaded.access === 'invitation') {
      const shown = await withTitleIn(ctx, reply.request.language, p);
      return reply.page('partnerships/invitation.njk', {
        title: say(reply.request.language, 'Invitation: {{title}}', { title: shown.title }),
        partnership: shown,
        described: describe(p, reply.request.language),
        proposer: p.members.find((m) => m.invitation === 'proposer'),
        answerable: invitationsToAnswer(p.members, loaded.viewer),
        roleLabels: MEMBER_ROLE_LABELS,
        ...extra,
      });
    }
    const day = today(ctx);
    const [{ actions, updates, issues, feedback, outcomes, events }, readiness, agreements] =
      await Promise.all([
        runningRecord({ db }, p.id),
        readinessOnPartnership({ db }, p, adminUrns(loaded.viewer.schools), day, reply.request.language),
        p.status === 'proposed' ? agreementView(ctx, reply.request.user, p) : null,
      ]);
    const [signatures, unjoined] = await Promise.all([
      signaturesView(ctx, reply.request.user, p, events),
      loaded.steer ? schoolsWithoutAdministrators(ctx, p.members) : [],
    ]);
    const shown = await withTitleIn(ctx, reply.request.language, p);
    return reply.page('partnerships/show.njk', {
      title: shown.title,
      partnership: shown,
      described: describe(p, reply.request.language),
      tasks: setupTasks(p).map((t) => ({ ...t, label: SETUP_TASK_LABELS[t.task] })),
      contribute: loaded.access === 'contribute',
      record: recordable(loaded.access),
      steer: loaded.steer,
      running: ['agreed', 'active', 'reviewing'].includes(p.status),
      actions: actionRows(actions, day),
      updates,
      issues,
      feedback,
      outcomes: outcomes.map((o) => ({
        ...o,
        objective: p.objectives.find((j) => j.id === o.objectiveId)?.description ?? '',
      })),
      customObjectives: p.objectives.filter((o) => o.measure === 'custom'),
      measureLabel: Object.fromEntries(
        p.objectives.map((o) => [o.id, measureLabel(o, reply.request.language)]),
      ),
      events: eventRows(events, reply.request.language),
      milestones: milestoneRows(p.milestones, day),
      agreements,
      signatures,
      unjoined,
      ...readiness,
      ...extra,
    });
  }

  app.get('/partnerships/:id', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'invitation');
    if (!loaded) return reply;
    return showPage(loaded, reply);
  });

  app.post('/partnerships/:id/invitation', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'invitation');
    if (!loaded) return reply;
    const body = (request.body ?? {}) as Record<string, string>;
    const urn = Number(body.urn);
    const answer = body.answer === 'accept' || body.answer === 'decline' ? body.answer : undefined;
    if (!invitationsToAnswer(loaded.partnership.members, loaded.viewer).some((m) => m.urn === urn)) {
      return forbid(request, reply);
    }
    if (!answer)
      return showPage(loaded, reply.code(400), {
        ...formError('answer', 'Choose whether to accept or decline'),
      });
    const answered = await answerPartnershipInvitation(ctx, requireUser(request), loaded, urn, answer);
    if (!answered.ok)
      return showPage(loaded, reply.code(409), {
        errors: formErrors(answered.error, 'answer').errors,
      });
    return reply.redirect(
      answer === 'accept' ? `/partnerships/${loaded.partnership.id}` : '/partnerships',
      303,
    );
  });

  app.get('/partnerships/:id/check', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'read');
    if (!loaded) return reply;
    return checkPage(loaded, request, reply);
  });

  async function checkPage(
    loaded: Loaded,
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) {
    const p = loaded.partnership;
    const agreements = await agreementView(ctx, request.user, p);
    const shown = await withTitleIn(ctx, request.language, p);
    return reply.page('partnerships/check.njk', {
      agreements,
      title: say(request.language, 'Check your answers: {{title}}', { title: shown.title }),
      partnership: shown,
      described: describe(p, reply.request.language),
      tasks: setupTasks(p).map((t) => ({ ...t, label: SETUP_TASK_LABELS[t.task] })),
      measureLabel: Object.fromEntries(
        p.objectives.map((o) => [o.id, measureLabel(o, reply.request.language)]),
      ),
      editable: loaded.access === 'contribute' && p.status === 'proposed',
      steer: loaded.steer,
      participants: participants(p.members),
      ...extra,
    });
  }

  /** A step both schools sign: one school's admin proposes it, each other school's admin confirms it. */
  const signedStep = (path: string, step: SignedStep) =>
    app.post(`/partnerships/:id/${path}`, signedIn, async (request, reply) => {
      const loaded = await loadPartnership(db, request, reply, 'contribute');
      if (!loaded) return reply;
      const signed = await signLifecycleStep(ctx, requireUser(request), loaded, step);
      if (!signed.ok) {
        if (signed.error.code === 'forbidden') return forbid(request, reply);
        return showPage(loaded, reply.code(409), {
          errors: formErrors(signed.error, 'lifecycle').errors,
        });
      }
      if (signed.value.taken) app.snapshots.refreshSoon();
      return reply.redirect(`/partnerships/${loaded.partnership.id}`, 303);
    });

  /** A steering school asks for a school with nobody on S2S to be given its first administrator. */
  app.post('/partnerships/:id/first-administrator', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'read');
    if (!loaded) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const asked = await requestFirstAdministrator(ctx, loaded.partnership.id, body, requireUser(request));
    if (asked.ok) return reply.redirect(`/partnerships/${loaded.partnership.id}#first-administrator`, 303);
    if (asked.error.code === 'forbidden') return forbid(request, reply);
    return showPage(loaded, reply.code(400), {
      firstAdministrator: { urn: Number(body.urn), email: body.email, note: body.note },
      ...formErrors(asked.error),
    });
  });

  /** Each school agrees for itself, to the version of the plan its administrator read. */
  app.post('/partnerships/:id/agree', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'contribute');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const { mayAgreeFor } = await agreementView(ctx, request.user, p);
    const urn = body.urn ? Number(body.urn) : mayAgreeFor[0]?.urn;
    const planVersion =
      body.planVersion && /^\d+$/.test(body.planVersion) ? Number(body.planVersion) : undefined;
    if (urn === undefined || !Number.isSafeInteger(urn)) {
      if (!loaded.steer) return forbid(request, reply);
      return checkPage(loaded, request, reply.code(409), {
        errors: [
          { text: 'Every school you administer here has already agreed to this plan', href: '#lifecycle' },
        ],
      });
    }
    const result = await agreeToPlan(ctx, request.user, { id: p.id, urn, planVersion });
    if (!result.ok) {
      if (result.error.code !== 'conflict') return sendProblem(request, reply, result.error);
      return checkPage(loaded, request, reply.code(409), {
        errors: formErrors(result.error, 'lifecycle').errors,
      });
    }
    if (result.value.agreed) app.snapshots.refreshSoon();
    return reply.redirect(`/partnerships/${p.id}`, 303);
  });
  signedStep('start', 'start');
  signedStep('review', 'review');

  const closePage: FormPage = {
    title: 'Close the partnership',
    intro:
      'Closing records how the partnership ended. It can no longer be changed afterwards, but stays on record with its impact report.',
    fields: [
      {
        kind: 'radios',
        name: 'closure',
        label: 'How is the partnership closing?',
        items: [
          { value: 'completed', text: 'Completed', hint: 'The work is done and has been reviewed' },
          { value: 'ended-early', text: 'Ended early', hint: 'The work stops before it is complete' },
        ],
      },
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Why, and what happens next',
        hint: 'Needed if the partnership is ending early',
      },
    ],
    submit: 'Close the partnership',
  };

  app.get('/partnerships/:id/close', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'contribute');
    if (!loaded) return reply;
    return reply.page('partnerships/form.njk', {
      title: closePage.title,
      form: closePage,
      partnership: await withTitleIn(ctx, request.language, loaded.partnership),
      action: `/partnerships/${loaded.partnership.id}/close`,
      back: `/partnerships/${loaded.partnership.id}`,
      values: { closure: loaded.partnership.status === 'reviewing' ? 'completed' : 'ended-early' },
    });
  });

  app.post('/partnerships/:id/close', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'contribute');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const values = formValues(closePage.fields, request.body);
    const rerender = async (errors: ReturnType<typeof formErrors>) =>
      reply.code(400).page('partnerships/form.njk', {
        title: closePage.title,
        form: closePage,
        partnership: await withTitleIn(ctx, request.language, p),
        action: `/partnerships/${p.id}/close`,
        back: `/partnerships/${p.id}`,
        values,
        ...errors,
      });
    if (!loaded.steer) {
      return forbid(request, reply);
    }
    const parsed = closeForm.safeParse(values);
    if (!parsed.success) return rerender(formErrors(parsed.error));
    const { closure, reason } = parsed.data;
    // A completed close is signed by every school; ending early is one school's decision.
    const closed =
      closure === 'completed'
        ? await signLifecycleStep(ctx, requireUser(request), loaded, 'complete', reason)
        : await takeLifecycleStep(
            ctx,
            requireUser(request),
            loaded,
            (partnership, change) => close(partnership, { closure, reason }, change),
            'closed',
          );
    if (!closed.ok) return rerender(formErrors(closed.error, 'closure'));
    app.snapshots.refreshSoon();
    return reply.redirect(`/partnerships/${p.id}`, 303);
  });
};

export default partnerships;
