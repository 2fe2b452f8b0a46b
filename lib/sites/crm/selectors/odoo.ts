import type { RecordSelectors } from '../types';

// Odoo form views (17.x/18.x web client, odoo/odoo addons/web/static/src/views/fields): every field is wrapped in
// <div name="{field}" class="o_field_widget o_field_{type}"> (field.xml, web.Field); in an editable form an email is an
// <input type="email"> followed by a mailto: button (email/email_field.xml, web.FormEmailField) and a URL an <input>
// followed by a link (url/url_field.xml, web.FormUrlField). Field names are Odoo's: name, email, parent_id (a contact's
// company), website; crm.lead uses email_from, partner_id and partner_name. Toggl's Odoo integration reads the record
// name from the breadcrumb (toggl/track-extension src/content/odoo.js: .o_last_breadcrumb_item.active).
const FIXTURE = 'odoo-contact.html';
const FIELDS = 'odoo/odoo addons/web/static/src/views/fields';

export const odooSelectors: RecordSelectors = {
  name: [
    { css: '.o_form_view .oe_title [name="name"] input', source: `${FIELDS}/field.xml (div[name] wrapper) in the form title`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
    { css: '.o_control_panel .o_last_breadcrumb_item', source: 'toggl/track-extension src/content/odoo.js', seen: '2025-10', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: '.o_field_widget[name="email"] input, .o_field_widget[name="email_from"] input', source: `${FIELDS}/email/email_field.xml (web.EmailField)`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
    { css: '.o_field_email a[href^="mailto:"]', source: `${FIELDS}/email/email_field.xml (readonly link / web.FormEmailField button)`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: '.o_field_widget[name="parent_id"] input, .o_field_widget[name="partner_id"] input, .o_field_widget[name="partner_name"] input', source: `${FIELDS}/field.xml (div[name] wrapper) with the many2one's input`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [
    { css: '.o_field_widget[name="website"] a[href]', source: `${FIELDS}/url/url_field.xml (web.FormUrlField link; readonly a.o_form_uri)`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
    { css: '.o_field_widget[name="website"] input', source: `${FIELDS}/url/url_field.xml (web.UrlField input)`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
  ],
};
