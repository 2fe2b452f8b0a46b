import type { RecordSelectors } from '../types';

// EspoCRM detail views, read from EspoCRM's open-source client (espocrm/espocrm, 2026-07):
// - client/res/layout-types/record.tpl: each field is <div class="cell" data-name="{field}"> holding
//   <div class="field" data-name="{field}">;
// - client/res/templates/fields/email/detail.tpl: addresses are <a data-email-address="{address}" data-action="mailTo">
//   (no mailto: href);
// - client/res/templates/fields/link/detail.tpl: a link field is <a href="#{Entity}/view/{id}">{name}</a>;
// - client/src/views/detail.ts getHeader(): the record name is <span class="font-size-flexible title"> inside
//   h3.header-title (client/res/templates/header.tpl).
// Field names are EspoCRM's: emailAddress, account (Contact), accountName (Lead), website.
const FIXTURE = 'espocrm-contact.html';
const ESPO = 'espocrm/espocrm client';

export const espocrmSelectors: RecordSelectors = {
  name: [
    { css: '.header-title .title', source: `${ESPO}/src/views/detail.ts getHeader() + res/templates/header.tpl`, seen: '2026-07', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: '.field[data-name="emailAddress"] [data-email-address]', source: `${ESPO}/res/layout-types/record.tpl + res/templates/fields/email/detail.tpl`, seen: '2026-07', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: '.field[data-name="account"] a', source: `${ESPO}/res/templates/fields/link/detail.tpl`, seen: '2026-07', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [],
};
