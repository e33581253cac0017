import { ToolContextList } from '@/components/tool-contexts/tool-context-list';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import {
  unexpectedToolContexts,
  type UnexpectedToolContexts,
} from '@/lib/analysis/stats/unexpected-tool-contexts';
import type { DashboardParams } from '@/lib/search-params';
import { LoadCard } from './load-card';

export const CONTEXTS_PER_PAGE = 20;

interface ToolContextsTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
}

/** Each failed tool call between the step that led to it and the step that followed. */
export function ToolContextsTab({ query, source, params }: ToolContextsTabProps) {
  const page = Math.max(1, params.page ?? 1);
  return (
    <LoadCard<UnexpectedToolContexts>
      title="Failed tool calls in context"
      size="list"
      load={() =>
        unexpectedToolContexts(
          { ...query, limit: CONTEXTS_PER_PAGE, offset: (page - 1) * CONTEXTS_PER_PAGE },
          source,
        )
      }
    >
      {(contexts) => <ToolContextList contexts={contexts} params={params} />}
    </LoadCard>
  );
}
