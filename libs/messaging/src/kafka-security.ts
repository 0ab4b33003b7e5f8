import { KafkaConfig } from 'kafkajs';
// Types only: the test set-up loads this file without the @intensify/* path mapping.
import type { KafkaSecurity } from '@intensify/runtime';

/** kafkajs' `ssl` and `sasl` options for a security setting (`kafkaSecurity()`: the process's). */
export function kafkaSecurityOptions(security: KafkaSecurity): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const { tls, sasl } = security;
  return {
    // Node verifies the broker's certificate and name unless told otherwise; nothing here does.
    ...(tls && { ssl: Object.keys(tls).length ? { ...tls } : true }),
    ...(sasl && { sasl: { ...sasl } }),
  };
}
