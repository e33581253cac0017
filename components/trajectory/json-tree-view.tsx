import type { JsonNode } from '@/lib/chart-data/json-tree';
import { formatInteger } from '@/lib/chart-data/format';
import { clipText } from '@/lib/chart-data/steps';
import { CollapsedJson } from './collapsed-json';
import { CollapsibleText } from './collapsible-text';
import { HighlightedText } from './highlighted-text';

export interface JsonTreeViewProps {
  node: JsonNode;
  recordHref?: string;
  /** Search words to mark in the string values. */
  terms?: readonly string[];
}

const KEY = 'text-tremor-content-strong dark:text-dark-tremor-content-strong';
const STRING_COLOUR = 'text-emerald-800 dark:text-emerald-300';
const STRING = `whitespace-pre-wrap break-words ${STRING_COLOUR}`;

/**
 * A prepared JSON value (see jsonTree) as nested lists: each level adds one element and a fixed indent, so the markup
 * grows linearly with the value. Strings keep their quotes (`""` for an empty one); keys and strings are text
 * children, never markup.
 */
export function JsonTreeView({ node, recordHref, terms }: JsonTreeViewProps) {
  switch (node.kind) {
    case 'literal':
      return <span className="text-sky-700 dark:text-sky-300">{node.text}</span>;
    case 'string':
      // A short string is drawn here; only a long one needs the browser's "show more".
      if (node.value.length === node.value.text.length && !clipText(node.value.text).clipped)
        return (
          <span className={STRING}>
            &quot;
            <HighlightedText text={node.value.text} terms={terms} />
            &quot;
          </span>
        );
      return (
        <CollapsibleText
          text={node.value.text}
          totalLength={node.value.length}
          recordHref={recordHref}
          terms={terms}
          mono
          inline
          quoted
          className={STRING_COLOUR}
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
