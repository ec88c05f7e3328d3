/** Date fields, in their own module: only the islands with a date (C05.3) load them. */
import type { DateFieldSpec, FieldSpecs } from '../../lib/kit/fields';
import { TextLikeInput, type TextLikeFieldProps } from './Fields';
import type { FieldExtra, FieldRenderers, KeysOf } from './wiring';

/**
 * A calendar date typed as text (2026-12-01, 2026/12/1, 2026年12月1日), echoed back as a local
 * date so the reader sees what was understood. A text input rather than `type="date"`, so text
 * restored from a link or typed in any of the accepted forms is never silently blanked.
 */
export function DateField(props: TextLikeFieldProps & { spec: DateFieldSpec; value: number | null | undefined }) {
  const understood = props.error || props.value == null ? null : props.ctx.format.date(props.value);
  return (
    <TextLikeInput
      {...props}
      optional={props.spec.optional === true}
      maxLength={64}
      understood={understood}
      hint={props.hint ?? props.ctx.ui.kit.dateHint}
    />
  );
}

/** A renderer for an island's date fields, next to `fieldRenderers`' number, text and choice. */
export function dateRenderer<S extends FieldSpecs>(field: FieldRenderers<S>, fields: S) {
  return (key: KeysOf<S, DateFieldSpec>, extra?: FieldExtra) => (
    <DateField {...field.props(key, extra)} spec={fields[key] as DateFieldSpec} value={field.value(key)} error={field.error(key)} hint={extra?.hint} />
  );
}
