export * from './kafka';
export * from './topics';
export * from './event.factory';
export * from './outbox';
export * from './outbox.relay';
export * from './transactional-consumer';
export * from './metrics';
export * from './transient-error';
