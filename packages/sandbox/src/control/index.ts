export { createControlApp, type ControlAppOptions } from './app';
