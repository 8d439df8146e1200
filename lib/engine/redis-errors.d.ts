/** The one class the engine takes from redis-errors (ioredis's error classes), a CommonJS module. */
declare module 'redis-errors' {
  const errors: {
    RedisError: new (message?: string) => Error;
    ReplyError: new (message: string) => Error;
  };
  export default errors;
}
