export {
  connect,
  dbConfigFromEnv,
  openOrCreateTrajectories,
  openTrajectories,
  IncompatibleSchemaError,
  TableNeedsUpgradeError,
} from './connection';
export type { DbConfig } from './connection';
export { ensureIndexes } from './indexes';
export { TABLE_NAME, trajectorySchema } from './schema';
export type { Step, TrajectoryRow } from './schema';
