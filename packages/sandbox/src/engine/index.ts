export { SandboxEngine, type EngineOptions } from './engine';
export type { SandboxEvent } from './events';
export { nextVersion } from './codeRun';
export type { EngineGeneration } from './runGeneration';
