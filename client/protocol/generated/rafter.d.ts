import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace rafter {

    enum ErrorCode {
        NONE = 0,
        UNKNOWN = 1,
        INVALID_REQUEST = 2,
        FRAME_TOO_LARGE = 3,
        UNKNOWN_TOPIC = 4,
        UNKNOWN_PARTITION = 5,
        TOPIC_ALREADY_EXISTS = 6,
        INVALID_TOPIC = 7,
        OFFSET_OUT_OF_RANGE = 8,
        MESSAGE_TOO_LARGE = 9,
        CORRUPT_BATCH = 10,
        NOT_LEADER = 11,
        LEADER_NOT_AVAILABLE = 12,
        NOT_ENOUGH_REPLICAS = 13,
        REQUEST_TIMED_OUT = 14,
        BROKER_SHUTTING_DOWN = 15,
        DUPLICATE_SEQUENCE = 16,
        OUT_OF_ORDER_SEQUENCE = 17,
        STORAGE_ERROR = 18,
        NOT_CONTROLLER = 19,
        UNAUTHORIZED = 20,
        UNSUPPORTED = 21,
        PRODUCER_FENCED = 22,
        UNKNOWN_PRODUCER_ID = 23,
        INVALID_PRODUCER_EPOCH = 24
    }

    enum Acks {
        ACKS_ALL = 0,
        ACKS_LEADER = 1,
        ACKS_NONE = 2
    }

    enum Partitioning {
        HASH = 0,
        RANGE = 1
    }

    interface IFrame extends rafter.Frame.$Properties {
    }

    class Frame {
        constructor(properties?: rafter.Frame.$Properties);
        $unknowns?: Uint8Array[];
        correlationId: number;
        errorResponse?: (rafter.ErrorResponse.$Properties|null);
        metadataRequest?: (rafter.MetadataRequest.$Properties|null);
        metadataResponse?: (rafter.MetadataResponse.$Properties|null);
        createTopicRequest?: (rafter.CreateTopicRequest.$Properties|null);
        createTopicResponse?: (rafter.CreateTopicResponse.$Properties|null);
        listTopicsRequest?: (rafter.ListTopicsRequest.$Properties|null);
        listTopicsResponse?: (rafter.ListTopicsResponse.$Properties|null);
        describeTopicRequest?: (rafter.DescribeTopicRequest.$Properties|null);
        describeTopicResponse?: (rafter.DescribeTopicResponse.$Properties|null);
        produceRequest?: (rafter.ProduceRequest.$Properties|null);
        produceResponse?: (rafter.ProduceResponse.$Properties|null);
        fetchRequest?: (rafter.FetchRequest.$Properties|null);
        fetchResponse?: (rafter.FetchResponse.$Properties|null);
        listOffsetsRequest?: (rafter.ListOffsetsRequest.$Properties|null);
        listOffsetsResponse?: (rafter.ListOffsetsResponse.$Properties|null);
        initProducerIdRequest?: (rafter.InitProducerIdRequest.$Properties|null);
        initProducerIdResponse?: (rafter.InitProducerIdResponse.$Properties|null);
        body?: ("errorResponse"|"metadataRequest"|"metadataResponse"|"createTopicRequest"|"createTopicResponse"|"listTopicsRequest"|"listTopicsResponse"|"describeTopicRequest"|"describeTopicResponse"|"produceRequest"|"produceResponse"|"fetchRequest"|"fetchResponse"|"listOffsetsRequest"|"listOffsetsResponse"|"initProducerIdRequest"|"initProducerIdResponse");
        static create(properties: rafter.Frame.$Shape): rafter.Frame & rafter.Frame.$Shape;
        static create(properties?: rafter.Frame.$Properties): rafter.Frame;
        static encode(message: rafter.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.Frame & rafter.Frame.$Shape;
    }

    namespace Frame {
        interface $Properties {
            correlationId?: (number|null);
            errorResponse?: (rafter.ErrorResponse.$Properties|null);
            metadataRequest?: (rafter.MetadataRequest.$Properties|null);
            metadataResponse?: (rafter.MetadataResponse.$Properties|null);
            createTopicRequest?: (rafter.CreateTopicRequest.$Properties|null);
            createTopicResponse?: (rafter.CreateTopicResponse.$Properties|null);
            listTopicsRequest?: (rafter.ListTopicsRequest.$Properties|null);
            listTopicsResponse?: (rafter.ListTopicsResponse.$Properties|null);
            describeTopicRequest?: (rafter.DescribeTopicRequest.$Properties|null);
            describeTopicResponse?: (rafter.DescribeTopicResponse.$Properties|null);
            produceRequest?: (rafter.ProduceRequest.$Properties|null);
            produceResponse?: (rafter.ProduceResponse.$Properties|null);
            fetchRequest?: (rafter.FetchRequest.$Properties|null);
            fetchResponse?: (rafter.FetchResponse.$Properties|null);
            listOffsetsRequest?: (rafter.ListOffsetsRequest.$Properties|null);
            listOffsetsResponse?: (rafter.ListOffsetsResponse.$Properties|null);
            initProducerIdRequest?: (rafter.InitProducerIdRequest.$Properties|null);
            initProducerIdResponse?: (rafter.InitProducerIdResponse.$Properties|null);
            body?: ("errorResponse"|"metadataRequest"|"metadataResponse"|"createTopicRequest"|"createTopicResponse"|"listTopicsRequest"|"listTopicsResponse"|"describeTopicRequest"|"describeTopicResponse"|"produceRequest"|"produceResponse"|"fetchRequest"|"fetchResponse"|"listOffsetsRequest"|"listOffsetsResponse"|"initProducerIdRequest"|"initProducerIdResponse");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          correlationId?: number|null;
          errorResponse?: rafter.ErrorResponse.$Shape|null;
          metadataRequest?: rafter.MetadataRequest.$Shape|null;
          metadataResponse?: rafter.MetadataResponse.$Shape|null;
          createTopicRequest?: rafter.CreateTopicRequest.$Shape|null;
          createTopicResponse?: rafter.CreateTopicResponse.$Shape|null;
          listTopicsRequest?: rafter.ListTopicsRequest.$Shape|null;
          listTopicsResponse?: rafter.ListTopicsResponse.$Shape|null;
          describeTopicRequest?: rafter.DescribeTopicRequest.$Shape|null;
          describeTopicResponse?: rafter.DescribeTopicResponse.$Shape|null;
          produceRequest?: rafter.ProduceRequest.$Shape|null;
          produceResponse?: rafter.ProduceResponse.$Shape|null;
          fetchRequest?: rafter.FetchRequest.$Shape|null;
          fetchResponse?: rafter.FetchResponse.$Shape|null;
          listOffsetsRequest?: rafter.ListOffsetsRequest.$Shape|null;
          listOffsetsResponse?: rafter.ListOffsetsResponse.$Shape|null;
          initProducerIdRequest?: rafter.InitProducerIdRequest.$Shape|null;
          initProducerIdResponse?: rafter.InitProducerIdResponse.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "errorResponse"; errorResponse: rafter.ErrorResponse.$Shape; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "metadataRequest"; errorResponse?: null; metadataRequest: rafter.MetadataRequest.$Shape; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "metadataResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse: rafter.MetadataResponse.$Shape; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "createTopicRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest: rafter.CreateTopicRequest.$Shape; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "createTopicResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse: rafter.CreateTopicResponse.$Shape; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listTopicsRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest: rafter.ListTopicsRequest.$Shape; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listTopicsResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse: rafter.ListTopicsResponse.$Shape; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "describeTopicRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest: rafter.DescribeTopicRequest.$Shape; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "describeTopicResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse: rafter.DescribeTopicResponse.$Shape; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "produceRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest: rafter.ProduceRequest.$Shape; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "produceResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse: rafter.ProduceResponse.$Shape; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "fetchRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest: rafter.FetchRequest.$Shape; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "fetchResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse: rafter.FetchResponse.$Shape; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listOffsetsRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest: rafter.ListOffsetsRequest.$Shape; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listOffsetsResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse: rafter.ListOffsetsResponse.$Shape; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "initProducerIdRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest: rafter.InitProducerIdRequest.$Shape; initProducerIdResponse?: null }|{ body?: "initProducerIdResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse: rafter.InitProducerIdResponse.$Shape })
        );
    }

    interface IErrorResponse extends rafter.ErrorResponse.$Properties {
    }

    class ErrorResponse {
        constructor(properties?: rafter.ErrorResponse.$Properties);
        $unknowns?: Uint8Array[];
        error: rafter.ErrorCode;
        errorMessage: string;
        static create(properties: rafter.ErrorResponse.$Shape): rafter.ErrorResponse & rafter.ErrorResponse.$Shape;
        static create(properties?: rafter.ErrorResponse.$Properties): rafter.ErrorResponse;
        static encode(message: rafter.ErrorResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ErrorResponse & rafter.ErrorResponse.$Shape;
    }

    namespace ErrorResponse {
        interface $Properties {
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ErrorResponse.$Properties;
    }

    interface IBrokerInfo extends rafter.BrokerInfo.$Properties {
    }

    class BrokerInfo {
        constructor(properties?: rafter.BrokerInfo.$Properties);
        $unknowns?: Uint8Array[];
        id: number;
        host: string;
        port: number;
        rack: string;
        static create(properties: rafter.BrokerInfo.$Shape): rafter.BrokerInfo & rafter.BrokerInfo.$Shape;
        static create(properties?: rafter.BrokerInfo.$Properties): rafter.BrokerInfo;
        static encode(message: rafter.BrokerInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.BrokerInfo & rafter.BrokerInfo.$Shape;
    }

    namespace BrokerInfo {
        interface $Properties {
            id?: (number|null);
            host?: (string|null);
            port?: (number|null);
            rack?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.BrokerInfo.$Properties;
    }

    interface IPartitionMetadata extends rafter.PartitionMetadata.$Properties {
    }

    class PartitionMetadata {
        constructor(properties?: rafter.PartitionMetadata.$Properties);
        $unknowns?: Uint8Array[];
        partition: number;
        error: rafter.ErrorCode;
        leaderId: number;
        replicas: number[];
        inSyncReplicas: number[];
        leaderEpoch: number;
        static create(properties: rafter.PartitionMetadata.$Shape): rafter.PartitionMetadata & rafter.PartitionMetadata.$Shape;
        static create(properties?: rafter.PartitionMetadata.$Properties): rafter.PartitionMetadata;
        static encode(message: rafter.PartitionMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.PartitionMetadata & rafter.PartitionMetadata.$Shape;
    }

    namespace PartitionMetadata {
        interface $Properties {
            partition?: (number|null);
            error?: (rafter.ErrorCode|null);
            leaderId?: (number|null);
            replicas?: (number[]|null);
            inSyncReplicas?: (number[]|null);
            leaderEpoch?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.PartitionMetadata.$Properties;
    }

    interface ITopicConfig extends rafter.TopicConfig.$Properties {
    }

    class TopicConfig {
        constructor(properties?: rafter.TopicConfig.$Properties);
        $unknowns?: Uint8Array[];
        retentionMs: number;
        retentionBytes: number;
        maxMessageBytes: number;
        static create(properties: rafter.TopicConfig.$Shape): rafter.TopicConfig & rafter.TopicConfig.$Shape;
        static create(properties?: rafter.TopicConfig.$Properties): rafter.TopicConfig;
        static encode(message: rafter.TopicConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.TopicConfig & rafter.TopicConfig.$Shape;
    }

    namespace TopicConfig {
        interface $Properties {
            retentionMs?: (number|null);
            retentionBytes?: (number|null);
            maxMessageBytes?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.TopicConfig.$Properties;
    }

    interface ITopicMetadata extends rafter.TopicMetadata.$Properties {
    }

    class TopicMetadata {
        constructor(properties?: rafter.TopicMetadata.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        error: rafter.ErrorCode;
        partitioning: rafter.Partitioning;
        splitKeys: Uint8Array[];
        replicationFactor: number;
        partitions: rafter.PartitionMetadata.$Properties[];
        config?: (rafter.TopicConfig.$Properties|null);
        static create(properties: rafter.TopicMetadata.$Shape): rafter.TopicMetadata & rafter.TopicMetadata.$Shape;
        static create(properties?: rafter.TopicMetadata.$Properties): rafter.TopicMetadata;
        static encode(message: rafter.TopicMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.TopicMetadata & rafter.TopicMetadata.$Shape;
    }

    namespace TopicMetadata {
        interface $Properties {
            name?: (string|null);
            error?: (rafter.ErrorCode|null);
            partitioning?: (rafter.Partitioning|null);
            splitKeys?: (Uint8Array[]|null);
            replicationFactor?: (number|null);
            partitions?: (rafter.PartitionMetadata.$Properties[]|null);
            config?: (rafter.TopicConfig.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.TopicMetadata.$Properties;
    }

    interface IMetadataRequest extends rafter.MetadataRequest.$Properties {
    }

    class MetadataRequest {
        constructor(properties?: rafter.MetadataRequest.$Properties);
        $unknowns?: Uint8Array[];
        topics: string[];
        afterTopic: string;
        static create(properties: rafter.MetadataRequest.$Shape): rafter.MetadataRequest & rafter.MetadataRequest.$Shape;
        static create(properties?: rafter.MetadataRequest.$Properties): rafter.MetadataRequest;
        static encode(message: rafter.MetadataRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.MetadataRequest & rafter.MetadataRequest.$Shape;
    }

    namespace MetadataRequest {
        interface $Properties {
            topics?: (string[]|null);
            afterTopic?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.MetadataRequest.$Properties;
    }

    interface IMetadataResponse extends rafter.MetadataResponse.$Properties {
    }

    class MetadataResponse {
        constructor(properties?: rafter.MetadataResponse.$Properties);
        $unknowns?: Uint8Array[];
        brokers: rafter.BrokerInfo.$Properties[];
        controllerId: number;
        topics: rafter.TopicMetadata.$Properties[];
        clusterId: string;
        truncated: boolean;
        static create(properties: rafter.MetadataResponse.$Shape): rafter.MetadataResponse & rafter.MetadataResponse.$Shape;
        static create(properties?: rafter.MetadataResponse.$Properties): rafter.MetadataResponse;
        static encode(message: rafter.MetadataResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.MetadataResponse & rafter.MetadataResponse.$Shape;
    }

    namespace MetadataResponse {
        interface $Properties {
            brokers?: (rafter.BrokerInfo.$Properties[]|null);
            controllerId?: (number|null);
            topics?: (rafter.TopicMetadata.$Properties[]|null);
            clusterId?: (string|null);
            truncated?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.MetadataResponse.$Properties;
    }

    interface ICreateTopicRequest extends rafter.CreateTopicRequest.$Properties {
    }

    class CreateTopicRequest {
        constructor(properties?: rafter.CreateTopicRequest.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        partitions: number;
        replicationFactor: number;
        partitioning: rafter.Partitioning;
        splitKeys: Uint8Array[];
        config?: (rafter.TopicConfig.$Properties|null);
        static create(properties: rafter.CreateTopicRequest.$Shape): rafter.CreateTopicRequest & rafter.CreateTopicRequest.$Shape;
        static create(properties?: rafter.CreateTopicRequest.$Properties): rafter.CreateTopicRequest;
        static encode(message: rafter.CreateTopicRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.CreateTopicRequest & rafter.CreateTopicRequest.$Shape;
    }

    namespace CreateTopicRequest {
        interface $Properties {
            name?: (string|null);
            partitions?: (number|null);
            replicationFactor?: (number|null);
            partitioning?: (rafter.Partitioning|null);
            splitKeys?: (Uint8Array[]|null);
            config?: (rafter.TopicConfig.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.CreateTopicRequest.$Properties;
    }

    interface ICreateTopicResponse extends rafter.CreateTopicResponse.$Properties {
    }

    class CreateTopicResponse {
        constructor(properties?: rafter.CreateTopicResponse.$Properties);
        $unknowns?: Uint8Array[];
        error: rafter.ErrorCode;
        errorMessage: string;
        topic?: (rafter.TopicMetadata.$Properties|null);
        static create(properties: rafter.CreateTopicResponse.$Shape): rafter.CreateTopicResponse & rafter.CreateTopicResponse.$Shape;
        static create(properties?: rafter.CreateTopicResponse.$Properties): rafter.CreateTopicResponse;
        static encode(message: rafter.CreateTopicResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.CreateTopicResponse & rafter.CreateTopicResponse.$Shape;
    }

    namespace CreateTopicResponse {
        interface $Properties {
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            topic?: (rafter.TopicMetadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.CreateTopicResponse.$Properties;
    }

    interface IListTopicsRequest extends rafter.ListTopicsRequest.$Properties {
    }

    class ListTopicsRequest {
        constructor(properties?: rafter.ListTopicsRequest.$Properties);
        $unknowns?: Uint8Array[];
        afterTopic: string;
        static create(properties: rafter.ListTopicsRequest.$Shape): rafter.ListTopicsRequest & rafter.ListTopicsRequest.$Shape;
        static create(properties?: rafter.ListTopicsRequest.$Properties): rafter.ListTopicsRequest;
        static encode(message: rafter.ListTopicsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ListTopicsRequest & rafter.ListTopicsRequest.$Shape;
    }

    namespace ListTopicsRequest {
        interface $Properties {
            afterTopic?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ListTopicsRequest.$Properties;
    }

    interface IListTopicsResponse extends rafter.ListTopicsResponse.$Properties {
    }

    class ListTopicsResponse {
        constructor(properties?: rafter.ListTopicsResponse.$Properties);
        $unknowns?: Uint8Array[];
        topics: rafter.TopicMetadata.$Properties[];
        truncated: boolean;
        static create(properties: rafter.ListTopicsResponse.$Shape): rafter.ListTopicsResponse & rafter.ListTopicsResponse.$Shape;
        static create(properties?: rafter.ListTopicsResponse.$Properties): rafter.ListTopicsResponse;
        static encode(message: rafter.ListTopicsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ListTopicsResponse & rafter.ListTopicsResponse.$Shape;
    }

    namespace ListTopicsResponse {
        interface $Properties {
            topics?: (rafter.TopicMetadata.$Properties[]|null);
            truncated?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ListTopicsResponse.$Properties;
    }

    interface IDescribeTopicRequest extends rafter.DescribeTopicRequest.$Properties {
    }

    class DescribeTopicRequest {
        constructor(properties?: rafter.DescribeTopicRequest.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        static create(properties: rafter.DescribeTopicRequest.$Shape): rafter.DescribeTopicRequest & rafter.DescribeTopicRequest.$Shape;
        static create(properties?: rafter.DescribeTopicRequest.$Properties): rafter.DescribeTopicRequest;
        static encode(message: rafter.DescribeTopicRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.DescribeTopicRequest & rafter.DescribeTopicRequest.$Shape;
    }

    namespace DescribeTopicRequest {
        interface $Properties {
            name?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.DescribeTopicRequest.$Properties;
    }

    interface IPartitionState extends rafter.PartitionState.$Properties {
    }

    class PartitionState {
        constructor(properties?: rafter.PartitionState.$Properties);
        $unknowns?: Uint8Array[];
        partition: number;
        error: rafter.ErrorCode;
        logStartOffset: number;
        logEndOffset: number;
        highWatermark: number;
        sizeBytes: number;
        leaderId: number;
        static create(properties: rafter.PartitionState.$Shape): rafter.PartitionState & rafter.PartitionState.$Shape;
        static create(properties?: rafter.PartitionState.$Properties): rafter.PartitionState;
        static encode(message: rafter.PartitionState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.PartitionState & rafter.PartitionState.$Shape;
    }

    namespace PartitionState {
        interface $Properties {
            partition?: (number|null);
            error?: (rafter.ErrorCode|null);
            logStartOffset?: (number|null);
            logEndOffset?: (number|null);
            highWatermark?: (number|null);
            sizeBytes?: (number|null);
            leaderId?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.PartitionState.$Properties;
    }

    interface IDescribeTopicResponse extends rafter.DescribeTopicResponse.$Properties {
    }

    class DescribeTopicResponse {
        constructor(properties?: rafter.DescribeTopicResponse.$Properties);
        $unknowns?: Uint8Array[];
        error: rafter.ErrorCode;
        errorMessage: string;
        topic?: (rafter.TopicMetadata.$Properties|null);
        partitions: rafter.PartitionState.$Properties[];
        static create(properties: rafter.DescribeTopicResponse.$Shape): rafter.DescribeTopicResponse & rafter.DescribeTopicResponse.$Shape;
        static create(properties?: rafter.DescribeTopicResponse.$Properties): rafter.DescribeTopicResponse;
        static encode(message: rafter.DescribeTopicResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.DescribeTopicResponse & rafter.DescribeTopicResponse.$Shape;
    }

    namespace DescribeTopicResponse {
        interface $Properties {
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            topic?: (rafter.TopicMetadata.$Properties|null);
            partitions?: (rafter.PartitionState.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.DescribeTopicResponse.$Properties;
    }

    interface IProducePartition extends rafter.ProducePartition.$Properties {
    }

    class ProducePartition {
        constructor(properties?: rafter.ProducePartition.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        partition: number;
        batch: Uint8Array;
        static create(properties: rafter.ProducePartition.$Shape): rafter.ProducePartition & rafter.ProducePartition.$Shape;
        static create(properties?: rafter.ProducePartition.$Properties): rafter.ProducePartition;
        static encode(message: rafter.ProducePartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ProducePartition & rafter.ProducePartition.$Shape;
    }

    namespace ProducePartition {
        interface $Properties {
            topic?: (string|null);
            partition?: (number|null);
            batch?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ProducePartition.$Properties;
    }

    interface IProduceRequest extends rafter.ProduceRequest.$Properties {
    }

    class ProduceRequest {
        constructor(properties?: rafter.ProduceRequest.$Properties);
        $unknowns?: Uint8Array[];
        acks: rafter.Acks;
        timeoutMs: number;
        partitions: rafter.ProducePartition.$Properties[];
        producerToken: Uint8Array;
        static create(properties: rafter.ProduceRequest.$Shape): rafter.ProduceRequest & rafter.ProduceRequest.$Shape;
        static create(properties?: rafter.ProduceRequest.$Properties): rafter.ProduceRequest;
        static encode(message: rafter.ProduceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ProduceRequest & rafter.ProduceRequest.$Shape;
    }

    namespace ProduceRequest {
        interface $Properties {
            acks?: (rafter.Acks|null);
            timeoutMs?: (number|null);
            partitions?: (rafter.ProducePartition.$Properties[]|null);
            producerToken?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ProduceRequest.$Properties;
    }

    interface IProducePartitionResult extends rafter.ProducePartitionResult.$Properties {
    }

    class ProducePartitionResult {
        constructor(properties?: rafter.ProducePartitionResult.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        partition: number;
        error: rafter.ErrorCode;
        errorMessage: string;
        baseOffset: number;
        appendTimeMs: number;
        logStartOffset: number;
        leaderId: number;
        static create(properties: rafter.ProducePartitionResult.$Shape): rafter.ProducePartitionResult & rafter.ProducePartitionResult.$Shape;
        static create(properties?: rafter.ProducePartitionResult.$Properties): rafter.ProducePartitionResult;
        static encode(message: rafter.ProducePartitionResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ProducePartitionResult & rafter.ProducePartitionResult.$Shape;
    }

    namespace ProducePartitionResult {
        interface $Properties {
            topic?: (string|null);
            partition?: (number|null);
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            baseOffset?: (number|null);
            appendTimeMs?: (number|null);
            logStartOffset?: (number|null);
            leaderId?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ProducePartitionResult.$Properties;
    }

    interface IProduceResponse extends rafter.ProduceResponse.$Properties {
    }

    class ProduceResponse {
        constructor(properties?: rafter.ProduceResponse.$Properties);
        $unknowns?: Uint8Array[];
        partitions: rafter.ProducePartitionResult.$Properties[];
        static create(properties: rafter.ProduceResponse.$Shape): rafter.ProduceResponse & rafter.ProduceResponse.$Shape;
        static create(properties?: rafter.ProduceResponse.$Properties): rafter.ProduceResponse;
        static encode(message: rafter.ProduceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ProduceResponse & rafter.ProduceResponse.$Shape;
    }

    namespace ProduceResponse {
        interface $Properties {
            partitions?: (rafter.ProducePartitionResult.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ProduceResponse.$Properties;
    }

    interface IFetchPartition extends rafter.FetchPartition.$Properties {
    }

    class FetchPartition {
        constructor(properties?: rafter.FetchPartition.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        partition: number;
        offset: number;
        maxBytes: number;
        static create(properties: rafter.FetchPartition.$Shape): rafter.FetchPartition & rafter.FetchPartition.$Shape;
        static create(properties?: rafter.FetchPartition.$Properties): rafter.FetchPartition;
        static encode(message: rafter.FetchPartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.FetchPartition & rafter.FetchPartition.$Shape;
    }

    namespace FetchPartition {
        interface $Properties {
            topic?: (string|null);
            partition?: (number|null);
            offset?: (number|null);
            maxBytes?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.FetchPartition.$Properties;
    }

    interface IFetchRequest extends rafter.FetchRequest.$Properties {
    }

    class FetchRequest {
        constructor(properties?: rafter.FetchRequest.$Properties);
        $unknowns?: Uint8Array[];
        maxWaitMs: number;
        minBytes: number;
        maxBytes: number;
        partitions: rafter.FetchPartition.$Properties[];
        static create(properties: rafter.FetchRequest.$Shape): rafter.FetchRequest & rafter.FetchRequest.$Shape;
        static create(properties?: rafter.FetchRequest.$Properties): rafter.FetchRequest;
        static encode(message: rafter.FetchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.FetchRequest & rafter.FetchRequest.$Shape;
    }

    namespace FetchRequest {
        interface $Properties {
            maxWaitMs?: (number|null);
            minBytes?: (number|null);
            maxBytes?: (number|null);
            partitions?: (rafter.FetchPartition.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.FetchRequest.$Properties;
    }

    interface IFetchPartitionResult extends rafter.FetchPartitionResult.$Properties {
    }

    class FetchPartitionResult {
        constructor(properties?: rafter.FetchPartitionResult.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        partition: number;
        error: rafter.ErrorCode;
        errorMessage: string;
        highWatermark: number;
        logStartOffset: number;
        batches: Uint8Array[];
        leaderId: number;
        static create(properties: rafter.FetchPartitionResult.$Shape): rafter.FetchPartitionResult & rafter.FetchPartitionResult.$Shape;
        static create(properties?: rafter.FetchPartitionResult.$Properties): rafter.FetchPartitionResult;
        static encode(message: rafter.FetchPartitionResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.FetchPartitionResult & rafter.FetchPartitionResult.$Shape;
    }

    namespace FetchPartitionResult {
        interface $Properties {
            topic?: (string|null);
            partition?: (number|null);
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            highWatermark?: (number|null);
            logStartOffset?: (number|null);
            batches?: (Uint8Array[]|null);
            leaderId?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.FetchPartitionResult.$Properties;
    }

    interface IFetchResponse extends rafter.FetchResponse.$Properties {
    }

    class FetchResponse {
        constructor(properties?: rafter.FetchResponse.$Properties);
        $unknowns?: Uint8Array[];
        partitions: rafter.FetchPartitionResult.$Properties[];
        static create(properties: rafter.FetchResponse.$Shape): rafter.FetchResponse & rafter.FetchResponse.$Shape;
        static create(properties?: rafter.FetchResponse.$Properties): rafter.FetchResponse;
        static encode(message: rafter.FetchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.FetchResponse & rafter.FetchResponse.$Shape;
    }

    namespace FetchResponse {
        interface $Properties {
            partitions?: (rafter.FetchPartitionResult.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.FetchResponse.$Properties;
    }

    interface IListOffsetsPartition extends rafter.ListOffsetsPartition.$Properties {
    }

    class ListOffsetsPartition {
        constructor(properties?: rafter.ListOffsetsPartition.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        partition: number;
        timestampMs: number;
        static create(properties: rafter.ListOffsetsPartition.$Shape): rafter.ListOffsetsPartition & rafter.ListOffsetsPartition.$Shape;
        static create(properties?: rafter.ListOffsetsPartition.$Properties): rafter.ListOffsetsPartition;
        static encode(message: rafter.ListOffsetsPartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ListOffsetsPartition & rafter.ListOffsetsPartition.$Shape;
    }

    namespace ListOffsetsPartition {
        interface $Properties {
            topic?: (string|null);
            partition?: (number|null);
            timestampMs?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ListOffsetsPartition.$Properties;
    }

    interface IListOffsetsRequest extends rafter.ListOffsetsRequest.$Properties {
    }

    class ListOffsetsRequest {
        constructor(properties?: rafter.ListOffsetsRequest.$Properties);
        $unknowns?: Uint8Array[];
        partitions: rafter.ListOffsetsPartition.$Properties[];
        static create(properties: rafter.ListOffsetsRequest.$Shape): rafter.ListOffsetsRequest & rafter.ListOffsetsRequest.$Shape;
        static create(properties?: rafter.ListOffsetsRequest.$Properties): rafter.ListOffsetsRequest;
        static encode(message: rafter.ListOffsetsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ListOffsetsRequest & rafter.ListOffsetsRequest.$Shape;
    }

    namespace ListOffsetsRequest {
        interface $Properties {
            partitions?: (rafter.ListOffsetsPartition.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ListOffsetsRequest.$Properties;
    }

    interface IListOffsetsPartitionResult extends rafter.ListOffsetsPartitionResult.$Properties {
    }

    class ListOffsetsPartitionResult {
        constructor(properties?: rafter.ListOffsetsPartitionResult.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        partition: number;
        error: rafter.ErrorCode;
        errorMessage: string;
        offset: number;
        timestampMs: number;
        leaderId: number;
        static create(properties: rafter.ListOffsetsPartitionResult.$Shape): rafter.ListOffsetsPartitionResult & rafter.ListOffsetsPartitionResult.$Shape;
        static create(properties?: rafter.ListOffsetsPartitionResult.$Properties): rafter.ListOffsetsPartitionResult;
        static encode(message: rafter.ListOffsetsPartitionResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ListOffsetsPartitionResult & rafter.ListOffsetsPartitionResult.$Shape;
    }

    namespace ListOffsetsPartitionResult {
        interface $Properties {
            topic?: (string|null);
            partition?: (number|null);
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            offset?: (number|null);
            timestampMs?: (number|null);
            leaderId?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ListOffsetsPartitionResult.$Properties;
    }

    interface IListOffsetsResponse extends rafter.ListOffsetsResponse.$Properties {
    }

    class ListOffsetsResponse {
        constructor(properties?: rafter.ListOffsetsResponse.$Properties);
        $unknowns?: Uint8Array[];
        partitions: rafter.ListOffsetsPartitionResult.$Properties[];
        static create(properties: rafter.ListOffsetsResponse.$Shape): rafter.ListOffsetsResponse & rafter.ListOffsetsResponse.$Shape;
        static create(properties?: rafter.ListOffsetsResponse.$Properties): rafter.ListOffsetsResponse;
        static encode(message: rafter.ListOffsetsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.ListOffsetsResponse & rafter.ListOffsetsResponse.$Shape;
    }

    namespace ListOffsetsResponse {
        interface $Properties {
            partitions?: (rafter.ListOffsetsPartitionResult.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.ListOffsetsResponse.$Properties;
    }

    interface IInitProducerIdRequest extends rafter.InitProducerIdRequest.$Properties {
    }

    class InitProducerIdRequest {
        constructor(properties?: rafter.InitProducerIdRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: rafter.InitProducerIdRequest.$Shape): rafter.InitProducerIdRequest & rafter.InitProducerIdRequest.$Shape;
        static create(properties?: rafter.InitProducerIdRequest.$Properties): rafter.InitProducerIdRequest;
        static encode(message: rafter.InitProducerIdRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.InitProducerIdRequest & rafter.InitProducerIdRequest.$Shape;
    }

    namespace InitProducerIdRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.InitProducerIdRequest.$Properties;
    }

    interface IInitProducerIdResponse extends rafter.InitProducerIdResponse.$Properties {
    }

    class InitProducerIdResponse {
        constructor(properties?: rafter.InitProducerIdResponse.$Properties);
        $unknowns?: Uint8Array[];
        error: rafter.ErrorCode;
        errorMessage: string;
        producerId: number;
        producerEpoch: number;
        producerToken: Uint8Array;
        static create(properties: rafter.InitProducerIdResponse.$Shape): rafter.InitProducerIdResponse & rafter.InitProducerIdResponse.$Shape;
        static create(properties?: rafter.InitProducerIdResponse.$Properties): rafter.InitProducerIdResponse;
        static encode(message: rafter.InitProducerIdResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.InitProducerIdResponse & rafter.InitProducerIdResponse.$Shape;
    }

    namespace InitProducerIdResponse {
        interface $Properties {
            error?: (rafter.ErrorCode|null);
            errorMessage?: (string|null);
            producerId?: (number|null);
            producerEpoch?: (number|null);
            producerToken?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.InitProducerIdResponse.$Properties;
    }

    interface IRecordBatch extends rafter.RecordBatch.$Properties {
    }

    class RecordBatch {
        constructor(properties?: rafter.RecordBatch.$Properties);
        $unknowns?: Uint8Array[];
        baseOffset: number;
        appendTimeMs: number;
        crc: number;
        recordCount: number;
        producerId: number;
        producerEpoch: number;
        baseSequence: number;
        firstTimestampMs: number;
        maxTimestampMs: number;
        attributes: number;
        records: Uint8Array;
        static create(properties: rafter.RecordBatch.$Shape): rafter.RecordBatch & rafter.RecordBatch.$Shape;
        static create(properties?: rafter.RecordBatch.$Properties): rafter.RecordBatch;
        static encode(message: rafter.RecordBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.RecordBatch & rafter.RecordBatch.$Shape;
    }

    namespace RecordBatch {
        interface $Properties {
            baseOffset?: (number|null);
            appendTimeMs?: (number|null);
            crc?: (number|null);
            recordCount?: (number|null);
            producerId?: (number|null);
            producerEpoch?: (number|null);
            baseSequence?: (number|null);
            firstTimestampMs?: (number|null);
            maxTimestampMs?: (number|null);
            attributes?: (number|null);
            records?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.RecordBatch.$Properties;
    }

    interface IRecordSet extends rafter.RecordSet.$Properties {
    }

    class RecordSet {
        constructor(properties?: rafter.RecordSet.$Properties);
        $unknowns?: Uint8Array[];
        records: rafter.Record.$Properties[];
        static create(properties: rafter.RecordSet.$Shape): rafter.RecordSet & rafter.RecordSet.$Shape;
        static create(properties?: rafter.RecordSet.$Properties): rafter.RecordSet;
        static encode(message: rafter.RecordSet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.RecordSet & rafter.RecordSet.$Shape;
    }

    namespace RecordSet {
        interface $Properties {
            records?: (rafter.Record.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.RecordSet.$Properties;
    }

    interface IRecord extends rafter.Record.$Properties {
    }

    class Record {
        constructor(properties?: rafter.Record.$Properties);
        $unknowns?: Uint8Array[];
        timestampDeltaMs: number;
        offsetDelta: number;
        key?: (Uint8Array|null);
        value?: (Uint8Array|null);
        headers: rafter.RecordHeader.$Properties[];
        static create(properties: rafter.Record.$Shape): rafter.Record & rafter.Record.$Shape;
        static create(properties?: rafter.Record.$Properties): rafter.Record;
        static encode(message: rafter.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.Record & rafter.Record.$Shape;
    }

    namespace Record {
        interface $Properties {
            timestampDeltaMs?: (number|null);
            offsetDelta?: (number|null);
            key?: (Uint8Array|null);
            value?: (Uint8Array|null);
            headers?: (rafter.RecordHeader.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.Record.$Properties;
    }

    interface IRecordHeader extends rafter.RecordHeader.$Properties {
    }

    class RecordHeader {
        constructor(properties?: rafter.RecordHeader.$Properties);
        $unknowns?: Uint8Array[];
        key: string;
        value: Uint8Array;
        static create(properties: rafter.RecordHeader.$Shape): rafter.RecordHeader & rafter.RecordHeader.$Shape;
        static create(properties?: rafter.RecordHeader.$Properties): rafter.RecordHeader;
        static encode(message: rafter.RecordHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.RecordHeader & rafter.RecordHeader.$Shape;
    }

    namespace RecordHeader {
        interface $Properties {
            key?: (string|null);
            value?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = rafter.RecordHeader.$Properties;
    }
}
