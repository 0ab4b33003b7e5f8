// The health controller's import until the shared health module replaces it; the consumer is
// read-models/read-models.consumer.ts.
export { ReadModelsConsumer as BoardConsumerService } from '../read-models/read-models.consumer';
