import { test } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * One fixture server for the spec file and a fresh browser profile (an empty database) with the built extension for
 * every test: registers the hooks and returns the current test's browser.
 */
export function freshBrowserPerTest(route: Parameters<typeof startFixtureServer>[0], beforeAll?: () => void): () => ExtensionBrowser {
  let server: FixtureServer;
  let browser: ExtensionBrowser | undefined;
  test.beforeAll(async () => {
    beforeAll?.();
    server = await startFixtureServer(route);
  });
  test.afterAll(async () => {
    await server?.close();
  });
  test.beforeEach(async () => {
    browser = await launchWithExtension({ port: server.port });
  });
  test.afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => browser!;
}
