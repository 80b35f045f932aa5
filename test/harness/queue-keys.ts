/** Deletes every Redis key of one queue prefix (SCAN + DEL), and returns how many. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
