export { EvidenceMarker, MissingLinkMarker } from './LinkEvidence';
export type {
  EvidenceMarkerProps,
  MissingLinkMarkerProps,
} from './LinkEvidence';
