/**
 * Picks a node by its name: typing filters a list of the names that contain what was typed, and
 * choosing one hands back its id. Used by the search box and both ends of the path finder.
 */
import { useState } from "react";
import { useI18n } from "../../i18n";

export interface Choice {
  id: string;
  name: string;
  /** Shown beside the name, to tell apart organizations of one name. */
  note: string;
}

const SHOWN = 12;

interface Props {
  name: string;
  placeholder: string;
  choices: Choice[];
  /** The picked id, shown by its name. */
  value: string;
  onPick: (id: string) => void;
}

export function NamePicker({ name, placeholder, choices, value, onPick }: Props) {
  const { t } = useI18n();
  const picked = choices.find((choice) => choice.id === value);
  const [text, setText] = useState<string | null>(null);
  const shownText = text ?? picked?.name ?? "";
  const typed = shownText.trim();
  const matches = text === null || !typed ? [] : choices.filter((choice) => choice.name.includes(typed));
  const pick = (choice: Choice) => {
    setText(null);
    onPick(choice.id);
  };
  return (
    <div className="name-picker">
      <input
        name={name}
        value={shownText}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && matches[0]) {
            event.preventDefault();
            pick(matches[0]);
          }
          if (event.key === "Escape") setText(null);
        }}
      />
      {text !== null && typed && (
        <ul className="name-options" role="listbox" data-options={name}>
          {matches.slice(0, SHOWN).map((choice) => (
            <li
              key={choice.id}
              role="option"
              aria-selected={choice.id === value}
              data-option={choice.id}
              onMouseDown={(event) => (event.preventDefault(), pick(choice))}
            >
              {choice.name} <small>{choice.note}</small>
            </li>
          ))}
          {matches.length === 0 && <li className="hint">{t("net.noMatch")}</li>}
          {matches.length > SHOWN && <li className="hint">{t("net.moreMatches", { n: matches.length - SHOWN })}</li>}
        </ul>
      )}
    </div>
  );
}
