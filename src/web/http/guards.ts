import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import {
  canAdministerPlatform,
  canAdministerSchool,
  canChangeSchoolSharing,
  canEditSchool,
  type SessionUser,
} from '../../domain/access.ts';
import { isApi } from './is-api.ts';
import { sendApiProblem } from './problem.ts';

/**
 * Route guards, used as Fastify `preHandler`s. Anonymous callers of a page are sent to sign in
 * (303 to /sign-in?next=…); of the API, 401 JSON. Signed-in users without the right get 403.
 */

/** Finds the school a request is about; undefined answers 404. */
export type UrnOf = (request: FastifyRequest) => number | undefined;

/** The `:urn` route parameter, when it is a URN. */
export const urnParam: UrnOf = (request) => {
  const value = Number((request.params as Record<string, unknown> | undefined)?.urn);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
};

/**
 * A local path to come back to after signing in (never another site). Browsers read "\" as "/"
 * and drop tabs and line breaks, so "/\evil.example" or "/<tab>/evil.example" would leave the
 * site: neither may appear anywhere, nor half a UTF-16 pair. Characters beyond ASCII come back
 * percent-encoded, as a Location header must carry them.
 */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || !/^\/(?!\/)[^\\\s\p{Cc}\p{Cs}]*$/u.test(next)) return undefined;
  return next.replace(/[^\x21-\x7e]+/gu, encodeURIComponent);
}

async function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (isApi(request)) {
    return sendApiProblem(reply, 401, 'Sign in to use this resource.');
  }
  const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/sign-in${next}`, 303);
}

/** 403 for a signed-in user without the right. */
export async function forbid(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (isApi(request)) return sendApiProblem(reply, 403, 'You do not have permission to do this.');
  reply.code(403);
  return reply.send(await reply.page('layout/errors/403.njk'));
}

async function notFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  reply.callNotFound();
  return reply;
}

/** Builds a guard from a check of the signed-in user. */
function guard(
  allowed: (request: FastifyRequest) => boolean | Promise<boolean>,
  getUrn?: UrnOf,
): preHandlerAsyncHookHandler {
  return async function (request, reply) {
    if (getUrn && getUrn(request) === undefined) return notFound(request, reply);
    if (!request.user) return refuseAnonymous(request, reply);
    if (!(await allowed(request))) return forbid(request, reply);
  };
}

/**
 * The signed-in user of a route whose guard has already turned anonymous callers away; a route
 * that forgot its guard fails loudly rather than acting for nobody.
 */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error(`${request.method} ${request.routeOptions.url} has no sign-in guard`);
  return request.user;
}

export const requireSignedIn: preHandlerAsyncHookHandler = guard(() => true);

/** Members (and administrators) of the school: they edit its records. */
export const requireSchoolMember = (getUrn: UrnOf = urnParam): preHandlerAsyncHookHandler =>
  guard((request) => canEditSchool(request.user, getUrn(request)!), getUrn);

/** The school's administrators (and platform administrators). */
export const requireSchoolAdmin = (getUrn: UrnOf = urnParam): preHandlerAsyncHookHandler =>
  guard((request) => canAdministerSchool(request.user, getUrn(request)!), getUrn);

/** The school's own administrators only (not platform administrators): they choose what it shares. */
export const requireOwnSchoolAdmin = (getUrn: UrnOf = urnParam): preHandlerAsyncHookHandler =>
  guard((request) => canChangeSchoolSharing(request.user, getUrn(request)!), getUrn);

export const requirePlatformAdmin: preHandlerAsyncHookHandler = guard((request) =>
  canAdministerPlatform(request.user),
);
