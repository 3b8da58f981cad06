import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import type { Db } from '../../data/db.ts';
import { createSession, deleteSession, findSession } from '../../data/sessions.ts';
import { loadSessionUser } from '../../data/users.ts';
import type { SessionUser } from '../../domain/access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user with all their roles, or null for an anonymous visitor. */
    user: SessionUser | null;
  }
  interface FastifyReply {
    /** Signs the user in with a brand-new session (any session the browser brought is ended). */
    startSession(userId: number): Promise<void>;
    /** Ends the browser's session, if it has one. */
    endSession(): Promise<void>;
  }
}

export const SESSION_COOKIE = 's2s-session';
export const SESSION_LIMITS = {
  /** Signed out after this long without a request. */
  idleMs: 60 * 60 * 1000,
  /** …and in any case this long after signing in. */
  absoluteMs: 12 * 60 * 60 * 1000,
  /** Recording every request's time would be a write per request; a minute's accuracy is plenty. */
  touchAfterMs: 60 * 1000,
};
const NO_SESSION_NEEDED = /^\/(assets|public|health)\//;

/**
 * Sessions stored in PostgreSQL, keyed by the SHA-256 of a random token held in an HttpOnly,
 * SameSite=Lax cookie (Secure in production). Signing in always issues a new token, so a token
 * planted before sign-in (session fixation) is worthless.
 */
export default fp(
  async (app, { config, db }: { config: Config; db: Db }) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.env === 'production',
    };

    app.decorateRequest('user', null);

    const signIn = async (request: FastifyRequest, token: string) => {
      const session = await findSession(db, token, new Date(), SESSION_LIMITS);
      request.user = session ? await loadSessionUser(db, session.userId) : null;
    };
    // Without a session cookie (every API client, every anonymous visitor) nothing waits.
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token || NO_SESSION_NEEDED.test(request.url)) return done();
      signIn(request, token).then(() => done(), done);
    });

    app.decorateReply('startSession', async function (this: FastifyReply, userId: number) {
      await this.endSession();
      const token = await createSession(db, userId, new Date());
      this.setCookie(SESSION_COOKIE, token, cookieOptions);
      // A fresh CSRF secret too: none chosen before sign-in carries over.
      this.clearCookie('s2s-csrf', { path: '/' });
      this.request.user = await loadSessionUser(db, userId);
    });

    app.decorateReply('endSession', async function (this: FastifyReply) {
      const token = this.request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      this.clearCookie(SESSION_COOKIE, cookieOptions);
      this.request.user = null;
    });

    app.pageContext((request: FastifyRequest) => ({ user: request.user }));
  },
  { name: 's2s-session', dependencies: ['s2s-csrf', 's2s-views'] },
);
