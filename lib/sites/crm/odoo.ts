import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { odooSelectors } from './selectors/odoo';
import { type CrmSite, record, segments } from './types';

// Odoo: Odoo Online https://<db>.odoo.com, or self-hosted.
// 17.2+/18 client routes: /odoo/{app or model or action-xxx}/{id}, nested (/odoo/crm/5/action-123/7); /odoo/contacts/new
//   is a new form (Odoo 18 web client router, odoo/addons/web/static/src/core/browser/router.js: "/odoo/" path slugs,
//   `action-` prefix for action ids/xmlids, model names with dots allowed).
// Legacy (<= 17.0): /web#id={id}&model={model}&view_type=form
//   (https://www.odoo.com/documentation/16.0/developer/reference/backend/actions.html — res_id / view_type form).
// res.partner covers both people and companies; crm.lead covers leads and opportunities (shown as deals here).
const MODELS: Record<string, RecordObjectType> = {
  'res.partner': 'contact',
  contacts: 'contact',
  'crm.lead': 'deal',
  crm: 'deal',
  'action-contacts.action_contacts': 'contact',
  'action-base.action_partner_form': 'contact',
  'action-crm.crm_lead_action_pipeline': 'deal',
  'action-crm.crm_lead_all_leads': 'lead',
};

export const odoo: CrmSite = {
  crm: 'odoo',
  hosts: CRM_HOSTS.odoo,
  recordFromUrl(url) {
    const parts = segments(url.pathname);
    const at = parts.indexOf('odoo');
    if (at >= 0) {
      const rest = parts.slice(at + 1);
      if (rest.length < 2) return null;
      const last = rest[rest.length - 1]!;
      const owner = rest[rest.length - 2]!;
      if (!/^\d+$/.test(last) || /^\d+$/.test(owner)) return null;
      return record(MODELS[owner.toLowerCase()] ?? 'other', last);
    }
    if (parts[parts.length - 1] === 'web') {
      const hashParams = new URLSearchParams(url.hash.replace(/^#/, ''));
      const id = hashParams.get('id') ?? '';
      const model = hashParams.get('model') ?? '';
      const viewType = hashParams.get('view_type') ?? 'form';
      if (!/^\d+$/.test(id) || !model || viewType !== 'form') return null;
      return record(MODELS[model] ?? 'other', id);
    }
    return null;
  },
  selectors: odooSelectors,
  examples: [
    { url: 'https://acme.odoo.com/odoo/contacts/42', expect: { objectType: 'contact', recordId: '42' } },
    { url: 'https://acme.odoo.com/odoo/crm/17', expect: { objectType: 'deal', recordId: '17' } },
    { url: 'https://acme.odoo.com/odoo/res.partner/42', expect: { objectType: 'contact', recordId: '42' } },
    { url: 'https://acme.odoo.com/odoo/action-contacts.action_contacts/42', expect: { objectType: 'contact', recordId: '42' } },
    { url: 'https://acme.odoo.com/odoo/action-351/9', expect: { objectType: 'other', recordId: '9' } },
    { url: 'https://acme.odoo.com/odoo/crm/17/action-mail.action_view_mail_mail/3', expect: { objectType: 'other', recordId: '3' } },
    { url: 'https://acme.odoo.com/odoo/sale.order/12', expect: { objectType: 'other', recordId: '12' } },
    { url: 'https://acme.odoo.com/web#id=42&model=res.partner&view_type=form', expect: { objectType: 'contact', recordId: '42' } },
    { url: 'https://acme.odoo.com/web#id=17&cids=1&menu_id=130&action=200&model=crm.lead&view_type=form', expect: { objectType: 'deal', recordId: '17' } },
    { url: 'https://acme.odoo.com/odoo/contacts', expect: null },
    { url: 'https://acme.odoo.com/odoo/contacts/new', expect: null },
    { url: 'https://acme.odoo.com/odoo/crm?view_type=list', expect: null },
    { url: 'https://acme.odoo.com/web#model=res.partner&view_type=kanban', expect: null },
    { url: 'https://acme.odoo.com/web#id=42&model=res.partner&view_type=list', expect: null },
    { url: 'https://www.odoo.com/odoo/contacts/42', expect: null },
    { url: 'https://acme.odoo.com.evil.io/odoo/contacts/42', expect: null },
  ],
};
