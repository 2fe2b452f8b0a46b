// Rows in, records out: one builder per file turns mapped rows into accounts, contacts, orders and
// activities, rejects rows with a reason a person can act on, and holds back rows whose dates cannot be
// read until the file shows whether it writes day or month first.
import type { Account, Activity, Contact, CrmId, Order } from '../model/records';
import { accountKey, companyDomainOfEmail, domainFromWebsite, normalizeEmail } from '../model/identity';
import type { DetectedFormat } from './formats';
import { stableHash } from './hash';
import type { MappedRow } from './mapping';
import { mergeAccount, mergeContact, placeholderAccountName } from './merge';
import type { DateOrder, ImportBatch, RejectedRow, TargetField } from './types';
import { RowError, RowReader } from './rowReader';
import { parseBoolean, parseCount } from './values';

interface PendingOrder {
  order: Omit<Order, 'accountId'>;
  customerId?: string;
  domain?: string;
  name?: string;
  email?: string;
}

/** "de 123 456 789" → "DE123456789": a VAT id as a key. */
const taxIdKey = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

export interface BuildResult {
  batch: ImportBatch;
  rejected: RejectedRow[];
  warnings: string[];
  needsDateOrder?: { examples: string[] };
}

export class RecordBuilder extends RowReader {
  private readonly accounts = new Map<string, Account>();
  private readonly contacts = new Map<string, Contact>();
  private readonly pendingOrders: PendingOrder[] = [];
  private readonly activities: Activity[] = [];
  private readonly customers = new Map<string, { domain?: string; name?: string; email?: string }>();
  private readonly invoiceLines = new Map<string, number>();
  private readonly seenContent = new Map<string, number>();
  private readonly domains = new Map<string, string | undefined>();
  private skippedDeals = 0;
  private zeroAmounts = 0;

  private crmId(recordId: string | undefined): CrmId[] {
    return recordId ? [{ crm: this.format.crm, recordId }] : [];
  }

  private putAccount(account: Account): void {
    const existing = this.accounts.get(account.id);
    this.accounts.set(account.id, existing ? mergeAccount(existing, account) : account);
  }

  /**
   * A buyer address an order log or customer master names: a contact with no account of its own (the CRM's word on
   * that wins); linking (lib/import/link.ts) puts it on the account the address is a key of.
   */
  private buyer(email: string): void {
    if (this.contacts.has(email)) return;
    this.contacts.set(email, { email, name: email, crmIds: [], status: 'unknown', updatedAt: this.options.now });
  }

  /** Content-derived id, distinct for identical repeated rows (a customer buying the same twice a day). */
  private contentId(...parts: string[]): string {
    const base = stableHash(this.format.id, ...parts);
    const seen = this.seenContent.get(base) ?? 0;
    this.seenContent.set(base, seen + 1);
    return seen === 0 ? base : stableHash(base, String(seen));
  }

  /** The account a CRM row's company points at, with a stub that carries the CRM's company id. */
  private companyOf(m: MappedRow, emailDomain: string | undefined): string | undefined {
    const domain = emailDomain ?? domainFromWebsite(m.website);
    const companyCrmId = m.companyId ? { crm: this.format.crm, recordId: m.companyId } : undefined;
    const crmKey = companyCrmId ? `crm:${companyCrmId.crm}:${companyCrmId.recordId}` : undefined;
    const id = domain ?? (crmKey && this.options.accountIndex?.[crmKey]) ?? accountKey(undefined, m.company) ?? crmKey;
    if (id && (m.company || companyCrmId)) {
      this.putAccount({
        id,
        name: m.company ?? placeholderAccountName({ domain, crmId: companyCrmId }),
        domains: domain ? [domain] : [],
        crmIds: companyCrmId ? [companyCrmId] : [],
        customerKeys: [],
        updatedAt: this.options.now,
      });
    }
    return id;
  }

  protected convert(row: number, cells: string[]): void {
    const m = this.read(cells);
    switch (this.format.kind) {
      case 'contacts':
        return this.contact(m, row, cells);
      case 'companies':
        return this.company(m, row, cells);
      case 'deals':
        return this.deal(m, row, cells);
      case 'orders':
        return this.orderLine(m, row, cells);
      case 'activities':
        return this.activity(m, row, cells);
    }
  }

