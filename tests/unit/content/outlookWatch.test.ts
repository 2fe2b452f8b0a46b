import { afterEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { watchOutlook } from '../../../components/content/outlookWatch';
import { fixture } from '../sites/helpers';

// The Outlook sidebar follows the reading pane and nothing else: no observer on the whole document's subtree.
function page() {
  const window = new Window({ url: 'https://outlook.office.com/mail/inbox' });
  const doc = window.document as unknown as Document;
  doc.write(fixture('outlook/reading-pane-en.html'));
  return { window, doc };
}

const settle = (window: Window) => new Promise((resolve) => window.setTimeout(resolve, 0));
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('watchOutlook', () => {
  it('wakes on changes in the reading pane, not in the list, the folder pane or the header', async () => {
    const { window, doc } = page();
    const onChange = vi.fn();
    stop = watchOutlook(doc, onChange).stop;
    for (let i = 0; i < 20; i += 1) {
      doc.querySelector('[role="listbox"] [role="option"]')!.setAttribute('aria-selected', String(i % 2 === 0));
      doc.querySelector('[role="tree"]')!.append(doc.createElement('div'));
      doc.querySelector('#O365_NavHeader')!.append(doc.createTextNode('tick'));
    }
    await settle(window);
    expect(onChange).not.toHaveBeenCalled();
    doc.querySelector('[id^="UniqueMessageBody"]')!.append(doc.createElement('p'));
    await settle(window);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('finds a replaced reading pane again and follows it', async () => {
    const { window, doc } = page();
    const onChange = vi.fn();
    stop = watchOutlook(doc, onChange).stop;
    const old = doc.querySelector('[data-app-section="MailReadCompose"]')!;
    const fresh = old.cloneNode(true) as Element;
    old.replaceWith(fresh);
    await settle(window);
    expect(onChange).toHaveBeenCalled();
    onChange.mockClear();
    old.append(doc.createElement('p')); // detached: no longer watched
    await settle(window);
    expect(onChange).not.toHaveBeenCalled();
    fresh.querySelector('[role="heading"]')!.setAttribute('title', 'Another subject');
    await settle(window);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('never observes the body or the document element with subtree', () => {
    const { window, doc } = page();
    const calls: { target: Node; options?: MutationObserverInit }[] = [];
    const original = window.MutationObserver.prototype.observe;
    window.MutationObserver.prototype.observe = function (this: MutationObserver, target: Node, options?: MutationObserverInit) {
      calls.push({ target, options });
      return original.call(this, target as never, options as never);
    } as never;
    try {
      const watch = watchOutlook(doc, () => undefined);
      watch.recheck();
      watch.stop();
    } finally {
      window.MutationObserver.prototype.observe = original;
    }
    expect(calls.length).toBeGreaterThan(1);
    const wide = calls.filter((call) => call.options?.subtree && (call.target === doc.body || call.target === doc.documentElement || call.target === doc));
    expect(wide).toEqual([]);
    expect(calls.filter((call) => call.options?.subtree).map((call) => (call.target as Element).getAttribute('data-app-section'))).toEqual(['MailReadCompose']);
  });
});
