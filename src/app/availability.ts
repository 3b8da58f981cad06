/**
 * Whether an error means the database could not be reached or went away: every face answers it as
 * a state (the web 503, the CLI a plain message), never as a fault with a stack trace.
 */
export { isDatabaseUnavailable } from '../data/availability.ts';