  private email(m: MappedRow, row: number, cells: string[]): string {
    if (!m.email) throw new RowError(`row ${row}: no email (column ${this.columnsOf(['email']).join(' / ') || 'Email'} is empty)`, this.columnOf('email', cells));
    const email = normalizeEmail(m.email);
    if (!email) {
      const column = this.columnOf('email', cells);
      throw new RowError(`row ${row}, column ${column}: '${m.email}' is not an email address`, column);
    }
    return email;
  }

  private contact(m: MappedRow, row: number, cells: string[]): void {
    const email = this.email(m, row, cells);
    const lastActivity = this.date(m, 'lastActivity', row, cells, false);
    const createdAt = this.date(m, 'createdAt', row, cells, false);
    const accountId = this.companyOf(m, companyDomainOfEmail(email));
    const contact: Contact = {
      email,
      accountId,
      firstName: m.firstName,
      lastName: m.lastName,
      name: m.fullName ?? ([m.firstName, m.lastName].filter(Boolean).join(' ') || email),
      title: m.title,
      phone: m.phone,
      crmIds: this.crmId(m.recordId),
      status: 'unknown',
      lastActivity,
      createdAt,
      updatedAt: this.options.now,
    };
    const existing = this.contacts.get(email);
    this.contacts.set(email, existing ? mergeContact(existing, contact) : contact);
  }

  private company(m: MappedRow, row: number, cells: string[]): void {
    const website = domainFromWebsite(m.website);
    if (m.website && !website) {
      const column = this.columnOf('website', cells);
      throw new RowError(`row ${row}, column ${column}: '${m.website}' is not a web address`, column);
    }
    // A customer master pairs the customer number with an address and a VAT id: keys of the same account.
    const email = m.email ? this.email(m, row, cells) : undefined;
    const domain = website ?? (email ? companyDomainOfEmail(email) : undefined);
    if (email) this.buyer(email);
    const name = m.company ?? domain;
    const indexed = m.customerId ? this.options.accountIndex?.[`customer:${m.customerId}`] : undefined;
    const id = domain ?? indexed ?? accountKey(undefined, name);
    if (!id || !name) throw new RowError(`row ${row}: no company name or website (columns ${this.columnsOf(['company', 'website']).join(', ')} are empty)`);
    let employees: number | undefined;
    if (m.employees) {
      employees = parseCount(m.employees);
      if (employees === undefined) {
        const column = this.columnOf('employees', cells);
        throw new RowError(`row ${row}, column ${column}: '${m.employees}' is not a whole number`, column);
      }
    }
    const revenue = this.amount(m, 'annualRevenue', row, cells);
    if (revenue && revenue.value < 0) {
      const column = this.columnOf('annualRevenue', cells);
      throw new RowError(`row ${row}, column ${column}: '${m.annualRevenue}' is negative`, column);
    }
    this.date(m, 'createdAt', row, cells, false);
    this.putAccount({
      id,
      name,
      domains: domain ? [domain] : [],
      crmIds: this.crmId(m.recordId),
      customerKeys: m.customerId ? [m.customerId] : [],
      ...(email ? { emails: [email] } : {}),
      ...(m.vatId && taxIdKey(m.vatId) ? { taxIds: [taxIdKey(m.vatId)] } : {}),
      industry: m.industry,
      employees,
      annualRevenue: revenue?.value,
      currency: revenue ? this.currency(m, revenue.currency, row, cells) : undefined,
      owner: m.owner,
      updatedAt: this.options.now,
    });
  }

  /** Won deals are purchases; open and lost ones are skipped (counted in a warning). */
  private deal(m: MappedRow, row: number, cells: string[]): void {
    const won = m.won !== undefined ? parseBoolean(m.won) === true : /won\b|closedwon/i.test(m.stage ?? '');
    if (!won) {
      this.skippedDeals++;
      return;
    }
    if (!m.amount) throw new RowError(`row ${row}: no amount (column ${this.columnsOf(['amount']).join(' / ')} is empty)`, this.columnOf('amount', cells));
    const amount = this.amount(m, 'amount', row, cells)!;
    const date = this.date(m, 'closeDate', row, cells, true)!;
    const accountId = this.companyOf(m, undefined);
    if (!accountId) throw new RowError(`row ${row}: no company (columns ${this.columnsOf(['company', 'companyId', 'website']).join(', ') || 'for the company'} are empty)`);
    const order: PendingOrder['order'] = { id: m.recordId ? `${this.format.crm}-deal-${m.recordId}` : this.contentId(...cells), date, amount: amount.value };
    const currency = this.currency(m, amount.currency, row, cells);
    if (currency) order.currency = currency;
    this.pendingOrders.push({ order, domain: accountId });
  }

