// What the sidebar says when there is no customer to show.
import type { PageContext } from '../model/page';
import { count } from './format';

const NOT_A_CUSTOMER: Record<PageContext['view'], string> = {
  list: 'This is a list of conversations or records. Open one to see its customer.',
  other: 'This page shows no customer.',
  thread: 'No email address was found in this conversation.',
  compose: 'Add a recipient to see who you are writing to.',
  record: 'This record shows no email address, company or known id.',
};

export const notACustomer = (view: PageContext['view']): string => NOT_A_CUSTOMER[view];

/** People the page shows by name only and no known contact explains: "Bob Ng is shown by name only: ...". */
export function namesWithoutAddress(names: readonly string[]): string | undefined {
  if (!names.length) return undefined;
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${count(names.length - 3, 'other')}` : '');
  return names.length === 1
    ? `${shown} is shown by name only: recipient addresses are not shown on this page, so this one is not matched.`
    : `${shown} are shown by name only: recipient addresses are not shown on this page, so these ${count(names.length, 'person', 'people')} are not matched.`;
}
