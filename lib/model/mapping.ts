import { z } from 'zod';

/** What one imported file holds (the kinds of ImportRecord a file can have). */
export const ImportKindSchema = z.enum(['contacts', 'companies', 'deals', 'orders', 'activities']);

/**
 * Which column (by its header in the file) feeds which field: what the user chose in the mapping step. It crosses two
 * boundaries, into the import worker (parse request) and into the background (saved for files with the same headers).
 */
export const ColumnMappingSchema = z.object({
  kind: ImportKindSchema,
  columns: z.record(z.string().min(1).max(40), z.union([z.string().max(500), z.array(z.string().max(500)).max(20)])),
});
export type ColumnMappingData = z.infer<typeof ColumnMappingSchema>;

/**
 * What the user answered about one layout of file (files with the same headers, mappingKey): the currency of amounts
 * that carry none, and the decimal mark of numbers like "1.000". Remembered next to the saved mapping and applied to
 * the next file with the same headers; the file's own evidence (a currency column, "1.234,50") still wins.
 */
export const FileSettingsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  decimal: z.enum([',', '.']).optional(),
});
export type FileSettings = z.infer<typeof FileSettingsSchema>;
