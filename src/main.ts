import { cliProgram, runProgram } from './cli/program.ts';
import { serve } from './web/server.ts';

/**
 * The `s2s` entry point: the one place that joins the faces, so the CLI never imports the web
 * layer and the web layer never imports the CLI.
 */
const program = cliProgram();
program
  .command('serve')
  .description('start the web service (and, with no DATABASE_URL, an embedded PostgreSQL)')
  .action(serve);
await runProgram(program, process.argv);
