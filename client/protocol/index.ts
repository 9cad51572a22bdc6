export * from './codec';
export * from './errors';
export * from './record-batch';
export { crc32 } from './crc32';
