export { ClientServer, ListenError, maxPayloadLength } from './server';
export type { ClientServerOptions } from './server';
export { Dispatcher, EARLIEST_TIMESTAMP, LATEST_TIMESTAMP } from './dispatcher';
export type { BrokerContext, ClientConnection, PendingOperation, Reply } from './request-context';
export { peekCorrelationId, requestTypeLabel } from './frame-peek';
export { CLOSE_GOING_AWAY, CLOSE_POLICY_VIOLATION } from './session';
export { errorBodyFor } from './responses';
export type { ProducerIdentity } from './init-producer';
