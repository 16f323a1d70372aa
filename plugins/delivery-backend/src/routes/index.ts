export { createRouter } from './router';
export type { RouterOptions } from './router';
