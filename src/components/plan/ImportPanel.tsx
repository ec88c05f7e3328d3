/**
 * Importing a plan file (loaded when the reader chooses one): the file is read and checked
 * (`readPlanFile`), then a preview says what applying would add or replace, per calculator and
 * scenario, with the inputs that differ; nothing is written until the reader applies. A file that
 * is not a plan file, is newer, damaged or too large is refused with a message and changes nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { interpolate } from '../../lib/kit/format';
import { readSnapshot, writeSnapshot } from '../../lib/kit/store-edit';
import { diffPlan, MAX_PLAN_FILE_CHARS, mergePlan, readPlanFile, type InputChange, type PlanDiff, type ScenarioChange } from '../../lib/plan/plan-file';
import type { ImportLabels } from '../../lib/plan/field-labels';
import type { StoreSnapshot } from '../../lib/kit/store';
import type { PlanStrings } from '../../lib/plan/present';
import { localStore, report } from '../calculator/browser-store';
import { CURRENCY_EVENT } from '../calculator/currency';

export interface ImportPanelProps {
  file: File;
  s: PlanStrings;
  scenarioBase: string;
  labelsUrl: string;
  /** Closes the panel with a message for the page's status line. */
  onDone: (message: string) => void;
}

type Preview = { plan: StoreSnapshot; exported: string | null; diff: PlanDiff; labels: ImportLabels };

/** At most this many differing inputs are listed per scenario (the rest are counted). */
const MAX_LISTED_INPUTS = 8;

/** The preview's strings and labels (a file of this site, precached for offline use); null if it cannot be had. */
async function fetchLabels(url: string): Promise<ImportLabels | null> {
  try {
    const response = await fetch(url);
    const value = (response.ok ? await response.json() : null) as ImportLabels | null;
    return value && typeof value.strings === 'object' && typeof value.calculators === 'object' ? value : null;
  } catch {
    return null;
  }
}

export function ImportPanel({ file, s, scenarioBase, labelsUrl, onDone }: ImportPanelProps) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      // A file several times the largest plan is refused before it is read into memory.
      if (file.size > MAX_PLAN_FILE_CHARS * 4) return onDone(s.problems.tooLarge);
      let text: string;
      try {
        text = await file.text();
      } catch {
        return onDone(s.problems.unreadable);
      }
      const read = readPlanFile(text);
      if (!read.ok) return onDone(s.problems[read.problem]);
      const diff = diffPlan(readSnapshot(localStore()), read.plan);
      const labels = await fetchLabels(labelsUrl);
      if (!labels) return onDone(s.problems.previewUnavailable);
      if (live) setPreview({ plan: read.plan, exported: read.exported, diff, labels });
    })();
    return () => {
      live = false;
    };
  }, [file]);
  useEffect(() => heading.current?.focus(), [preview !== null]);

  if (!preview) return null;
  const { diff, labels } = preview;
  const t = labels.strings;
  const names = labels.calculators;

  const apply = () => {
    // Merged with what is stored now: another tab may have saved since the preview.
    const kv = localStore();
    const result = report(null, writeSnapshot(kv, mergePlan(readSnapshot(kv), preview.plan)));
    if (result.ok && preview.plan.currency) window.dispatchEvent(new CustomEvent(CURRENCY_EVENT, { detail: preview.plan.currency }));
    onDone(result.ok ? s.applied : s.notSaved);
  };

  const nameOf = (name: string | null) => name ?? scenarioBase;
  const valueText = (calculatorId: string, value: string | null) =>
    value === null ? t.inputDefault : value === '' ? t.inputEmpty : (names[calculatorId]?.choices[value] ?? value);
  const inputLine = (calculatorId: string, change: InputChange) =>
    interpolate(t.inputChanged, {
      field: names[calculatorId]?.fields[change.key] ?? change.key,
      from: valueText(calculatorId, change.from),
      to: valueText(calculatorId, change.to),
    });
  const scenarioLine = (calculatorId: string, change: ScenarioChange) => {
    const name = nameOf(change.name);
    if (change.kind === 'added') return <li data-import-scenario={name} data-import-kind="added">{interpolate(t.scenarioAdded, { name })}</li>;
    if (change.kind === 'same') return <li data-import-scenario={name} data-import-kind="same">{interpolate(t.scenarioSame, { name })}</li>;
    if (change.kind === 'skipped') return <li data-import-scenario={name} data-import-kind="skipped">{interpolate(t.scenarioSkipped, { name })}</li>;
    const listed = change.inputs.slice(0, MAX_LISTED_INPUTS);
    return (
      <li data-import-scenario={nameOf(change.previousName)} data-import-kind="replaced">
        {interpolate(t.scenarioReplaced, { name: nameOf(change.previousName) })}
        {change.previousName !== change.name ? interpolate(t.scenarioRenamedFrom, { name }) : null}
        <ul>
          {listed.map((c) => <li data-import-input={c.key}>{inputLine(calculatorId, c)}</li>)}
          {change.inputs.length > listed.length ? <li>{interpolate(t.moreInputs, { count: change.inputs.length - listed.length })}</li> : null}
          {change.rowsChanged ? <li data-import-rows>{t.rowsChanged}</li> : null}
        </ul>
      </li>
    );
  };
  const textName = (id: string) => (t.textNames as Record<string, string>)[id] ?? interpolate(t.textOther, { name: names[id]?.name ?? id });
  const changedTexts = diff.texts.filter((t) => t.kind !== 'same');
  const changedChecklists = diff.checklists.filter((c) => c.kind !== 'same').length;

  return (
    <section class="plan-import" data-plan-import aria-labelledby="plan-import-heading">
      <h2 id="plan-import-heading" tabIndex={-1} ref={heading}>{interpolate(t.previewTitle, { file: file.name })}</h2>
      {preview.exported ? <p>{interpolate(t.previewExported, { date: preview.exported.slice(0, 10) })}</p> : null}
      {diff.changes ? (
        <>
          <p>{t.previewIntro}</p>
          <ul class="plan-import-list">
            {diff.calculators.map((c) => (
              <li data-import-calculator={c.id}>
                <strong>{names[c.id]?.name ?? c.id}</strong>
                {c.isNew ? t.calculatorNew : null}
                <ul>{c.scenarios.map((x) => scenarioLine(c.id, x))}</ul>
              </li>
            ))}
            {changedTexts.map((x) => <li data-import-text={x.id}>{interpolate(x.kind === 'added' ? t.textAdded : t.textReplaced, { name: textName(x.id) })}</li>)}
            {changedChecklists ? <li>{interpolate(t.checklistsChanged, { count: changedChecklists })}</li> : null}
            {diff.currency ? <li>{diff.currency.from ? interpolate(t.currencyChanged, { from: diff.currency.from, to: diff.currency.to }) : interpolate(t.currencySet, { to: diff.currency.to })}</li> : null}
          </ul>
        </>
      ) : (
        <p>{t.previewNothing}</p>
      )}
      <div class="plan-toolbar">
        {diff.changes ? <button type="button" data-action="plan-import-apply" onClick={apply}>{s.apply}</button> : null}
        <button type="button" data-action="plan-import-cancel" onClick={() => onDone(s.cancelled)}>{s.cancel}</button>
      </div>
    </section>
  );
}
