/**
 * The reader's progress: a versioned, mergeable document kept in the browser. Pure
 * TypeScript; the React hook and the browser singleton live in components/progress.
 */
export * from './schema';
export * from './operations';
export { mergeProgress, importProgress, sameProgress } from './merge';
export { migrateLegacy, type LegacyValues, type LegacyMigration } from './migrate';
export { readProgress, readPracticeSummary, type ReadResult } from './validate';
export {
  PROGRESS_FILE_FORMAT,
  progressFileName,
  progressFileText,
  readProgressFile,
  type FileReadResult,
} from './file';
export {
  ProgressStore,
  SITE_KEY_PREFIX,
  UNREADABLE_PREFIX,
  type ImportOutcome,
  type KeyValueStorage,
  type StoreStatus,
} from './store';
export * from './summary';
