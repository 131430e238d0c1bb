// A button beside a free-text field that inserts the name of one of the case's pupils at the
// cursor, and a short hint that free text reaches the family with other pupils' names
// replaced ("[annen elev]") — the family copy replaces only names it knows, so writing names
// as the register spells them (which the picker does) is what makes the replacement work.
//
// Use (controlled text field):
//   const ref = useRef<HTMLTextAreaElement>(null);
//   <Textfield ref={ref} multiline value={text} onChange={…} aria-describedby={hintId} />
//   <PupilNamePicker pupils={pupils} fieldRef={ref} value={text} onChange={setText} />
//   <PupilNamesHint id={hintId} />
import { Button, Paragraph } from "@digdir/designsystemet-react";
import { type RefObject, useId, useRef, useState } from "react";
import { insertAtSelection } from "./insert-name.ts";
import { useCasesT } from "./shared.tsx";

export interface PupilOption {
  id: string;
  /** The name as the register spells it ("Given Family"). */
  name: string;
}

export interface PupilNamePickerProps {
  /** The pupils of the case (and involved pupils) the writer may name. */
  pupils: readonly PupilOption[];
  /** The text field the name goes into; its selection decides where. */
  fieldRef: RefObject<HTMLTextAreaElement | HTMLInputElement | null>;
  /** The field's current value (the field is controlled by the caller). */
  value: string;
  /** Called with the new value; the cursor is put after the name once it renders. */
  onChange: (value: string) => void;
  disabled?: boolean;
}

export function PupilNamePicker({
  pupils,
  fieldRef,
  value,
  onChange,
  disabled,
}: PupilNamePickerProps) {
  const t = useCasesT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const insert = (name: string) => {
    const field = fieldRef.current;
    const edit = insertAtSelection(value, field?.selectionStart, field?.selectionEnd, name);
    onChange(edit.value);
    setOpen(false);
    // After React has rendered the new value: back to the field, cursor after the name.
    requestAnimationFrame(() => {
      const f = fieldRef.current;
      if (!f) return;
      f.focus();
      f.setSelectionRange(edit.cursor, edit.cursor);
    });
  };

  if (pupils.length === 0) return null;
  return (
    <div className="cases-name-picker">
      <Button
        ref={buttonRef}
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={listId}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {t("pupilNamePicker.insert")}
      </Button>
      {open && (
        <fieldset
          id={listId}
          className="cases-name-picker__list"
          style={{
            display: "flex",
            flexWrap: "wrap",
            gap: "var(--ds-size-2)",
            border: 0,
            padding: 0,
            margin: 0,
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <legend className="ds-sr-only">{t("pupilNamePicker.choose")}</legend>
          {pupils.map((p) => (
            <Button
              key={p.id}
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => insert(p.name)}
            >
              {p.name}
            </Button>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** "This text may be shown to the family; other pupils' names are replaced." */
export function PupilNamesHint({ id }: { id?: string }) {
  const t = useCasesT();
  return (
    <Paragraph id={id} data-size="sm" className="cases-name-hint">
      {t("pupilNamePicker.hint")}
    </Paragraph>
  );
}
