// Apart from state.ts so that image.ts (which state.ts imports) needs no
// import of state.ts.

/** A docker image tag stored in Nexus. */
export interface NexusComponent {
  repository: string;
  /** Image name, e.g. `stakater/xposer`. */
  name: string;
  /** Tag, e.g. `v0.0.20`. */
  version: string;
  /** ISO time the tag was pushed. */
  created: string;
  uploader: string;
  fileSize: number;
  /**
   * The tag whose image this tag points at (a moving tag like `latest` names its release's
   * tag, so both have the same manifest and digest). Default: this tag's own image.
   */
  imageOf?: string;
  /** Labels of the image config (`org.opencontainers.image.*`); none by default. */
  labels?: Record<string, string>;
  /** When the image was built (config `created`); default `created`. */
  imageCreated?: string;
}
