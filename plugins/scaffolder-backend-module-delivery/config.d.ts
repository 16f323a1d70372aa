export interface Config {
  delivery?: {
    /** Settings of the delivery scaffolder actions. */
    scaffolder?: {
      /**
       * GitHub owners (organisations or users) under which the delivery actions may
       * create repositories. Anything else is rejected.
       */
      allowedOwners?: string[];
      /** Docker registry host for the generated Jenkinsfile; default: host of the first `delivery.nexus` baseUrl. */
      dockerRegistry?: string;
      /** ChartMuseum URL for the generated Jenkinsfile; default: first `delivery.chartMuseum` baseUrl. */
      chartRepositoryUrl?: string;
    };
  };
}
