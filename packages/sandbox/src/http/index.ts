export {
  FaultRegistry,
  type Fault,
  type FaultKind,
  type FaultSpec,
} from './faults';
export {
  RequestCounter,
  type RequestCounts,
  type RequestCountsWithLog,
  type RequestLogEntry,
} from './requestCounter';
export { createUpstreamApp, type UpstreamInfra } from './upstreamApp';
export { listen, type ListeningServer } from './listen';
export { requireBasic, parseBasic, type BasicCredentials } from './auth';
export { jenkinsLoginPage } from './faultResponses';
