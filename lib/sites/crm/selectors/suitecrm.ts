import type { RecordSelectors } from '../types';

// SuiteCRM, self-hosted only.
// 7.x (SuiteP theme, salesagility/SuiteCRM): detail fields are <div class="… detail-view-field" field="{field}">
// (themes/SuiteP/include/DetailView/tab_panel_content.tpl); the record name is the module title
// <h2 class='module-title-text'> (SugarView::getModuleTitle; read by public Selenium suites, which also read
// a.email-link for the address). Field names are Sugar's: email1, account_name, website.
// 8.x (Angular, salesagility/SuiteCRM-Core core/app/core/src/lib): the record name is scrm-dynamic-label
// .record-view-name-label (views/record/components/record-header/record-header.component.html); an email field renders
// scrm-email-detail with a mailto: link or a link that opens the composer (fields/email/templates/detail).
const V7 = 'suitecrm-contact.html';
const V8 = 'suitecrm8-contact.html';
const SUITE_P = 'salesagility/SuiteCRM themes/SuiteP/include/DetailView/tab_panel_content.tpl';
const CORE = 'salesagility/SuiteCRM-Core core/app/core/src/lib';

export const suitecrmSelectors: RecordSelectors = {
  name: [
    { css: 'h2.module-title-text', source: 'salesagility/SuiteCRM SugarView::getModuleTitle; public Selenium suites (//h2[@class=\'module-title-text\'])', seen: '2023', checkedAgainst: { [V7]: 1, [V8]: 0 } },
    { css: 'scrm-dynamic-label.record-view-name-label', source: `${CORE}/views/record/components/record-header/record-header.component.html`, seen: '2025', checkedAgainst: { [V7]: 0, [V8]: 1 } },
  ],
  email: [
    { css: '[field="email1"] a.email-link, [field="email1"] a[href^="mailto:"]', source: `${SUITE_P}; public Selenium suites (//a[@class='email-link'])`, seen: '2023', checkedAgainst: { [V7]: 1, [V8]: 0 } },
    { css: 'scrm-email-detail a', source: `${CORE}/fields/email/templates/detail/email.component.html`, seen: '2025', checkedAgainst: { [V7]: 0, [V8]: 1 } },
  ],
  company: [
    { css: '[field="account_name"] a', source: `${SUITE_P} (relate field shown as a link)`, seen: '2023', checkedAgainst: { [V7]: 1, [V8]: 0 } },
  ],
  website: [],
};
