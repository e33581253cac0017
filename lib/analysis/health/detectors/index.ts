import type { Detector } from '../detector';
import { degenerateText } from './degenerate-text';
import { formatErrors } from './format-errors';
import { repeatedCalls } from './repeated-calls';
import { rewardCollapse } from './reward-collapse';
import { rewardComponent } from './reward-component';
import { toolErrors } from './tool-errors';
import { truncation } from './truncation';
import { zeroVariance } from './zero-variance';

/** Every detector, in the order of DETECTOR_IDS (the Health tab's order). */
export const DETECTORS: readonly Detector[] = [
  rewardCollapse,
  zeroVariance,
  truncation,
  toolErrors,
  repeatedCalls,
  formatErrors,
  degenerateText,
  rewardComponent,
];
