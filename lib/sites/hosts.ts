// The hosts the extension runs on, written once. This list feeds the manifest (wxt.config.ts host_permissions and the
// content scripts' `matches`) and the URL recognizers (lib/sites/urls.ts → each CRM's `hosts`); tests/unit/sites/hosts.test.ts
// proves the two agree under Chrome match-pattern semantics and tests/e2e/manifest.spec.ts pins the built manifest.
// Self-contained on purpose: wxt.config.ts imports it at build time.
import type { CRM_NAMES } from '../model/names';

type CrmName = (typeof CRM_NAMES)[number];

/** One host, matched exactly: manifest pattern `https://{host}/*`. */
export interface ExactHost {
  host: string;
  /** Where the vendor (or, when said so, public code) shows this host. */
  source: string;
}

/**
 * A vendor domain whose sub-domains are its customers' workspaces: manifest pattern `https://*.{domain}/*`. A match
 * pattern cannot exclude anything, so the recognizer narrows it: it wants a sub-domain (never the bare domain), made of
 * one DNS label or several (`labels`), not one of the vendor's own hosts (`reserved`), and of the given `shape`.
 */
export interface WorkspaceDomain {
  domain: string;
  labels: 'one' | 'any';
  reserved?: readonly string[];
  /** Test for the part left of `.{domain}` (e.g. `contoso.crm4` under dynamics.com). */
  shape?: RegExp;
  /** A host of this form, as the vendor documents it (the tests check that it is recognized). */
  example: string;
  source: string;
}

export type HostRule = ExactHost | WorkspaceDomain;

export const GMAIL_HOSTS: readonly HostRule[] = [
  // Conversations live at https://mail.google.com/mail/u/N/#... (Google Workspace admin help, "Gmail web address").
  { host: 'mail.google.com', source: 'Google Workspace admin help, "Gmail web address"' },
];

// Outlook on the web: reading pane and pop-out windows (/mail/deeplink/read..., /mail/deeplink/compose) live on the same
// hosts. Work and school accounts: outlook.office.com (and the older outlook.office365.com, still served); personal
// accounts: outlook.live.com; Microsoft's unified domain for Microsoft 365 apps: outlook.cloud.microsoft
// (microsoft-365-docs, "Unified cloud.microsoft domain for Microsoft 365 apps", 2024-04,
// https://learn.microsoft.com/microsoft-365/enterprise/cloud-microsoft-domain).
export const OUTLOOK_HOSTS: readonly HostRule[] = [
  { host: 'outlook.office.com', source: 'Outlook on the web for work or school accounts (https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-on-the-web/outlook-on-the-web); deep links https://outlook.office.com/mail/deeplink/compose (Microsoft Tech Community, 2024)' },
  { host: 'outlook.office365.com', source: 'the older Microsoft 365 host, still served and read by public extensions (Briskine src/content/plugins/outlook.js, 2021-2026)' },
  { host: 'outlook.live.com', source: 'Outlook.com for personal accounts (https://outlook.live.com/mail/; clockify/browser-extension integrations.json, 2019-2026)' },
  { host: 'outlook.cloud.microsoft', source: 'https://learn.microsoft.com/microsoft-365/enterprise/cloud-microsoft-domain (Outlook among the apps moving to *.cloud.microsoft, 2024)' },
];

const ZOHO_DC = 'https://www.zoho.com/crm/developer/docs/api/v8/multi-dc.html';
const ZOHO_ACCOUNTS_DC = 'https://www.zoho.com/accounts/protocol/oauth/multi-dc.html';
const HUBSPOT_HUBLETS =
  'HubSpot "hublets": a region id plus a number, app-{hublet}.hubspot.com (https://product.hubspot.com/blog/developing-an-eu-data-center); ' +
  'the account-info API returns the account\'s own uiDomain (https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details)';

