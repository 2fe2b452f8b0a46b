import { Fragment } from 'preact';
import { showHiddenCharacters } from '../../lib/words/visible';

/**
 * An imported name (company, person, title, product, file): isolated in a <bdi>, so that right-to-left letters or a
 * stray bidi control in it cannot reorder the text beside it (HTML: "the bdi element", https://html.spec.whatwg.org/
 * multipage/text-level-semantics.html#the-bdi-element). `visible` writes hidden characters out (the Data page).
 */
export function Name({ text, visible, class: className }: { text: string | undefined; visible?: boolean; class?: string }) {
  if (!text) return null;
  return <bdi class={className}>{visible ? showHiddenCharacters(text) : text}</bdi>;
}

/**
 * Names joined by " · ", each isolated on its own; an inner list is one item joined by ", " ("Joe Park, Buyer"):
 * "Bakery · bakery.de · Joe Park, Buyer".
 */
export function Names({ texts }: { texts: (string | (string | undefined)[] | undefined)[] }) {
  const items = texts.map((t) => (Array.isArray(t) ? t.filter((x): x is string => !!x) : t ? [t] : [])).filter((parts) => parts.length > 0);
  return (
    <>
      {items.map((parts, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {parts.map((part, j) => (
            <Fragment key={j}>
              {j > 0 && ', '}
              <bdi>{part}</bdi>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}
