import { Router } from 'express';
import request from 'supertest';
import { routerApp } from './__testUtils__/routerApp';
import { UnprocessableError } from './errors';

describe('UnprocessableError', () => {
  it('becomes HTTP 422 through the standard Backstage error middleware', async () => {
    const router = Router().get('/x', () => {
      throw new UnprocessableError('requirements.yaml has duplicate keys');
    });
    const res = await request(routerApp(router)).get('/x');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      name: 'UnprocessableError',
      message: 'requirements.yaml has duplicate keys',
    });
  });
});
