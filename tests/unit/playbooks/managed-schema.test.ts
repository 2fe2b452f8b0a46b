import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNAL_KINDS, TeamPolicy } from '../../../lib/model/playbook';
import { parseTeamPolicy } from '../../../lib/playbooks/policy';

// Chrome's rules for storage.managed_schema (https://developer.chrome.com/docs/extensions/reference/manifest/storage):
// top-level type "object", no top-level additionalProperties, every schema has exactly one "type" or a "$ref".
// Keywords Chrome's policy schema knows: components/policy/core/common/json_schema_constants.cc in Chromium.
const CHROME_KEYWORDS = new Set([
  'additionalProperties', 'description', 'enum', 'id', 'items', 'maximum', 'minimum', 'pattern', 'patternProperties',
  'properties', '$ref', 'required', 'sensitiveValue', 'title', 'type',
]);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

type Schema = Record<string, unknown>;
const schema: Schema = JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8'));

function eachSchema(node: Schema, path: string, visit: (node: Schema, path: string) => void): void {
  visit(node, path);
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Schema>)) eachSchema(child, `${path}.${key}`, visit);
  if (node.items) eachSchema(node.items as Schema, `${path}[]`, visit);
}

describe('public/managed_schema.json', () => {
  it('is a valid Chrome managed-storage schema: type object at the top, no additionalProperties, one type each', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    eachSchema(schema, '$', (node, path) => {
      expect(TYPES.has(node.type as string) !== ('$ref' in node), path).toBe(true);
      for (const key of Object.keys(node)) expect(CHROME_KEYWORDS.has(key), `${path}: ${key}`).toBe(true);
    });
  });

  it('declares exactly the TeamPolicy keys, with the signal list of the model', () => {
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(TeamPolicy.shape).sort());
    const question = (schema.properties as Record<string, Schema>).customPlaybooks;
    const signals = ((question.items as Schema).properties as Record<string, Schema>).questions;
    const signalItems = (((signals.items as Schema).properties as Record<string, Schema>).signals.items as Schema).enum;
    expect(signalItems).toEqual([...SIGNAL_KINDS]);
  });

  it('a sample policy that matches the schema parses as a TeamPolicy', () => {
    const sample = {
      enabledPlaybooks: ['land-and-expand'],
      lockedPlaybooks: ['competitive-defense', 'reach-decision-makers'],
      disabledPlaybooks: ['new-contact-onboarding'],
      customPlaybooks: [
        {
          id: 'cocoa-season',
          name: 'Cocoa season',
          description: 'Forward-buying before the harvest.',
          enabled: true,
          questions: [{ id: 'cocoa-forward-buy', text: 'Shall we fix your {{product}} price for Q3 now?', signals: ['email-price'], priority: 4, tags: ['price'] }],
        },
      ],
    };
    expect(conformsTo(schema, sample)).toEqual([]);
    expect(TeamPolicy.safeParse(sample).success).toBe(true);
    expect(parseTeamPolicy(sample)).toEqual({ policy: TeamPolicy.parse(sample) });
  });
});

/** The few JSON-schema rules the file uses, enough to show that the sample matches it. */
function conformsTo(node: Schema, value: unknown, path = '$'): string[] {
  const type = node.type as string;
  const ok =
    (type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) ||
    (type === 'array' && Array.isArray(value)) ||
    (type === 'string' && typeof value === 'string') ||
    (type === 'integer' && Number.isInteger(value)) ||
    (type === 'boolean' && typeof value === 'boolean');
  if (!ok) return [`${path}: expected ${type}`];
  const problems: string[] = [];
  if (node.enum && !(node.enum as unknown[]).includes(value)) problems.push(`${path}: not in enum`);
  if (node.pattern && !new RegExp(node.pattern as string).test(value as string)) problems.push(`${path}: does not match pattern`);
  if (typeof node.minimum === 'number' && (value as number) < node.minimum) problems.push(`${path}: below minimum`);
  if (typeof node.maximum === 'number' && (value as number) > node.maximum) problems.push(`${path}: above maximum`);
  if (type === 'array') (value as unknown[]).forEach((item, i) => problems.push(...conformsTo(node.items as Schema, item, `${path}[${i}]`)));
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (node.required as string[] | undefined) ?? []) if (!(key in object)) problems.push(`${path}.${key}: required`);
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    for (const [key, child] of Object.entries(object)) {
      if (properties[key]) problems.push(...conformsTo(properties[key], child, `${path}.${key}`));
      else problems.push(`${path}.${key}: not declared`);
    }
  }
  return problems;
}
