import type { z } from 'zod';

// One line per problem in a playbook file or team policy, naming the place the way a person would find it:
// "playbooks[1].questions[2].signals[0]: unknown signal "price"; expected one of lapse-high, ...".

type Issue = z.core.$ZodIssue & { input?: unknown };

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Parse with `{ reportInput: true }` so that the message can quote the bad value. */
export function describeIssue(issue: Issue, prefix: readonly PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path];
  const where = pathText(path) || '(file)';
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => String(v));
    if (parent === 'signals' && typeof last === 'number') {
      return `${where}: unknown signal ${shown(issue.input)}; expected one of ${values.join(', ')}`;
    }
    if (last === 'version') return `${where}: version ${shown(issue.input)} is not supported; expected ${values.join(' or ')}`;
    return `${where}: expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, got ${shown(issue.input)}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}: missing (expected ${issue.expected})`;
  const got = issue.input !== undefined && typeof issue.input !== 'object' ? ` (got ${shown(issue.input)})` : '';
  return `${where}: ${issue.message}${got}`;
}
