// The backup file: the whole local database as one versioned JSON document. Restoring validates it
// completely first, so that a damaged or foreign file is refused with the place of the problem.
import { z } from 'zod';
import { Playbook } from '../model/playbook';
import { Account, AccountLink, Activity, Contact, ImportRecord, LinkDismissals, Order, Product, QuestionAsked, Touch } from '../model/records';
import { ColumnMappingSchema, FileSettingsSchema } from '../model/mapping';
import { CaptureSettings, Settings } from '../model/settings';

export const BACKUP_FORMAT = 'keep-account/backup';
/**
 * Version 2 adds `stores.links` (the user's links between accounts, #14); a version-1 backup is read as having none.
 * `stores.touches` (the remembered conversations, #16) is optional in version 2: a backup made before has none.
 * Version 3 adds `remembered`: what the user answered that is kept beside the data (meta store): the "Not the same
 * customer" answers, the column mappings saved per layout of headers and the currency and decimal mark answered for
 * them, the settings, the choices about remembering conversations and the playbooks' order. An older backup has no
 * `remembered`, and restoring it leaves what this computer remembers as it is.
 */
export const BACKUP_VERSION = 3;
/** The backup versions this extension reads (older ones are migrated on reading). */
export const BACKUP_VERSIONS = [1, 2, 3] as const;

/** A layout of headers (lib/import/mapping.ts mappingKey). */
const LayoutKey = z.string().min(1).max(200);
export const Remembered = z.object({
  linkDismissals: LinkDismissals,
  /** The settings (stale-data days), remembering conversations, and the playbooks' order; optional (added after v3 first shipped). */
  settings: Settings.optional(),
  capture: CaptureSettings.optional(),
  playbookOrder: z.array(z.string().min(1).max(200)).max(10_000).optional(),
  mappings: z.array(z.object({ layout: LayoutKey, mapping: ColumnMappingSchema })).max(10_000),
  fileSettings: z.array(z.object({ layout: LayoutKey, settings: FileSettingsSchema })).max(10_000),
});
export type Remembered = z.infer<typeof Remembered>;

const STORES = {
  accounts: z.array(Account),
  contacts: z.array(Contact),
  orders: z.array(Order),
  products: z.array(Product),
  activities: z.array(Activity),
  playbooks: z.array(Playbook),
  questionHistory: z.array(QuestionAsked),
  importHistory: z.array(ImportRecord),
};
const exportedAt = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date and time');

const STORES_V2 = z.object({ ...STORES, links: z.array(AccountLink), touches: z.array(Touch).default([]) });

const BackupFileV3 = z.object({ format: z.literal(BACKUP_FORMAT), version: z.literal(BACKUP_VERSION), exportedAt, stores: STORES_V2, remembered: Remembered });
/** A backup as restored: `remembered` is missing when it came from a version before 3. */
export type BackupFile = Omit<z.infer<typeof BackupFileV3>, 'remembered'> & { remembered?: Remembered };
export const BackupFile = BackupFileV3;

/** A version-2 backup, read as the current version: nothing remembered beside the data. */
const BackupFileV2 = z
  .object({ format: z.literal(BACKUP_FORMAT), version: z.literal(2), exportedAt, stores: STORES_V2 })
  .transform((v2): BackupFile => ({ ...v2, version: BACKUP_VERSION }));

/** A version-1 backup, migrated to the current version on reading: no links yet. */
const BackupFileV1 = z
  .object({ format: z.literal(BACKUP_FORMAT), version: z.literal(1), exportedAt, stores: z.object(STORES) })
  .transform((v1): BackupFile => ({ ...v1, version: BACKUP_VERSION, stores: { ...v1.stores, links: [], touches: [] } }));

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

export function parseBackup(text: string): { ok: true; backup: BackupFile } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, error: `This is not a backup file: it is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BACKUP_FORMAT) {
    return { ok: false, error: `This is not a Keep Account backup: "format" should be "${BACKUP_FORMAT}".` };
  }
  const newest = Math.max(...BACKUP_VERSIONS);
  if (typeof head.version === 'number' && head.version > newest) {
    return { ok: false, error: `This backup is version ${head.version}, made by a newer Keep Account; update the extension to restore it.` };
  }
  if (!(BACKUP_VERSIONS as readonly unknown[]).includes(head.version)) {
    const reads = `it reads backup version ${BACKUP_VERSIONS.slice(0, -1).join(', ')} or ${BACKUP_VERSIONS.at(-1)}. Nothing was restored.`;
    return {
      ok: false,
      error:
        head.version === undefined
          ? `This backup has no version number, so this version of Keep Account cannot read it: ${reads}`
          : `This backup is version ${JSON.stringify(head.version)}, which this version of Keep Account cannot read: ${reads}`,
    };
  }
  const parsed = head.version === 1 ? BackupFileV1.safeParse(json) : head.version === 2 ? BackupFileV2.safeParse(json) : BackupFileV3.safeParse(json);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issues = parsed.error.issues;
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return { ok: false, error: `The backup is damaged at ${pathText(first.path) || 'the top level'}: ${first.message}${more}. Nothing was restored.` };
}
