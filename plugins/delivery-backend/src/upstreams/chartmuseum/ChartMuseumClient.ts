import { z } from 'zod';
import type { ChartArtifact } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { ChartMuseumInstanceConfig } from '../../configTypes';
import { basicAuth, checkShape, getJson } from '../http';

const chartVersionSchema = z.object({
  name: z.string(),
  version: z.union([z.string(), z.number()]).transform(String),
  appVersion: z.union([z.string(), z.number()]).transform(String).optional(),
  created: z.string().optional(),
  digest: z.string().optional(),
  urls: z.array(z.string()).optional(),
});

/**
 * ChartMuseum client: `GET /api/charts/<name>` lists every version of a chart.
 */
export class ChartMuseumClient {
  private constructor(
    private readonly instance: ChartMuseumInstanceConfig,
    private readonly maxBytes: number,
  ) {}

  static create(
    instance: ChartMuseumInstanceConfig,
    options?: { maxBytes?: number },
  ): ChartMuseumClient {
    return new ChartMuseumClient(
      instance,
      options?.maxBytes ?? 5 * 1024 * 1024,
    );
  }

  async listChartVersions(chart: string): Promise<ChartArtifact[]> {
    const what = `ChartMuseum ${this.instance.name} chart ${chart}`;
    const url = new URL(
      `${this.instance.baseUrl}/api/charts/${encodeURIComponent(chart)}`,
    );
    const res = await getJson(url, {
      what,
      timeoutMs: this.instance.timeoutMs,
      maxBytes: this.maxBytes,
      headers: basicAuth(this.instance.username, this.instance.password),
    });
    const versions = checkShape(z.array(chartVersionSchema), res.body, what);
    return versions.map(v => ({
      name: v.name,
      version: v.version,
      appVersion: v.appVersion,
      createdAt: v.created,
      digest: v.digest,
      url: v.urls?.[0] ? this.absolute(v.urls[0]) : undefined,
    }));
  }

  private absolute(u: string): string | undefined {
    try {
      const url = new URL(u, `${this.instance.baseUrl}/`);
      return url.protocol === 'http:' || url.protocol === 'https:'
        ? url.toString()
        : undefined;
    } catch {
      return undefined;
    }
  }
}
