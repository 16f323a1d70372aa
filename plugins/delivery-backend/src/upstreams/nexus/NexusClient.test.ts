import { fixture, sendJson, startServer } from '../../__testUtils__/server';
import { NexusClient } from './NexusClient';

const page = JSON.parse(
  fixture(
    'nexus/service_rest_v1_search_docker_imageName_janus-idp_backstage-showcase_index.json',
  ),
);
const instance = (baseUrl: string) => ({
  name: 'default',
  baseUrl,
  repository: 'docker',
  username: 'nexus-reader',
  password: 'nexus-password',
  timeoutMs: 2000,
});

describe('NexusClient', () => {
  it('reads a real search page and follows continuationToken', async () => {
    const server = await startServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      if (!url.searchParams.get('continuationToken')) {
        sendJson(res, { ...page, continuationToken: 'page2' });
      } else {
        sendJson(res, {
          items: page.items.slice(0, 1),
          continuationToken: null,
        });
      }
    });
    try {
      const result = await NexusClient.create(
        instance(server.url),
      ).listImageTags('janus-idp/backstage-showcase');
      expect(result.incomplete).toBe(false);
      expect(result.images.map(i => i.tag)).toEqual([
        'sha-33dfe6b',
        'sha-de3dbf1',
        'latest',
        'sha-33dfe6b',
      ]);
      expect(result.images[0]).toMatchObject({
        repository: 'docker',
        digest:
          'sha256:58433b2aa31be8d65bca3eedc83cd49aed997deef39dded5f1c7be1a9227d25f',
        pushedAt: '2023-07-27T21:38:10.664+00:00',
      });
      const first = new URL(server.seen[0].url, server.url);
      expect(first.pathname).toBe('/service/rest/v1/search');
      expect(first.searchParams.get('repository')).toBe('docker');
      expect(first.searchParams.get('name')).toBe(
        'janus-idp/backstage-showcase',
      );
      expect(server.seen[0].headers.authorization).toMatch(/^Basic /);
    } finally {
      await server.close();
    }
  });

  it('stops on a repeated continuationToken and marks the result incomplete', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, { ...page, continuationToken: 'same' }),
    );
    try {
      const result = await NexusClient.create(
        instance(server.url),
      ).listImageTags('janus-idp/backstage-showcase');
      expect(result.incomplete).toBe(true);
      expect(result.note).toMatch(/repeated/);
      expect(server.seen).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('caps the number of pages', async () => {
    let n = 0;
    const server = await startServer((_req, res) =>
      sendJson(res, { items: [], continuationToken: `t${n++}` }),
    );
    try {
      const result = await NexusClient.create(instance(server.url), {
        maxPages: 3,
      }).listImageTags('x');
      expect(result).toMatchObject({ incomplete: true, images: [] });
      expect(server.seen).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('classifies a refused connection as unavailable', async () => {
    const server = await startServer(() => undefined);
    await server.close();
    await expect(
      NexusClient.create(instance(server.url)).listImageTags('x'),
    ).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
