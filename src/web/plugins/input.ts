import fp from 'fastify-plugin';

/**
 * A control character other than tab and line breaks: no one types one, PostgreSQL refuses NUL
 * in text ("invalid byte sequence"), and others hide in logs and exports.
 */
const CONTROL = /[^\P{Cc}\t\n\r]/u;

const holdsControl = (value: unknown): boolean => {
  if (typeof value === 'string') return CONTROL.test(value);
  if (Array.isArray(value)) return value.some(holdsControl);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => CONTROL.test(k) || holdsControl(v));
  return false;
};

/**
 * Refuses a request with a control character in its path parameters, query or body with 400,
 * before any route reads it: at the edge, once, rather than as a 500 from the database.
 */
export default fp(
  async (app) => {
    app.addHook('preValidation', (request, _reply, done) => {
      if (![request.params, request.query, request.body].some(holdsControl)) return done();
      done(
        Object.assign(
          new Error(
            'What you entered contains a control character (such as a NUL byte). Remove it and try again.',
          ),
          { statusCode: 400 },
        ),
      );
    });
  },
  { name: 's2s-input' },
);
