import { describe, expect, it } from 'vitest';
import { CRM_SITES } from '../../../lib/sites/crm';
import { acceptsHost, CLOUD_HOST_PATTERNS, CRM_HOSTS, GMAIL_HOSTS, GMAIL_PATTERNS, matchPatternOf, OUTLOOK_HOSTS, OUTLOOK_PATTERNS, type HostRule } from '../../../lib/sites/hosts';
import { siteOfUrl } from '../../../lib/sites/urls';
import { recognizePage } from '../../../lib/sites';
import { docFrom } from './helpers';

/**
 * Chrome match-pattern semantics (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns), written
 * here independently of lib/sites/hosts.ts: `<scheme>://<host><path>`; scheme `*` is http or https; host `*` is any host,
 * `*.x.com` is x.com or any of its sub-domains; the path is a glob where `*` is any run of characters; no port means any.
 */
function matches(pattern: string, url: string): boolean {
  const parsed = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(\/.*)$/.exec(pattern);
  if (!parsed) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const target = new URL(url);
  const targetScheme = target.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(targetScheme) : scheme !== targetScheme) return false;
  const name = target.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (name !== base && !name.endsWith(`.${base}`)) return false;
    } else if (name !== host.toLowerCase()) return false;
  }
  const glob = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(target.pathname + target.search);
}

const inManifest = (host: string) => CLOUD_HOST_PATTERNS.some((pattern) => matches(pattern, `https://${host}/lightning/r/x`));
const recognizedAs = (host: string) => siteOfUrl(new URL(`https://${host}/`), [])?.crm;
const representative = (rule: HostRule) => ('host' in rule ? rule.host : rule.example);

// Hosts to try: every host any example URL names, every rule's host and example, and look-alikes around each.
const exampleHosts = CRM_SITES.flatMap((site) => site.examples.map((example) => new URL(example.url).hostname));
const ruleHosts = Object.values(CRM_HOSTS).flatMap((rules) => rules.map(representative));
const bareDomains = Object.values(CRM_HOSTS).flatMap((rules) => rules.flatMap((rule) => ('domain' in rule ? [rule.domain] : [])));
const known = [
  // Hosts the vendors used or use that are deliberately not in the list (legacy, API or marketing hosts).
  'app.close.io', 'app.prosperworks.com', 'api.prosperworks.com', 'api.close.com', 'www.hubspot.com', 'api.hubapi.com',
  'app-na1.hubspot.com', 'app-eu2.hubspot.com', 'knowledge.hubspot.com', 'www.pipedrive.com', 'api.pipedrive.com', 'app.pipedrive.com',
  'www.zoho.com', 'accounts.zoho.eu', 'crm.zoho.ca', 'home.dynamics.com', 'crm.dynamics.com', 'contoso.operations.dynamics.com',
  'www.odoo.com', 'demo.odoo.com', 'app.twenty.com', 'api.twenty.com', 'www.espocloud.com', 'acme--uat.sandbox.lightning.force.com',
  'a.b.pipedrive.com', 'mail.google.com', 'lightning.force.com',
];
const candidates = [...new Set([...exampleHosts, ...ruleHosts, ...bareDomains, ...known].flatMap((host) => [host, `x.${host}`, `${host}.evil.io`, `evil${host}`]))];

