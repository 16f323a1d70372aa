/** Links and facts the pull request describes. All optional but versions. */
export interface PullRequestFacts {
  environment: string;
  release: string;
  entityRef: string;
  fromVersion?: string;
  toVersion: string;
  /** Files changed in the config repo. */
  files: string[];
  fromCommit?: { sha: string; url?: string };
  toCommit?: { sha: string; url?: string };
  build?: { number: number; url: string; result?: string | null };
  image?: { name: string; tag: string; url?: string };
  chart?: { name: string; version: string; url?: string };
  actor?: string;
}

const MARKER_RE =
  /<!-- delivery:promotion env=(\S+) release=(\S+) version=(\S+) -->/;

/** The hidden marker carried by the PR body and the commit message. */
export function promotionMarker(
  environment: string,
  release: string,
  version: string,
): string {
  return `<!-- delivery:promotion env=${environment} release=${release} version=${version} -->`;
}

/** Reads the marker back from a PR body or commit message. */
export function parsePromotionMarker(
  text: string | null | undefined,
): { environment: string; release: string; version: string } | undefined {
  const m = text ? MARKER_RE.exec(text) : null;
  if (!m) return undefined;
  return { environment: m[1], release: m[2], version: m[3] };
}

/** `Promote <release> <old> -> <new> to <env>`. */
export function pullRequestTitle(f: PullRequestFacts): string {
  return `Promote ${f.release} ${f.fromVersion ?? '(none)'} -> ${
    f.toVersion
  } to ${f.environment}`;
}

/** The commit message: title line, blank line, marker. */
export function commitMessage(f: PullRequestFacts): string {
  return `${pullRequestTitle(f)}\n\n${promotionMarker(
    f.environment,
    f.release,
    f.toVersion,
  )}\n`;
}

function link(text: string, url?: string): string {
  const safe = text.replace(/[[\]]/g, '');
  return url && /^https?:\/\//.test(url) ? `[${safe}](${url})` : `\`${safe}\``;
}

/** Derives a GitHub compare URL from two commit URLs of the same repo. */
export function compareUrl(
  fromUrl?: string,
  toSha?: string,
  fromSha?: string,
): string | undefined {
  if (!fromUrl || !toSha || !fromSha) return undefined;
  const m = /^(https?:\/\/.+)\/commit\/[0-9a-f]+$/i.exec(fromUrl);
  return m ? `${m[1]}/compare/${fromSha}...${toSha}` : undefined;
}

/** The PR body: what changes, the commit range, build/image/chart links, marker. */
export function pullRequestBody(f: PullRequestFacts): string {
  const lines: string[] = [];
  lines.push(
    `Promotes **${f.release}** in **${f.environment}** from \`${
      f.fromVersion ?? '(none)'
    }\` to \`${f.toVersion}\`.`,
    '',
    `- Entity: \`${f.entityRef}\``,
    `- Files: ${f.files.map(p => `\`${p}\``).join(', ')}`,
  );
  if (f.toCommit) {
    const range = compareUrl(
      f.toCommit.url ?? f.fromCommit?.url,
      f.toCommit.sha,
      f.fromCommit?.sha,
    );
    const from = f.fromCommit
      ? link(f.fromCommit.sha.slice(0, 7), f.fromCommit.url)
      : '(unknown)';
    const to = link(f.toCommit.sha.slice(0, 7), f.toCommit.url);
    lines.push(
      `- Commits: ${from} -> ${to}${
        range ? ` (${link('compare', range)})` : ''
      }`,
    );
  }
  if (f.build) {
    lines.push(
      `- Build: ${link(`#${f.build.number}`, f.build.url)}${
        f.build.result ? ` (${f.build.result})` : ''
      }`,
    );
  }
  if (f.image) {
    lines.push(
      `- Image: ${link(`${f.image.name}:${f.image.tag}`, f.image.url)}`,
    );
  }
  if (f.chart) {
    lines.push(
      `- Chart: ${link(`${f.chart.name} ${f.chart.version}`, f.chart.url)}`,
    );
  }
  if (f.actor) lines.push(`- Requested by: \`${f.actor}\``);
  lines.push(
    '',
    'Opened by the Backstage Delivery plugin. It is never merged automatically: merging deploys.',
    '',
    promotionMarker(f.environment, f.release, f.toVersion),
  );
  return lines.join('\n');
}
