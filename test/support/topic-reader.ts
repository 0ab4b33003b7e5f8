import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { runEnv } from './run-env';

export interface LoggedEvent {
  type: string;
  version: number;
  aggregateId: string;
  payload: Record<string, any>;
  /** The message's key and value as they travelled, to search for text that must not. */
  raw: string;
}

/** Reads one of the run's topics (e.g. `safeguarding.v1`) from the beginning while the test needs. */
export async function readTopic(
  topic: string,
): Promise<{ messages: LoggedEvent[]; stop: () => Promise<void> }> {
  const { kafkaBrokers, topicPrefix } = runEnv();
  const kafka = new Kafka({ brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({
    groupId: `${topicPrefix}topic-reader-${randomUUID()}`,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [`${topicPrefix}${topic}`], fromBeginning: true });
  const messages: LoggedEvent[] = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      const raw = `${message.key?.toString() ?? ''}\n${message.value?.toString() ?? ''}`;
      messages.push({ ...JSON.parse(message.value!.toString()), raw });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
