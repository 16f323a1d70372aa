export { NexusState, type NexusComponent } from './state';
export { createNexusApp, NEXUS_PAGE_SIZE, type NexusAppOptions } from './app';