/** Cloud hosts per CRM. SuiteCRM has no cloud: it only runs on origins the user adds (lib/service/selfHosted.ts). */
export const CRM_HOSTS: Readonly<Record<CrmName, readonly HostRule[]>> = {
  hubspot: [
    { host: 'app.hubspot.com', source: `the original hublet (na1), ${HUBSPOT_HUBLETS}` },
    { host: 'app-eu1.hubspot.com', source: `EU data centre, ${HUBSPOT_HUBLETS}` },
    { host: 'app-na2.hubspot.com', source: `second North-America hublet; uiDomain seen in public integrations (2025-2026), ${HUBSPOT_HUBLETS}` },
    { host: 'app-na3.hubspot.com', source: `third North-America hublet; record URLs seen in public integrations (2026), ${HUBSPOT_HUBLETS}` },
    { host: 'app-ap1.hubspot.com', source: `Asia-Pacific hublet (dataHostingLocation "ap1"); seen in public integrations (2025-2026), ${HUBSPOT_HUBLETS}` },
  ],
  salesforce: [
    // My Domain URL formats: https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm
    { domain: 'lightning.force.com', labels: 'any', example: 'acme.lightning.force.com', source: 'https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm (Lightning; sandboxes as acme--uat.sandbox.lightning.force.com)' },
    { domain: 'my.salesforce.com', labels: 'any', example: 'acme.my.salesforce.com', source: 'https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm (Salesforce Classic)' },
  ],
  pipedrive: [
    { domain: 'pipedrive.com', labels: 'one', reserved: ['www', 'api', 'developers', 'support', 'oauth'], example: 'acme.pipedrive.com', source: 'https://support.pipedrive.com/en/article/company-domain' },
  ],
  zoho: [
    { host: 'crm.zoho.com', source: ZOHO_DC },
    { host: 'crm.zoho.eu', source: ZOHO_DC },
    { host: 'crm.zoho.in', source: ZOHO_DC },
    { host: 'crm.zoho.com.au', source: ZOHO_DC },
    { host: 'crm.zoho.jp', source: ZOHO_DC },
    { host: 'crm.zohocloud.ca', source: ZOHO_DC },
    { host: 'crm.zoho.com.cn', source: ZOHO_DC },
    { host: 'crm.zoho.sa', source: `Saudi Arabia data centre (${ZOHO_ACCOUNTS_DC}; Zoho's {product}.zoho.sa hosts, e.g. https://www.zoho.com/workdrive/developer/docs/api/v1/getting-started-multi-dc-support.html)` },
    { host: 'crm.zoho.uk', source: `United Kingdom data centre (${ZOHO_ACCOUNTS_DC}; Zoho's {product}.zoho.uk hosts, e.g. https://www.zoho.com/assist/api/multidc.html)` },
  ],
  dynamics: [
    // Region-numbered org URLs: crm (NA), crm2 (SAM), crm3 (CAN), crm4 (EMEA), ... crm11 (UK) ...; new regions keep the form.
    { domain: 'dynamics.com', labels: 'any', shape: /^[a-z0-9-]+\.crm\d*$/, example: 'contoso.crm4.dynamics.com', source: 'https://learn.microsoft.com/power-platform/admin/datacenter/new-datacenter-regions' },
  ],
  twenty: [
    { domain: 'twenty.com', labels: 'one', reserved: ['www', 'api', 'docs', 'app'], example: 'acme.twenty.com', source: 'https://docs.twenty.com/user-guide/settings/capabilities/domains-settings ({workspace}.twenty.com; app.twenty.com is the sign-in host)' },
  ],
  espocrm: [
    { domain: 'espocloud.com', labels: 'one', reserved: ['www', 'api'], example: 'acme.espocloud.com', source: 'EspoCRM Cloud instances at {name}.espocloud.com (as in public API clients; not re-checked in vendor docs)' },
  ],
  suitecrm: [],
  odoo: [
    { domain: 'odoo.com', labels: 'one', reserved: ['www', 'apps', 'accounts', 'upgrade', 'runbot', 'nightly'], example: 'acme.odoo.com', source: 'Odoo Online databases at {database}.odoo.com (https://www.odoo.com/documentation/19.0/administration/odoo_online.html; reserved: Odoo\'s own sites)' },
  ],
  freshsales: [
    { domain: 'myfreshworks.com', labels: 'one', reserved: ['www', 'api'], example: 'acme.myfreshworks.com', source: 'https://developers.freshworks.com/crm/api/ and https://make.com/en/help/apps/crm-and-sales-tools/freshworks-crm ({domain}.myfreshworks.com/crm/sales)' },
    { domain: 'freshsales.io', labels: 'one', reserved: ['www', 'api'], example: 'acme.freshsales.io', source: 'accounts created before the move to myfreshworks.com: {domain}.freshsales.io (kept; not re-checked in vendor docs)' },
  ],
  copper: [
    // The web app is app.copper.com; app.prosperworks.com was the pre-2018 name (the API keeps api.prosperworks.com).
    { host: 'app.copper.com', source: 'https://developer.copper.com/ (Copper, formerly ProsperWorks)' },
  ],
  close: [
    // app.close.io was the Close.io-era host (help.close.io); current docs use close.com only.
    { host: 'app.close.com', source: 'https://help.close.com/ and https://developer.close.com/' },
  ],
};

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** The Chrome match pattern a rule stands for. */
export function matchPatternOf(rule: HostRule): string {
  return 'host' in rule ? `https://${rule.host}/*` : `https://*.${rule.domain}/*`;
}

/** True when `host` (lower case, no trailing dot) is one of the rules' hosts, narrowing included. */
export function acceptsHost(rules: readonly HostRule[], host: string): boolean {
  for (const rule of rules) {
    if ('host' in rule) {
      if (host === rule.host) return true;
      continue;
    }
    if (!host.endsWith(`.${rule.domain}`)) continue;
    const sub = host.slice(0, -rule.domain.length - 1);
    const labels = sub.split('.');
    if (rule.labels === 'one' && labels.length !== 1) continue;
    if (!labels.every((label) => LABEL.test(label))) continue;
    if (rule.reserved?.includes(labels[0]!)) continue;
    if (rule.shape && !rule.shape.test(sub)) continue;
    return true;
  }
  return false;
}

const ORDER: readonly CrmName[] = ['hubspot', 'salesforce', 'pipedrive', 'zoho', 'dynamics', 'twenty', 'espocrm', 'odoo', 'freshsales', 'copper', 'close', 'suitecrm'];

export const GMAIL_PATTERNS: readonly string[] = GMAIL_HOSTS.map(matchPatternOf);

/** Outlook on the web: the manifest's host permissions after Gmail, and the Outlook content script's matches. */
export const OUTLOOK_PATTERNS: readonly string[] = OUTLOOK_HOSTS.map(matchPatternOf);

/** Every CRM cloud host as a match pattern: the manifest's host permissions after Gmail, and the CRM content script's matches. */
export const CLOUD_HOST_PATTERNS: readonly string[] = ORDER.flatMap((crm) => CRM_HOSTS[crm].map(matchPatternOf));
