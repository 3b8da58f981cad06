import type { RegistryTables } from './tables/registry.ts';

/** Every table, one interface per capability so each lives beside its own migrations. */
export interface Database extends RegistryTables {}
