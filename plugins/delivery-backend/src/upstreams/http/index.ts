export * from './UpstreamError';
export * from './retry';
export * from './readCapped';
export * from './getJson';
export * from './shape';
