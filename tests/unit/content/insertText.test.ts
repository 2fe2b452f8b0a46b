import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { insertAtCaret } from '../../../components/content/insertText';

// The caret path (execCommand, Gmail's undo) is covered in Chromium by tests/e2e/journey.spec.ts; here the
// fallbacks: no caret in the box, and editors without execCommand.
function editor(html: string) {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = `<div contenteditable="true" role="textbox">${html}</div><button>elsewhere</button>`;
  const box = doc.querySelector('[role=textbox]') as HTMLElement;
  (doc.querySelector('button') as HTMLElement).focus();
  return { doc, box };
}

describe('insertAtCaret without a caret in the reply', () => {
  it('appends after what the rep wrote', () => {
    const { doc, box } = editor('Hello Emma,');
    insertAtCaret(doc, box, ' Who else weighs in?', undefined);
    expect(box.textContent).toBe('Hello Emma, Who else weighs in?');
  });

  it('goes above the quoted message, never into it', () => {
    const { doc, box } = editor('Thanks!<div class="gmail_quote">On Monday Emma wrote: old text</div>');
    insertAtCaret(doc, box, ' Who else weighs in?', undefined);
    expect(box.textContent).toBe('Thanks! Who else weighs in?On Monday Emma wrote: old text');
    expect(box.querySelector('.gmail_quote')?.textContent).toBe('On Monday Emma wrote: old text');
  });

  it("goes above Outlook's reply separator (#appendonsend, #divRplyFwdMsg), never into the quoted message", () => {
    const { doc, box } = editor('<div>Thanks!</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From: Emma</div><div>old text</div>');
    insertAtCaret(doc, box, ' Who else weighs in?', undefined);
    expect(box.textContent).toBe('Thanks! Who else weighs in?From: Emmaold text');
    expect(box.querySelector('#divRplyFwdMsg')?.textContent).toBe('From: Emma');
  });

  it('uses the caret remembered from the last time the rep typed in the box', () => {
    const { doc, box } = editor('Hi Emma, see you soon.');
    const range = doc.createRange();
    range.setStart(box.firstChild!, 'Hi Emma,'.length);
    range.collapse(true);
    insertAtCaret(doc, box, ' Who else weighs in?', range);
    expect(box.textContent).toBe('Hi Emma, Who else weighs in? see you soon.');
  });
});
