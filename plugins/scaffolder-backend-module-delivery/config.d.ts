export interface Config {
  delivery?: {
    /** Settings of the delivery scaffolder actions. */
    scaffolder?: {
      /**
       * GitHub owners (organisations or users) under which the delivery actions may
       * create repositories. Anything else is rejected.
       */
      allowedOwners?: string[];
      /**
       * Docker registry host (`host[:port][/path]`, e.g. `127.0.0.1:7103`) written into the
       * generated Jenkinsfile, Makefile and chart values. The code Jenkins logs in there with
       * the Nexus credentials, so it only ever comes from here (never from template input).
       * Required by `delivery:code-repo:create` and `delivery:config:add-release`.
       */
      dockerRegistry?: string;
      /**
       * ChartMuseum URL (`http(s)://host[:port][/path]`, e.g. `http://127.0.0.1:7104`) charts
       * are pushed to and pinned from. The pipelines send the ChartMuseum credentials there,
       * so it only ever comes from here. Required by all three delivery actions.
       */
      chartRepositoryUrl?: string;
      /**
       * Timeout of each GitHub request in milliseconds (per attempt; reads are tried up to
       * 3 times). Default 15000.
       */
      githubTimeoutMs?: number;
    };
  };
}
