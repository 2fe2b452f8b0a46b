import type { CDPSession, Page, Worker } from '@playwright/test';

/**
 * The content script's own world in a page: the isolated execution context Chromium creates for the extension's
 * content scripts. CDP `Runtime.enable` reports every existing context with `Runtime.executionContextCreated`; an
 * extension's content-script world has `auxData.type === 'isolated'` and the extension's name as its `name`
 * (https://chromedevtools.github.io/devtools-protocol/tot/Runtime/#event-executionContextCreated). Nothing is added
 * to the shipped build: the test evaluates in that world the way DevTools' context picker does.
 */
export interface ContentWorld {
  cdp: CDPSession;
  contextId: number;
  /** Every exception thrown in the page, in any of its worlds, since the world was found. */
  exceptions: string[];
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function contentScriptWorld(page: Page, extensionName = 'Keep Account'): Promise<ContentWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  const exceptions: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
  cdp.on('Runtime.exceptionThrown', (event) => exceptions.push(event.exceptionDetails.exception?.description ?? event.exceptionDetails.text));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName);
  while (!world && Date.now() < deadline) {
    await page.waitForTimeout(100);
    world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName);
  }
  if (!world) throw new Error(`no content-script world named ${extensionName}; contexts: ${contexts.map((c) => `${c.name}/${c.auxData?.type}`).join(', ')}`);
  const contextId = world.id;
  return {
    cdp,
    contextId,
    exceptions,
    async evaluate<T>(expression: string): Promise<T> {
      const result = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (result.exceptionDetails) throw new Error(`in the content-script world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
      return result.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

/**
 * Every record of every store of the extension's database, as JSON text per store, read from the service worker
 * through a second connection (the background keeps its own open), in the worker or in an extension page (same
 * origin: it works while the worker is stopped). Equal snapshots mean no change at all.
 */
export function databaseSnapshot(where: Worker | Page, only?: string[]): Promise<Record<string, string>> {
  return (where as Page).evaluate(
    (only) =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('keep-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames).filter((name) => !only || only.includes(name));
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, string> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = JSON.stringify(request.result));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    only,
  );
}

/** Counts uncaught errors and unhandled rejections in the service worker from now on (read with workerErrors). */
export function watchWorkerErrors(serviceWorker: Worker): Promise<void> {
  return serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { __kaErrors?: string[] };
    if (g.__kaErrors) return;
    const errors: string[] = (g.__kaErrors = []);
    self.addEventListener('error', (event) => errors.push(String((event as ErrorEvent).message)));
    self.addEventListener('unhandledrejection', (event) => errors.push(String((event as PromiseRejectionEvent).reason)));
  });
}

export const workerErrors = (serviceWorker: Worker): Promise<string[]> =>
  serviceWorker.evaluate(() => (globalThis as unknown as { __kaErrors?: string[] }).__kaErrors ?? []);

/**
 * Kills the extension's service worker mid-whatever-it-does: CDP `Target.closeTarget` on its target
 * (https://chromedevtools.github.io/devtools-protocol/tot/Target/#method-closeTarget), sent from an extension page's
 * session (`Target.getTargets` there lists the browser's targets; `ServiceWorker.stopWorker` needs a version id that
 * the ServiceWorker domain of an extension page never reports). Resolves when the target is gone; the next event
 * (a message, an alarm) starts a new worker.
 */
export async function stopServiceWorker(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  try {
    // (Node gives non-special schemes an origin of "null": built from the host.)
    const origin = `chrome-extension://${new URL(extensionPage.url()).host}/`;
    const workers = async () =>
      ((await cdp.send('Target.getTargets')).targetInfos as { targetId: string; type: string; url: string }[]).filter((t) => t.type === 'service_worker' && t.url.startsWith(origin));
    const running = await workers();
    if (!running.length) throw new Error('no service worker of the extension is running');
    for (const target of running) await cdp.send('Target.closeTarget', { targetId: target.targetId });
    const gone = new Set(running.map((t) => t.targetId));
    const deadline = Date.now() + 10_000;
    let resent = Date.now();
    for (let left = await workers(); left.some((t) => gone.has(t.targetId)); left = await workers()) {
      if (Date.now() > deadline) throw new Error(`the service worker did not stop: ${JSON.stringify(left)}`);
      // A worker still starting up (a fresh profile's first wake-up) can miss the first close: ask again each second.
      if (Date.now() - resent > 1_000) {
        resent = Date.now();
        for (const target of left) if (gone.has(target.targetId)) await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
      }
      await extensionPage.waitForTimeout(20);
    }
  } finally {
    await cdp.detach();
  }
}
