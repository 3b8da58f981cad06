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
import { requirePlatformAdmin } from '../auth/guards.ts';
import { formError, type FormErrors } from '../forms.ts';
import { parseProfileForm, profileFormValues, typedValues, type ProfileFormValues } from '../profile-form.ts';

const nameParam = (request: FastifyRequest) => {
  const name = (request.params as { name: string }).name;
  return /^[a-z0-9][a-z0-9-]*$/.test(name) ? name : undefined;
};
const versionQuery = z.object({ from: z.coerce.number().int().min(1).optional() });

interface EditorContext {
  values: ProfileFormValues;
  basedOn: number;
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

  const renderEditor = (
    reply: FastifyReply,
    profile: PerformanceProfile,
    context: EditorContext & Partial<FormErrors>,
  ) =>
    reply.page('admin/profile-edit.njk', {
      title: `New version of ${profile.title}`,
      profile,
      ...context,
    });

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

  app.get('/admin/profiles/:name/new', guard, async (request, reply) => {
    const name = nameParam(request);
    const query = versionQuery.safeParse(request.query);
    const base = name && query.success ? await getProfileVersion(db, name, query.data.from) : undefined;
    if (!base) return reply.callNotFound();
    return renderEditor(reply, base, { values: profileFormValues(base), basedOn: base.version });
  });

  app.post('/admin/profiles/:name/new', guard, async (request, reply) => {
    const name = nameParam(request);
    const latest = name ? await getProfileVersion(db, name) : undefined;
    if (!latest) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = typedValues(body, profileFormValues(latest));
    const basedOn = Number(body.basedOn) || latest.version;
    const parsed = parseProfileForm(latest, body);
    if (!parsed.ok) {
      reply.code(400);
      return renderEditor(reply, latest, {
        values,
        basedOn,
        errors: parsed.errors,
        fieldErrors: parsed.fieldErrors,
      });
    }
    if (body.action === 'preview') {
      const snapshot = await app.snapshots.get();
      const draft = { ...parsed.profile, version: latest.version + 1 };
      const current = snapshot.view(latest.name)?.classifications.values() ?? [];
      return renderEditor(reply, latest, {
        values,
        basedOn,
        preview: {
          current: countGroups(current),
          draft: countGroups(classifySchools(snapshot.schools, draft, snapshot.asOf)),
          schools: snapshot.schools.length,
        },
      });
    }
    const published = await publishProfileVersion(db, parsed.profile, request.user!, basedOn);
    await app.snapshots.refresh();
    return reply.redirect(`/admin/profiles/${published.name}?published=${published.version}`, 303);
  });
};

export default performanceProfiles;
