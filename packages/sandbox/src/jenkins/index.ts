export * from './model';
export { JenkinsState, type TriggerHandler } from './state';
export { createJenkinsApp, type JenkinsAppOptions } from './app';
export { parseTree } from './tree';
export { type BuildDiscarder, type RotationResult } from './logRotation';
