export { TopicManager } from './topic-manager';
export type { Topic, TopicManagerOptions } from './topic-manager';
export { validateCreateTopic, topicNameProblem, isTopicError, compareBytes, topicMetadataOf, MAX_TOPIC_NAME_LENGTH } from './topic-spec';
export type { TopicConfig, TopicError, TopicLimits, TopicSpec } from './topic-spec';
export { decodeTopicTable, encodeTopicTable, FIRST_PARTITION_GROUP_ID, TOPIC_TABLE_META_KEY } from './topic-table';
export type { TopicRecord, TopicTableState } from './topic-table';
