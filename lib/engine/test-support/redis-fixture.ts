import Redis from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServerHandle } from './redis-server';

/**
 * For a test file that compares the engine with Redis: starts a throwaway
 * redis-server before the file's tests and stops it after, with one ioredis
 * connection to it. Call at the top of a describe block.
 */
export function useRedisServer(): { readonly redis: Redis; readonly server: RedisServerHandle } {
  const handles = {} as { redis: Redis; server: RedisServerHandle };
  beforeAll(async () => {
    handles.server = await startRedisServer();
    handles.redis = new Redis({
      port: handles.server.port,
      host: '127.0.0.1',
      maxRetriesPerRequest: 0,
    });
    await handles.redis.ping();
  });
  afterAll(async () => {
    await handles.redis?.quit();
    await handles.server?.stop();
  });
  return handles;
}
