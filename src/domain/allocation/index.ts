export {
  allocateNationally,
  explainAssignmentInWords,
  pairingWords,
  type Allocation,
  type Assignment,
  type Unsupported,
  type UnsupportedReason,
  UNSUPPORTED_REASONS,
} from './allocate.ts';
export {
  crossedWithWords,
  pairingAnswer,
  reasonWordsOf,
  forCrossing,
  type CrossingAllocation,
} from './crossing.ts';
export { allocateGreedily } from './greedy.ts';
export { allocateOptimally } from './min-cost-flow.ts';
export { totalQuality, type AllocationProblem, type AllocationSolution, type Pairing } from './problem.ts';
