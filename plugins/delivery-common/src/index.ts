/**
 * Types, permissions, annotation parsing and the typed API client shared by
 * the delivery frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './client';
export * from './diagnostics';
export * from './history';
export * from './permissions';
export * from './promotion';
export * from './signals';
export * from './version';
export * from './versionStrategy';
export * from './view';