  private orderLine(m: MappedRow, row: number, cells: string[]): void {
    const date = this.date(m, 'date', row, cells, true)!;
    const domain = this.websiteDomain(m.customerDomain) ?? (m.customerEmail ? companyDomainOfEmail(m.customerEmail) : undefined);
    // A private buyer (free-mail address, no customer number) is known by the address itself.
    const customerId = m.customerId ?? (!domain && m.customerEmail ? normalizeEmail(m.customerEmail) : undefined);
    if (!customerId && !domain && !m.customerName) {
      const columns = this.columnsOf(['customerId', 'customerDomain', 'customerName', 'customerEmail']);
      const both = columns.length === 2 ? 'both' : 'all';
      const listed = columns.length > 1 ? `${columns.slice(0, -1).join(', ')} and ${columns[columns.length - 1]} are ${both} empty` : `${columns[0] ?? 'no customer column'} is empty`;
      throw new RowError(`row ${row}: no customer key (${listed})`);
    }
    const quantity = this.amount(m, 'quantity', row, cells)?.value;
    let amount = this.amount(m, 'amount', row, cells);
    if (!amount && this.format.mapping.columns.amount) {
      throw new RowError(`row ${row}: no amount (column ${this.columnOf('amount', cells)} is empty)`, this.columnOf('amount', cells));
    }
    if (!amount) {
      const unit = this.amount(m, 'unitPrice', row, cells);
      if (unit && quantity !== undefined) amount = { value: Math.round(unit.value * quantity * 100) / 100, currency: unit.currency };
      else if (unit) amount = unit;
      else this.zeroAmounts++;
    }
    const id = m.invoiceNo ? this.invoiceLineId(m.invoiceNo) : this.contentId(...cells);
    const email = m.customerEmail ? normalizeEmail(m.customerEmail) : undefined;
    if (email) this.buyer(email);
    if (customerId && (domain || m.customerName || email)) {
      const known = this.customers.get(customerId) ?? {};
      this.customers.set(customerId, { domain: known.domain ?? domain, name: m.customerName ?? known.name, email: known.email ?? email });
    }
    const order: PendingOrder['order'] = { id, date, amount: amount?.value ?? 0 };
    const currency = this.currency(m, amount?.currency, row, cells);
    if (currency) order.currency = currency;
    if (m.product ?? m.sku) order.product = m.product ?? m.sku;
    if (quantity !== undefined) order.quantity = quantity;
    if (email) order.buyer = email;
    this.pendingOrders.push({
      order,
      customerId,
      domain,
      name: m.customerName,
      email,
    });
  }

  /** domainFromWebsite, remembered: an order log names the same few thousand customers again and again. */
  private websiteDomain(text: string | undefined): string | undefined {
    if (!text) return undefined;
    if (!this.domains.has(text)) this.domains.set(text, domainFromWebsite(text));
    return this.domains.get(text);
  }

  /** Same invoice number and line position → same id, however often the file is imported. */
  private invoiceLineId(invoiceNo: string): string {
    const line = (this.invoiceLines.get(invoiceNo) ?? 0) + 1;
    this.invoiceLines.set(invoiceNo, line);
    return stableHash(this.format.id, invoiceNo, String(line));
  }

