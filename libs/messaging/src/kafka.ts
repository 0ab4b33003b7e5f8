import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { KafkaSecurity, kafkaSecurity } from '@intensify/runtime';
import { kafkaSecurityOptions } from './kafka-security';
import './kafkajs-idle-fix';

/**
 * A kafkajs client whose own logs go through the service's logger at their level. It connects
 * with the process's TLS and SASL settings unless given others.
 */
export function createKafka(
  brokers: string,
  clientId: string,
  security: KafkaSecurity = kafkaSecurity(),
): Kafka {
  const logger = new Logger(`kafka:${clientId}`);
  return new Kafka({
    clientId,
    brokers: brokers.split(',').map((b) => b.trim()),
    ...kafkaSecurityOptions(security),
    logLevel: logLevel.WARN,
    // kafkajs's 1 s is too short for a busy broker or one being elected leader: a service
    // would give up at start-up on a cluster that answers a moment later.
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 200, retries: 10 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        const line = `${message} ${JSON.stringify(extra)}`;
        // Services create missing topics at start-up and race each other; ensureTopics handles it.
        if (/CreateTopics/.test(message)) logger.debug(line);
        else if (level <= logLevel.ERROR) logger.error(line);
        else if (level === logLevel.WARN) logger.warn(line);
        else logger.debug(line);
      },
  });
}
