/** Bad input from the person at the keyboard: printed as is, exit status 2, no stack trace. */
export class UsageError extends Error {}
