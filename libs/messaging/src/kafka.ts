import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';

/** A kafkajs client whose own logs go through the service's logger at their level. */
export function createKafka(brokers: string, clientId: string): Kafka {
  const logger = new Logger(`kafka:${clientId}`);
  return new Kafka({
    clientId,
    brokers: brokers.split(',').map((b) => b.trim()),
    logLevel: logLevel.WARN,
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
