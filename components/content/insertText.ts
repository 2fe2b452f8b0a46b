/** Where a reply's quoted history starts: Gmail's quote, Outlook's reply separator (#appendonsend, #divRplyFwdMsg). */
const QUOTE_START = '.gmail_quote, #appendonsend, #divRplyFwdMsg, blockquote';

/**
 * Inserting a question into a Gmail or Outlook reply without disturbing what the rep wrote.
 * The caret position is remembered while the rep types (the sidebar button then takes no focus), and
 * the text goes in through execCommand('insertText') so that the editor's own undo stack records it.
 */
export function rememberCaret(doc: Document, isEditor: (el: Element) => boolean): { lastRange(): Range | undefined; stop(): void } {
  let saved: Range | undefined;
  const onSelection = () => {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const node = range.startContainer;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (element && isEditor(element)) saved = range.cloneRange();
  };
  doc.addEventListener('selectionchange', onSelection);
  return {
    lastRange: () => saved,
    stop: () => doc.removeEventListener('selectionchange', onSelection),
  };
}

export function insertAtCaret(doc: Document, editor: HTMLElement, text: string, remembered: Range | undefined): void {
  const selection = doc.getSelection();
  const active = doc.activeElement;
  const hasFocus = active === editor || (active !== null && editor.contains(active));
  editor.focus();
  if (selection) {
    const current = selection.rangeCount ? selection.getRangeAt(0) : undefined;
    const inEditor = (range: Range | undefined) => !!range && editor.contains(range.startContainer) && editor.contains(range.endContainer);
    let target: Range | undefined = hasFocus && inEditor(current) ? current : inEditor(remembered) ? remembered : undefined;
    if (!target) {
      // No caret in the box: append at the end of what the rep wrote (above a quoted reply if there is one).
      target = doc.createRange();
      const quote = editor.querySelector(QUOTE_START);
      if (quote && quote.parentNode) target.setStartBefore(quote);
      else target.selectNodeContents(editor);
      target.collapse(!!quote);
    }
    selection.removeAllRanges();
    selection.addRange(target);
  }
  const inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  if (!inserted) {
    // execCommand is unavailable (some editors): fall back to a plain text node at the caret.
    const range = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
    const node = doc.createTextNode(text);
    if (range) {
      range.deleteContents();
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
    } else editor.append(node);
    // The page's own InputEvent (the editor listens in the page's realm).
    const Input = (doc.defaultView as (Window & typeof globalThis) | null)?.InputEvent ?? InputEvent;
    editor.dispatchEvent(new Input('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
}
