// What the sidebar says when there is no customer to show.
import type { PageContext } from '../model/page';

const NOT_A_CUSTOMER: Record<PageContext['view'], string> = {
  list: 'This is a list of conversations or records. Open one to see its customer.',
  other: 'This page shows no customer.',
  thread: 'No email address was found in this conversation.',
  compose: 'Add a recipient to see who you are writing to.',
  record: 'This record shows no email address, company or known id.',
};

export const notACustomer = (view: PageContext['view']): string => NOT_A_CUSTOMER[view];
