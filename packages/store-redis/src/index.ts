export { RedisStores, type RedisStoresOptions } from './RedisStores.js';
export { RedisTicketKeySource, type RedisTicketKeySourceOptions } from './RedisTicketKeySource.js';
export { RedisSessionCache, type RedisSessionCacheOptions } from './RedisSessionCache.js';
export { redisClient, type RedisClient, type RedisConnectionOptions } from './redisClient.js';
