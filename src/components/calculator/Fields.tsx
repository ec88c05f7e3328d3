/** Input fields shared by every calculator: text inputs that accept what people type, with an echo and a message. */
import type { ComponentChildren } from 'preact';
import type { ChoiceFieldSpec, Message, NumericFieldSpec, TextFieldSpec } from '../../lib/kit/fields';
import type { Formatter } from '../../lib/kit/format';
import { interpolate } from '../../lib/kit/format';
import { currenciesOfMark, parseNumber } from '../../lib/kit/parse-number';
import type { IslandStrings } from './island';

export interface FieldContext {
  calcId: string;
  ui: IslandStrings;
  format: Formatter;
}

export function messageText(ui: IslandStrings, message: Message, format: Formatter): string {
  const template = ui.messages[message.code] ?? message.code;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(message.params ?? {})) {
    if (typeof v === 'object') params[k] = 'money' in v ? format.money(v.money) : format.percent(v.percent, 1);
    // Bare fractions named `threshold`/`share`/`rate` are shown as percentages; other numbers as plain numbers.
    else params[k] = typeof v === 'number' ? (/threshold|share|rate/i.test(k) ? format.percent(v, 0) : format.number(v, 4)) : v;
  }
  return interpolate(template, params);
}

const domId = (calcId: string, key: string) => `${calcId.replace('.', '-')}-${key}`;

function currencySymbol(format: Formatter): string {
  const part = new Intl.NumberFormat(format.locale, { style: 'currency', currency: format.currency }).formatToParts(0).find((p) => p.type === 'currency');
  return part?.value ?? format.currency;
}

/** What the parser understood, shown when it differs from what was typed (also for table cells). */
export function echo(spec: NumericFieldSpec, raw: string, value: number | null | undefined, format: Formatter): string | null {
  if (value === undefined || value === null) return null;
  if (spec.kind === 'percent') return `${format.number(value * 100, 4)}% = ${format.number(value, 6)}`;
  const plain = String(value);
  return raw.trim() === plain ? null : format.number(value, 6);
}

interface NumberFieldProps {
  ctx: FieldContext;
  name: string;
  label: string;
  spec: NumericFieldSpec;
  raw: string;
  value: number | null | undefined;
  error: Message | undefined;
  onInput: (value: string) => void;
  hint?: string | undefined;
}

/** A money field typed with another currency's sign (¥1,200 in a dollar field): say how it is read. */
function currencyWarning(ctx: FieldContext, spec: NumericFieldSpec, raw: string): string | undefined {
  if (spec.kind !== 'money') return undefined;
  const parsed = parseNumber(raw);
  if (!parsed.ok || !parsed.currencyMark) return undefined;
  const meant = currenciesOfMark(parsed.currencyMark);
  if (meant.length === 0 || meant.includes(ctx.format.currency)) return undefined;
  return interpolate(ctx.ui.kit.otherCurrency, { mark: parsed.currencyMark, currency: ctx.format.currency, value: ctx.format.money(parsed.value) });
}

export function NumberField(props: NumberFieldProps) {
  const { ctx, spec, error } = props;
  const warning = error ? undefined : currencyWarning(ctx, spec, props.raw);
  return (
    <TextLikeInput
      {...props}
      warning={warning}
      optional={spec.optional === true}
      maxLength={64}
      understood={error ? null : echo(spec, props.raw, props.value, ctx.format)}
      inputMode={spec.kind === 'count' ? 'numeric' : 'decimal'}
      prefix={spec.kind === 'money' ? currencySymbol(ctx.format) : null}
      suffix={spec.kind === 'percent' ? '%' : null}
    />
  );
}

interface ChoiceFieldProps<T extends string> {
  ctx: FieldContext;
  name: string;
  label: string;
  spec: ChoiceFieldSpec<T>;
  raw: string;
  labels: Record<T, string>;
  onInput: (value: T) => void;
  children?: ComponentChildren;
}

export function ChoiceField<T extends string>({ ctx, name, label, spec, raw, labels, onInput }: ChoiceFieldProps<T>) {
  const id = domId(ctx.calcId, name);
  return (
    <fieldset class="calc-field calc-choice">
      <legend>{label}</legend>
      {spec.options.map((option) => (
        <label key={option} for={`${id}-${option}`}>
          <input
            type="radio"
            id={`${id}-${option}`}
            name={id}
            value={option}
            checked={raw === option}
            onChange={() => onInput(option)}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}

export interface TextLikeFieldProps {
  ctx: FieldContext;
  name: string;
  label: string;
  raw: string;
  error: Message | undefined;
  onInput: (value: string) => void;
  hint?: string | undefined;
}

interface TextLikeInputProps extends TextLikeFieldProps {
  optional: boolean;
  maxLength: number;
  understood: string | null;
  /** Number fields only: the keyboard to offer and the unit shown before or after the input. */
  inputMode?: 'numeric' | 'decimal';
  /** A caution that is not an error (the value is still used). */
  warning?: string | undefined;
  prefix?: string | null;
  suffix?: string | null;
}

/** Shared markup of every text input (numbers, free text, dates): label, input, hint, message or echo. */
export function TextLikeInput(props: TextLikeInputProps) {
  const { ctx, name, label, raw, error, onInput, hint, understood, inputMode, prefix, suffix } = props;
  const id = domId(ctx.calcId, name);
  const describedBy =
    [error ? `${id}-error` : understood ? `${id}-echo` : null, props.warning ? `${id}-warning` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`calc-field${error ? ' calc-field--invalid' : ''}`}>
      <label for={id}>
        {label}
        {props.optional ? <span class="calc-optional">{ctx.ui.kit.optional}</span> : null}
      </label>
      <div class="calc-input">
        {prefix ? <span class="calc-affix" aria-hidden="true">{prefix}</span> : null}
        <input
          id={id}
          name={name}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellcheck={inputMode ? false : undefined}
          maxLength={props.maxLength}
          value={raw}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        />
        {suffix ? <span class="calc-affix" aria-hidden="true">{suffix}</span> : null}
      </div>
      {hint ? <p class="calc-hint" id={`${id}-hint`}>{hint}</p> : null}
      {props.warning ? <p class="calc-warning" id={`${id}-warning`} data-warning="currency">{props.warning}</p> : null}
      {error ? (
        <p class="calc-error" id={`${id}-error`} role="alert">{messageText(ctx.ui, error, ctx.format)}</p>
      ) : understood ? (
        <p class="calc-echo" id={`${id}-echo`}>{interpolate(ctx.ui.kit.understood, { value: understood })}</p>
      ) : null}
    </div>
  );
}

/** Free text (a name, a trigger condition); shown back only as text, never as markup. */
export function TextField(props: TextLikeFieldProps & { spec: TextFieldSpec }) {
  return <TextLikeInput {...props} optional={props.spec.optional === true} maxLength={props.spec.maxLength ?? 64} understood={null} />;
}
