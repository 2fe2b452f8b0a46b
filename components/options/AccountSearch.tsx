import { useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { searchAccounts, type AccountChoice } from '../../lib/service/accountViews';

/**
 * A search box that suggests accounts as you type, used with the keyboard alone: ↑ ↓ move, Enter chooses, Escape
 * closes (the ARIA 1.2 combobox pattern with a listbox popup, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).
 * It lists the first 8 matches of the whole book, never the whole book: the Accounts page and the playbook preview.
 */
export function AccountSearch({
  id,
  label,
  choices,
  current,
  placeholder = 'Name, domain or industry',
  onChoose,
  renderExtra,
}: {
  /** Prefix of the element ids (the input is `{id}`, the list `{id}-options`); also its data-testid. */
  id: string;
  label: string;
  choices: readonly AccountChoice[];
  current?: string;
  placeholder?: string;
  onChoose(choice: AccountChoice): void;
  /** Shown at the end of each suggestion (the risk pill on the Accounts page). */
  renderExtra?(choice: AccountChoice): ComponentChildren;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchAccounts(choices, query).slice(0, 8), [choices, query]);
  const choose = (choice: AccountChoice | undefined) => {
    if (!choice) return;
    onChoose(choice);
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === 'Escape') {
      if (open) e.preventDefault();
      setOpen(false);
    }
  };
  const expanded = open && query.trim() !== '';
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <>
      <label for={id} class="picker-label">{label}</label>
      <div class="combobox">
        <input
          id={id}
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-options`}
          aria-activedescendant={expanded && matches[active] ? optionId(active) : undefined}
          placeholder={placeholder}
          value={query}
          data-testid={id}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        {expanded && (
          <ul id={`${id}-options`} role="listbox" aria-label="Matching accounts" class="listbox">
            {matches.length === 0 && <li class="muted small option-empty">No account matches “{query.trim()}”.</li>}
            {matches.map((c, i) => (
              <li
                key={c.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                class={`option${c.id === current ? ' current' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault(); // keep focus in the box until the choice is made
                  choose(c);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span><strong>{c.name}</strong> <span class="muted small">{c.domain}</span></span>
                {renderExtra?.(c)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
