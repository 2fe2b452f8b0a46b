import { describe, expect, it } from 'vitest';
import { matchReason } from '../../../lib/words/sidebar';

describe('matchReason: the matcher gives facts, the words module writes why', () => {
  it('names the contact, the record, the domain or the company name that matched', () => {
    expect(matchReason({ by: 'email', email: 'joe@acme.com', contactName: 'Joe Park', accountName: 'Acme' })).toBe('Joe Park (joe@acme.com) is a contact at Acme');
    expect(matchReason({ by: 'email', email: 'joe@acme.com', accountName: 'Acme' })).toBe('joe@acme.com is a contact at Acme');
    expect(matchReason({ by: 'crm-id', crm: 'hubspot', recordId: '42', accountName: 'Acme' })).toBe('hubspot record 42 is Acme');
    expect(matchReason({ by: 'crm-id', crm: 'hubspot', recordId: '42', contactName: 'Ana', accountName: 'Acme' })).toBe('hubspot record 42 is Ana, a contact at Acme');
    expect(matchReason({ by: 'domain', domain: 'acme.com', seenAs: { email: 'x@acme.com' }, accountName: 'Acme' })).toBe('x@acme.com writes from acme.com, the domain of Acme');
    expect(matchReason({ by: 'domain', domain: 'acme.com', seenAs: { website: true }, accountName: 'Acme' })).toBe('the page shows the website acme.com, the domain of Acme');
    expect(matchReason({ by: 'company-name', pageName: 'ACME', accountName: 'Acme' })).toBe('the page names the company "ACME", like Acme');
    expect(matchReason('chosen')).toBe('your choice');
  });
});