  private activity(m: MappedRow, row: number, cells: string[]): void {
    const date = this.date(m, 'date', row, cells, true)!;
    const email = this.email(m, row, cells);
    const type = (m.activityType ?? '').toLowerCase();
    const direction = (m.direction ?? '').toLowerCase();
    let kind: Activity['kind'];
    if (/meeting|event|appointment/.test(type)) kind = 'meeting';
    else if (/call|phone/.test(type)) kind = 'call';
    else if (/mail/.test(type)) {
      const said = `${direction} ${type}`;
      if (/\b(in|inbound|incoming|received|reply|replied)\b/.test(said)) kind = 'email-in';
      else if (/\b(out|outbound|outgoing|sent)\b/.test(said)) kind = 'email-out';
      else {
        const column = this.columnOf('direction', cells);
        throw new RowError(`row ${row}${m.direction ? `, column ${column}: '${m.direction}' is not a direction (Inbound or Outbound)` : `: email without a direction (column ${column} should say Inbound or Outbound)`}`, column);
      }
    } else {
      const column = this.columnOf('activityType', cells);
      throw new RowError(`row ${row}, column ${column}: '${m.activityType ?? ''}' is not an activity type (Email, Meeting or Call)`, column);
    }
    const activity: Activity = { id: this.contentId(date, email, kind), email, date, kind };
    const accountId = companyDomainOfEmail(email);
    if (accountId) activity.accountId = accountId;
    this.activities.push(activity);
  }

  finish(): BuildResult {
    const orders: Order[] = [];
    // One stub per customer account, built once (a log has many lines per customer).
    const stubs = new Map<string, { name?: string; domain?: string; keys: Set<string>; emails: Set<string> }>();
    for (const pending of this.pendingOrders) {
      const customer = pending.customerId ? this.customers.get(pending.customerId) : undefined;
      const domain = pending.domain ?? customer?.domain;
      const name = pending.name ?? customer?.name;
      const indexed = pending.customerId && this.options.accountIndex ? this.options.accountIndex[`customer:${pending.customerId}`] : undefined;
      const accountId = domain ?? indexed ?? accountKey(undefined, name) ?? `customer:${pending.customerId}`;
      const order = pending.order as Order;
      order.accountId = accountId;
      orders.push(order);
      if (this.format.kind !== 'orders') continue;
      // The key the row named, strongest first: which account it belongs to however accounts are later linked.
      order.key = pending.customerId ? `customer:${pending.customerId}` : (domain ?? accountKey(undefined, name) ?? accountId);
      let stub = stubs.get(accountId);
      if (!stub) stubs.set(accountId, (stub = { keys: new Set(), emails: new Set() }));
      if (name) stub.name = name;
      if (domain) stub.domain ??= domain;
      if (pending.customerId) stub.keys.add(pending.customerId);
      const email = pending.email ?? customer?.email;
      if (email) stub.emails.add(email);
    }
    for (const [id, stub] of stubs) {
      const customerKeys = [...stub.keys];
      this.putAccount({
        id,
        name: stub.name ?? placeholderAccountName({ domain: stub.domain, customerKey: customerKeys[0] }),
        domains: stub.domain ? [stub.domain] : [],
        crmIds: [],
        customerKeys,
        ...(stub.emails.size ? { emails: [...stub.emails] } : {}),
        updatedAt: this.options.now,
      });
    }
    const warnings: string[] = [];
    if (this.skippedDeals) warnings.push(`${this.skippedDeals} open or lost deals were skipped: only won deals count as purchases.`);
    if (this.zeroAmounts) warnings.push(`${this.zeroAmounts} order lines have no amount column and were imported with amount 0 (dates still count for lapse risk).`);
    const needsDateOrder = this.deferred.length ? { examples: [...this.ambiguousExamples] } : undefined;
    if (needsDateOrder) warnings.push(`${this.deferred.length} rows have dates that read both as day/month and month/day; choose the order to import them.`);
    this.rejected.sort((a, b) => a.row - b.row);
    return {
      batch: {
        accounts: [...this.accounts.values()].map(stripUndefined),
        contacts: [...this.contacts.values()].map(stripUndefined),
        orders,
        activities: this.activities,
      },
      rejected: this.rejected,
      warnings,
      needsDateOrder,
    };
  }
}

/** Records without undefined-valued keys: what IndexedDB stores and tests compare is then exactly the data. */
function stripUndefined<T extends object>(record: T): T {
  for (const key of Object.keys(record)) if ((record as Record<string, unknown>)[key] === undefined) delete (record as Record<string, unknown>)[key];
  return record;
}
