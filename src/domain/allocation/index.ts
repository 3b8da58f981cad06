export {
  allocateNationally,
  explainAssignmentInWords,
  reasonWriter,
  type Allocation,
  type Assignment,
  type Unsupported,
  type UnsupportedReason,
  UNSUPPORTED_REASONS,
} from './allocate.ts';
export { reasonWordsOf, withoutReasons, withReasonsWrittenBy, type AllocationFacts } from './crossing.ts';
export { allocateGreedily } from './greedy.ts';
export { allocateOptimally } from './min-cost-flow.ts';
export { totalQuality, type AllocationProblem, type AllocationSolution, type Pairing } from './problem.ts';
