import type { Account, Activity, Contact } from '../model/records';
import type { AccountLookup } from './match';
import type { ReadOnlyDb } from './readOnly';
import { crmKey, fromStoredAccount, fromStoredContact, personNameKey } from './repo';
import { getAccount } from './accounts';

/** The IndexedDB side of matching a page to an account (./match.ts asks these questions). */
export function indexedDbLookup(db: ReadOnlyDb): AccountLookup {
  return {
    async contactByEmail(email: string): Promise<Contact | undefined> {
      const found = await db.get('contacts', email.toLowerCase());
      return found && fromStoredContact(found);
    },
    async contactsByName(name: string): Promise<Contact[]> {
      return (await db.getAllFromIndex('contacts', 'nameKey', personNameKey(name))).map(fromStoredContact);
    },
    async accountById(id: string): Promise<Account | undefined> {
      const found = await getAccount(db, id);
      return found && fromStoredAccount(found);
    },
    // Stubs (lib/db/accounts.ts) have no domain, CRM id or real name: the index lookups below need not search them.
    async accountsByDomain(domain: string): Promise<Account[]> {
      return (await db.getAllFromIndex('accounts', 'domains', domain.toLowerCase())).map(fromStoredAccount);
    },
    async accountsByCrmId(crm: string, recordId: string): Promise<Account[]> {
      return (await db.getAllFromIndex('accounts', 'crmKeys', crmKey(crm, recordId))).map(fromStoredAccount);
    },
    async contactsByCrmId(crm: string, recordId: string): Promise<Contact[]> {
      return (await db.getAllFromIndex('contacts', 'crmKeys', crmKey(crm, recordId))).map(fromStoredContact);
    },
    async activitiesByEmail(email: string): Promise<Activity[]> {
      return db.getAllFromIndex('activities', 'email', email.toLowerCase());
    },
    async accountsByName(normalizedName: string): Promise<Account[]> {
      return (await db.getAllFromIndex('accounts', 'nameKey', normalizedName)).map(fromStoredAccount);
    },
  };
}
