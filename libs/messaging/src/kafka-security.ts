import { KafkaConfig } from 'kafkajs';
import { KafkaSecurity, kafkaSecurity } from '@intensify/runtime';

/** kafkajs' `ssl` and `sasl` options for a security setting (by default, the process's). */
export function kafkaSecurityOptions(
  security: KafkaSecurity = kafkaSecurity(),
): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const { tls, sasl } = security;
  return {
    // Node verifies the broker's certificate and name unless told otherwise; nothing here does.
    ...(tls && { ssl: Object.keys(tls).length ? { ...tls } : true }),
    ...(sasl && { sasl: { ...sasl } }),
  };
}
