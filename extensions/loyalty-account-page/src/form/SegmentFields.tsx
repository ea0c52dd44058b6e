import type { SegmentAnswer, SegmentField } from "@diller/storefront-contract";
import { valueOf, valuesOf } from "@diller/extension-kit";

interface Props {
  fields: SegmentField[];
  answers: Record<string, SegmentAnswer>;
  errorFor: (path: string) => string | undefined;
  onChange: (answer: SegmentAnswer) => void;
}

/** The store's segments, rendered from Diller's definitions (the server sends visible ones only). */
export function SegmentFields({ fields, answers, errorFor, onChange }: Props) {
  return (
    <s-stack gap="base">
      {fields.map((field) => (
        <SegmentInput
          key={field.id}
          field={field}
          answer={answers[field.id]}
          error={errorFor(`segments.${field.id}`)}
          onChange={onChange}
        />
      ))}
    </s-stack>
  );
}

interface InputProps {
  field: SegmentField;
  answer: SegmentAnswer | undefined;
  error: string | undefined;
  onChange: (answer: SegmentAnswer) => void;
}

function SegmentInput({ field, answer, error, onChange }: InputProps) {
  const common = { id: `segment-${field.id}`, label: field.label, required: field.required, error };
  switch (field.type) {
    case "text":
      return (
        <s-text-field
          {...common}
          value={answer?.value ?? ""}
          onChange={(event) => onChange({ id: field.id, value: valueOf(event) })}
        />
      );
    case "date":
      return (
        <s-date-field
          {...common}
          value={answer?.value ?? ""}
          onChange={(event) => onChange({ id: field.id, value: valueOf(event) })}
        />
      );
    case "dropdown":
      return (
        <s-select
          {...common}
          value={answer?.optionIds?.[0] ?? ""}
          onChange={(event) => {
            const value = valueOf(event);
            onChange({ id: field.id, optionIds: value ? [value] : [] });
          }}
        >
          <s-option value="">—</s-option>
          {field.options.map((option) => (
            <s-option key={option.id} value={option.id}>
              {option.label}
            </s-option>
          ))}
        </s-select>
      );
    case "radio":
    case "checkbox":
      return (
        <s-choice-list
          id={common.id}
          label={field.label}
          error={error}
          multiple={field.type === "checkbox"}
          values={answer?.optionIds ?? []}
          onChange={(event) => onChange({ id: field.id, optionIds: valuesOf(event) })}
        >
          {field.options.map((option) => (
            <s-choice key={option.id} value={option.id}>
              {option.label}
            </s-choice>
          ))}
        </s-choice-list>
      );
  }
}
