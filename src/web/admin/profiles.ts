import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  getActiveProfileName,
  getProfileVersion,
  listProfileVersions,
  publishProfileVersion,
  setActiveProfile,
} from '../../data/profiles.ts';
import { classifySchools } from '../../domain/classification/classify.ts';
import { countGroups, type GroupCounts } from '../../domain/classification/counts.ts';
import type { PerformanceProfile } from '../../domain/classification/types.ts';
import type { AppDeps } from '../app.ts';
import { requirePlatformAdmin } from '../http/guards.ts';
import { formError, type FormErrors } from '../http/forms.ts';
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
  preview?: { current: GroupCounts; draft: GroupCounts; schools: number };
}

/**
 * Platform administrators edit the performance profiles: a change is published as a new version
 * (never an edit of an old one, so earlier results stay explainable) and one profile is chosen as
 * the one used when a page, call or command names none. The snapshot is rebuilt after each, so
 * every page and call answers under the change at once.
 */
const performanceProfiles: FastifyPluginAsync<AppDeps> = async (app, { db }) => {
  const guard = { preHandler: requirePlatformAdmin };

  const renderIndex = async (
    reply: FastifyReply,
    extra: Partial<FormErrors> & { activated?: string } = {},
  ) => {
    const [versions, active] = await Promise.all([listProfileVersions(db), getActiveProfileName(db)]);
    const latest = versions.filter((v, i) => i === 0 || versions[i - 1]!.name !== v.name);
    return reply.page('admin/profiles.njk', {
      title: 'Performance profiles',
      profiles: latest.map((v) => ({
        ...v,
        createdAt: v.createdAt.toISOString(),
        versions: versions.filter((o) => o.name === v.name).length,
        active: v.name === active,
      })),
      activeItems: latest.map((v) => ({
        value: v.name,
        text: v.title,
        hint: { text: `${v.name}, version ${v.version}` },
        checked: v.name === active,
      })),
      ...extra,
    });
  };

  /** The editor, as threshold fields or as the rules in JSON, for a new version of `latest` started from `base`. */
  const renderEditor = (
    reply: FastifyReply,
    mode: EditorMode,
    { latest, base }: { latest: PerformanceProfile; base: PerformanceProfile },
    context: EditorContext & Partial<FormErrors>,
  ) => {
    const groups: { rule: string; items: (Threshold & { typed: string })[] }[] = [];
    if (mode === 'thresholds') {
      for (const threshold of profileThresholds(base)) {
        const typed = context.typedThresholds?.[threshold.field] ?? String(threshold.value);
        const group = groups.find((g) => g.rule === threshold.rule);
        if (group) group.items.push({ ...threshold, typed });
        else groups.push({ rule: threshold.rule, items: [{ ...threshold, typed }] });
      }
    }
    return reply.page('admin/profile-edit.njk', {
      title: `New version of ${latest.title}`,
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
    const [latest, base] = name
      ? await Promise.all([
          getProfileVersion(db, name),
          getProfileVersion(db, name, version.success ? version.data.from : undefined),
        ])
      : [];
    return latest && base && version.success ? { latest, base } : undefined;
  };

  app.get('/admin/profiles', guard, async (request, reply) => {
    const activated = (request.query as Record<string, unknown>).activated;
    return renderIndex(reply, { activated: typeof activated === 'string' ? activated : undefined });
  });

  app.post('/admin/profiles/active', guard, async (request, reply) => {
    const name = (request.body as Record<string, unknown> | undefined)?.name;
    const chosen = typeof name === 'string' && (await setActiveProfile(db, name, request.user!));
    if (!chosen) {
      reply.code(400);
      return renderIndex(reply, formError('name', 'Choose the profile to use when none is named'));
    }
    await app.snapshots.refresh();
    return reply.redirect(`/admin/profiles?activated=${encodeURIComponent(name)}`, 303);
  });

  app.get('/admin/profiles/:name', guard, async (request, reply) => {
    const name = nameParam(request);
    const versions = name ? await listProfileVersions(db, name) : [];
    if (!name || versions.length === 0) return reply.callNotFound();
    const [profile, active] = await Promise.all([getProfileVersion(db, name), getActiveProfileName(db)]);
    const published = (request.query as Record<string, unknown>).published;
    return reply.page('admin/profile.njk', {
      title: profile!.title,
      profile,
      active: active === name,
      published: typeof published === 'string' ? published : undefined,
      versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    });
  });

  for (const mode of EDITOR_MODES) {
    const path = `/admin/profiles/:name/new${mode === 'rules' ? '/rules' : ''}`;

    app.get(path, guard, async (request, reply) => {
      const versions = await versionsFor(request, (request.query as Record<string, unknown>).from);
      if (!versions) return reply.callNotFound();
      return renderEditor(reply, mode, versions, { values: profileFormValues(versions.base) });
    });

    app.post(path, guard, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const versions = await versionsFor(request, body.basedOn || undefined);
      if (!versions) return reply.callNotFound();
      const { latest, base } = versions;
      const values: ProfileFormValues = typedValues(body, profileFormValues(base));
      const typedThresholds =
        mode === 'thresholds'
          ? Object.fromEntries(profileThresholds(base).map((t) => [t.field, String(body[t.field] ?? '')]))
          : undefined;
      const parsed = mode === 'thresholds' ? parseThresholdsForm(base, body) : parseProfileForm(base, body);
      if (!parsed.ok) {
        reply.code(400);
        return renderEditor(reply, mode, versions, {
          values,
          typedThresholds,
          errors: parsed.errors,
          fieldErrors: parsed.fieldErrors,
        });
      }
      if (body.action === 'preview') {
        const snapshot = await app.snapshots.get();
        const draft = { ...parsed.profile, version: latest.version + 1 };
        const current = snapshot.view(latest.name)?.classifications.values() ?? [];
        return renderEditor(reply, mode, versions, {
          values,
          typedThresholds,
          preview: {
            current: countGroups(current),
            draft: countGroups(classifySchools(snapshot.schools, draft, snapshot.asOf)),
            schools: snapshot.schools.length,
          },
        });
      }
      const published = await publishProfileVersion(db, parsed.profile, request.user!, base.version);
      await app.snapshots.refresh();
      return reply.redirect(`/admin/profiles/${published.name}?published=${published.version}`, 303);
    });
  }
};

export default performanceProfiles;