describe('one host list feeds the manifest and the recognizers', () => {
  it('every CRM recognizer takes its hosts from lib/sites/hosts.ts', () => {
    for (const site of CRM_SITES) expect(site.hosts).toBe(CRM_HOSTS[site.crm]);
    expect(CLOUD_HOST_PATTERNS).toEqual(
      ['hubspot', 'salesforce', 'pipedrive', 'zoho', 'dynamics', 'twenty', 'espocrm', 'odoo', 'freshsales', 'copper', 'close', 'suitecrm'].flatMap((crm) =>
        CRM_HOSTS[crm as keyof typeof CRM_HOSTS].map(matchPatternOf),
      ),
    );
    expect(GMAIL_PATTERNS).toEqual(['https://mail.google.com/*']);
  });

  it(`every host a recognizer accepts is covered by a manifest match pattern (${candidates.length} hosts tried)`, () => {
    const uncovered = candidates.filter((host) => recognizedAs(host) && !inManifest(host));
    expect(uncovered).toEqual([]);
  });

  it('every manifest match pattern is a host some recognizer accepts, as the CRM the list files it under', () => {
    for (const [crm, rules] of Object.entries(CRM_HOSTS)) {
      for (const rule of rules) {
        expect(CLOUD_HOST_PATTERNS).toContain(matchPatternOf(rule));
        expect(matches(matchPatternOf(rule), `https://${representative(rule)}/x`)).toBe(true);
        expect(recognizedAs(representative(rule))).toBe(crm);
      }
    }
    for (const rule of GMAIL_HOSTS) expect(recognizePage(docFrom('<div></div>'), `https://${representative(rule)}/mail/u/0/#inbox`).site).toBe('gmail');
  });

  it('within a wildcard pattern, only the declared narrowing is left out (bare domain, extra labels, reserved vendor hosts, shape)', () => {
    const why = (host: string): string | undefined => {
      for (const rules of Object.values(CRM_HOSTS)) {
        for (const rule of rules) {
          if (!('domain' in rule) || !matches(matchPatternOf(rule), `https://${host}/`)) continue;
          if (host === rule.domain) return 'bare domain';
          const sub = host.slice(0, -rule.domain.length - 1);
          if (rule.labels === 'one' && sub.includes('.')) return 'more than one label';
          if (rule.reserved?.includes(sub.split('.')[0]!)) return 'reserved';
          if (rule.shape && !rule.shape.test(sub)) return 'shape';
        }
      }
      return undefined;
    };
    const leftOut = candidates.filter((host) => inManifest(host) && !recognizedAs(host));
    expect(leftOut.filter((host) => !why(host))).toEqual([]);
    expect(Object.fromEntries(['pipedrive.com', 'www.pipedrive.com', 'a.b.pipedrive.com', 'home.dynamics.com', 'app.twenty.com'].map((host) => [host, why(host)]))).toEqual({
      'pipedrive.com': 'bare domain',
      'www.pipedrive.com': 'reserved',
      'a.b.pipedrive.com': 'more than one label',
      'home.dynamics.com': 'shape',
      'app.twenty.com': 'reserved',
    });
  });

  it('a random workspace name under each wildcard is recognized', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (const rules of Object.values(CRM_HOSTS)) {
      for (const rule of rules) {
        if (!('domain' in rule)) continue;
        for (let i = 0; i < 50; i += 1) {
          const label = `w${next().toString(36)}`;
          const host = rule.shape ? `${label}.crm${next() % 30}.${rule.domain}` : `${label}.${rule.domain}`;
          expect(inManifest(host)).toBe(true);
          expect(recognizedAs(host)).toBeDefined();
        }
      }
    }
  });

  it('legacy and look-alike hosts are neither in the manifest nor recognized', () => {
    for (const host of ['app.close.io', 'app.prosperworks.com', 'app-eu2.hubspot.com', 'app.hubspot.com.evil.io', 'evilapp.hubspot.com', 'crm.zoho.com.evil.io']) {
      expect(inManifest(host)).toBe(false);
      expect(recognizedAs(host)).toBeUndefined();
    }
  });

  it('Outlook on the web: four hosts, one list for the manifest and the recognizer; look-alikes and old hosts stay out', () => {
    expect(OUTLOOK_PATTERNS).toEqual(['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*']);
    for (const rule of OUTLOOK_HOSTS) {
      const host = representative(rule);
      expect(OUTLOOK_PATTERNS.some((pattern) => matches(pattern, `https://${host}/mail/inbox`))).toBe(true);
      expect(recognizePage(docFrom('<div></div>'), `https://${host}/mail/inbox`).site).toBe('outlook');
      expect(recognizePage(docFrom('<div></div>'), `https://${host}/mail/deeplink/compose`).site).toBe('outlook');
      expect(inManifest(host)).toBe(false); // not a CRM host
    }
    for (const host of ['outlook.office.com.evil.io', 'evil-outlook.live.com', 'x.outlook.office.com', 'outlook.com', 'www.outlook.com', 'outlook.microsoft', 'mail.live.com', 'owa.contoso.com']) {
      expect(acceptsHost(OUTLOOK_HOSTS, host)).toBe(false);
      expect(OUTLOOK_PATTERNS.some((pattern) => matches(pattern, `https://${host}/mail/`))).toBe(false);
      expect(recognizePage(docFrom('<div></div>'), `https://${host}/mail/inbox`).site).not.toBe('outlook');
    }
    // Plain http is never Outlook.
    expect(recognizePage(docFrom('<div></div>'), 'http://outlook.office.com/mail/inbox').site).toBe('unknown');
  });

  it('the matcher follows Chrome match-pattern semantics', () => {
    expect(matches('https://*.x.com/*', 'https://x.com/')).toBe(true);
    expect(matches('https://*.x.com/*', 'https://a.b.x.com/p?q=1')).toBe(true);
    expect(matches('https://*.x.com/*', 'https://ax.com/')).toBe(false);
    expect(matches('https://*.x.com/*', 'http://a.x.com/')).toBe(false);
    expect(matches('https://x.com/*', 'https://a.x.com/')).toBe(false);
    expect(matches('https://x.com/*', 'https://X.com:8443/a')).toBe(true);
    expect(matches('*://x.com/a*', 'http://x.com/abc')).toBe(true);
    expect(matches('*://x.com/a*', 'ftp://x.com/abc')).toBe(false);
    expect(matches('https://x.com/a', 'https://x.com/ab')).toBe(false);
  });
});
