import { list, strings } from '../../scan/scan';
import { byRow, matchingCodes, percent, shareFindings, type Detector } from '../detector';

/** Termination reasons that mean the agent's output could not be parsed or had the wrong format. */
export const FORMAT_REASON =
  /format|pars(e|ing)|malformed|invalid_?(json|action|output|response|tool_?call|function_?call)|schema|decode/i;

/** Error fingerprints of failed calls whose arguments could not be parsed (the agent wrote bad JSON or syntax). */
export const FORMAT_ERROR =
  /json|pars(e|ing) error|malformed|invalid (format|syntax|arguments?|json)|syntaxerror|unexpected token|decode/i;

/**
 * `format_errors`: the share of trajectories that ended in a format or parse failure (termination reason), or had a
 * tool call rejected for unparseable arguments (error fingerprint), rises by 8 points over the baseline
 * (critical: 20).
 */
export const formatErrors: Detector = {
  id: 'format_errors',
  rule:
    'share of trajectories ending in a format or parse failure, or with a call rejected for unparseable ' +
    'arguments, rises ≥ 8 points over the baseline (critical ≥ 20)',
  columns: ['termination_reason', 'error_fingerprints'],
  detect(input) {
    const reason = strings(input.scan, 'termination_reason');
    const fingerprints = list(input.scan, 'error_fingerprints');
    const badReason = matchingCodes(reason.values, FORMAT_REASON);
    const badCall = matchingCodes(fingerprints.values, FORMAT_ERROR);
    const isFormatError = (i: number): boolean => {
      const code = reason.codes[i];
      if (code >= 0 && badReason[code] === 1) return true;
      for (let k = fingerprints.offsets[i]; k < fingerprints.offsets[i + 1]; k++)
        if (badCall[fingerprints.codes[k]] === 1) return true;
      return false;
    };
    return shareFindings(input, {
      detector: 'format_errors',
      subject: null,
      label: 'share of trajectories with a format or parse failure',
      rule: { warning: 0.08, critical: 0.2 },
      ...byRow(isFormatError),
      message: (judged) =>
        `${percent(judged.value)} of trajectories have a format or parse failure at epoch ${judged.epoch_id} ` +
        `(baseline ${percent(judged.baseline ?? 0)})`,
    });
  },
};
