import type { Command } from 'commander';
import allocate from './allocate.ts';
import capacity from './capacity.ts';
import classify from './classify.ts';
import generate from './generate.ts';
import importCommand from './import.ts';
import leaders from './leaders.ts';
import match from './match.ts';
import notifications from './notifications.ts';
import practice from './practice.ts';
import profiles from './profiles.ts';
import readiness from './readiness.ts';
import sponsorships from './sponsorships.ts';
import update from './update.ts';
import users from './users.ts';

/** Every `s2s` subcommand (add yours here). */
export const commands: Array<(program: Command) => void> = [
  readiness,
  importCommand,
  update,
  capacity,
  generate,
  classify,
  profiles,
  match,
  allocate,
  users,
  notifications,
  practice,
  leaders,
  sponsorships,
];
