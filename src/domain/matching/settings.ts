import { DEFAULT_RADIUS_KM } from '../radius.ts';
import type { Phase } from '../school.ts';

export const STRATEGIES = ['support', 'peer', 'reciprocal', 'offer-support'] as const;
/**
 * support: a stronger school supports a weaker one (NFER; the DfE's Gaining Ground); peer:
 * schools at a similar stage of improvement (Estyn); reciprocal: each strong where the other is
 * weak, so every school gives and receives; offer-support: the supporter's question, schools in
 * need nearby that it could support, weak where it is strong.
 */
export type SupportStrategy = (typeof STRATEGIES)[number];

export const STRATEGY_LABELS: Record<SupportStrategy, string> = {
  support: 'Support: a stronger school supports yours',
  peer: 'Peer: a school at a similar stage of improvement',
  reciprocal: 'Reciprocal: each strong where the other is weak',
  'offer-support': 'Schools we could support: schools in need, weak where yours is strong',
};

export interface ScoreWeights {
  distance: number;
  context: number;
  fit: number;
  capacity: number;
}

export interface MatchingSettings {
  /** Reasonable travelling distance, by the phase of the school looking for a partner. */
  radiusKm: Record<Phase, number>;
  /** Phases a school of each phase can partner with (all-through schools teach both). */
  compatiblePhases: Record<Phase, Phase[]>;
  weights: ScoreWeights;
  /** How many schools a school can work with at once unless it says otherwise. */
  defaultCapacity: number;
  /** How many partners beyond the radius to offer a school with none inside it. */
  remoteCandidates: number;
  /** How many of each school's best candidates the national allocation considers. */
  allocationOptions: number;
}

export const DEFAULT_MATCHING_SETTINGS: MatchingSettings = {
  radiusKm: DEFAULT_RADIUS_KM,
  compatiblePhases: {
    nursery: ['nursery'],
    primary: ['primary', 'all-through'],
    middle: ['middle', 'primary', 'secondary'],
    secondary: ['secondary', 'all-through'],
    'all-through': ['all-through', 'primary', 'secondary'],
    special: ['special'],
    'alternative-provision': ['alternative-provision'],
    '16-plus': ['16-plus'],
    'not-applicable': [],
  },
  weights: { distance: 0.3, context: 0.25, fit: 0.35, capacity: 0.1 },
  defaultCapacity: 2,
  remoteCandidates: 3,
  allocationOptions: 20,
};
