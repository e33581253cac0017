import type { JsonNode } from '@/lib/chart-data/json-tree';
import { formatInteger } from '@/lib/chart-data/format';
import { CollapsedJson } from './collapsed-json';
import { CollapsibleText } from './collapsible-text';

export interface JsonTreeViewProps {
  node: JsonNode;
  recordHref?: string;
  /** Search words to mark in the string values. */
  terms?: readonly string[];
}

const KEY = 'text-tremor-content-strong dark:text-dark-tremor-content-strong';

/**
 * A prepared JSON value (see jsonTree) as nested lists: each level adds one element and a fixed indent, so the markup
 * grows linearly with the value. Keys and strings are text children, never markup.
 */
export function JsonTreeView({ node, recordHref, terms }: JsonTreeViewProps) {
  switch (node.kind) {
    case 'literal':
      return <span className="text-sky-700 dark:text-sky-300">{node.text}</span>;
    case 'string':
      return (
        <CollapsibleText
          text={node.value.text}
          totalLength={node.value.length}
          recordHref={recordHref}
          terms={terms}
          mono
          className="inline"
        />
      );
    case 'collapsed':
      return <CollapsedJson summary={node.summary} json={node.json} recordHref={recordHref} />;
    default: {
      const [open, close] = node.kind === 'array' ? ['[', ']'] : ['{', '}'];
      if (node.members.length === 0) return <span>{open + close}</span>;
      return (
        <>
          {open}
          <ul className="border-l border-tremor-border pl-3 dark:border-dark-tremor-border">
            {node.members.map((member, i) => (
              <li key={i}>
                {member.key !== null ? <span className={KEY}>{JSON.stringify(member.key)}: </span> : null}
                <JsonTreeView node={member.node} recordHref={recordHref} terms={terms} />
              </li>
            ))}
            {node.hidden > 0 ? (
              <li className="italic text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                … {formatInteger(node.hidden)} more
              </li>
            ) : null}
          </ul>
          {close}
        </>
      );
    }
  }
}
