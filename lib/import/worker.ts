// The import worker's parse request, validated on arrival: it comes from our own page, but a worker trusts nothing
// it is handed. The worker entry is lib/service/importWorker.ts, which parses and then writes the file.
import { z } from 'zod';
import { ColumnMappingSchema, FileSettingsSchema } from '../model/mapping';

export const WorkerRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('parse'),
    file: z.instanceof(Blob),
    options: z.object({
      fileName: z.string(),
      format: z.string().optional(),
      mapping: ColumnMappingSchema.optional(),
      dateOrder: z.enum(['dmy', 'mdy']).optional(),
      decimal: z.enum([',', '.']).optional(),
      currency: z.string().regex(/^[A-Z]{3}$/).optional(),
      /** The answers remembered per layout of file (mappingKey → currency, decimal mark). */
      remembered: z.record(z.string(), FileSettingsSchema).optional(),
      accountIndex: z.record(z.string(), z.string()).optional(),
      /** The moment of the import, read by the page (lib never reads the clock). */
      now: z.date(),
    }),
  }),
  z.object({ type: z.literal('cancel') }),
]);
