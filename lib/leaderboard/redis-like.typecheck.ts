import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import type { EngineClient } from '../engine/index';
import type { RedisLike } from './redis-like';

/*
 * Compile-time proof (checked by `tsc --noEmit`, never run) that the engine
 * client, a single ioredis connection and an ioredis cluster all satisfy the
 * interface the designs are written against.
 */
declare const engine: EngineClient;
declare const single: Redis;
declare const cluster: Cluster;
export const fromEngine: RedisLike = engine;
export const fromRedis: RedisLike = single;
export const fromCluster: RedisLike = cluster;
