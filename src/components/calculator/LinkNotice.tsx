/** The notice above a calculator opened from a link (loaded on demand by CalculatorFrame). */
import { interpolate } from '../../lib/kit/format';
import type { FrameStrings } from './CalculatorFrame';
import type { FieldContext } from './Fields';
import { shortList } from './notices';
import type { RestoreNotice } from './useCalculatorState';

export interface LinkNoticeProps {
  ctx: FieldContext;
  t: FrameStrings;
  notice: RestoreNotice;
  onBack: (() => void) | undefined;
}

/** What the link did: its inputs shown (by name), what was ignored, and the way back to saved inputs. */
export function LinkNotice({ ctx, t, notice, onBack }: LinkNoticeProps) {
  const { kit } = ctx.ui;
  const fieldLabels = (t as { fields?: Record<string, string> }).fields ?? {};
  const name = (key: string) => (key === 'rows' ? kit.rowsName : key === 'scenario' ? kit.scenarioParam : (fieldLabels[key] ?? key));
  return (
    <div class="calc-notice" data-notice="link">
      <p>
        {[
          notice.fromLink.length ? interpolate(kit.linkShown, { names: shortList(notice.fromLink.map(name), kit.andMore, 3, 120) }) : null,
          notice.fromLink.length && notice.canRestoreSaved ? kit.linkKeepsSaved : null,
          notice.ignored.length ? interpolate(kit.ignoredFromLink, { names: shortList(notice.ignored.map(name), kit.andMore) }) : null,
          notice.partialRows ? kit.linkPartialRows : null,
        ].filter(Boolean).join(' ')}
      </p>
      {notice.canRestoreSaved && onBack ? (
        <button type="button" data-action="back-to-saved" onClick={onBack}>{kit.backToSaved}</button>
      ) : null}
    </div>
  );
}
