import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/sites');

/** A happy-dom document for some HTML at some URL (scripts and external resources off). */
export function docFrom(html: string, url = 'https://example.test/'): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

export const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
