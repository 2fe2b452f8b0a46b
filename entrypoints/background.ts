import { browser } from 'wxt/browser';
import { routeMessage, type Handlers } from '../lib/messaging/router';
import type { TabMessage } from '../lib/model/messages';
import { openKeepAccountDb, type Db } from '../lib/db/schema';
import { deleteAccount, deleteEverything, recordQuestionAsked } from '../lib/db/repo';
import { buildSidebarState, previewQuestionsForAccount } from '../lib/service/sidebarState';
import { linkAndRescore, rescoreAll } from '../lib/service/rescore';
import { rescoreDue } from '../lib/db/pending';
import { linkAccounts, unlinkAccounts } from '../lib/db/linking';
import { countDataChangeNow } from '../lib/db/pending';
import { savePlaybooks } from '../lib/service/playbookStore';
import { restoreBackup } from '../lib/service/backup';
import { saveSettings } from '../lib/service/settings';
import { dismissOffer } from '../lib/service/linkDismissals';
import { saveFileSettings, saveMapping } from '../lib/service/mappingStore';
import { readTeamPolicy } from '../lib/service/teamPolicy';
import { addSelfHostedCrm, restoreSelfHostedScripts } from '../lib/service/selfHosted';
import { now } from '../components/clock';
import { answerCaptureNotice, forgetConversation, rememberConversation, saveCaptureSettings } from '../lib/service/capture';
import { forgetAllTouches } from '../lib/db/touches';

// The background owns the database: it opens it for writing and does every write the user asks for, on the typed
// messages below. The one other writer is the import worker (lib/db/owner.ts, docs/ARCHITECTURE.md, "Who owns the database").
export default defineBackground(() => {
  let dbPromise: Promise<Db> | undefined;
  // A connection closed for a schema upgrade elsewhere (versionchange), or an open that failed, is opened again on
  // the next call rather than kept broken.
  const db = () =>
    (dbPromise ??= openKeepAccountDb({ onVersionChange: () => (dbPromise = undefined) }).catch((error: unknown) => {
      dbPromise = undefined;
      throw error;
    }));
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  const toggleSidebar = async (tabId: number | undefined) => {
    if (tabId !== undefined) await browser.tabs.sendMessage(tabId, { type: 'toggleSidebar' } satisfies TabMessage).catch(() => undefined);
  };

  const handlers: Handlers = {
    getSidebarState: async (m) => {
      const [database, policy] = await Promise.all([db(), readTeamPolicy()]);
      // Remembered first, in the same round trip (issue 16; lib/model/messages.ts says why a content script may ask
      // this), never blocking the sidebar: a failure leaves the conversation unrecorded.
      if (m.remember?.length) {
        const ids = new Set(m.remember);
        const page = { ...m.page, bodyText: undefined, messages: m.page.messages?.filter((message) => ids.has(message.id)) };
        await rememberConversation(database, page, { today: now().toISOString().slice(0, 10), policy }).catch(() => undefined);
      }
      return buildSidebarState(database, m.page, { chosenAccountId: m.accountId, policy, now: now().toISOString() });
    },
    recordQuestion: async (m) =>
      recordQuestionAsked(await db(), { ...m, id: `${m.accountId}|${m.questionId}|${now().getTime()}`, askedAt: now().toISOString() }),
    // At the section asked for ("Learn more" → the Data page); openOptionsPage cannot carry a #section.
    openOptions: async (m) =>
      m.section ? void (await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${m.section}`) })) : browser.runtime.openOptionsPage(),
    forgetConversation: async (m) => void (await forgetConversation(await db(), m.site, m.messageIds, m.threadId)),
    captureNotice: async (m) => answerCaptureNotice(await db(), m.action, m.site),
    saveCaptureSettings: async (m) => saveCaptureSettings(await db(), m.settings),
    forgetAllConversations: async () => forgetAllTouches(await db()),
    dataChanged: async () => linkAndRescore(await db(), now()),
    rescore: async () => rescoreAll(await db(), now()),
    deleteAccount: async (m) => deleteAccount(await db(), m.accountId),
    deleteAll: async () => deleteEverything(await db()),
    savePlaybooks: async (m) => savePlaybooks(await db(), m.playbooks),
    // All or nothing (one transaction); a good restore is rescored at once, as after an import.
    restoreBackup: async (m) => {
      const result = await restoreBackup(await db(), m.text);
      if (result.ok) await linkAndRescore(await db(), now());
      return result;
    },
    saveMapping: async (m) => saveMapping(await db(), m.mappingKey, m.mapping),
    saveSettings: async (m) => saveSettings(await db(), m.settings),
    dismissLinkOffer: async (m) => dismissOffer(await db(), m.offerId),
    saveFileSettings: async (m) => saveFileSettings(await db(), m.mappingKey, m.settings),
    previewQuestions: async (m) => previewQuestionsForAccount(await db(), m.accountId, now().toISOString(), await readTeamPolicy()),
    addSelfHostedCrm: async (m) => addSelfHostedCrm(m.origin, m.crm),
    // A link or its undo changes which orders an account has: rescored at once, as after an import.
    linkAccounts: async (m) => {
      const linked = await linkAccounts(await db(), m.fromId, m.intoId, now().toISOString());
      await countDataChangeNow(await db());
      await rescoreAll(await db(), now());
      return linked;
    },
    unlinkAccounts: async (m) => {
      const linked = await unlinkAccounts(await db(), m.linkId);
      await countDataChangeNow(await db());
      await rescoreAll(await db(), now());
      return linked;
    },
  };
  // sendResponse + `return true` keeps the channel open in every Chrome version (promise returns are newer).
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    void routeMessage(raw, sender, self, handlers).then(sendResponse);
    return true;
  });

  // The keyboard shortcut (commands API) toggles the sidebar in the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar') void toggleSidebar(tab?.id);
  });

  // Scores age: "days since last order" must stay true without a new import.
  // Created once: the worker starts often, and re-creating the alarm would restart its clock each time.
  void browser.alarms.get('rescore-daily').then((existing) => {
    if (!existing) void browser.alarms.create('rescore-daily', { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'rescore-daily') void db().then((d) => rescoreAll(d, now()));
  });

  // Every wake-up: a rescore the last worker was stopped in the middle of (lib/db/pending.ts) is finished now.
  void db().then(async (d) => {
    if (await rescoreDue(d)) await linkAndRescore(d, now());
  });

  browser.runtime.onStartup.addListener(() => void restoreSelfHostedScripts());
  // An update may change what a stored score holds: rescore at once rather than wait for the daily alarm.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'update') void db().then((d) => rescoreAll(d, now()));
  });
});
