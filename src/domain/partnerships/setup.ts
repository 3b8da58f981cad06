import { participants, type Partnership } from './model.ts';

/**
 * The sections of setting a partnership up, in the order of the task list. Each answers some of
 * Estyn's ten questions and the seed's themes for a system leader and a client school.
 */
export const SETUP_TASKS = [
  'schools',
  'focus',
  'objectives',
  'resources',
  'timescales',
  'staff',
  'exit',
] as const;
export type SetupTask = (typeof SETUP_TASKS)[number];
export const SETUP_TASK_LABELS: Record<SetupTask, string> = {
  schools: 'Schools and their roles',
  focus: 'Focus, need and priorities',
  objectives: 'Objectives and success criteria',
  resources: 'Resources and costings',
  timescales: 'Start, milestones and end',
  staff: 'Named staff and system leaders',
  exit: 'Exit strategy',
};

export type TaskState = 'completed' | 'incomplete' | 'not-started';

export interface TaskStatus {
  task: SetupTask;
  state: TaskState;
  /** What is still missing, in plain words, when the task is not complete. */
  missing: string[];
}

type SetupView = Pick<
  Partnership,
  | 'type'
  | 'members'
  | 'focusAreas'
  | 'need'
  | 'priorities'
  | 'objectives'
  | 'staffDays'
  | 'releaseTime'
  | 'costs'
  | 'startDate'
  | 'endDate'
  | 'staff'
  | 'exitStrategy'
  | 'sustainability'
>;

const blank = (text: string | null) => !text || text.trim() === '';

function status(task: SetupTask, missing: string[], started: boolean): TaskStatus {
  return {
    task,
    missing,
    state: missing.length === 0 ? 'completed' : started ? 'incomplete' : 'not-started',
  };
}

const checks: Record<SetupTask, (p: SetupView) => TaskStatus> = {
  schools: (p) =>
    status(
      'schools',
      p.members.filter((m) => m.invitation !== 'declined').length < 2 ? ['at least one partner school'] : [],
      true,
    ),
  focus: (p) =>
    status(
      'focus',
      [
        ...(p.focusAreas.length === 0 ? ['at least one focus area'] : []),
        ...(blank(p.need) ? ['why the support is needed'] : []),
        ...(blank(p.priorities) ? ['which priorities it serves'] : []),
      ],
      p.focusAreas.length > 0 || !blank(p.need) || !blank(p.priorities),
    ),
  objectives: (p) =>
    status(
      'objectives',
      p.objectives.length === 0
        ? ['at least one objective']
        : p.objectives
            .filter((o) => o.baseline === null || o.target === null)
            .map((o) => `a baseline and target for "${o.description}"`),
      p.objectives.length > 0,
    ),
  resources: (p) =>
    status(
      'resources',
      p.staffDays === null && blank(p.releaseTime) ? ['staff days or release time'] : [],
      p.staffDays !== null || !blank(p.releaseTime) || p.costs.length > 0,
    ),
  timescales: (p) =>
    status(
      'timescales',
      [...(p.startDate ? [] : ['a start date']), ...(p.endDate ? [] : ['an end date'])],
      Boolean(p.startDate || p.endDate),
    ),
  staff: (p) => {
    const missing: string[] = [];
    for (const m of participants(p.members)) {
      if (!p.staff.some((s) => s.urn === m.urn)) missing.push(`a named member of staff at ${m.name}`);
    }
    if (p.type === 'deployment' && !p.staff.some((s) => s.systemLeader !== null)) {
      missing.push('the system leader being deployed');
    }
    return status('staff', missing, p.staff.length > 0);
  },
  exit: (p) =>
    status(
      'exit',
      [
        ...(blank(p.exitStrategy) ? ['the exit strategy'] : []),
        ...(blank(p.sustainability) ? ['how improvements will be sustained and celebrated'] : []),
      ],
      !blank(p.exitStrategy) || !blank(p.sustainability),
    ),
};

export function setupTasks(p: SetupView): TaskStatus[] {
  return SETUP_TASKS.map((task) => checks[task](p));
}

export function setupComplete(p: SetupView): boolean {
  return setupTasks(p).every((t) => t.state === 'completed');
}
