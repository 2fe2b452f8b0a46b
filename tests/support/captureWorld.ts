import { expect } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer, type FixtureServer, type Route } from './server';
import { importThroughOptionsPage } from './seed';

// The world of the remembered-conversations specs (issue 16): a rep, one customer with one contact in the CRM exports
// (no activity log, no orders) and a newcomer at the customer who is not in them.

export const ME = { email: 'sam@seller.com', name: 'Sam Seller' };
export const ANA = { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez' };
export const TOM = { email: 'tom.baker@northwind-foods.com', name: 'Tom Baker' };

export const CRM_ONLY_FILES = [
  { name: 'hubspot-companies.csv', text: 'Record ID,Company name,Company Domain Name,Industry,Create Date\n7001,Northwind Foods,northwind-foods.com,Food Production,2023-01-10\n' },
  { name: 'hubspot-contacts.csv', text: 'Record ID,First Name,Last Name,Email,Job Title,Associated Company,Primary Associated Company ID,Create Date\n801,Ana,Lopez,ana.lopez@northwind-foods.com,Purchasing Manager,Northwind Foods,7001,2023-02-01\n' },
];

/** The UTC day `daysAgo` days before `today` (yyyy-mm-dd), as a Date at noon. */
export function daysBefore(today: string, daysAgo: number): Date {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return d;
}

/** Serves `route`, launches Chromium with the built extension and imports the CRM exports through the options page. */
export async function launchCrmOnly(route: Route): Promise<{ server: FixtureServer; browser: ExtensionBrowser }> {
  const server = await startFixtureServer(route);
  const browser = await launchWithExtension({ port: server.port });
  const options = await importThroughOptionsPage(browser.context, browser.extensionId, CRM_ONLY_FILES);
  // No order file, so no risk list to wait for: the Data page shows the imported contact once both files are in.
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#data`);
  await expect(options.getByTestId('counts')).toContainText('Contacts');
  await options.close();
  return { server, browser };
}
