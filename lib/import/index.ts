// Public surface of the importer: what the options page, the import worker and the database layer use.
export type {
  ColumnMapping,
  DateOrder,
  FormatId,
  ImportBatch,
  ImportKind,
  ImportPreview,
  ParseOptions,
  ParseProgress,
  RejectedRow,
  TargetField,
} from './types';
export { feedOf, importRecordOf, ordersThroughOf, parseImportFile, rejectedRowsCsv } from './parse';
export { detectFormat, FORMATS, type DetectedFormat, type FormatSpec } from './formats';
export { TARGET_FIELDS, applyMapping, mappingKey, suggestMapping, type TargetFieldInfo } from './mapping';
export { mergeAccount, mergeContact } from './merge';
export { parseAmount, parseDate, AMBIGUOUS } from './values';
export { BackupFile, BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from './backup';
