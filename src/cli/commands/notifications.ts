import type { Command } from 'commander';
import { sendDailyDigests } from '../../app/notifications/notifications.ts';
import { output, withApp } from '../context.ts';

export default function register(program: Command): void {
  const notifications = program.command('notifications').description('email what happened to partnerships');
  notifications
    .command('send-digests')
    .description(
      'email each person who chose a daily digest what is new since their last one (run it once a day)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withApp((ctx) => sendDailyDigests(ctx));
      output(options.json, result, () =>
        result.people === 0
          ? 'No digest to send.'
          : `Sent ${result.notifications} notifications in digests to ${result.people} people.`,
      );
    });
}
