import { EnvSpec, int, oneOf, str, url } from './env';

/** Variables every service reads: where the three servers are and how to name things on them. */
export interface CommonEnv {
  NODE_ENV: 'development' | 'test' | 'production';
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  DATABASE_URL: string;
  REDIS_URL: string;
  KAFKA_BROKERS: string;
  /** Separates environments sharing one broker; each test run uses its own. */
  KAFKA_TOPIC_PREFIX: string;
  /** Separates environments sharing one Redis. */
  REDIS_PREFIX: string;
  SHUTDOWN_GRACE_MS: number;
}

export const COMMON_ENV: EnvSpec<CommonEnv> = {
  NODE_ENV: oneOf(['development', 'test', 'production'] as const, 'development'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  DATABASE_URL: url('postgres://postgres@127.0.0.1:5432/intensify'),
  REDIS_URL: url('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: str('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: str('intensify.'),
  REDIS_PREFIX: str('intensify'),
  SHUTDOWN_GRACE_MS: int(10_000, 0, 120_000),
};
