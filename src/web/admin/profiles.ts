import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  activateProfile,
  listProfiles,
  previewProfile,
  profileHistory,
  profileToEdit,
  publishProfile,
} from '../../app/admin/profiles.ts';
import type { AppContext } from '../../app/context.ts';
import type { PerformanceProfile } from '../../domain/classification/types.ts';
import { formError, type FormErrors } from '../http/forms.ts';
import { requirePlatformAdmin, requireUser } from '../http/guards.ts';
import { sendProblem } from '../http/problem.ts';
import { translateMessage } from '../../i18n/index.ts';
import { parseProfileForm, profileFormValues, typedValues, type ProfileFormValues } from './profile-form.ts';
import { parseThresholdsForm, profileThresholds, type Threshold } from './profile-thresholds.ts';

const nameParam = (request: FastifyRequest) => {
  const name = (request.params as { name: string }).name;
  return /^[a-z0-9][a-z0-9-]*$/.test(name) ? name : undefined;
};
const versionQuery = z.object({ from: z.coerce.number().int().min(1).optional() });

const EDITOR_MODES = ['thresholds', 'rules'] as const;
type EditorMode = (typeof EDITOR_MODES)[number];

interface EditorContext {
  values: ProfileFormValues;
  /** What was typed into each threshold field, to show it again. */
  typedThresholds?: Record<string, string>;
  preview?: Awaited<ReturnType<typeof previewProfile>>;
}

/**
 * Platform administrators edit the performance profiles: a change is published as a new version
 * (never an edit of an old one, so earlier results stay explainable) and one profile is chosen as
 * the one used when a page, call or command names none. The snapshot is rebuilt after each, so
 * every page and call answers under the change at once.
 */
const performanceProfiles: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requirePlatformAdmin };

  const renderIndex = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<FormErrors> & { activated?: string } = {},
  ) => {
    const { profiles } = await listProfiles(ctx);
    const latest = profiles.filter((v, i) => i === 0 || profiles[i - 1]!.name !== v.name);
    return reply.page('admin/profiles.njk', {
      profiles: latest.map((v) => ({ ...v, versions: profiles.filter((o) => o.name === v.name).length })),
      activeItems: latest.map((v) => ({
        value: v.name,
        text: translateMessage(request.language, { message: v.title }),
        hint: { text: request.t('adminProfiles.nameVersion', { name: v.name, version: v.version }) },
        checked: v.active,
      })),
      ...extra,
    });
  };

  /** The editor, as threshold fields or as the rules in JSON, for a new version of `latest` started from `base`. */
  const renderEditor = (
    request: FastifyRequest,
    reply: FastifyReply,
    mode: EditorMode,
    { latest, base }: { latest: PerformanceProfile; base: PerformanceProfile },
    context: EditorContext & Partial<FormErrors>,
  ) => {
    const groups: { rule: string; items: (Threshold & { typed: string })[] }[] = [];
    if (mode === 'thresholds') {
      for (const threshold of profileThresholds(base, request.language)) {
        const typed = context.typedThresholds?.[threshold.field] ?? String(threshold.value);
        const group = groups.find((g) => g.rule === threshold.rule);
        if (group) group.items.push({ ...threshold, typed });
        else groups.push({ rule: threshold.rule, items: [{ ...threshold, typed }] });
      }
    }
    return reply.page('admin/profile-edit.njk', {
      profile: latest,
      basedOn: base.version,
      mode,
      action: `/admin/profiles/${latest.name}/new${mode === 'rules' ? '/rules' : ''}`,
      otherMode: `/admin/profiles/${latest.name}/new${mode === 'rules' ? '' : '/rules'}?from=${base.version}`,
      thresholdGroups: groups,
      ...context,
    });
  };

  /** The latest version and the one the administrator started from (the latest when none is named). */
  const versionsFor = async (request: FastifyRequest, from: unknown) => {
    const name = nameParam(request);
    const version = versionQuery.safeParse({ from });
    if (!name || !version.success) return undefined;
    const found = await profileToEdit(ctx, name, version.data.from);
    return found.ok ? found.value : undefined;
  };

  app.get('/admin/profiles', guard, async (request, reply) => {
    const activated = (request.query as Record<string, unknown>).activated;
    return renderIndex(request, reply, { activated: typeof activated === 'string' ? activated : undefined });
  });

  app.post('/admin/profiles/active', guard, async (request, reply) => {
    const name = (request.body as Record<string, unknown> | undefined)?.name;
    const chosen =
      typeof name === 'string' ? await activateProfile(ctx, requireUser(request), name) : undefined;
    if (!chosen?.ok) {
      reply.code(400);
      return renderIndex(request, reply, formError('name', 'Choose the profile to use when none is named'));
    }
    return reply.redirect(`/admin/profiles?activated=${encodeURIComponent(chosen.value.active)}`, 303);
  });

  app.get('/admin/profiles/:name', guard, async (request, reply) => {
    const name = nameParam(request);
    if (!name) return reply.callNotFound();
    const history = await profileHistory(ctx, name);
    if (!history.ok) return sendProblem(request, reply, history.error);
    const published = (request.query as Record<string, unknown>).published;
    return reply.page('admin/profile.njk', {
      ...history.value,
      published: typeof published === 'string' ? published : undefined,
    });
  });

  for (const mode of EDITOR_MODES) {
    const path = `/admin/profiles/:name/new${mode === 'rules' ? '/rules' : ''}`;

    app.get(path, guard, async (request, reply) => {
      const versions = await versionsFor(request, (request.query as Record<string, unknown>).from);
      if (!versions) return reply.callNotFound();
      return renderEditor(request, reply, mode, versions, { values: profileFormValues(versions.base) });
    });

    app.post(path, guard, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const versions = await versionsFor(request, body.basedOn || undefined);
      if (!versions) return reply.callNotFound();
      const { latest, base } = versions;
      const values: ProfileFormValues = typedValues(body, profileFormValues(base));
      const typedThresholds =
        mode === 'thresholds'
          ? Object.fromEntries(
              profileThresholds(base, request.language).map((t) => {
                const typed = body[t.field];
                return [t.field, typeof typed === 'string' ? typed : ''];
              }),
            )
          : undefined;
      const parsed =
        mode === 'thresholds'
          ? parseThresholdsForm(base, body, request.language)
          : parseProfileForm(base, body);
      if (!parsed.ok) {
        reply.code(400);
        return renderEditor(request, reply, mode, versions, {
          values,
          typedThresholds,
          errors: parsed.errors,
          fieldErrors: parsed.fieldErrors,
        });
      }
      if (body.action === 'preview') {
        return renderEditor(request, reply, mode, versions, {
          values,
          typedThresholds,
          preview: await previewProfile(ctx, { ...parsed.profile, version: latest.version + 1 }),
        });
      }
      const published = await publishProfile(ctx, requireUser(request), parsed.profile, base.version);
      if (!published.ok) return sendProblem(request, reply, published.error);
      return reply.redirect(
        `/admin/profiles/${published.value.name}?published=${published.value.version}`,
        303,
      );
    });
  }
};

export default performanceProfiles;
