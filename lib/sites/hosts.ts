// Hosts the extension runs on. Kept as data so that the manifest, the content-script matches and the
// recognizers agree; a test pins the resulting manifest.
//
// Sources (vendor documentation of the app hosts):
// - Gmail: https://mail.google.com/mail/u/N/ (Google Workspace admin help, "Gmail web address").
// - HubSpot: app.hubspot.com, EU data centre app-eu1.hubspot.com
//   (https://knowledge.hubspot.com/account-security/hubspot-cloud-infrastructure-and-data-hosting-frequently-asked-questions).
// - Salesforce Lightning: https://<MyDomain>.lightning.force.com, Classic https://<MyDomain>.my.salesforce.com
//   (https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm).
// - Pipedrive: https://<company>.pipedrive.com (https://support.pipedrive.com/en/article/company-domain).
// - Zoho CRM: crm.zoho.com and its data-centre twins .eu .in .com.au .jp .ca .com.cn
//   (https://www.zoho.com/crm/developer/docs/api/v7/multi-dc.html).
// - Dynamics 365: https://<org>.crm[N].dynamics.com (https://learn.microsoft.com/power-platform/admin/datacenter/new-datacenter-regions).
// - Twenty cloud: https://<workspace>.twenty.com; EspoCRM cloud: https://<name>.espocloud.com;
//   Odoo online: https://<db>.odoo.com; Freshsales: https://<domain>.myfreshworks.com/crm/sales;
//   Copper: https://app.copper.com; Close: https://app.close.com.
export const GMAIL_PATTERNS = ['https://mail.google.com/*'] as const;

export const CLOUD_HOST_PATTERNS = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.pipedrive.com/*',
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.jp/*',
  'https://crm.zohocloud.ca/*',
  'https://crm.zoho.com.cn/*',
  'https://*.dynamics.com/*',
  'https://*.twenty.com/*',
  'https://*.espocloud.com/*',
  'https://*.odoo.com/*',
  'https://*.myfreshworks.com/*',
  'https://*.freshsales.io/*',
  'https://app.copper.com/*',
  'https://app.close.com/*',
] as const;
