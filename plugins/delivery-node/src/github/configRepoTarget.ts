/**
 * A GitHub App of a config repo's integration (`integrations.github[].apps[]`).
 * @public
 */
export interface ConfigRepoApp {
  /** The App's id (the JWT's `iss`). */
  appId: number | string;
  /** Its private key, PEM (`\\n` escapes allowed). */
  privateKey: string;
}

/**
 * Where a config repository lives and how to reach it.
 * @public
 */
export interface ConfigRepoTarget {
  /** Organisation or user. */
  owner: string;
  /** Repository name. */
  repo: string;
  /** The REST API root, e.g. `https://ghe.example.com/api/v3`. */
  apiBaseUrl: string;
  /** A static integration token. */
  token?: string;
  /**
   * Supplies a token per request when there is no static token: the
   * integration's credentials provider (GitHub App installation tokens
   * rotate, so they are never captured once).
   */
  getToken?: () => Promise<string | undefined>;
  /** The integration's GitHub Apps (to learn the `<slug>[bot]` login we act as). */
  apps?: readonly ConfigRepoApp[];
  /** Per-attempt timeout of every request. */
  timeoutMs: number;
}
