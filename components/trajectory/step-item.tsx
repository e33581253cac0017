import type { TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import type { BoundedText } from '@/lib/chart-data/bounded-text';
import { formatInteger, formatReward } from '@/lib/chart-data/format';
import { firstLine, lineCount, type TranscriptStepView } from '@/lib/chart-data/transcript';
import { stepAnchor } from '@/lib/search-params';
import { ToolStatusBadge } from '../ui/badge';
import { CollapsibleText } from './collapsible-text';
import { HighlightedText } from './highlighted-text';
import { JsonTreeView } from './json-tree-view';
import { StepActions } from './step-actions';

/** A step as stored (parsed from steps_json). */
export type Step = TrajectoryDetail['steps'][number];

const SECTION_LABEL =
  'mb-1 text-[11px] font-medium uppercase tracking-wide text-tremor-content-subtle dark:text-dark-tremor-content-subtle';

export interface StepItemProps {
  step: TranscriptStepView;
  /** 0-based position in the trajectory. */
  index: number;
  /** Where the whole record is, for texts too long to send (and the raw JSON "Copy JSON" copies). */
  recordHref?: string;
  /** Search words to mark in the action, thought, arguments and observation. */
  terms?: readonly string[];
  /** The step's own link (`?step=N#step-N`), copied by "Copy link"; without it the step has no copy controls. */
  href?: string;
  /**
   * A list item of the transcript with the anchor `step-N` (default), or a cell of the side-by-side view (its row
   * holds the anchor).
   */
  as?: 'li' | 'div';
}

const WORDS = 'text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis';
const FAILED = 'bg-rose-50 text-rose-900 dark:bg-rose-400/10 dark:text-rose-200';
const MUTED = 'bg-tremor-background-muted dark:bg-dark-tremor-background-muted';

interface TextSectionProps {
  /** The section's heading; none for a user or system turn's words. */
  label: string | null;
  text: BoundedText | null;
  recordHref?: string;
  terms?: readonly string[];
  mono?: boolean;
  className: string;
  testId?: string;
}

/** One text of a step under its label, collapsed when long; nothing when the step has no such text. */
function TextSection({ label, text, recordHref, terms, mono, className, testId }: TextSectionProps) {
  if (!text) return null;
  return (
    <section data-testid={testId}>
      {label ? <h4 className={SECTION_LABEL}>{label}</h4> : null}
      <CollapsibleText
        text={text.text}
        totalLength={text.length}
        recordHref={recordHref}
        terms={terms}
        mono={mono}
        className={className}
      />
    </section>
  );
}

/** Who speaks, as the step header names it. */
function speaker(step: TranscriptStepView): string {
  if (step.role === 'system') return 'System';
  if (step.role === 'user') return 'User';
  if (step.role === 'tool') return 'Tool result';
  return step.call ? 'Tool call' : 'Agent';
}

/** The left edge of a step: who speaks, at a glance. */
const EDGE: Record<string, string> = {
  system: 'border-l-slate-400 dark:border-l-slate-500',
  user: 'border-l-sky-500 dark:border-l-sky-400',
  agent: 'border-l-violet-500 dark:border-l-violet-400',
  call: 'border-l-amber-500 dark:border-l-amber-400',
  tool: 'border-l-amber-500 dark:border-l-amber-400',
};

function edgeOf(step: TranscriptStepView): string {
  if (step.role === 'assistant') return EDGE[step.call ? 'call' : 'agent'];
  return EDGE[step.role];
}

/** The system prompt: one line until opened (its words are in the page for search and print). */
function SystemTurn({ text, terms }: { text: BoundedText; terms?: readonly string[] }) {
  const lines = lineCount(text.text);
  return (
    <details data-testid="system-turn" className="group">
      <summary className="cursor-pointer list-none text-sm text-tremor-content dark:text-dark-tremor-content">
        <span className="mr-1 inline-block text-xs transition-transform group-open:rotate-90" aria-hidden>
          ▸
        </span>
        <span className="italic">{firstLine(text.text)}</span>
        <span className="ml-2 whitespace-nowrap text-xs font-medium text-tremor-brand dark:text-dark-tremor-brand-emphasis">
          <span className="group-open:hidden">
            Show the system prompt ({formatInteger(lines)} line{lines === 1 ? '' : 's'})
          </span>
          <span className="hidden group-open:inline">Hide</span>
        </span>
      </summary>
      <CollapsibleText
        text={text.text}
        totalLength={text.length}
        terms={terms}
        collapse={false}
        className={`mt-2 ${WORDS}`}
      />
    </details>
  );
}

/**
 * One step of the conversation: a system turn (collapsed to one line), a user turn, an agent reply, or a tool call
 * with its arguments (JSON) paired with its result, a failure marked with its message; with its number (linked to
 * its anchor), tokens and latency when logged, and its copy controls.
 */
export function StepItem({ step, index, recordHref, terms, href, as = 'li' }: StepItemProps) {
  const isTurn = step.role === 'user' || step.role === 'system';
  const shared = { recordHref, terms };
  const number = index + 1;
  const Element = as;
  return (
    <Element
      id={as === 'li' ? stepAnchor(number) : undefined}
      data-testid="step"
      data-role={step.role}
      data-failed={step.failed ? 'true' : undefined}
      className={`min-w-0 scroll-mt-20 rounded-md border border-l-4 p-3 ${
        step.failed
          ? 'border-rose-300 dark:border-rose-400/40'
          : 'border-tremor-border dark:border-dark-tremor-border'
      } ${edgeOf(step)} ${isTurn ? MUTED : 'bg-tremor-background dark:bg-dark-tremor-background'}`}
    >
      <header className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <a
          href={`#${stepAnchor(number)}`}
          className="font-semibold tabular-nums text-tremor-content hover:underline dark:text-dark-tremor-content"
        >
          Step {formatInteger(number)}
        </a>
        <span className="text-[11px] font-medium uppercase tracking-wide text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {speaker(step)}
        </span>
        {step.action !== null ? (
          <span className="break-all font-mono font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
            <HighlightedText text={step.action} terms={terms} />
          </span>
        ) : null}
        <ToolStatusBadge status={step.failed ? 'error' : step.tool_status} />
        <span className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1">
          {step.cost !== null ? (
            <span
              data-testid="step-cost"
              className="tabular-nums text-tremor-content dark:text-dark-tremor-content"
            >
              {step.cost}
            </span>
          ) : null}
          {step.process_reward !== null && step.process_reward !== undefined ? (
            <span className="tabular-nums text-tremor-content dark:text-dark-tremor-content">
              process reward {formatReward(step.process_reward)}
            </span>
          ) : null}
          {href ? <StepActions step={number} href={href} recordHref={recordHref} /> : null}
        </span>
      </header>
      <div className="space-y-2">
        {step.role === 'system' && step.content ? (
          <SystemTurn text={step.content} terms={terms} />
        ) : (
          <TextSection label={isTurn ? null : 'Reply'} text={step.content} {...shared} className={WORDS} />
        )}
        <TextSection label="Thought" text={step.thought} {...shared} className={WORDS} />
        {step.arguments ? (
          <section>
            <h4 className={SECTION_LABEL}>Arguments</h4>
            <div
              data-testid="step-arguments"
              className={`overflow-x-auto rounded p-2 font-mono text-xs leading-relaxed ${MUTED}`}
            >
              <JsonTreeView node={step.arguments} recordHref={recordHref} terms={terms} />
            </div>
          </section>
        ) : null}
        <TextSection
          label={step.call || step.role === 'tool' ? 'Result' : 'Observation'}
          text={step.observation}
          {...shared}
          mono
          testId="step-result"
          className={`rounded p-2 ${step.failed ? FAILED : MUTED}`}
        />
        <TextSection label="Error" text={step.error} {...shared} mono className={`rounded p-2 ${FAILED}`} />
      </div>
    </Element>
  );
}
