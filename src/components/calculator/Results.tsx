/** The results panel: label/value pairs, announced politely when they change, and the issue list. */
import type { Issue } from '../../lib/kit/calculator';
import type { FieldContext } from './Fields';
import { messageText } from './Fields';

export interface ResultItem {
  key: string;
  label: string;
  /** Formatted value; undefined shows the "not available" mark, never NaN or a blank. */
  value: string | undefined;
  detail?: string | undefined;
  emphasis?: boolean;
}

export function ResultList({ ctx, items }: { ctx: FieldContext; items: ResultItem[] }) {
  return (
    <dl class="calc-results" aria-live="polite">
      {items.map((item) => (
        <div key={item.key} class={`calc-result${item.emphasis ? ' calc-result--key' : ''}`} data-result={item.key}>
          <dt>{item.label}</dt>
          <dd>
            {item.value ?? <span class="calc-na">{ctx.ui.kit.notAvailable}</span>}
            {item.value !== undefined && item.detail ? <span class="calc-detail"> ({item.detail})</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Issues not tied to one input field (field issues are shown beside their field). */
export function IssueList({ ctx, issues }: { ctx: FieldContext; issues: Issue[] }) {
  const general = issues.filter((issue) => !issue.field);
  if (general.length === 0) return null;
  const label = { error: ctx.ui.kit.statusError, warning: ctx.ui.kit.statusWarning, info: ctx.ui.kit.statusInfo };
  return (
    <ul class="calc-issues" aria-live="polite">
      {general.map((issue, i) => (
        <li key={`${issue.code}-${i}`} class={`calc-issue calc-issue--${issue.severity}`} data-issue={issue.code}>
          <strong>{label[issue.severity]}:</strong> {messageText(ctx.ui, issue, ctx.format)}
        </li>
      ))}
    </ul>
  );
}
