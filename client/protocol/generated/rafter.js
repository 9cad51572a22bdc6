/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.rafter = (function() {

    /**
     * Namespace rafter.
     * @exports rafter
     * @namespace
     */
    var rafter = {};

    /**
     * ErrorCode enum.
     * @name rafter.ErrorCode
     * @enum {number}
     * @property {number} NONE=0 NONE value
     * @property {number} UNKNOWN=1 UNKNOWN value
     * @property {number} INVALID_REQUEST=2 INVALID_REQUEST value
     * @property {number} FRAME_TOO_LARGE=3 FRAME_TOO_LARGE value
     * @property {number} UNKNOWN_TOPIC=4 UNKNOWN_TOPIC value
     * @property {number} UNKNOWN_PARTITION=5 UNKNOWN_PARTITION value
     * @property {number} TOPIC_ALREADY_EXISTS=6 TOPIC_ALREADY_EXISTS value
     * @property {number} INVALID_TOPIC=7 INVALID_TOPIC value
     * @property {number} OFFSET_OUT_OF_RANGE=8 OFFSET_OUT_OF_RANGE value
     * @property {number} MESSAGE_TOO_LARGE=9 MESSAGE_TOO_LARGE value
     * @property {number} CORRUPT_BATCH=10 CORRUPT_BATCH value
     * @property {number} NOT_LEADER=11 NOT_LEADER value
     * @property {number} LEADER_NOT_AVAILABLE=12 LEADER_NOT_AVAILABLE value
     * @property {number} NOT_ENOUGH_REPLICAS=13 NOT_ENOUGH_REPLICAS value
     * @property {number} REQUEST_TIMED_OUT=14 REQUEST_TIMED_OUT value
     * @property {number} BROKER_SHUTTING_DOWN=15 BROKER_SHUTTING_DOWN value
     * @property {number} DUPLICATE_SEQUENCE=16 DUPLICATE_SEQUENCE value
     * @property {number} OUT_OF_ORDER_SEQUENCE=17 OUT_OF_ORDER_SEQUENCE value
     * @property {number} STORAGE_ERROR=18 STORAGE_ERROR value
     * @property {number} NOT_CONTROLLER=19 NOT_CONTROLLER value
     * @property {number} UNAUTHORIZED=20 UNAUTHORIZED value
     * @property {number} UNSUPPORTED=21 UNSUPPORTED value
     * @property {number} PRODUCER_FENCED=22 PRODUCER_FENCED value
     * @property {number} UNKNOWN_PRODUCER_ID=23 UNKNOWN_PRODUCER_ID value
     * @property {number} INVALID_PRODUCER_EPOCH=24 INVALID_PRODUCER_EPOCH value
     */
    rafter.ErrorCode = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "NONE"] = 0;
        values[valuesById[1] = "UNKNOWN"] = 1;
        values[valuesById[2] = "INVALID_REQUEST"] = 2;
        values[valuesById[3] = "FRAME_TOO_LARGE"] = 3;
        values[valuesById[4] = "UNKNOWN_TOPIC"] = 4;
        values[valuesById[5] = "UNKNOWN_PARTITION"] = 5;
        values[valuesById[6] = "TOPIC_ALREADY_EXISTS"] = 6;
        values[valuesById[7] = "INVALID_TOPIC"] = 7;
        values[valuesById[8] = "OFFSET_OUT_OF_RANGE"] = 8;
        values[valuesById[9] = "MESSAGE_TOO_LARGE"] = 9;
        values[valuesById[10] = "CORRUPT_BATCH"] = 10;
        values[valuesById[11] = "NOT_LEADER"] = 11;
        values[valuesById[12] = "LEADER_NOT_AVAILABLE"] = 12;
        values[valuesById[13] = "NOT_ENOUGH_REPLICAS"] = 13;
        values[valuesById[14] = "REQUEST_TIMED_OUT"] = 14;
        values[valuesById[15] = "BROKER_SHUTTING_DOWN"] = 15;
        values[valuesById[16] = "DUPLICATE_SEQUENCE"] = 16;
        values[valuesById[17] = "OUT_OF_ORDER_SEQUENCE"] = 17;
        values[valuesById[18] = "STORAGE_ERROR"] = 18;
        values[valuesById[19] = "NOT_CONTROLLER"] = 19;
        values[valuesById[20] = "UNAUTHORIZED"] = 20;
        values[valuesById[21] = "UNSUPPORTED"] = 21;
        values[valuesById[22] = "PRODUCER_FENCED"] = 22;
        values[valuesById[23] = "UNKNOWN_PRODUCER_ID"] = 23;
        values[valuesById[24] = "INVALID_PRODUCER_EPOCH"] = 24;
        return values;
    })();

    /**
     * Acks enum.
     * @name rafter.Acks
     * @enum {number}
     * @property {number} ACKS_ALL=0 ACKS_ALL value
     * @property {number} ACKS_LEADER=1 ACKS_LEADER value
     * @property {number} ACKS_NONE=2 ACKS_NONE value
     */
    rafter.Acks = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "ACKS_ALL"] = 0;
        values[valuesById[1] = "ACKS_LEADER"] = 1;
        values[valuesById[2] = "ACKS_NONE"] = 2;
        return values;
    })();

    /**
     * Partitioning enum.
     * @name rafter.Partitioning
     * @enum {number}
     * @property {number} HASH=0 HASH value
     * @property {number} RANGE=1 RANGE value
     */
    rafter.Partitioning = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "HASH"] = 0;
        values[valuesById[1] = "RANGE"] = 1;
        return values;
    })();

    rafter.Frame = (function() {

        /**
         * Properties of a Frame.
         * @typedef {Object} rafter.Frame.$Properties
         * @property {number|null} [correlationId] Frame correlationId
         * @property {rafter.ErrorResponse.$Properties|null} [errorResponse] Frame errorResponse
         * @property {rafter.MetadataRequest.$Properties|null} [metadataRequest] Frame metadataRequest
         * @property {rafter.MetadataResponse.$Properties|null} [metadataResponse] Frame metadataResponse
         * @property {rafter.CreateTopicRequest.$Properties|null} [createTopicRequest] Frame createTopicRequest
         * @property {rafter.CreateTopicResponse.$Properties|null} [createTopicResponse] Frame createTopicResponse
         * @property {rafter.ListTopicsRequest.$Properties|null} [listTopicsRequest] Frame listTopicsRequest
         * @property {rafter.ListTopicsResponse.$Properties|null} [listTopicsResponse] Frame listTopicsResponse
         * @property {rafter.DescribeTopicRequest.$Properties|null} [describeTopicRequest] Frame describeTopicRequest
         * @property {rafter.DescribeTopicResponse.$Properties|null} [describeTopicResponse] Frame describeTopicResponse
         * @property {rafter.ProduceRequest.$Properties|null} [produceRequest] Frame produceRequest
         * @property {rafter.ProduceResponse.$Properties|null} [produceResponse] Frame produceResponse
         * @property {rafter.FetchRequest.$Properties|null} [fetchRequest] Frame fetchRequest
         * @property {rafter.FetchResponse.$Properties|null} [fetchResponse] Frame fetchResponse
         * @property {rafter.ListOffsetsRequest.$Properties|null} [listOffsetsRequest] Frame listOffsetsRequest
         * @property {rafter.ListOffsetsResponse.$Properties|null} [listOffsetsResponse] Frame listOffsetsResponse
         * @property {rafter.InitProducerIdRequest.$Properties|null} [initProducerIdRequest] Frame initProducerIdRequest
         * @property {rafter.InitProducerIdResponse.$Properties|null} [initProducerIdResponse] Frame initProducerIdResponse
         * @property {"errorResponse"|"metadataRequest"|"metadataResponse"|"createTopicRequest"|"createTopicResponse"|"listTopicsRequest"|"listTopicsResponse"|"describeTopicRequest"|"describeTopicResponse"|"produceRequest"|"produceResponse"|"fetchRequest"|"fetchResponse"|"listOffsetsRequest"|"listOffsetsResponse"|"initProducerIdRequest"|"initProducerIdResponse"} [body] Frame body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Frame.
         * @memberof rafter
         * @interface IFrame
         * @augments rafter.Frame.$Properties
         * @deprecated Use rafter.Frame.$Properties instead.
         */

        /**
         * Narrowed shape of a Frame.
         * @typedef {{
         *   correlationId?: number|null;
         *   errorResponse?: rafter.ErrorResponse.$Shape|null;
         *   metadataRequest?: rafter.MetadataRequest.$Shape|null;
         *   metadataResponse?: rafter.MetadataResponse.$Shape|null;
         *   createTopicRequest?: rafter.CreateTopicRequest.$Shape|null;
         *   createTopicResponse?: rafter.CreateTopicResponse.$Shape|null;
         *   listTopicsRequest?: rafter.ListTopicsRequest.$Shape|null;
         *   listTopicsResponse?: rafter.ListTopicsResponse.$Shape|null;
         *   describeTopicRequest?: rafter.DescribeTopicRequest.$Shape|null;
         *   describeTopicResponse?: rafter.DescribeTopicResponse.$Shape|null;
         *   produceRequest?: rafter.ProduceRequest.$Shape|null;
         *   produceResponse?: rafter.ProduceResponse.$Shape|null;
         *   fetchRequest?: rafter.FetchRequest.$Shape|null;
         *   fetchResponse?: rafter.FetchResponse.$Shape|null;
         *   listOffsetsRequest?: rafter.ListOffsetsRequest.$Shape|null;
         *   listOffsetsResponse?: rafter.ListOffsetsResponse.$Shape|null;
         *   initProducerIdRequest?: rafter.InitProducerIdRequest.$Shape|null;
         *   initProducerIdResponse?: rafter.InitProducerIdResponse.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "errorResponse"; errorResponse: rafter.ErrorResponse.$Shape; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "metadataRequest"; errorResponse?: null; metadataRequest: rafter.MetadataRequest.$Shape; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "metadataResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse: rafter.MetadataResponse.$Shape; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "createTopicRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest: rafter.CreateTopicRequest.$Shape; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "createTopicResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse: rafter.CreateTopicResponse.$Shape; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listTopicsRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest: rafter.ListTopicsRequest.$Shape; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listTopicsResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse: rafter.ListTopicsResponse.$Shape; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "describeTopicRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest: rafter.DescribeTopicRequest.$Shape; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "describeTopicResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse: rafter.DescribeTopicResponse.$Shape; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "produceRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest: rafter.ProduceRequest.$Shape; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "produceResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse: rafter.ProduceResponse.$Shape; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "fetchRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest: rafter.FetchRequest.$Shape; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "fetchResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse: rafter.FetchResponse.$Shape; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listOffsetsRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest: rafter.ListOffsetsRequest.$Shape; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "listOffsetsResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse: rafter.ListOffsetsResponse.$Shape; initProducerIdRequest?: null; initProducerIdResponse?: null }|{ body?: "initProducerIdRequest"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest: rafter.InitProducerIdRequest.$Shape; initProducerIdResponse?: null }|{ body?: "initProducerIdResponse"; errorResponse?: null; metadataRequest?: null; metadataResponse?: null; createTopicRequest?: null; createTopicResponse?: null; listTopicsRequest?: null; listTopicsResponse?: null; describeTopicRequest?: null; describeTopicResponse?: null; produceRequest?: null; produceResponse?: null; fetchRequest?: null; fetchResponse?: null; listOffsetsRequest?: null; listOffsetsResponse?: null; initProducerIdRequest?: null; initProducerIdResponse: rafter.InitProducerIdResponse.$Shape })
         * )} rafter.Frame.$Shape
         */

        /**
         * Constructs a new Frame.
         * @memberof rafter
         * @classdesc Represents a Frame.
         * @constructor
         * @param {rafter.Frame.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var Frame = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Frame correlationId.
         * @member {number} correlationId
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.correlationId = 0;

        /**
         * Frame errorResponse.
         * @member {rafter.ErrorResponse.$Properties|null|undefined} errorResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.errorResponse = null;

        /**
         * Frame metadataRequest.
         * @member {rafter.MetadataRequest.$Properties|null|undefined} metadataRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.metadataRequest = null;

        /**
         * Frame metadataResponse.
         * @member {rafter.MetadataResponse.$Properties|null|undefined} metadataResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.metadataResponse = null;

        /**
         * Frame createTopicRequest.
         * @member {rafter.CreateTopicRequest.$Properties|null|undefined} createTopicRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.createTopicRequest = null;

        /**
         * Frame createTopicResponse.
         * @member {rafter.CreateTopicResponse.$Properties|null|undefined} createTopicResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.createTopicResponse = null;

        /**
         * Frame listTopicsRequest.
         * @member {rafter.ListTopicsRequest.$Properties|null|undefined} listTopicsRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.listTopicsRequest = null;

        /**
         * Frame listTopicsResponse.
         * @member {rafter.ListTopicsResponse.$Properties|null|undefined} listTopicsResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.listTopicsResponse = null;

        /**
         * Frame describeTopicRequest.
         * @member {rafter.DescribeTopicRequest.$Properties|null|undefined} describeTopicRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.describeTopicRequest = null;

        /**
         * Frame describeTopicResponse.
         * @member {rafter.DescribeTopicResponse.$Properties|null|undefined} describeTopicResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.describeTopicResponse = null;

        /**
         * Frame produceRequest.
         * @member {rafter.ProduceRequest.$Properties|null|undefined} produceRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.produceRequest = null;

        /**
         * Frame produceResponse.
         * @member {rafter.ProduceResponse.$Properties|null|undefined} produceResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.produceResponse = null;

        /**
         * Frame fetchRequest.
         * @member {rafter.FetchRequest.$Properties|null|undefined} fetchRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.fetchRequest = null;

        /**
         * Frame fetchResponse.
         * @member {rafter.FetchResponse.$Properties|null|undefined} fetchResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.fetchResponse = null;

        /**
         * Frame listOffsetsRequest.
         * @member {rafter.ListOffsetsRequest.$Properties|null|undefined} listOffsetsRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.listOffsetsRequest = null;

        /**
         * Frame listOffsetsResponse.
         * @member {rafter.ListOffsetsResponse.$Properties|null|undefined} listOffsetsResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.listOffsetsResponse = null;

        /**
         * Frame initProducerIdRequest.
         * @member {rafter.InitProducerIdRequest.$Properties|null|undefined} initProducerIdRequest
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.initProducerIdRequest = null;

        /**
         * Frame initProducerIdResponse.
         * @member {rafter.InitProducerIdResponse.$Properties|null|undefined} initProducerIdResponse
         * @memberof rafter.Frame
         * @instance
         */
        Frame.prototype.initProducerIdResponse = null;

        // OneOf field names bound to virtual getters and setters
        var $oneOfFields;

        /**
         * Frame body.
         * @member {"errorResponse"|"metadataRequest"|"metadataResponse"|"createTopicRequest"|"createTopicResponse"|"listTopicsRequest"|"listTopicsResponse"|"describeTopicRequest"|"describeTopicResponse"|"produceRequest"|"produceResponse"|"fetchRequest"|"fetchResponse"|"listOffsetsRequest"|"listOffsetsResponse"|"initProducerIdRequest"|"initProducerIdResponse"|undefined} body
         * @memberof rafter.Frame
         * @instance
         */
        $Object.defineProperty(Frame.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["errorResponse", "metadataRequest", "metadataResponse", "createTopicRequest", "createTopicResponse", "listTopicsRequest", "listTopicsResponse", "describeTopicRequest", "describeTopicResponse", "produceRequest", "produceResponse", "fetchRequest", "fetchResponse", "listOffsetsRequest", "listOffsetsResponse", "initProducerIdRequest", "initProducerIdResponse"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Frame instance using the specified properties.
         * @function create
         * @memberof rafter.Frame
         * @static
         * @param {rafter.Frame.$Properties=} [properties] Properties to set
         * @returns {rafter.Frame} Frame instance
         * @type {{
         *   (properties: rafter.Frame.$Shape): rafter.Frame & rafter.Frame.$Shape;
         *   (properties?: rafter.Frame.$Properties): rafter.Frame;
         * }}
         */
        Frame.create = function(properties) {
            return new Frame(properties);
        };

        /**
         * Encodes the specified Frame message. Does not implicitly {@link rafter.Frame.verify|verify} messages.
         * @function encode
         * @memberof rafter.Frame
         * @static
         * @param {rafter.Frame.$Properties} message Frame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Frame.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId") && message.correlationId !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.correlationId);
            if (message.errorResponse != null && $Object.hasOwnProperty.call(message, "errorResponse"))
                $root.rafter.ErrorResponse.encode(message.errorResponse, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.metadataRequest != null && $Object.hasOwnProperty.call(message, "metadataRequest"))
                $root.rafter.MetadataRequest.encode(message.metadataRequest, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.metadataResponse != null && $Object.hasOwnProperty.call(message, "metadataResponse"))
                $root.rafter.MetadataResponse.encode(message.metadataResponse, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.createTopicRequest != null && $Object.hasOwnProperty.call(message, "createTopicRequest"))
                $root.rafter.CreateTopicRequest.encode(message.createTopicRequest, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.createTopicResponse != null && $Object.hasOwnProperty.call(message, "createTopicResponse"))
                $root.rafter.CreateTopicResponse.encode(message.createTopicResponse, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.listTopicsRequest != null && $Object.hasOwnProperty.call(message, "listTopicsRequest"))
                $root.rafter.ListTopicsRequest.encode(message.listTopicsRequest, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
            if (message.listTopicsResponse != null && $Object.hasOwnProperty.call(message, "listTopicsResponse"))
                $root.rafter.ListTopicsResponse.encode(message.listTopicsResponse, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.describeTopicRequest != null && $Object.hasOwnProperty.call(message, "describeTopicRequest"))
                $root.rafter.DescribeTopicRequest.encode(message.describeTopicRequest, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
            if (message.describeTopicResponse != null && $Object.hasOwnProperty.call(message, "describeTopicResponse"))
                $root.rafter.DescribeTopicResponse.encode(message.describeTopicResponse, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
            if (message.produceRequest != null && $Object.hasOwnProperty.call(message, "produceRequest"))
                $root.rafter.ProduceRequest.encode(message.produceRequest, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
            if (message.produceResponse != null && $Object.hasOwnProperty.call(message, "produceResponse"))
                $root.rafter.ProduceResponse.encode(message.produceResponse, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
            if (message.fetchRequest != null && $Object.hasOwnProperty.call(message, "fetchRequest"))
                $root.rafter.FetchRequest.encode(message.fetchRequest, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
            if (message.fetchResponse != null && $Object.hasOwnProperty.call(message, "fetchResponse"))
                $root.rafter.FetchResponse.encode(message.fetchResponse, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
            if (message.listOffsetsRequest != null && $Object.hasOwnProperty.call(message, "listOffsetsRequest"))
                $root.rafter.ListOffsetsRequest.encode(message.listOffsetsRequest, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
            if (message.listOffsetsResponse != null && $Object.hasOwnProperty.call(message, "listOffsetsResponse"))
                $root.rafter.ListOffsetsResponse.encode(message.listOffsetsResponse, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
            if (message.initProducerIdRequest != null && $Object.hasOwnProperty.call(message, "initProducerIdRequest"))
                $root.rafter.InitProducerIdRequest.encode(message.initProducerIdRequest, writer.uint32(/* id 24, wireType 2 =*/194).fork(), _depth + 1).ldelim();
            if (message.initProducerIdResponse != null && $Object.hasOwnProperty.call(message, "initProducerIdResponse"))
                $root.rafter.InitProducerIdResponse.encode(message.initProducerIdResponse, writer.uint32(/* id 25, wireType 2 =*/202).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Frame message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.Frame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.Frame & rafter.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Frame.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.Frame();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.correlationId = value;
                        else
                            delete message.correlationId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.errorResponse = $root.rafter.ErrorResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.errorResponse);
                        message.body = "errorResponse";
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.metadataRequest = $root.rafter.MetadataRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.metadataRequest);
                        message.body = "metadataRequest";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.metadataResponse = $root.rafter.MetadataResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.metadataResponse);
                        message.body = "metadataResponse";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.createTopicRequest = $root.rafter.CreateTopicRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.createTopicRequest);
                        message.body = "createTopicRequest";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.createTopicResponse = $root.rafter.CreateTopicResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.createTopicResponse);
                        message.body = "createTopicResponse";
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        message.listTopicsRequest = $root.rafter.ListTopicsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.listTopicsRequest);
                        message.body = "listTopicsRequest";
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        message.listTopicsResponse = $root.rafter.ListTopicsResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.listTopicsResponse);
                        message.body = "listTopicsResponse";
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        message.describeTopicRequest = $root.rafter.DescribeTopicRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.describeTopicRequest);
                        message.body = "describeTopicRequest";
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        message.describeTopicResponse = $root.rafter.DescribeTopicResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.describeTopicResponse);
                        message.body = "describeTopicResponse";
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        message.produceRequest = $root.rafter.ProduceRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.produceRequest);
                        message.body = "produceRequest";
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        message.produceResponse = $root.rafter.ProduceResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.produceResponse);
                        message.body = "produceResponse";
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        message.fetchRequest = $root.rafter.FetchRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.fetchRequest);
                        message.body = "fetchRequest";
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        message.fetchResponse = $root.rafter.FetchResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.fetchResponse);
                        message.body = "fetchResponse";
                        continue;
                    }
                case 22: {
                        if (wireType !== 2)
                            break;
                        message.listOffsetsRequest = $root.rafter.ListOffsetsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.listOffsetsRequest);
                        message.body = "listOffsetsRequest";
                        continue;
                    }
                case 23: {
                        if (wireType !== 2)
                            break;
                        message.listOffsetsResponse = $root.rafter.ListOffsetsResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.listOffsetsResponse);
                        message.body = "listOffsetsResponse";
                        continue;
                    }
                case 24: {
                        if (wireType !== 2)
                            break;
                        message.initProducerIdRequest = $root.rafter.InitProducerIdRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.initProducerIdRequest);
                        message.body = "initProducerIdRequest";
                        continue;
                    }
                case 25: {
                        if (wireType !== 2)
                            break;
                        message.initProducerIdResponse = $root.rafter.InitProducerIdResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.initProducerIdResponse);
                        message.body = "initProducerIdResponse";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Frame;
    })();

    rafter.ErrorResponse = (function() {

        /**
         * Properties of an ErrorResponse.
         * @typedef {Object} rafter.ErrorResponse.$Properties
         * @property {rafter.ErrorCode|null} [error] ErrorResponse error
         * @property {string|null} [errorMessage] ErrorResponse errorMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ErrorResponse.
         * @memberof rafter
         * @interface IErrorResponse
         * @augments rafter.ErrorResponse.$Properties
         * @deprecated Use rafter.ErrorResponse.$Properties instead.
         */

        /**
         * Shape of an ErrorResponse.
         * @typedef {rafter.ErrorResponse.$Properties} rafter.ErrorResponse.$Shape
         */

        /**
         * Constructs a new ErrorResponse.
         * @memberof rafter
         * @classdesc Represents an ErrorResponse.
         * @constructor
         * @param {rafter.ErrorResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ErrorResponse = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ErrorResponse error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.ErrorResponse
         * @instance
         */
        ErrorResponse.prototype.error = 0;

        /**
         * ErrorResponse errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.ErrorResponse
         * @instance
         */
        ErrorResponse.prototype.errorMessage = "";

        /**
         * Creates a new ErrorResponse instance using the specified properties.
         * @function create
         * @memberof rafter.ErrorResponse
         * @static
         * @param {rafter.ErrorResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.ErrorResponse} ErrorResponse instance
         * @type {{
         *   (properties: rafter.ErrorResponse.$Shape): rafter.ErrorResponse & rafter.ErrorResponse.$Shape;
         *   (properties?: rafter.ErrorResponse.$Properties): rafter.ErrorResponse;
         * }}
         */
        ErrorResponse.create = function(properties) {
            return new ErrorResponse(properties);
        };

        /**
         * Encodes the specified ErrorResponse message. Does not implicitly {@link rafter.ErrorResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.ErrorResponse
         * @static
         * @param {rafter.ErrorResponse.$Properties} message ErrorResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ErrorResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.errorMessage);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ErrorResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ErrorResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ErrorResponse & rafter.ErrorResponse.$Shape} ErrorResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ErrorResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ErrorResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ErrorResponse;
    })();

    rafter.BrokerInfo = (function() {

        /**
         * Properties of a BrokerInfo.
         * @typedef {Object} rafter.BrokerInfo.$Properties
         * @property {number|null} [id] BrokerInfo id
         * @property {string|null} [host] BrokerInfo host
         * @property {number|null} [port] BrokerInfo port
         * @property {string|null} [rack] BrokerInfo rack
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BrokerInfo.
         * @memberof rafter
         * @interface IBrokerInfo
         * @augments rafter.BrokerInfo.$Properties
         * @deprecated Use rafter.BrokerInfo.$Properties instead.
         */

        /**
         * Shape of a BrokerInfo.
         * @typedef {rafter.BrokerInfo.$Properties} rafter.BrokerInfo.$Shape
         */

        /**
         * Constructs a new BrokerInfo.
         * @memberof rafter
         * @classdesc Represents a BrokerInfo.
         * @constructor
         * @param {rafter.BrokerInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var BrokerInfo = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BrokerInfo id.
         * @member {number} id
         * @memberof rafter.BrokerInfo
         * @instance
         */
        BrokerInfo.prototype.id = 0;

        /**
         * BrokerInfo host.
         * @member {string} host
         * @memberof rafter.BrokerInfo
         * @instance
         */
        BrokerInfo.prototype.host = "";

        /**
         * BrokerInfo port.
         * @member {number} port
         * @memberof rafter.BrokerInfo
         * @instance
         */
        BrokerInfo.prototype.port = 0;

        /**
         * BrokerInfo rack.
         * @member {string} rack
         * @memberof rafter.BrokerInfo
         * @instance
         */
        BrokerInfo.prototype.rack = "";

        /**
         * Creates a new BrokerInfo instance using the specified properties.
         * @function create
         * @memberof rafter.BrokerInfo
         * @static
         * @param {rafter.BrokerInfo.$Properties=} [properties] Properties to set
         * @returns {rafter.BrokerInfo} BrokerInfo instance
         * @type {{
         *   (properties: rafter.BrokerInfo.$Shape): rafter.BrokerInfo & rafter.BrokerInfo.$Shape;
         *   (properties?: rafter.BrokerInfo.$Properties): rafter.BrokerInfo;
         * }}
         */
        BrokerInfo.create = function(properties) {
            return new BrokerInfo(properties);
        };

        /**
         * Encodes the specified BrokerInfo message. Does not implicitly {@link rafter.BrokerInfo.verify|verify} messages.
         * @function encode
         * @memberof rafter.BrokerInfo
         * @static
         * @param {rafter.BrokerInfo.$Properties} message BrokerInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BrokerInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.id);
            if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.host);
            if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.port);
            if (message.rack != null && $Object.hasOwnProperty.call(message, "rack") && message.rack !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.rack);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BrokerInfo message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.BrokerInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.BrokerInfo & rafter.BrokerInfo.$Shape} BrokerInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BrokerInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.BrokerInfo();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.host = value;
                        else
                            delete message.host;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.port = value;
                        else
                            delete message.port;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.rack = value;
                        else
                            delete message.rack;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return BrokerInfo;
    })();

    rafter.PartitionMetadata = (function() {

        /**
         * Properties of a PartitionMetadata.
         * @typedef {Object} rafter.PartitionMetadata.$Properties
         * @property {number|null} [partition] PartitionMetadata partition
         * @property {rafter.ErrorCode|null} [error] PartitionMetadata error
         * @property {number|null} [leaderId] PartitionMetadata leaderId
         * @property {Array.<number>|null} [replicas] PartitionMetadata replicas
         * @property {Array.<number>|null} [inSyncReplicas] PartitionMetadata inSyncReplicas
         * @property {number|null} [leaderEpoch] PartitionMetadata leaderEpoch
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PartitionMetadata.
         * @memberof rafter
         * @interface IPartitionMetadata
         * @augments rafter.PartitionMetadata.$Properties
         * @deprecated Use rafter.PartitionMetadata.$Properties instead.
         */

        /**
         * Shape of a PartitionMetadata.
         * @typedef {rafter.PartitionMetadata.$Properties} rafter.PartitionMetadata.$Shape
         */

        /**
         * Constructs a new PartitionMetadata.
         * @memberof rafter
         * @classdesc Represents a PartitionMetadata.
         * @constructor
         * @param {rafter.PartitionMetadata.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var PartitionMetadata = function (properties) {
            this.replicas = [];
            this.inSyncReplicas = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PartitionMetadata partition.
         * @member {number} partition
         * @memberof rafter.PartitionMetadata
         * @instance
         */
        PartitionMetadata.prototype.partition = 0;

        /**
         * PartitionMetadata error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.PartitionMetadata
         * @instance
         */
        PartitionMetadata.prototype.error = 0;

        /**
         * PartitionMetadata leaderId.
         * @member {number} leaderId
         * @memberof rafter.PartitionMetadata
         * @instance
         */
        PartitionMetadata.prototype.leaderId = 0;

        /**
         * PartitionMetadata replicas.
         * @member {Array.<number>} replicas
         * @memberof rafter.PartitionMetadata
         * @instance
         */
        PartitionMetadata.prototype.replicas = $util.emptyArray;

        /**
         * PartitionMetadata inSyncReplicas.
         * @member {Array.<number>} inSyncReplicas
         * @memberof rafter.PartitionMetadata
         * @instance
         */
        PartitionMetadata.prototype.inSyncReplicas = $util.emptyArray;

        /**
         * PartitionMetadata leaderEpoch.
         * @member {number} leaderEpoch
         * @memberof rafter.PartitionMetadata
         * @instance
         */
        PartitionMetadata.prototype.leaderEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new PartitionMetadata instance using the specified properties.
         * @function create
         * @memberof rafter.PartitionMetadata
         * @static
         * @param {rafter.PartitionMetadata.$Properties=} [properties] Properties to set
         * @returns {rafter.PartitionMetadata} PartitionMetadata instance
         * @type {{
         *   (properties: rafter.PartitionMetadata.$Shape): rafter.PartitionMetadata & rafter.PartitionMetadata.$Shape;
         *   (properties?: rafter.PartitionMetadata.$Properties): rafter.PartitionMetadata;
         * }}
         */
        PartitionMetadata.create = function(properties) {
            return new PartitionMetadata(properties);
        };

        /**
         * Encodes the specified PartitionMetadata message. Does not implicitly {@link rafter.PartitionMetadata.verify|verify} messages.
         * @function encode
         * @memberof rafter.PartitionMetadata
         * @static
         * @param {rafter.PartitionMetadata.$Properties} message PartitionMetadata message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PartitionMetadata.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.partition);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.error);
            if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.leaderId);
            if (message.replicas != null && message.replicas.length)
                writer.uint32(/* id 4, wireType 2 =*/34).int32s(message.replicas);
            if (message.inSyncReplicas != null && message.inSyncReplicas.length)
                writer.uint32(/* id 5, wireType 2 =*/42).int32s(message.inSyncReplicas);
            if (message.leaderEpoch != null && $Object.hasOwnProperty.call(message, "leaderEpoch") && (typeof message.leaderEpoch === "object" ? message.leaderEpoch.low || message.leaderEpoch.high : message.leaderEpoch !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.leaderEpoch);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PartitionMetadata message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.PartitionMetadata
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.PartitionMetadata & rafter.PartitionMetadata.$Shape} PartitionMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PartitionMetadata.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.PartitionMetadata();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.leaderId = value;
                        else
                            delete message.leaderId;
                        continue;
                    }
                case 4: {
                        if (wireType === 2) {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            reader.int32s(message.replicas);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.replicas && message.replicas.length))
                            message.replicas = [];
                        message.replicas.push(reader.int32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.inSyncReplicas && message.inSyncReplicas.length))
                                message.inSyncReplicas = [];
                            reader.int32s(message.inSyncReplicas);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.inSyncReplicas && message.inSyncReplicas.length))
                            message.inSyncReplicas = [];
                        message.inSyncReplicas.push(reader.int32());
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.leaderEpoch = value;
                        else
                            delete message.leaderEpoch;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PartitionMetadata;
    })();

    rafter.TopicConfig = (function() {

        /**
         * Properties of a TopicConfig.
         * @typedef {Object} rafter.TopicConfig.$Properties
         * @property {number|null} [retentionMs] TopicConfig retentionMs
         * @property {number|null} [retentionBytes] TopicConfig retentionBytes
         * @property {number|null} [maxMessageBytes] TopicConfig maxMessageBytes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicConfig.
         * @memberof rafter
         * @interface ITopicConfig
         * @augments rafter.TopicConfig.$Properties
         * @deprecated Use rafter.TopicConfig.$Properties instead.
         */

        /**
         * Shape of a TopicConfig.
         * @typedef {rafter.TopicConfig.$Properties} rafter.TopicConfig.$Shape
         */

        /**
         * Constructs a new TopicConfig.
         * @memberof rafter
         * @classdesc Represents a TopicConfig.
         * @constructor
         * @param {rafter.TopicConfig.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var TopicConfig = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TopicConfig retentionMs.
         * @member {number} retentionMs
         * @memberof rafter.TopicConfig
         * @instance
         */
        TopicConfig.prototype.retentionMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * TopicConfig retentionBytes.
         * @member {number} retentionBytes
         * @memberof rafter.TopicConfig
         * @instance
         */
        TopicConfig.prototype.retentionBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * TopicConfig maxMessageBytes.
         * @member {number} maxMessageBytes
         * @memberof rafter.TopicConfig
         * @instance
         */
        TopicConfig.prototype.maxMessageBytes = 0;

        /**
         * Creates a new TopicConfig instance using the specified properties.
         * @function create
         * @memberof rafter.TopicConfig
         * @static
         * @param {rafter.TopicConfig.$Properties=} [properties] Properties to set
         * @returns {rafter.TopicConfig} TopicConfig instance
         * @type {{
         *   (properties: rafter.TopicConfig.$Shape): rafter.TopicConfig & rafter.TopicConfig.$Shape;
         *   (properties?: rafter.TopicConfig.$Properties): rafter.TopicConfig;
         * }}
         */
        TopicConfig.create = function(properties) {
            return new TopicConfig(properties);
        };

        /**
         * Encodes the specified TopicConfig message. Does not implicitly {@link rafter.TopicConfig.verify|verify} messages.
         * @function encode
         * @memberof rafter.TopicConfig
         * @static
         * @param {rafter.TopicConfig.$Properties} message TopicConfig message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicConfig.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.retentionMs != null && $Object.hasOwnProperty.call(message, "retentionMs") && (typeof message.retentionMs === "object" ? message.retentionMs.low || message.retentionMs.high : message.retentionMs !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.retentionMs);
            if (message.retentionBytes != null && $Object.hasOwnProperty.call(message, "retentionBytes") && (typeof message.retentionBytes === "object" ? message.retentionBytes.low || message.retentionBytes.high : message.retentionBytes !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.retentionBytes);
            if (message.maxMessageBytes != null && $Object.hasOwnProperty.call(message, "maxMessageBytes") && message.maxMessageBytes !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxMessageBytes);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TopicConfig message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.TopicConfig
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.TopicConfig & rafter.TopicConfig.$Shape} TopicConfig
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicConfig.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.TopicConfig();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.retentionMs = value;
                        else
                            delete message.retentionMs;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.retentionBytes = value;
                        else
                            delete message.retentionBytes;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxMessageBytes = value;
                        else
                            delete message.maxMessageBytes;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TopicConfig;
    })();

    rafter.TopicMetadata = (function() {

        /**
         * Properties of a TopicMetadata.
         * @typedef {Object} rafter.TopicMetadata.$Properties
         * @property {string|null} [name] TopicMetadata name
         * @property {rafter.ErrorCode|null} [error] TopicMetadata error
         * @property {rafter.Partitioning|null} [partitioning] TopicMetadata partitioning
         * @property {Array.<Uint8Array>|null} [splitKeys] TopicMetadata splitKeys
         * @property {number|null} [replicationFactor] TopicMetadata replicationFactor
         * @property {Array.<rafter.PartitionMetadata.$Properties>|null} [partitions] TopicMetadata partitions
         * @property {rafter.TopicConfig.$Properties|null} [config] TopicMetadata config
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicMetadata.
         * @memberof rafter
         * @interface ITopicMetadata
         * @augments rafter.TopicMetadata.$Properties
         * @deprecated Use rafter.TopicMetadata.$Properties instead.
         */

        /**
         * Shape of a TopicMetadata.
         * @typedef {rafter.TopicMetadata.$Properties} rafter.TopicMetadata.$Shape
         */

        /**
         * Constructs a new TopicMetadata.
         * @memberof rafter
         * @classdesc Represents a TopicMetadata.
         * @constructor
         * @param {rafter.TopicMetadata.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var TopicMetadata = function (properties) {
            this.splitKeys = [];
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TopicMetadata name.
         * @member {string} name
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.name = "";

        /**
         * TopicMetadata error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.error = 0;

        /**
         * TopicMetadata partitioning.
         * @member {rafter.Partitioning} partitioning
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.partitioning = 0;

        /**
         * TopicMetadata splitKeys.
         * @member {Array.<Uint8Array>} splitKeys
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.splitKeys = $util.emptyArray;

        /**
         * TopicMetadata replicationFactor.
         * @member {number} replicationFactor
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.replicationFactor = 0;

        /**
         * TopicMetadata partitions.
         * @member {Array.<rafter.PartitionMetadata.$Properties>} partitions
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.partitions = $util.emptyArray;

        /**
         * TopicMetadata config.
         * @member {rafter.TopicConfig.$Properties|null|undefined} config
         * @memberof rafter.TopicMetadata
         * @instance
         */
        TopicMetadata.prototype.config = null;

        /**
         * Creates a new TopicMetadata instance using the specified properties.
         * @function create
         * @memberof rafter.TopicMetadata
         * @static
         * @param {rafter.TopicMetadata.$Properties=} [properties] Properties to set
         * @returns {rafter.TopicMetadata} TopicMetadata instance
         * @type {{
         *   (properties: rafter.TopicMetadata.$Shape): rafter.TopicMetadata & rafter.TopicMetadata.$Shape;
         *   (properties?: rafter.TopicMetadata.$Properties): rafter.TopicMetadata;
         * }}
         */
        TopicMetadata.create = function(properties) {
            return new TopicMetadata(properties);
        };

        /**
         * Encodes the specified TopicMetadata message. Does not implicitly {@link rafter.TopicMetadata.verify|verify} messages.
         * @function encode
         * @memberof rafter.TopicMetadata
         * @static
         * @param {rafter.TopicMetadata.$Properties} message TopicMetadata message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicMetadata.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.error);
            if (message.partitioning != null && $Object.hasOwnProperty.call(message, "partitioning") && message.partitioning !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.partitioning);
            if (message.splitKeys != null && message.splitKeys.length)
                for (var i = 0; i < message.splitKeys.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.splitKeys[i]);
            if (message.replicationFactor != null && $Object.hasOwnProperty.call(message, "replicationFactor") && message.replicationFactor !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.replicationFactor);
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.PartitionMetadata.encode(message.partitions[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                $root.rafter.TopicConfig.encode(message.config, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TopicMetadata message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.TopicMetadata
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.TopicMetadata & rafter.TopicMetadata.$Shape} TopicMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicMetadata.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.TopicMetadata();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.partitioning = value;
                        else
                            delete message.partitioning;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.splitKeys && message.splitKeys.length))
                            message.splitKeys = [];
                        message.splitKeys.push(reader.bytes());
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.replicationFactor = value;
                        else
                            delete message.replicationFactor;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.PartitionMetadata.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.config = $root.rafter.TopicConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TopicMetadata;
    })();

    rafter.MetadataRequest = (function() {

        /**
         * Properties of a MetadataRequest.
         * @typedef {Object} rafter.MetadataRequest.$Properties
         * @property {Array.<string>|null} [topics] MetadataRequest topics
         * @property {string|null} [afterTopic] MetadataRequest afterTopic
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MetadataRequest.
         * @memberof rafter
         * @interface IMetadataRequest
         * @augments rafter.MetadataRequest.$Properties
         * @deprecated Use rafter.MetadataRequest.$Properties instead.
         */

        /**
         * Shape of a MetadataRequest.
         * @typedef {rafter.MetadataRequest.$Properties} rafter.MetadataRequest.$Shape
         */

        /**
         * Constructs a new MetadataRequest.
         * @memberof rafter
         * @classdesc Represents a MetadataRequest.
         * @constructor
         * @param {rafter.MetadataRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var MetadataRequest = function (properties) {
            this.topics = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MetadataRequest topics.
         * @member {Array.<string>} topics
         * @memberof rafter.MetadataRequest
         * @instance
         */
        MetadataRequest.prototype.topics = $util.emptyArray;

        /**
         * MetadataRequest afterTopic.
         * @member {string} afterTopic
         * @memberof rafter.MetadataRequest
         * @instance
         */
        MetadataRequest.prototype.afterTopic = "";

        /**
         * Creates a new MetadataRequest instance using the specified properties.
         * @function create
         * @memberof rafter.MetadataRequest
         * @static
         * @param {rafter.MetadataRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.MetadataRequest} MetadataRequest instance
         * @type {{
         *   (properties: rafter.MetadataRequest.$Shape): rafter.MetadataRequest & rafter.MetadataRequest.$Shape;
         *   (properties?: rafter.MetadataRequest.$Properties): rafter.MetadataRequest;
         * }}
         */
        MetadataRequest.create = function(properties) {
            return new MetadataRequest(properties);
        };

        /**
         * Encodes the specified MetadataRequest message. Does not implicitly {@link rafter.MetadataRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.MetadataRequest
         * @static
         * @param {rafter.MetadataRequest.$Properties} message MetadataRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MetadataRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topics != null && message.topics.length)
                for (var i = 0; i < message.topics.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.topics[i]);
            if (message.afterTopic != null && $Object.hasOwnProperty.call(message, "afterTopic") && message.afterTopic !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.afterTopic);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MetadataRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.MetadataRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.MetadataRequest & rafter.MetadataRequest.$Shape} MetadataRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MetadataRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.MetadataRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.topics && message.topics.length))
                            message.topics = [];
                        message.topics.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.afterTopic = value;
                        else
                            delete message.afterTopic;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return MetadataRequest;
    })();

    rafter.MetadataResponse = (function() {

        /**
         * Properties of a MetadataResponse.
         * @typedef {Object} rafter.MetadataResponse.$Properties
         * @property {Array.<rafter.BrokerInfo.$Properties>|null} [brokers] MetadataResponse brokers
         * @property {number|null} [controllerId] MetadataResponse controllerId
         * @property {Array.<rafter.TopicMetadata.$Properties>|null} [topics] MetadataResponse topics
         * @property {string|null} [clusterId] MetadataResponse clusterId
         * @property {boolean|null} [truncated] MetadataResponse truncated
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MetadataResponse.
         * @memberof rafter
         * @interface IMetadataResponse
         * @augments rafter.MetadataResponse.$Properties
         * @deprecated Use rafter.MetadataResponse.$Properties instead.
         */

        /**
         * Shape of a MetadataResponse.
         * @typedef {rafter.MetadataResponse.$Properties} rafter.MetadataResponse.$Shape
         */

        /**
         * Constructs a new MetadataResponse.
         * @memberof rafter
         * @classdesc Represents a MetadataResponse.
         * @constructor
         * @param {rafter.MetadataResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var MetadataResponse = function (properties) {
            this.brokers = [];
            this.topics = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MetadataResponse brokers.
         * @member {Array.<rafter.BrokerInfo.$Properties>} brokers
         * @memberof rafter.MetadataResponse
         * @instance
         */
        MetadataResponse.prototype.brokers = $util.emptyArray;

        /**
         * MetadataResponse controllerId.
         * @member {number} controllerId
         * @memberof rafter.MetadataResponse
         * @instance
         */
        MetadataResponse.prototype.controllerId = 0;

        /**
         * MetadataResponse topics.
         * @member {Array.<rafter.TopicMetadata.$Properties>} topics
         * @memberof rafter.MetadataResponse
         * @instance
         */
        MetadataResponse.prototype.topics = $util.emptyArray;

        /**
         * MetadataResponse clusterId.
         * @member {string} clusterId
         * @memberof rafter.MetadataResponse
         * @instance
         */
        MetadataResponse.prototype.clusterId = "";

        /**
         * MetadataResponse truncated.
         * @member {boolean} truncated
         * @memberof rafter.MetadataResponse
         * @instance
         */
        MetadataResponse.prototype.truncated = false;

        /**
         * Creates a new MetadataResponse instance using the specified properties.
         * @function create
         * @memberof rafter.MetadataResponse
         * @static
         * @param {rafter.MetadataResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.MetadataResponse} MetadataResponse instance
         * @type {{
         *   (properties: rafter.MetadataResponse.$Shape): rafter.MetadataResponse & rafter.MetadataResponse.$Shape;
         *   (properties?: rafter.MetadataResponse.$Properties): rafter.MetadataResponse;
         * }}
         */
        MetadataResponse.create = function(properties) {
            return new MetadataResponse(properties);
        };

        /**
         * Encodes the specified MetadataResponse message. Does not implicitly {@link rafter.MetadataResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.MetadataResponse
         * @static
         * @param {rafter.MetadataResponse.$Properties} message MetadataResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MetadataResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.brokers != null && message.brokers.length)
                for (var i = 0; i < message.brokers.length; ++i)
                    $root.rafter.BrokerInfo.encode(message.brokers[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.controllerId != null && $Object.hasOwnProperty.call(message, "controllerId") && message.controllerId !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.controllerId);
            if (message.topics != null && message.topics.length)
                for (var i = 0; i < message.topics.length; ++i)
                    $root.rafter.TopicMetadata.encode(message.topics[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && message.clusterId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.clusterId);
            if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated") && message.truncated !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.truncated);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MetadataResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.MetadataResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.MetadataResponse & rafter.MetadataResponse.$Shape} MetadataResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MetadataResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.MetadataResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.brokers && message.brokers.length))
                            message.brokers = [];
                        message.brokers.push($root.rafter.BrokerInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.controllerId = value;
                        else
                            delete message.controllerId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.topics && message.topics.length))
                            message.topics = [];
                        message.topics.push($root.rafter.TopicMetadata.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.clusterId = value;
                        else
                            delete message.clusterId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.truncated = value;
                        else
                            delete message.truncated;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return MetadataResponse;
    })();

    rafter.CreateTopicRequest = (function() {

        /**
         * Properties of a CreateTopicRequest.
         * @typedef {Object} rafter.CreateTopicRequest.$Properties
         * @property {string|null} [name] CreateTopicRequest name
         * @property {number|null} [partitions] CreateTopicRequest partitions
         * @property {number|null} [replicationFactor] CreateTopicRequest replicationFactor
         * @property {rafter.Partitioning|null} [partitioning] CreateTopicRequest partitioning
         * @property {Array.<Uint8Array>|null} [splitKeys] CreateTopicRequest splitKeys
         * @property {rafter.TopicConfig.$Properties|null} [config] CreateTopicRequest config
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CreateTopicRequest.
         * @memberof rafter
         * @interface ICreateTopicRequest
         * @augments rafter.CreateTopicRequest.$Properties
         * @deprecated Use rafter.CreateTopicRequest.$Properties instead.
         */

        /**
         * Shape of a CreateTopicRequest.
         * @typedef {rafter.CreateTopicRequest.$Properties} rafter.CreateTopicRequest.$Shape
         */

        /**
         * Constructs a new CreateTopicRequest.
         * @memberof rafter
         * @classdesc Represents a CreateTopicRequest.
         * @constructor
         * @param {rafter.CreateTopicRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var CreateTopicRequest = function (properties) {
            this.splitKeys = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CreateTopicRequest name.
         * @member {string} name
         * @memberof rafter.CreateTopicRequest
         * @instance
         */
        CreateTopicRequest.prototype.name = "";

        /**
         * CreateTopicRequest partitions.
         * @member {number} partitions
         * @memberof rafter.CreateTopicRequest
         * @instance
         */
        CreateTopicRequest.prototype.partitions = 0;

        /**
         * CreateTopicRequest replicationFactor.
         * @member {number} replicationFactor
         * @memberof rafter.CreateTopicRequest
         * @instance
         */
        CreateTopicRequest.prototype.replicationFactor = 0;

        /**
         * CreateTopicRequest partitioning.
         * @member {rafter.Partitioning} partitioning
         * @memberof rafter.CreateTopicRequest
         * @instance
         */
        CreateTopicRequest.prototype.partitioning = 0;

        /**
         * CreateTopicRequest splitKeys.
         * @member {Array.<Uint8Array>} splitKeys
         * @memberof rafter.CreateTopicRequest
         * @instance
         */
        CreateTopicRequest.prototype.splitKeys = $util.emptyArray;

        /**
         * CreateTopicRequest config.
         * @member {rafter.TopicConfig.$Properties|null|undefined} config
         * @memberof rafter.CreateTopicRequest
         * @instance
         */
        CreateTopicRequest.prototype.config = null;

        /**
         * Creates a new CreateTopicRequest instance using the specified properties.
         * @function create
         * @memberof rafter.CreateTopicRequest
         * @static
         * @param {rafter.CreateTopicRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.CreateTopicRequest} CreateTopicRequest instance
         * @type {{
         *   (properties: rafter.CreateTopicRequest.$Shape): rafter.CreateTopicRequest & rafter.CreateTopicRequest.$Shape;
         *   (properties?: rafter.CreateTopicRequest.$Properties): rafter.CreateTopicRequest;
         * }}
         */
        CreateTopicRequest.create = function(properties) {
            return new CreateTopicRequest(properties);
        };

        /**
         * Encodes the specified CreateTopicRequest message. Does not implicitly {@link rafter.CreateTopicRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.CreateTopicRequest
         * @static
         * @param {rafter.CreateTopicRequest.$Properties} message CreateTopicRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CreateTopicRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.partitions != null && $Object.hasOwnProperty.call(message, "partitions") && message.partitions !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partitions);
            if (message.replicationFactor != null && $Object.hasOwnProperty.call(message, "replicationFactor") && message.replicationFactor !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.replicationFactor);
            if (message.partitioning != null && $Object.hasOwnProperty.call(message, "partitioning") && message.partitioning !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).int32(message.partitioning);
            if (message.splitKeys != null && message.splitKeys.length)
                for (var i = 0; i < message.splitKeys.length; ++i)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.splitKeys[i]);
            if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                $root.rafter.TopicConfig.encode(message.config, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CreateTopicRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.CreateTopicRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.CreateTopicRequest & rafter.CreateTopicRequest.$Shape} CreateTopicRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CreateTopicRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.CreateTopicRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partitions = value;
                        else
                            delete message.partitions;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.replicationFactor = value;
                        else
                            delete message.replicationFactor;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.partitioning = value;
                        else
                            delete message.partitioning;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.splitKeys && message.splitKeys.length))
                            message.splitKeys = [];
                        message.splitKeys.push(reader.bytes());
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.config = $root.rafter.TopicConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CreateTopicRequest;
    })();

    rafter.CreateTopicResponse = (function() {

        /**
         * Properties of a CreateTopicResponse.
         * @typedef {Object} rafter.CreateTopicResponse.$Properties
         * @property {rafter.ErrorCode|null} [error] CreateTopicResponse error
         * @property {string|null} [errorMessage] CreateTopicResponse errorMessage
         * @property {rafter.TopicMetadata.$Properties|null} [topic] CreateTopicResponse topic
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CreateTopicResponse.
         * @memberof rafter
         * @interface ICreateTopicResponse
         * @augments rafter.CreateTopicResponse.$Properties
         * @deprecated Use rafter.CreateTopicResponse.$Properties instead.
         */

        /**
         * Shape of a CreateTopicResponse.
         * @typedef {rafter.CreateTopicResponse.$Properties} rafter.CreateTopicResponse.$Shape
         */

        /**
         * Constructs a new CreateTopicResponse.
         * @memberof rafter
         * @classdesc Represents a CreateTopicResponse.
         * @constructor
         * @param {rafter.CreateTopicResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var CreateTopicResponse = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CreateTopicResponse error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.CreateTopicResponse
         * @instance
         */
        CreateTopicResponse.prototype.error = 0;

        /**
         * CreateTopicResponse errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.CreateTopicResponse
         * @instance
         */
        CreateTopicResponse.prototype.errorMessage = "";

        /**
         * CreateTopicResponse topic.
         * @member {rafter.TopicMetadata.$Properties|null|undefined} topic
         * @memberof rafter.CreateTopicResponse
         * @instance
         */
        CreateTopicResponse.prototype.topic = null;

        /**
         * Creates a new CreateTopicResponse instance using the specified properties.
         * @function create
         * @memberof rafter.CreateTopicResponse
         * @static
         * @param {rafter.CreateTopicResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.CreateTopicResponse} CreateTopicResponse instance
         * @type {{
         *   (properties: rafter.CreateTopicResponse.$Shape): rafter.CreateTopicResponse & rafter.CreateTopicResponse.$Shape;
         *   (properties?: rafter.CreateTopicResponse.$Properties): rafter.CreateTopicResponse;
         * }}
         */
        CreateTopicResponse.create = function(properties) {
            return new CreateTopicResponse(properties);
        };

        /**
         * Encodes the specified CreateTopicResponse message. Does not implicitly {@link rafter.CreateTopicResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.CreateTopicResponse
         * @static
         * @param {rafter.CreateTopicResponse.$Properties} message CreateTopicResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CreateTopicResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.errorMessage);
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                $root.rafter.TopicMetadata.encode(message.topic, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CreateTopicResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.CreateTopicResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.CreateTopicResponse & rafter.CreateTopicResponse.$Shape} CreateTopicResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CreateTopicResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.CreateTopicResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.topic = $root.rafter.TopicMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.topic);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CreateTopicResponse;
    })();

    rafter.ListTopicsRequest = (function() {

        /**
         * Properties of a ListTopicsRequest.
         * @typedef {Object} rafter.ListTopicsRequest.$Properties
         * @property {string|null} [afterTopic] ListTopicsRequest afterTopic
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListTopicsRequest.
         * @memberof rafter
         * @interface IListTopicsRequest
         * @augments rafter.ListTopicsRequest.$Properties
         * @deprecated Use rafter.ListTopicsRequest.$Properties instead.
         */

        /**
         * Shape of a ListTopicsRequest.
         * @typedef {rafter.ListTopicsRequest.$Properties} rafter.ListTopicsRequest.$Shape
         */

        /**
         * Constructs a new ListTopicsRequest.
         * @memberof rafter
         * @classdesc Represents a ListTopicsRequest.
         * @constructor
         * @param {rafter.ListTopicsRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ListTopicsRequest = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListTopicsRequest afterTopic.
         * @member {string} afterTopic
         * @memberof rafter.ListTopicsRequest
         * @instance
         */
        ListTopicsRequest.prototype.afterTopic = "";

        /**
         * Creates a new ListTopicsRequest instance using the specified properties.
         * @function create
         * @memberof rafter.ListTopicsRequest
         * @static
         * @param {rafter.ListTopicsRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.ListTopicsRequest} ListTopicsRequest instance
         * @type {{
         *   (properties: rafter.ListTopicsRequest.$Shape): rafter.ListTopicsRequest & rafter.ListTopicsRequest.$Shape;
         *   (properties?: rafter.ListTopicsRequest.$Properties): rafter.ListTopicsRequest;
         * }}
         */
        ListTopicsRequest.create = function(properties) {
            return new ListTopicsRequest(properties);
        };

        /**
         * Encodes the specified ListTopicsRequest message. Does not implicitly {@link rafter.ListTopicsRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.ListTopicsRequest
         * @static
         * @param {rafter.ListTopicsRequest.$Properties} message ListTopicsRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListTopicsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.afterTopic != null && $Object.hasOwnProperty.call(message, "afterTopic") && message.afterTopic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.afterTopic);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListTopicsRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ListTopicsRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ListTopicsRequest & rafter.ListTopicsRequest.$Shape} ListTopicsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListTopicsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ListTopicsRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.afterTopic = value;
                        else
                            delete message.afterTopic;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListTopicsRequest;
    })();

    rafter.ListTopicsResponse = (function() {

        /**
         * Properties of a ListTopicsResponse.
         * @typedef {Object} rafter.ListTopicsResponse.$Properties
         * @property {Array.<rafter.TopicMetadata.$Properties>|null} [topics] ListTopicsResponse topics
         * @property {boolean|null} [truncated] ListTopicsResponse truncated
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListTopicsResponse.
         * @memberof rafter
         * @interface IListTopicsResponse
         * @augments rafter.ListTopicsResponse.$Properties
         * @deprecated Use rafter.ListTopicsResponse.$Properties instead.
         */

        /**
         * Shape of a ListTopicsResponse.
         * @typedef {rafter.ListTopicsResponse.$Properties} rafter.ListTopicsResponse.$Shape
         */

        /**
         * Constructs a new ListTopicsResponse.
         * @memberof rafter
         * @classdesc Represents a ListTopicsResponse.
         * @constructor
         * @param {rafter.ListTopicsResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ListTopicsResponse = function (properties) {
            this.topics = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListTopicsResponse topics.
         * @member {Array.<rafter.TopicMetadata.$Properties>} topics
         * @memberof rafter.ListTopicsResponse
         * @instance
         */
        ListTopicsResponse.prototype.topics = $util.emptyArray;

        /**
         * ListTopicsResponse truncated.
         * @member {boolean} truncated
         * @memberof rafter.ListTopicsResponse
         * @instance
         */
        ListTopicsResponse.prototype.truncated = false;

        /**
         * Creates a new ListTopicsResponse instance using the specified properties.
         * @function create
         * @memberof rafter.ListTopicsResponse
         * @static
         * @param {rafter.ListTopicsResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.ListTopicsResponse} ListTopicsResponse instance
         * @type {{
         *   (properties: rafter.ListTopicsResponse.$Shape): rafter.ListTopicsResponse & rafter.ListTopicsResponse.$Shape;
         *   (properties?: rafter.ListTopicsResponse.$Properties): rafter.ListTopicsResponse;
         * }}
         */
        ListTopicsResponse.create = function(properties) {
            return new ListTopicsResponse(properties);
        };

        /**
         * Encodes the specified ListTopicsResponse message. Does not implicitly {@link rafter.ListTopicsResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.ListTopicsResponse
         * @static
         * @param {rafter.ListTopicsResponse.$Properties} message ListTopicsResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListTopicsResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topics != null && message.topics.length)
                for (var i = 0; i < message.topics.length; ++i)
                    $root.rafter.TopicMetadata.encode(message.topics[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated") && message.truncated !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.truncated);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListTopicsResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ListTopicsResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ListTopicsResponse & rafter.ListTopicsResponse.$Shape} ListTopicsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListTopicsResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ListTopicsResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.topics && message.topics.length))
                            message.topics = [];
                        message.topics.push($root.rafter.TopicMetadata.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.truncated = value;
                        else
                            delete message.truncated;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListTopicsResponse;
    })();

    rafter.DescribeTopicRequest = (function() {

        /**
         * Properties of a DescribeTopicRequest.
         * @typedef {Object} rafter.DescribeTopicRequest.$Properties
         * @property {string|null} [name] DescribeTopicRequest name
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DescribeTopicRequest.
         * @memberof rafter
         * @interface IDescribeTopicRequest
         * @augments rafter.DescribeTopicRequest.$Properties
         * @deprecated Use rafter.DescribeTopicRequest.$Properties instead.
         */

        /**
         * Shape of a DescribeTopicRequest.
         * @typedef {rafter.DescribeTopicRequest.$Properties} rafter.DescribeTopicRequest.$Shape
         */

        /**
         * Constructs a new DescribeTopicRequest.
         * @memberof rafter
         * @classdesc Represents a DescribeTopicRequest.
         * @constructor
         * @param {rafter.DescribeTopicRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var DescribeTopicRequest = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DescribeTopicRequest name.
         * @member {string} name
         * @memberof rafter.DescribeTopicRequest
         * @instance
         */
        DescribeTopicRequest.prototype.name = "";

        /**
         * Creates a new DescribeTopicRequest instance using the specified properties.
         * @function create
         * @memberof rafter.DescribeTopicRequest
         * @static
         * @param {rafter.DescribeTopicRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.DescribeTopicRequest} DescribeTopicRequest instance
         * @type {{
         *   (properties: rafter.DescribeTopicRequest.$Shape): rafter.DescribeTopicRequest & rafter.DescribeTopicRequest.$Shape;
         *   (properties?: rafter.DescribeTopicRequest.$Properties): rafter.DescribeTopicRequest;
         * }}
         */
        DescribeTopicRequest.create = function(properties) {
            return new DescribeTopicRequest(properties);
        };

        /**
         * Encodes the specified DescribeTopicRequest message. Does not implicitly {@link rafter.DescribeTopicRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.DescribeTopicRequest
         * @static
         * @param {rafter.DescribeTopicRequest.$Properties} message DescribeTopicRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DescribeTopicRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DescribeTopicRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.DescribeTopicRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.DescribeTopicRequest & rafter.DescribeTopicRequest.$Shape} DescribeTopicRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DescribeTopicRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.DescribeTopicRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DescribeTopicRequest;
    })();

    rafter.PartitionState = (function() {

        /**
         * Properties of a PartitionState.
         * @typedef {Object} rafter.PartitionState.$Properties
         * @property {number|null} [partition] PartitionState partition
         * @property {rafter.ErrorCode|null} [error] PartitionState error
         * @property {number|null} [logStartOffset] PartitionState logStartOffset
         * @property {number|null} [logEndOffset] PartitionState logEndOffset
         * @property {number|null} [highWatermark] PartitionState highWatermark
         * @property {number|null} [sizeBytes] PartitionState sizeBytes
         * @property {number|null} [leaderId] PartitionState leaderId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PartitionState.
         * @memberof rafter
         * @interface IPartitionState
         * @augments rafter.PartitionState.$Properties
         * @deprecated Use rafter.PartitionState.$Properties instead.
         */

        /**
         * Shape of a PartitionState.
         * @typedef {rafter.PartitionState.$Properties} rafter.PartitionState.$Shape
         */

        /**
         * Constructs a new PartitionState.
         * @memberof rafter
         * @classdesc Represents a PartitionState.
         * @constructor
         * @param {rafter.PartitionState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var PartitionState = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PartitionState partition.
         * @member {number} partition
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.partition = 0;

        /**
         * PartitionState error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.error = 0;

        /**
         * PartitionState logStartOffset.
         * @member {number} logStartOffset
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.logStartOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PartitionState logEndOffset.
         * @member {number} logEndOffset
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.logEndOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PartitionState highWatermark.
         * @member {number} highWatermark
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.highWatermark = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PartitionState sizeBytes.
         * @member {number} sizeBytes
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.sizeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PartitionState leaderId.
         * @member {number} leaderId
         * @memberof rafter.PartitionState
         * @instance
         */
        PartitionState.prototype.leaderId = 0;

        /**
         * Creates a new PartitionState instance using the specified properties.
         * @function create
         * @memberof rafter.PartitionState
         * @static
         * @param {rafter.PartitionState.$Properties=} [properties] Properties to set
         * @returns {rafter.PartitionState} PartitionState instance
         * @type {{
         *   (properties: rafter.PartitionState.$Shape): rafter.PartitionState & rafter.PartitionState.$Shape;
         *   (properties?: rafter.PartitionState.$Properties): rafter.PartitionState;
         * }}
         */
        PartitionState.create = function(properties) {
            return new PartitionState(properties);
        };

        /**
         * Encodes the specified PartitionState message. Does not implicitly {@link rafter.PartitionState.verify|verify} messages.
         * @function encode
         * @memberof rafter.PartitionState
         * @static
         * @param {rafter.PartitionState.$Properties} message PartitionState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PartitionState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.partition);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.error);
            if (message.logStartOffset != null && $Object.hasOwnProperty.call(message, "logStartOffset") && (typeof message.logStartOffset === "object" ? message.logStartOffset.low || message.logStartOffset.high : message.logStartOffset !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.logStartOffset);
            if (message.logEndOffset != null && $Object.hasOwnProperty.call(message, "logEndOffset") && (typeof message.logEndOffset === "object" ? message.logEndOffset.low || message.logEndOffset.high : message.logEndOffset !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.logEndOffset);
            if (message.highWatermark != null && $Object.hasOwnProperty.call(message, "highWatermark") && (typeof message.highWatermark === "object" ? message.highWatermark.low || message.highWatermark.high : message.highWatermark !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.highWatermark);
            if (message.sizeBytes != null && $Object.hasOwnProperty.call(message, "sizeBytes") && (typeof message.sizeBytes === "object" ? message.sizeBytes.low || message.sizeBytes.high : message.sizeBytes !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.sizeBytes);
            if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).int32(message.leaderId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PartitionState message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.PartitionState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.PartitionState & rafter.PartitionState.$Shape} PartitionState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PartitionState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.PartitionState();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.logStartOffset = value;
                        else
                            delete message.logStartOffset;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.logEndOffset = value;
                        else
                            delete message.logEndOffset;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.highWatermark = value;
                        else
                            delete message.highWatermark;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.sizeBytes = value;
                        else
                            delete message.sizeBytes;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.leaderId = value;
                        else
                            delete message.leaderId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PartitionState;
    })();

    rafter.DescribeTopicResponse = (function() {

        /**
         * Properties of a DescribeTopicResponse.
         * @typedef {Object} rafter.DescribeTopicResponse.$Properties
         * @property {rafter.ErrorCode|null} [error] DescribeTopicResponse error
         * @property {string|null} [errorMessage] DescribeTopicResponse errorMessage
         * @property {rafter.TopicMetadata.$Properties|null} [topic] DescribeTopicResponse topic
         * @property {Array.<rafter.PartitionState.$Properties>|null} [partitions] DescribeTopicResponse partitions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DescribeTopicResponse.
         * @memberof rafter
         * @interface IDescribeTopicResponse
         * @augments rafter.DescribeTopicResponse.$Properties
         * @deprecated Use rafter.DescribeTopicResponse.$Properties instead.
         */

        /**
         * Shape of a DescribeTopicResponse.
         * @typedef {rafter.DescribeTopicResponse.$Properties} rafter.DescribeTopicResponse.$Shape
         */

        /**
         * Constructs a new DescribeTopicResponse.
         * @memberof rafter
         * @classdesc Represents a DescribeTopicResponse.
         * @constructor
         * @param {rafter.DescribeTopicResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var DescribeTopicResponse = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DescribeTopicResponse error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.DescribeTopicResponse
         * @instance
         */
        DescribeTopicResponse.prototype.error = 0;

        /**
         * DescribeTopicResponse errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.DescribeTopicResponse
         * @instance
         */
        DescribeTopicResponse.prototype.errorMessage = "";

        /**
         * DescribeTopicResponse topic.
         * @member {rafter.TopicMetadata.$Properties|null|undefined} topic
         * @memberof rafter.DescribeTopicResponse
         * @instance
         */
        DescribeTopicResponse.prototype.topic = null;

        /**
         * DescribeTopicResponse partitions.
         * @member {Array.<rafter.PartitionState.$Properties>} partitions
         * @memberof rafter.DescribeTopicResponse
         * @instance
         */
        DescribeTopicResponse.prototype.partitions = $util.emptyArray;

        /**
         * Creates a new DescribeTopicResponse instance using the specified properties.
         * @function create
         * @memberof rafter.DescribeTopicResponse
         * @static
         * @param {rafter.DescribeTopicResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.DescribeTopicResponse} DescribeTopicResponse instance
         * @type {{
         *   (properties: rafter.DescribeTopicResponse.$Shape): rafter.DescribeTopicResponse & rafter.DescribeTopicResponse.$Shape;
         *   (properties?: rafter.DescribeTopicResponse.$Properties): rafter.DescribeTopicResponse;
         * }}
         */
        DescribeTopicResponse.create = function(properties) {
            return new DescribeTopicResponse(properties);
        };

        /**
         * Encodes the specified DescribeTopicResponse message. Does not implicitly {@link rafter.DescribeTopicResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.DescribeTopicResponse
         * @static
         * @param {rafter.DescribeTopicResponse.$Properties} message DescribeTopicResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DescribeTopicResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.errorMessage);
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                $root.rafter.TopicMetadata.encode(message.topic, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.PartitionState.encode(message.partitions[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DescribeTopicResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.DescribeTopicResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.DescribeTopicResponse & rafter.DescribeTopicResponse.$Shape} DescribeTopicResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DescribeTopicResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.DescribeTopicResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.topic = $root.rafter.TopicMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.topic);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.PartitionState.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DescribeTopicResponse;
    })();

    rafter.ProducePartition = (function() {

        /**
         * Properties of a ProducePartition.
         * @typedef {Object} rafter.ProducePartition.$Properties
         * @property {string|null} [topic] ProducePartition topic
         * @property {number|null} [partition] ProducePartition partition
         * @property {Uint8Array|null} [batch] ProducePartition batch
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ProducePartition.
         * @memberof rafter
         * @interface IProducePartition
         * @augments rafter.ProducePartition.$Properties
         * @deprecated Use rafter.ProducePartition.$Properties instead.
         */

        /**
         * Shape of a ProducePartition.
         * @typedef {rafter.ProducePartition.$Properties} rafter.ProducePartition.$Shape
         */

        /**
         * Constructs a new ProducePartition.
         * @memberof rafter
         * @classdesc Represents a ProducePartition.
         * @constructor
         * @param {rafter.ProducePartition.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ProducePartition = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ProducePartition topic.
         * @member {string} topic
         * @memberof rafter.ProducePartition
         * @instance
         */
        ProducePartition.prototype.topic = "";

        /**
         * ProducePartition partition.
         * @member {number} partition
         * @memberof rafter.ProducePartition
         * @instance
         */
        ProducePartition.prototype.partition = 0;

        /**
         * ProducePartition batch.
         * @member {Uint8Array} batch
         * @memberof rafter.ProducePartition
         * @instance
         */
        ProducePartition.prototype.batch = $util.newBuffer([]);

        /**
         * Creates a new ProducePartition instance using the specified properties.
         * @function create
         * @memberof rafter.ProducePartition
         * @static
         * @param {rafter.ProducePartition.$Properties=} [properties] Properties to set
         * @returns {rafter.ProducePartition} ProducePartition instance
         * @type {{
         *   (properties: rafter.ProducePartition.$Shape): rafter.ProducePartition & rafter.ProducePartition.$Shape;
         *   (properties?: rafter.ProducePartition.$Properties): rafter.ProducePartition;
         * }}
         */
        ProducePartition.create = function(properties) {
            return new ProducePartition(properties);
        };

        /**
         * Encodes the specified ProducePartition message. Does not implicitly {@link rafter.ProducePartition.verify|verify} messages.
         * @function encode
         * @memberof rafter.ProducePartition
         * @static
         * @param {rafter.ProducePartition.$Properties} message ProducePartition message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ProducePartition.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.topic);
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partition);
            if (message.batch != null && $Object.hasOwnProperty.call(message, "batch") && message.batch.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.batch);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ProducePartition message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ProducePartition
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ProducePartition & rafter.ProducePartition.$Shape} ProducePartition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ProducePartition.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ProducePartition();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.batch = value;
                        else
                            delete message.batch;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ProducePartition;
    })();

    rafter.ProduceRequest = (function() {

        /**
         * Properties of a ProduceRequest.
         * @typedef {Object} rafter.ProduceRequest.$Properties
         * @property {rafter.Acks|null} [acks] ProduceRequest acks
         * @property {number|null} [timeoutMs] ProduceRequest timeoutMs
         * @property {Array.<rafter.ProducePartition.$Properties>|null} [partitions] ProduceRequest partitions
         * @property {Uint8Array|null} [producerToken] ProduceRequest producerToken
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ProduceRequest.
         * @memberof rafter
         * @interface IProduceRequest
         * @augments rafter.ProduceRequest.$Properties
         * @deprecated Use rafter.ProduceRequest.$Properties instead.
         */

        /**
         * Shape of a ProduceRequest.
         * @typedef {rafter.ProduceRequest.$Properties} rafter.ProduceRequest.$Shape
         */

        /**
         * Constructs a new ProduceRequest.
         * @memberof rafter
         * @classdesc Represents a ProduceRequest.
         * @constructor
         * @param {rafter.ProduceRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ProduceRequest = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ProduceRequest acks.
         * @member {rafter.Acks} acks
         * @memberof rafter.ProduceRequest
         * @instance
         */
        ProduceRequest.prototype.acks = 0;

        /**
         * ProduceRequest timeoutMs.
         * @member {number} timeoutMs
         * @memberof rafter.ProduceRequest
         * @instance
         */
        ProduceRequest.prototype.timeoutMs = 0;

        /**
         * ProduceRequest partitions.
         * @member {Array.<rafter.ProducePartition.$Properties>} partitions
         * @memberof rafter.ProduceRequest
         * @instance
         */
        ProduceRequest.prototype.partitions = $util.emptyArray;

        /**
         * ProduceRequest producerToken.
         * @member {Uint8Array} producerToken
         * @memberof rafter.ProduceRequest
         * @instance
         */
        ProduceRequest.prototype.producerToken = $util.newBuffer([]);

        /**
         * Creates a new ProduceRequest instance using the specified properties.
         * @function create
         * @memberof rafter.ProduceRequest
         * @static
         * @param {rafter.ProduceRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.ProduceRequest} ProduceRequest instance
         * @type {{
         *   (properties: rafter.ProduceRequest.$Shape): rafter.ProduceRequest & rafter.ProduceRequest.$Shape;
         *   (properties?: rafter.ProduceRequest.$Properties): rafter.ProduceRequest;
         * }}
         */
        ProduceRequest.create = function(properties) {
            return new ProduceRequest(properties);
        };

        /**
         * Encodes the specified ProduceRequest message. Does not implicitly {@link rafter.ProduceRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.ProduceRequest
         * @static
         * @param {rafter.ProduceRequest.$Properties} message ProduceRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ProduceRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.acks != null && $Object.hasOwnProperty.call(message, "acks") && message.acks !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.acks);
            if (message.timeoutMs != null && $Object.hasOwnProperty.call(message, "timeoutMs") && message.timeoutMs !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.timeoutMs);
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.ProducePartition.encode(message.partitions[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.producerToken != null && $Object.hasOwnProperty.call(message, "producerToken") && message.producerToken.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.producerToken);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ProduceRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ProduceRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ProduceRequest & rafter.ProduceRequest.$Shape} ProduceRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ProduceRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ProduceRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.acks = value;
                        else
                            delete message.acks;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.timeoutMs = value;
                        else
                            delete message.timeoutMs;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.ProducePartition.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.producerToken = value;
                        else
                            delete message.producerToken;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ProduceRequest;
    })();

    rafter.ProducePartitionResult = (function() {

        /**
         * Properties of a ProducePartitionResult.
         * @typedef {Object} rafter.ProducePartitionResult.$Properties
         * @property {string|null} [topic] ProducePartitionResult topic
         * @property {number|null} [partition] ProducePartitionResult partition
         * @property {rafter.ErrorCode|null} [error] ProducePartitionResult error
         * @property {string|null} [errorMessage] ProducePartitionResult errorMessage
         * @property {number|null} [baseOffset] ProducePartitionResult baseOffset
         * @property {number|null} [appendTimeMs] ProducePartitionResult appendTimeMs
         * @property {number|null} [logStartOffset] ProducePartitionResult logStartOffset
         * @property {number|null} [leaderId] ProducePartitionResult leaderId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ProducePartitionResult.
         * @memberof rafter
         * @interface IProducePartitionResult
         * @augments rafter.ProducePartitionResult.$Properties
         * @deprecated Use rafter.ProducePartitionResult.$Properties instead.
         */

        /**
         * Shape of a ProducePartitionResult.
         * @typedef {rafter.ProducePartitionResult.$Properties} rafter.ProducePartitionResult.$Shape
         */

        /**
         * Constructs a new ProducePartitionResult.
         * @memberof rafter
         * @classdesc Represents a ProducePartitionResult.
         * @constructor
         * @param {rafter.ProducePartitionResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ProducePartitionResult = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ProducePartitionResult topic.
         * @member {string} topic
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.topic = "";

        /**
         * ProducePartitionResult partition.
         * @member {number} partition
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.partition = 0;

        /**
         * ProducePartitionResult error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.error = 0;

        /**
         * ProducePartitionResult errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.errorMessage = "";

        /**
         * ProducePartitionResult baseOffset.
         * @member {number} baseOffset
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.baseOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ProducePartitionResult appendTimeMs.
         * @member {number} appendTimeMs
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.appendTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ProducePartitionResult logStartOffset.
         * @member {number} logStartOffset
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.logStartOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ProducePartitionResult leaderId.
         * @member {number} leaderId
         * @memberof rafter.ProducePartitionResult
         * @instance
         */
        ProducePartitionResult.prototype.leaderId = 0;

        /**
         * Creates a new ProducePartitionResult instance using the specified properties.
         * @function create
         * @memberof rafter.ProducePartitionResult
         * @static
         * @param {rafter.ProducePartitionResult.$Properties=} [properties] Properties to set
         * @returns {rafter.ProducePartitionResult} ProducePartitionResult instance
         * @type {{
         *   (properties: rafter.ProducePartitionResult.$Shape): rafter.ProducePartitionResult & rafter.ProducePartitionResult.$Shape;
         *   (properties?: rafter.ProducePartitionResult.$Properties): rafter.ProducePartitionResult;
         * }}
         */
        ProducePartitionResult.create = function(properties) {
            return new ProducePartitionResult(properties);
        };

        /**
         * Encodes the specified ProducePartitionResult message. Does not implicitly {@link rafter.ProducePartitionResult.verify|verify} messages.
         * @function encode
         * @memberof rafter.ProducePartitionResult
         * @static
         * @param {rafter.ProducePartitionResult.$Properties} message ProducePartitionResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ProducePartitionResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.topic);
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partition);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.baseOffset != null && $Object.hasOwnProperty.call(message, "baseOffset") && (typeof message.baseOffset === "object" ? message.baseOffset.low || message.baseOffset.high : message.baseOffset !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.baseOffset);
            if (message.appendTimeMs != null && $Object.hasOwnProperty.call(message, "appendTimeMs") && (typeof message.appendTimeMs === "object" ? message.appendTimeMs.low || message.appendTimeMs.high : message.appendTimeMs !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.appendTimeMs);
            if (message.logStartOffset != null && $Object.hasOwnProperty.call(message, "logStartOffset") && (typeof message.logStartOffset === "object" ? message.logStartOffset.low || message.logStartOffset.high : message.logStartOffset !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.logStartOffset);
            if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).int32(message.leaderId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ProducePartitionResult message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ProducePartitionResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ProducePartitionResult & rafter.ProducePartitionResult.$Shape} ProducePartitionResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ProducePartitionResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ProducePartitionResult();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.baseOffset = value;
                        else
                            delete message.baseOffset;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.appendTimeMs = value;
                        else
                            delete message.appendTimeMs;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.logStartOffset = value;
                        else
                            delete message.logStartOffset;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.leaderId = value;
                        else
                            delete message.leaderId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ProducePartitionResult;
    })();

    rafter.ProduceResponse = (function() {

        /**
         * Properties of a ProduceResponse.
         * @typedef {Object} rafter.ProduceResponse.$Properties
         * @property {Array.<rafter.ProducePartitionResult.$Properties>|null} [partitions] ProduceResponse partitions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ProduceResponse.
         * @memberof rafter
         * @interface IProduceResponse
         * @augments rafter.ProduceResponse.$Properties
         * @deprecated Use rafter.ProduceResponse.$Properties instead.
         */

        /**
         * Shape of a ProduceResponse.
         * @typedef {rafter.ProduceResponse.$Properties} rafter.ProduceResponse.$Shape
         */

        /**
         * Constructs a new ProduceResponse.
         * @memberof rafter
         * @classdesc Represents a ProduceResponse.
         * @constructor
         * @param {rafter.ProduceResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ProduceResponse = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ProduceResponse partitions.
         * @member {Array.<rafter.ProducePartitionResult.$Properties>} partitions
         * @memberof rafter.ProduceResponse
         * @instance
         */
        ProduceResponse.prototype.partitions = $util.emptyArray;

        /**
         * Creates a new ProduceResponse instance using the specified properties.
         * @function create
         * @memberof rafter.ProduceResponse
         * @static
         * @param {rafter.ProduceResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.ProduceResponse} ProduceResponse instance
         * @type {{
         *   (properties: rafter.ProduceResponse.$Shape): rafter.ProduceResponse & rafter.ProduceResponse.$Shape;
         *   (properties?: rafter.ProduceResponse.$Properties): rafter.ProduceResponse;
         * }}
         */
        ProduceResponse.create = function(properties) {
            return new ProduceResponse(properties);
        };

        /**
         * Encodes the specified ProduceResponse message. Does not implicitly {@link rafter.ProduceResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.ProduceResponse
         * @static
         * @param {rafter.ProduceResponse.$Properties} message ProduceResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ProduceResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.ProducePartitionResult.encode(message.partitions[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ProduceResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ProduceResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ProduceResponse & rafter.ProduceResponse.$Shape} ProduceResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ProduceResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ProduceResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.ProducePartitionResult.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ProduceResponse;
    })();

    rafter.FetchPartition = (function() {

        /**
         * Properties of a FetchPartition.
         * @typedef {Object} rafter.FetchPartition.$Properties
         * @property {string|null} [topic] FetchPartition topic
         * @property {number|null} [partition] FetchPartition partition
         * @property {number|null} [offset] FetchPartition offset
         * @property {number|null} [maxBytes] FetchPartition maxBytes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FetchPartition.
         * @memberof rafter
         * @interface IFetchPartition
         * @augments rafter.FetchPartition.$Properties
         * @deprecated Use rafter.FetchPartition.$Properties instead.
         */

        /**
         * Shape of a FetchPartition.
         * @typedef {rafter.FetchPartition.$Properties} rafter.FetchPartition.$Shape
         */

        /**
         * Constructs a new FetchPartition.
         * @memberof rafter
         * @classdesc Represents a FetchPartition.
         * @constructor
         * @param {rafter.FetchPartition.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var FetchPartition = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FetchPartition topic.
         * @member {string} topic
         * @memberof rafter.FetchPartition
         * @instance
         */
        FetchPartition.prototype.topic = "";

        /**
         * FetchPartition partition.
         * @member {number} partition
         * @memberof rafter.FetchPartition
         * @instance
         */
        FetchPartition.prototype.partition = 0;

        /**
         * FetchPartition offset.
         * @member {number} offset
         * @memberof rafter.FetchPartition
         * @instance
         */
        FetchPartition.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FetchPartition maxBytes.
         * @member {number} maxBytes
         * @memberof rafter.FetchPartition
         * @instance
         */
        FetchPartition.prototype.maxBytes = 0;

        /**
         * Creates a new FetchPartition instance using the specified properties.
         * @function create
         * @memberof rafter.FetchPartition
         * @static
         * @param {rafter.FetchPartition.$Properties=} [properties] Properties to set
         * @returns {rafter.FetchPartition} FetchPartition instance
         * @type {{
         *   (properties: rafter.FetchPartition.$Shape): rafter.FetchPartition & rafter.FetchPartition.$Shape;
         *   (properties?: rafter.FetchPartition.$Properties): rafter.FetchPartition;
         * }}
         */
        FetchPartition.create = function(properties) {
            return new FetchPartition(properties);
        };

        /**
         * Encodes the specified FetchPartition message. Does not implicitly {@link rafter.FetchPartition.verify|verify} messages.
         * @function encode
         * @memberof rafter.FetchPartition
         * @static
         * @param {rafter.FetchPartition.$Properties} message FetchPartition message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FetchPartition.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.topic);
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partition);
            if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.offset);
            if (message.maxBytes != null && $Object.hasOwnProperty.call(message, "maxBytes") && message.maxBytes !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.maxBytes);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FetchPartition message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.FetchPartition
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.FetchPartition & rafter.FetchPartition.$Shape} FetchPartition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FetchPartition.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.FetchPartition();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.offset = value;
                        else
                            delete message.offset;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxBytes = value;
                        else
                            delete message.maxBytes;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FetchPartition;
    })();

    rafter.FetchRequest = (function() {

        /**
         * Properties of a FetchRequest.
         * @typedef {Object} rafter.FetchRequest.$Properties
         * @property {number|null} [maxWaitMs] FetchRequest maxWaitMs
         * @property {number|null} [minBytes] FetchRequest minBytes
         * @property {number|null} [maxBytes] FetchRequest maxBytes
         * @property {Array.<rafter.FetchPartition.$Properties>|null} [partitions] FetchRequest partitions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FetchRequest.
         * @memberof rafter
         * @interface IFetchRequest
         * @augments rafter.FetchRequest.$Properties
         * @deprecated Use rafter.FetchRequest.$Properties instead.
         */

        /**
         * Shape of a FetchRequest.
         * @typedef {rafter.FetchRequest.$Properties} rafter.FetchRequest.$Shape
         */

        /**
         * Constructs a new FetchRequest.
         * @memberof rafter
         * @classdesc Represents a FetchRequest.
         * @constructor
         * @param {rafter.FetchRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var FetchRequest = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FetchRequest maxWaitMs.
         * @member {number} maxWaitMs
         * @memberof rafter.FetchRequest
         * @instance
         */
        FetchRequest.prototype.maxWaitMs = 0;

        /**
         * FetchRequest minBytes.
         * @member {number} minBytes
         * @memberof rafter.FetchRequest
         * @instance
         */
        FetchRequest.prototype.minBytes = 0;

        /**
         * FetchRequest maxBytes.
         * @member {number} maxBytes
         * @memberof rafter.FetchRequest
         * @instance
         */
        FetchRequest.prototype.maxBytes = 0;

        /**
         * FetchRequest partitions.
         * @member {Array.<rafter.FetchPartition.$Properties>} partitions
         * @memberof rafter.FetchRequest
         * @instance
         */
        FetchRequest.prototype.partitions = $util.emptyArray;

        /**
         * Creates a new FetchRequest instance using the specified properties.
         * @function create
         * @memberof rafter.FetchRequest
         * @static
         * @param {rafter.FetchRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.FetchRequest} FetchRequest instance
         * @type {{
         *   (properties: rafter.FetchRequest.$Shape): rafter.FetchRequest & rafter.FetchRequest.$Shape;
         *   (properties?: rafter.FetchRequest.$Properties): rafter.FetchRequest;
         * }}
         */
        FetchRequest.create = function(properties) {
            return new FetchRequest(properties);
        };

        /**
         * Encodes the specified FetchRequest message. Does not implicitly {@link rafter.FetchRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.FetchRequest
         * @static
         * @param {rafter.FetchRequest.$Properties} message FetchRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FetchRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.maxWaitMs != null && $Object.hasOwnProperty.call(message, "maxWaitMs") && message.maxWaitMs !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.maxWaitMs);
            if (message.minBytes != null && $Object.hasOwnProperty.call(message, "minBytes") && message.minBytes !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.minBytes);
            if (message.maxBytes != null && $Object.hasOwnProperty.call(message, "maxBytes") && message.maxBytes !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxBytes);
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.FetchPartition.encode(message.partitions[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FetchRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.FetchRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.FetchRequest & rafter.FetchRequest.$Shape} FetchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FetchRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.FetchRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxWaitMs = value;
                        else
                            delete message.maxWaitMs;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.minBytes = value;
                        else
                            delete message.minBytes;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxBytes = value;
                        else
                            delete message.maxBytes;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.FetchPartition.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FetchRequest;
    })();

    rafter.FetchPartitionResult = (function() {

        /**
         * Properties of a FetchPartitionResult.
         * @typedef {Object} rafter.FetchPartitionResult.$Properties
         * @property {string|null} [topic] FetchPartitionResult topic
         * @property {number|null} [partition] FetchPartitionResult partition
         * @property {rafter.ErrorCode|null} [error] FetchPartitionResult error
         * @property {string|null} [errorMessage] FetchPartitionResult errorMessage
         * @property {number|null} [highWatermark] FetchPartitionResult highWatermark
         * @property {number|null} [logStartOffset] FetchPartitionResult logStartOffset
         * @property {Array.<Uint8Array>|null} [batches] FetchPartitionResult batches
         * @property {number|null} [leaderId] FetchPartitionResult leaderId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FetchPartitionResult.
         * @memberof rafter
         * @interface IFetchPartitionResult
         * @augments rafter.FetchPartitionResult.$Properties
         * @deprecated Use rafter.FetchPartitionResult.$Properties instead.
         */

        /**
         * Shape of a FetchPartitionResult.
         * @typedef {rafter.FetchPartitionResult.$Properties} rafter.FetchPartitionResult.$Shape
         */

        /**
         * Constructs a new FetchPartitionResult.
         * @memberof rafter
         * @classdesc Represents a FetchPartitionResult.
         * @constructor
         * @param {rafter.FetchPartitionResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var FetchPartitionResult = function (properties) {
            this.batches = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FetchPartitionResult topic.
         * @member {string} topic
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.topic = "";

        /**
         * FetchPartitionResult partition.
         * @member {number} partition
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.partition = 0;

        /**
         * FetchPartitionResult error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.error = 0;

        /**
         * FetchPartitionResult errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.errorMessage = "";

        /**
         * FetchPartitionResult highWatermark.
         * @member {number} highWatermark
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.highWatermark = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FetchPartitionResult logStartOffset.
         * @member {number} logStartOffset
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.logStartOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FetchPartitionResult batches.
         * @member {Array.<Uint8Array>} batches
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.batches = $util.emptyArray;

        /**
         * FetchPartitionResult leaderId.
         * @member {number} leaderId
         * @memberof rafter.FetchPartitionResult
         * @instance
         */
        FetchPartitionResult.prototype.leaderId = 0;

        /**
         * Creates a new FetchPartitionResult instance using the specified properties.
         * @function create
         * @memberof rafter.FetchPartitionResult
         * @static
         * @param {rafter.FetchPartitionResult.$Properties=} [properties] Properties to set
         * @returns {rafter.FetchPartitionResult} FetchPartitionResult instance
         * @type {{
         *   (properties: rafter.FetchPartitionResult.$Shape): rafter.FetchPartitionResult & rafter.FetchPartitionResult.$Shape;
         *   (properties?: rafter.FetchPartitionResult.$Properties): rafter.FetchPartitionResult;
         * }}
         */
        FetchPartitionResult.create = function(properties) {
            return new FetchPartitionResult(properties);
        };

        /**
         * Encodes the specified FetchPartitionResult message. Does not implicitly {@link rafter.FetchPartitionResult.verify|verify} messages.
         * @function encode
         * @memberof rafter.FetchPartitionResult
         * @static
         * @param {rafter.FetchPartitionResult.$Properties} message FetchPartitionResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FetchPartitionResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.topic);
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partition);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.highWatermark != null && $Object.hasOwnProperty.call(message, "highWatermark") && (typeof message.highWatermark === "object" ? message.highWatermark.low || message.highWatermark.high : message.highWatermark !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.highWatermark);
            if (message.logStartOffset != null && $Object.hasOwnProperty.call(message, "logStartOffset") && (typeof message.logStartOffset === "object" ? message.logStartOffset.low || message.logStartOffset.high : message.logStartOffset !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.logStartOffset);
            if (message.batches != null && message.batches.length)
                for (var i = 0; i < message.batches.length; ++i)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.batches[i]);
            if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).int32(message.leaderId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FetchPartitionResult message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.FetchPartitionResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.FetchPartitionResult & rafter.FetchPartitionResult.$Shape} FetchPartitionResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FetchPartitionResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.FetchPartitionResult();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.highWatermark = value;
                        else
                            delete message.highWatermark;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.logStartOffset = value;
                        else
                            delete message.logStartOffset;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if (!(message.batches && message.batches.length))
                            message.batches = [];
                        message.batches.push(reader.bytes());
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.leaderId = value;
                        else
                            delete message.leaderId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FetchPartitionResult;
    })();

    rafter.FetchResponse = (function() {

        /**
         * Properties of a FetchResponse.
         * @typedef {Object} rafter.FetchResponse.$Properties
         * @property {Array.<rafter.FetchPartitionResult.$Properties>|null} [partitions] FetchResponse partitions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FetchResponse.
         * @memberof rafter
         * @interface IFetchResponse
         * @augments rafter.FetchResponse.$Properties
         * @deprecated Use rafter.FetchResponse.$Properties instead.
         */

        /**
         * Shape of a FetchResponse.
         * @typedef {rafter.FetchResponse.$Properties} rafter.FetchResponse.$Shape
         */

        /**
         * Constructs a new FetchResponse.
         * @memberof rafter
         * @classdesc Represents a FetchResponse.
         * @constructor
         * @param {rafter.FetchResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var FetchResponse = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FetchResponse partitions.
         * @member {Array.<rafter.FetchPartitionResult.$Properties>} partitions
         * @memberof rafter.FetchResponse
         * @instance
         */
        FetchResponse.prototype.partitions = $util.emptyArray;

        /**
         * Creates a new FetchResponse instance using the specified properties.
         * @function create
         * @memberof rafter.FetchResponse
         * @static
         * @param {rafter.FetchResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.FetchResponse} FetchResponse instance
         * @type {{
         *   (properties: rafter.FetchResponse.$Shape): rafter.FetchResponse & rafter.FetchResponse.$Shape;
         *   (properties?: rafter.FetchResponse.$Properties): rafter.FetchResponse;
         * }}
         */
        FetchResponse.create = function(properties) {
            return new FetchResponse(properties);
        };

        /**
         * Encodes the specified FetchResponse message. Does not implicitly {@link rafter.FetchResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.FetchResponse
         * @static
         * @param {rafter.FetchResponse.$Properties} message FetchResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FetchResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.FetchPartitionResult.encode(message.partitions[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FetchResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.FetchResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.FetchResponse & rafter.FetchResponse.$Shape} FetchResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FetchResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.FetchResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.FetchPartitionResult.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FetchResponse;
    })();

    rafter.ListOffsetsPartition = (function() {

        /**
         * Properties of a ListOffsetsPartition.
         * @typedef {Object} rafter.ListOffsetsPartition.$Properties
         * @property {string|null} [topic] ListOffsetsPartition topic
         * @property {number|null} [partition] ListOffsetsPartition partition
         * @property {number|null} [timestampMs] ListOffsetsPartition timestampMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListOffsetsPartition.
         * @memberof rafter
         * @interface IListOffsetsPartition
         * @augments rafter.ListOffsetsPartition.$Properties
         * @deprecated Use rafter.ListOffsetsPartition.$Properties instead.
         */

        /**
         * Shape of a ListOffsetsPartition.
         * @typedef {rafter.ListOffsetsPartition.$Properties} rafter.ListOffsetsPartition.$Shape
         */

        /**
         * Constructs a new ListOffsetsPartition.
         * @memberof rafter
         * @classdesc Represents a ListOffsetsPartition.
         * @constructor
         * @param {rafter.ListOffsetsPartition.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ListOffsetsPartition = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListOffsetsPartition topic.
         * @member {string} topic
         * @memberof rafter.ListOffsetsPartition
         * @instance
         */
        ListOffsetsPartition.prototype.topic = "";

        /**
         * ListOffsetsPartition partition.
         * @member {number} partition
         * @memberof rafter.ListOffsetsPartition
         * @instance
         */
        ListOffsetsPartition.prototype.partition = 0;

        /**
         * ListOffsetsPartition timestampMs.
         * @member {number} timestampMs
         * @memberof rafter.ListOffsetsPartition
         * @instance
         */
        ListOffsetsPartition.prototype.timestampMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new ListOffsetsPartition instance using the specified properties.
         * @function create
         * @memberof rafter.ListOffsetsPartition
         * @static
         * @param {rafter.ListOffsetsPartition.$Properties=} [properties] Properties to set
         * @returns {rafter.ListOffsetsPartition} ListOffsetsPartition instance
         * @type {{
         *   (properties: rafter.ListOffsetsPartition.$Shape): rafter.ListOffsetsPartition & rafter.ListOffsetsPartition.$Shape;
         *   (properties?: rafter.ListOffsetsPartition.$Properties): rafter.ListOffsetsPartition;
         * }}
         */
        ListOffsetsPartition.create = function(properties) {
            return new ListOffsetsPartition(properties);
        };

        /**
         * Encodes the specified ListOffsetsPartition message. Does not implicitly {@link rafter.ListOffsetsPartition.verify|verify} messages.
         * @function encode
         * @memberof rafter.ListOffsetsPartition
         * @static
         * @param {rafter.ListOffsetsPartition.$Properties} message ListOffsetsPartition message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListOffsetsPartition.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.topic);
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partition);
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs") && (typeof message.timestampMs === "object" ? message.timestampMs.low || message.timestampMs.high : message.timestampMs !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.timestampMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListOffsetsPartition message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ListOffsetsPartition
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ListOffsetsPartition & rafter.ListOffsetsPartition.$Shape} ListOffsetsPartition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListOffsetsPartition.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ListOffsetsPartition();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestampMs = value;
                        else
                            delete message.timestampMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListOffsetsPartition;
    })();

    rafter.ListOffsetsRequest = (function() {

        /**
         * Properties of a ListOffsetsRequest.
         * @typedef {Object} rafter.ListOffsetsRequest.$Properties
         * @property {Array.<rafter.ListOffsetsPartition.$Properties>|null} [partitions] ListOffsetsRequest partitions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListOffsetsRequest.
         * @memberof rafter
         * @interface IListOffsetsRequest
         * @augments rafter.ListOffsetsRequest.$Properties
         * @deprecated Use rafter.ListOffsetsRequest.$Properties instead.
         */

        /**
         * Shape of a ListOffsetsRequest.
         * @typedef {rafter.ListOffsetsRequest.$Properties} rafter.ListOffsetsRequest.$Shape
         */

        /**
         * Constructs a new ListOffsetsRequest.
         * @memberof rafter
         * @classdesc Represents a ListOffsetsRequest.
         * @constructor
         * @param {rafter.ListOffsetsRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ListOffsetsRequest = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListOffsetsRequest partitions.
         * @member {Array.<rafter.ListOffsetsPartition.$Properties>} partitions
         * @memberof rafter.ListOffsetsRequest
         * @instance
         */
        ListOffsetsRequest.prototype.partitions = $util.emptyArray;

        /**
         * Creates a new ListOffsetsRequest instance using the specified properties.
         * @function create
         * @memberof rafter.ListOffsetsRequest
         * @static
         * @param {rafter.ListOffsetsRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.ListOffsetsRequest} ListOffsetsRequest instance
         * @type {{
         *   (properties: rafter.ListOffsetsRequest.$Shape): rafter.ListOffsetsRequest & rafter.ListOffsetsRequest.$Shape;
         *   (properties?: rafter.ListOffsetsRequest.$Properties): rafter.ListOffsetsRequest;
         * }}
         */
        ListOffsetsRequest.create = function(properties) {
            return new ListOffsetsRequest(properties);
        };

        /**
         * Encodes the specified ListOffsetsRequest message. Does not implicitly {@link rafter.ListOffsetsRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.ListOffsetsRequest
         * @static
         * @param {rafter.ListOffsetsRequest.$Properties} message ListOffsetsRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListOffsetsRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.ListOffsetsPartition.encode(message.partitions[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListOffsetsRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ListOffsetsRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ListOffsetsRequest & rafter.ListOffsetsRequest.$Shape} ListOffsetsRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListOffsetsRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ListOffsetsRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.ListOffsetsPartition.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListOffsetsRequest;
    })();

    rafter.ListOffsetsPartitionResult = (function() {

        /**
         * Properties of a ListOffsetsPartitionResult.
         * @typedef {Object} rafter.ListOffsetsPartitionResult.$Properties
         * @property {string|null} [topic] ListOffsetsPartitionResult topic
         * @property {number|null} [partition] ListOffsetsPartitionResult partition
         * @property {rafter.ErrorCode|null} [error] ListOffsetsPartitionResult error
         * @property {string|null} [errorMessage] ListOffsetsPartitionResult errorMessage
         * @property {number|null} [offset] ListOffsetsPartitionResult offset
         * @property {number|null} [timestampMs] ListOffsetsPartitionResult timestampMs
         * @property {number|null} [leaderId] ListOffsetsPartitionResult leaderId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListOffsetsPartitionResult.
         * @memberof rafter
         * @interface IListOffsetsPartitionResult
         * @augments rafter.ListOffsetsPartitionResult.$Properties
         * @deprecated Use rafter.ListOffsetsPartitionResult.$Properties instead.
         */

        /**
         * Shape of a ListOffsetsPartitionResult.
         * @typedef {rafter.ListOffsetsPartitionResult.$Properties} rafter.ListOffsetsPartitionResult.$Shape
         */

        /**
         * Constructs a new ListOffsetsPartitionResult.
         * @memberof rafter
         * @classdesc Represents a ListOffsetsPartitionResult.
         * @constructor
         * @param {rafter.ListOffsetsPartitionResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ListOffsetsPartitionResult = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListOffsetsPartitionResult topic.
         * @member {string} topic
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.topic = "";

        /**
         * ListOffsetsPartitionResult partition.
         * @member {number} partition
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.partition = 0;

        /**
         * ListOffsetsPartitionResult error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.error = 0;

        /**
         * ListOffsetsPartitionResult errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.errorMessage = "";

        /**
         * ListOffsetsPartitionResult offset.
         * @member {number} offset
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ListOffsetsPartitionResult timestampMs.
         * @member {number} timestampMs
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.timestampMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * ListOffsetsPartitionResult leaderId.
         * @member {number} leaderId
         * @memberof rafter.ListOffsetsPartitionResult
         * @instance
         */
        ListOffsetsPartitionResult.prototype.leaderId = 0;

        /**
         * Creates a new ListOffsetsPartitionResult instance using the specified properties.
         * @function create
         * @memberof rafter.ListOffsetsPartitionResult
         * @static
         * @param {rafter.ListOffsetsPartitionResult.$Properties=} [properties] Properties to set
         * @returns {rafter.ListOffsetsPartitionResult} ListOffsetsPartitionResult instance
         * @type {{
         *   (properties: rafter.ListOffsetsPartitionResult.$Shape): rafter.ListOffsetsPartitionResult & rafter.ListOffsetsPartitionResult.$Shape;
         *   (properties?: rafter.ListOffsetsPartitionResult.$Properties): rafter.ListOffsetsPartitionResult;
         * }}
         */
        ListOffsetsPartitionResult.create = function(properties) {
            return new ListOffsetsPartitionResult(properties);
        };

        /**
         * Encodes the specified ListOffsetsPartitionResult message. Does not implicitly {@link rafter.ListOffsetsPartitionResult.verify|verify} messages.
         * @function encode
         * @memberof rafter.ListOffsetsPartitionResult
         * @static
         * @param {rafter.ListOffsetsPartitionResult.$Properties} message ListOffsetsPartitionResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListOffsetsPartitionResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.topic);
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.partition);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.offset);
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs") && (typeof message.timestampMs === "object" ? message.timestampMs.low || message.timestampMs.high : message.timestampMs !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).int64(message.timestampMs);
            if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).int32(message.leaderId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListOffsetsPartitionResult message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ListOffsetsPartitionResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ListOffsetsPartitionResult & rafter.ListOffsetsPartitionResult.$Shape} ListOffsetsPartitionResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListOffsetsPartitionResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ListOffsetsPartitionResult();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.topic = value;
                        else
                            delete message.topic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.partition = value;
                        else
                            delete message.partition;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.offset = value;
                        else
                            delete message.offset;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestampMs = value;
                        else
                            delete message.timestampMs;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.leaderId = value;
                        else
                            delete message.leaderId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListOffsetsPartitionResult;
    })();

    rafter.ListOffsetsResponse = (function() {

        /**
         * Properties of a ListOffsetsResponse.
         * @typedef {Object} rafter.ListOffsetsResponse.$Properties
         * @property {Array.<rafter.ListOffsetsPartitionResult.$Properties>|null} [partitions] ListOffsetsResponse partitions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListOffsetsResponse.
         * @memberof rafter
         * @interface IListOffsetsResponse
         * @augments rafter.ListOffsetsResponse.$Properties
         * @deprecated Use rafter.ListOffsetsResponse.$Properties instead.
         */

        /**
         * Shape of a ListOffsetsResponse.
         * @typedef {rafter.ListOffsetsResponse.$Properties} rafter.ListOffsetsResponse.$Shape
         */

        /**
         * Constructs a new ListOffsetsResponse.
         * @memberof rafter
         * @classdesc Represents a ListOffsetsResponse.
         * @constructor
         * @param {rafter.ListOffsetsResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var ListOffsetsResponse = function (properties) {
            this.partitions = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListOffsetsResponse partitions.
         * @member {Array.<rafter.ListOffsetsPartitionResult.$Properties>} partitions
         * @memberof rafter.ListOffsetsResponse
         * @instance
         */
        ListOffsetsResponse.prototype.partitions = $util.emptyArray;

        /**
         * Creates a new ListOffsetsResponse instance using the specified properties.
         * @function create
         * @memberof rafter.ListOffsetsResponse
         * @static
         * @param {rafter.ListOffsetsResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.ListOffsetsResponse} ListOffsetsResponse instance
         * @type {{
         *   (properties: rafter.ListOffsetsResponse.$Shape): rafter.ListOffsetsResponse & rafter.ListOffsetsResponse.$Shape;
         *   (properties?: rafter.ListOffsetsResponse.$Properties): rafter.ListOffsetsResponse;
         * }}
         */
        ListOffsetsResponse.create = function(properties) {
            return new ListOffsetsResponse(properties);
        };

        /**
         * Encodes the specified ListOffsetsResponse message. Does not implicitly {@link rafter.ListOffsetsResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.ListOffsetsResponse
         * @static
         * @param {rafter.ListOffsetsResponse.$Properties} message ListOffsetsResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListOffsetsResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partitions != null && message.partitions.length)
                for (var i = 0; i < message.partitions.length; ++i)
                    $root.rafter.ListOffsetsPartitionResult.encode(message.partitions[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListOffsetsResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.ListOffsetsResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.ListOffsetsResponse & rafter.ListOffsetsResponse.$Shape} ListOffsetsResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListOffsetsResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.ListOffsetsResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partitions && message.partitions.length))
                            message.partitions = [];
                        message.partitions.push($root.rafter.ListOffsetsPartitionResult.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListOffsetsResponse;
    })();

    rafter.InitProducerIdRequest = (function() {

        /**
         * Properties of an InitProducerIdRequest.
         * @typedef {Object} rafter.InitProducerIdRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an InitProducerIdRequest.
         * @memberof rafter
         * @interface IInitProducerIdRequest
         * @augments rafter.InitProducerIdRequest.$Properties
         * @deprecated Use rafter.InitProducerIdRequest.$Properties instead.
         */

        /**
         * Shape of an InitProducerIdRequest.
         * @typedef {rafter.InitProducerIdRequest.$Properties} rafter.InitProducerIdRequest.$Shape
         */

        /**
         * Constructs a new InitProducerIdRequest.
         * @memberof rafter
         * @classdesc Represents an InitProducerIdRequest.
         * @constructor
         * @param {rafter.InitProducerIdRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var InitProducerIdRequest = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new InitProducerIdRequest instance using the specified properties.
         * @function create
         * @memberof rafter.InitProducerIdRequest
         * @static
         * @param {rafter.InitProducerIdRequest.$Properties=} [properties] Properties to set
         * @returns {rafter.InitProducerIdRequest} InitProducerIdRequest instance
         * @type {{
         *   (properties: rafter.InitProducerIdRequest.$Shape): rafter.InitProducerIdRequest & rafter.InitProducerIdRequest.$Shape;
         *   (properties?: rafter.InitProducerIdRequest.$Properties): rafter.InitProducerIdRequest;
         * }}
         */
        InitProducerIdRequest.create = function(properties) {
            return new InitProducerIdRequest(properties);
        };

        /**
         * Encodes the specified InitProducerIdRequest message. Does not implicitly {@link rafter.InitProducerIdRequest.verify|verify} messages.
         * @function encode
         * @memberof rafter.InitProducerIdRequest
         * @static
         * @param {rafter.InitProducerIdRequest.$Properties} message InitProducerIdRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        InitProducerIdRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an InitProducerIdRequest message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.InitProducerIdRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.InitProducerIdRequest & rafter.InitProducerIdRequest.$Shape} InitProducerIdRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        InitProducerIdRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.InitProducerIdRequest();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return InitProducerIdRequest;
    })();

    rafter.InitProducerIdResponse = (function() {

        /**
         * Properties of an InitProducerIdResponse.
         * @typedef {Object} rafter.InitProducerIdResponse.$Properties
         * @property {rafter.ErrorCode|null} [error] InitProducerIdResponse error
         * @property {string|null} [errorMessage] InitProducerIdResponse errorMessage
         * @property {number|null} [producerId] InitProducerIdResponse producerId
         * @property {number|null} [producerEpoch] InitProducerIdResponse producerEpoch
         * @property {Uint8Array|null} [producerToken] InitProducerIdResponse producerToken
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an InitProducerIdResponse.
         * @memberof rafter
         * @interface IInitProducerIdResponse
         * @augments rafter.InitProducerIdResponse.$Properties
         * @deprecated Use rafter.InitProducerIdResponse.$Properties instead.
         */

        /**
         * Shape of an InitProducerIdResponse.
         * @typedef {rafter.InitProducerIdResponse.$Properties} rafter.InitProducerIdResponse.$Shape
         */

        /**
         * Constructs a new InitProducerIdResponse.
         * @memberof rafter
         * @classdesc Represents an InitProducerIdResponse.
         * @constructor
         * @param {rafter.InitProducerIdResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var InitProducerIdResponse = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * InitProducerIdResponse error.
         * @member {rafter.ErrorCode} error
         * @memberof rafter.InitProducerIdResponse
         * @instance
         */
        InitProducerIdResponse.prototype.error = 0;

        /**
         * InitProducerIdResponse errorMessage.
         * @member {string} errorMessage
         * @memberof rafter.InitProducerIdResponse
         * @instance
         */
        InitProducerIdResponse.prototype.errorMessage = "";

        /**
         * InitProducerIdResponse producerId.
         * @member {number} producerId
         * @memberof rafter.InitProducerIdResponse
         * @instance
         */
        InitProducerIdResponse.prototype.producerId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * InitProducerIdResponse producerEpoch.
         * @member {number} producerEpoch
         * @memberof rafter.InitProducerIdResponse
         * @instance
         */
        InitProducerIdResponse.prototype.producerEpoch = 0;

        /**
         * InitProducerIdResponse producerToken.
         * @member {Uint8Array} producerToken
         * @memberof rafter.InitProducerIdResponse
         * @instance
         */
        InitProducerIdResponse.prototype.producerToken = $util.newBuffer([]);

        /**
         * Creates a new InitProducerIdResponse instance using the specified properties.
         * @function create
         * @memberof rafter.InitProducerIdResponse
         * @static
         * @param {rafter.InitProducerIdResponse.$Properties=} [properties] Properties to set
         * @returns {rafter.InitProducerIdResponse} InitProducerIdResponse instance
         * @type {{
         *   (properties: rafter.InitProducerIdResponse.$Shape): rafter.InitProducerIdResponse & rafter.InitProducerIdResponse.$Shape;
         *   (properties?: rafter.InitProducerIdResponse.$Properties): rafter.InitProducerIdResponse;
         * }}
         */
        InitProducerIdResponse.create = function(properties) {
            return new InitProducerIdResponse(properties);
        };

        /**
         * Encodes the specified InitProducerIdResponse message. Does not implicitly {@link rafter.InitProducerIdResponse.verify|verify} messages.
         * @function encode
         * @memberof rafter.InitProducerIdResponse
         * @static
         * @param {rafter.InitProducerIdResponse.$Properties} message InitProducerIdResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        InitProducerIdResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.error);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.errorMessage);
            if (message.producerId != null && $Object.hasOwnProperty.call(message, "producerId") && (typeof message.producerId === "object" ? message.producerId.low || message.producerId.high : message.producerId !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.producerId);
            if (message.producerEpoch != null && $Object.hasOwnProperty.call(message, "producerEpoch") && message.producerEpoch !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.producerEpoch);
            if (message.producerToken != null && $Object.hasOwnProperty.call(message, "producerToken") && message.producerToken.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.producerToken);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an InitProducerIdResponse message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.InitProducerIdResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.InitProducerIdResponse & rafter.InitProducerIdResponse.$Shape} InitProducerIdResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        InitProducerIdResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.InitProducerIdResponse();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.producerId = value;
                        else
                            delete message.producerId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.producerEpoch = value;
                        else
                            delete message.producerEpoch;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.producerToken = value;
                        else
                            delete message.producerToken;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return InitProducerIdResponse;
    })();

    rafter.RecordBatch = (function() {

        /**
         * Properties of a RecordBatch.
         * @typedef {Object} rafter.RecordBatch.$Properties
         * @property {number|null} [baseOffset] RecordBatch baseOffset
         * @property {number|null} [appendTimeMs] RecordBatch appendTimeMs
         * @property {number|null} [crc] RecordBatch crc
         * @property {number|null} [recordCount] RecordBatch recordCount
         * @property {number|null} [producerId] RecordBatch producerId
         * @property {number|null} [producerEpoch] RecordBatch producerEpoch
         * @property {number|null} [baseSequence] RecordBatch baseSequence
         * @property {number|null} [firstTimestampMs] RecordBatch firstTimestampMs
         * @property {number|null} [maxTimestampMs] RecordBatch maxTimestampMs
         * @property {number|null} [attributes] RecordBatch attributes
         * @property {Uint8Array|null} [records] RecordBatch records
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecordBatch.
         * @memberof rafter
         * @interface IRecordBatch
         * @augments rafter.RecordBatch.$Properties
         * @deprecated Use rafter.RecordBatch.$Properties instead.
         */

        /**
         * Shape of a RecordBatch.
         * @typedef {rafter.RecordBatch.$Properties} rafter.RecordBatch.$Shape
         */

        /**
         * Constructs a new RecordBatch.
         * @memberof rafter
         * @classdesc Represents a RecordBatch.
         * @constructor
         * @param {rafter.RecordBatch.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var RecordBatch = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RecordBatch baseOffset.
         * @member {number} baseOffset
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.baseOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * RecordBatch appendTimeMs.
         * @member {number} appendTimeMs
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.appendTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * RecordBatch crc.
         * @member {number} crc
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.crc = 0;

        /**
         * RecordBatch recordCount.
         * @member {number} recordCount
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.recordCount = 0;

        /**
         * RecordBatch producerId.
         * @member {number} producerId
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.producerId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * RecordBatch producerEpoch.
         * @member {number} producerEpoch
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.producerEpoch = 0;

        /**
         * RecordBatch baseSequence.
         * @member {number} baseSequence
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.baseSequence = 0;

        /**
         * RecordBatch firstTimestampMs.
         * @member {number} firstTimestampMs
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.firstTimestampMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * RecordBatch maxTimestampMs.
         * @member {number} maxTimestampMs
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.maxTimestampMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * RecordBatch attributes.
         * @member {number} attributes
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.attributes = 0;

        /**
         * RecordBatch records.
         * @member {Uint8Array} records
         * @memberof rafter.RecordBatch
         * @instance
         */
        RecordBatch.prototype.records = $util.newBuffer([]);

        /**
         * Creates a new RecordBatch instance using the specified properties.
         * @function create
         * @memberof rafter.RecordBatch
         * @static
         * @param {rafter.RecordBatch.$Properties=} [properties] Properties to set
         * @returns {rafter.RecordBatch} RecordBatch instance
         * @type {{
         *   (properties: rafter.RecordBatch.$Shape): rafter.RecordBatch & rafter.RecordBatch.$Shape;
         *   (properties?: rafter.RecordBatch.$Properties): rafter.RecordBatch;
         * }}
         */
        RecordBatch.create = function(properties) {
            return new RecordBatch(properties);
        };

        /**
         * Encodes the specified RecordBatch message. Does not implicitly {@link rafter.RecordBatch.verify|verify} messages.
         * @function encode
         * @memberof rafter.RecordBatch
         * @static
         * @param {rafter.RecordBatch.$Properties} message RecordBatch message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecordBatch.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.baseOffset != null && $Object.hasOwnProperty.call(message, "baseOffset") && (typeof message.baseOffset === "object" ? message.baseOffset.low || message.baseOffset.high : message.baseOffset !== 0))
                writer.uint32(/* id 1, wireType 1 =*/9).fixed64(message.baseOffset);
            if (message.appendTimeMs != null && $Object.hasOwnProperty.call(message, "appendTimeMs") && (typeof message.appendTimeMs === "object" ? message.appendTimeMs.low || message.appendTimeMs.high : message.appendTimeMs !== 0))
                writer.uint32(/* id 2, wireType 1 =*/17).fixed64(message.appendTimeMs);
            if (message.crc != null && $Object.hasOwnProperty.call(message, "crc") && message.crc !== 0)
                writer.uint32(/* id 3, wireType 5 =*/29).fixed32(message.crc);
            if (message.recordCount != null && $Object.hasOwnProperty.call(message, "recordCount") && message.recordCount !== 0)
                writer.uint32(/* id 4, wireType 5 =*/37).fixed32(message.recordCount);
            if (message.producerId != null && $Object.hasOwnProperty.call(message, "producerId") && (typeof message.producerId === "object" ? message.producerId.low || message.producerId.high : message.producerId !== 0))
                writer.uint32(/* id 5, wireType 1 =*/41).fixed64(message.producerId);
            if (message.producerEpoch != null && $Object.hasOwnProperty.call(message, "producerEpoch") && message.producerEpoch !== 0)
                writer.uint32(/* id 6, wireType 5 =*/53).fixed32(message.producerEpoch);
            if (message.baseSequence != null && $Object.hasOwnProperty.call(message, "baseSequence") && message.baseSequence !== 0)
                writer.uint32(/* id 7, wireType 5 =*/61).sfixed32(message.baseSequence);
            if (message.firstTimestampMs != null && $Object.hasOwnProperty.call(message, "firstTimestampMs") && (typeof message.firstTimestampMs === "object" ? message.firstTimestampMs.low || message.firstTimestampMs.high : message.firstTimestampMs !== 0))
                writer.uint32(/* id 8, wireType 1 =*/65).fixed64(message.firstTimestampMs);
            if (message.maxTimestampMs != null && $Object.hasOwnProperty.call(message, "maxTimestampMs") && (typeof message.maxTimestampMs === "object" ? message.maxTimestampMs.low || message.maxTimestampMs.high : message.maxTimestampMs !== 0))
                writer.uint32(/* id 9, wireType 1 =*/73).fixed64(message.maxTimestampMs);
            if (message.attributes != null && $Object.hasOwnProperty.call(message, "attributes") && message.attributes !== 0)
                writer.uint32(/* id 10, wireType 5 =*/85).fixed32(message.attributes);
            if (message.records != null && $Object.hasOwnProperty.call(message, "records") && message.records.length)
                writer.uint32(/* id 15, wireType 2 =*/122).bytes(message.records);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RecordBatch message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.RecordBatch
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.RecordBatch & rafter.RecordBatch.$Shape} RecordBatch
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecordBatch.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.RecordBatch();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 1)
                            break;
                        if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                            message.baseOffset = value;
                        else
                            delete message.baseOffset;
                        continue;
                    }
                case 2: {
                        if (wireType !== 1)
                            break;
                        if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                            message.appendTimeMs = value;
                        else
                            delete message.appendTimeMs;
                        continue;
                    }
                case 3: {
                        if (wireType !== 5)
                            break;
                        if (value = reader.fixed32())
                            message.crc = value;
                        else
                            delete message.crc;
                        continue;
                    }
                case 4: {
                        if (wireType !== 5)
                            break;
                        if (value = reader.fixed32())
                            message.recordCount = value;
                        else
                            delete message.recordCount;
                        continue;
                    }
                case 5: {
                        if (wireType !== 1)
                            break;
                        if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                            message.producerId = value;
                        else
                            delete message.producerId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 5)
                            break;
                        if (value = reader.fixed32())
                            message.producerEpoch = value;
                        else
                            delete message.producerEpoch;
                        continue;
                    }
                case 7: {
                        if (wireType !== 5)
                            break;
                        if (value = reader.sfixed32())
                            message.baseSequence = value;
                        else
                            delete message.baseSequence;
                        continue;
                    }
                case 8: {
                        if (wireType !== 1)
                            break;
                        if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                            message.firstTimestampMs = value;
                        else
                            delete message.firstTimestampMs;
                        continue;
                    }
                case 9: {
                        if (wireType !== 1)
                            break;
                        if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxTimestampMs = value;
                        else
                            delete message.maxTimestampMs;
                        continue;
                    }
                case 10: {
                        if (wireType !== 5)
                            break;
                        if (value = reader.fixed32())
                            message.attributes = value;
                        else
                            delete message.attributes;
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.records = value;
                        else
                            delete message.records;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RecordBatch;
    })();

    rafter.RecordSet = (function() {

        /**
         * Properties of a RecordSet.
         * @typedef {Object} rafter.RecordSet.$Properties
         * @property {Array.<rafter.Record.$Properties>|null} [records] RecordSet records
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecordSet.
         * @memberof rafter
         * @interface IRecordSet
         * @augments rafter.RecordSet.$Properties
         * @deprecated Use rafter.RecordSet.$Properties instead.
         */

        /**
         * Shape of a RecordSet.
         * @typedef {rafter.RecordSet.$Properties} rafter.RecordSet.$Shape
         */

        /**
         * Constructs a new RecordSet.
         * @memberof rafter
         * @classdesc Represents a RecordSet.
         * @constructor
         * @param {rafter.RecordSet.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var RecordSet = function (properties) {
            this.records = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RecordSet records.
         * @member {Array.<rafter.Record.$Properties>} records
         * @memberof rafter.RecordSet
         * @instance
         */
        RecordSet.prototype.records = $util.emptyArray;

        /**
         * Creates a new RecordSet instance using the specified properties.
         * @function create
         * @memberof rafter.RecordSet
         * @static
         * @param {rafter.RecordSet.$Properties=} [properties] Properties to set
         * @returns {rafter.RecordSet} RecordSet instance
         * @type {{
         *   (properties: rafter.RecordSet.$Shape): rafter.RecordSet & rafter.RecordSet.$Shape;
         *   (properties?: rafter.RecordSet.$Properties): rafter.RecordSet;
         * }}
         */
        RecordSet.create = function(properties) {
            return new RecordSet(properties);
        };

        /**
         * Encodes the specified RecordSet message. Does not implicitly {@link rafter.RecordSet.verify|verify} messages.
         * @function encode
         * @memberof rafter.RecordSet
         * @static
         * @param {rafter.RecordSet.$Properties} message RecordSet message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecordSet.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.records != null && message.records.length)
                for (var i = 0; i < message.records.length; ++i)
                    $root.rafter.Record.encode(message.records[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RecordSet message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.RecordSet
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.RecordSet & rafter.RecordSet.$Shape} RecordSet
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecordSet.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.RecordSet();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.records && message.records.length))
                            message.records = [];
                        message.records.push($root.rafter.Record.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RecordSet;
    })();

    rafter.Record = (function() {

        /**
         * Properties of a Record.
         * @typedef {Object} rafter.Record.$Properties
         * @property {number|null} [timestampDeltaMs] Record timestampDeltaMs
         * @property {number|null} [offsetDelta] Record offsetDelta
         * @property {Uint8Array|null} [key] Record key
         * @property {Uint8Array|null} [value] Record value
         * @property {Array.<rafter.RecordHeader.$Properties>|null} [headers] Record headers
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Record.
         * @memberof rafter
         * @interface IRecord
         * @augments rafter.Record.$Properties
         * @deprecated Use rafter.Record.$Properties instead.
         */

        /**
         * Shape of a Record.
         * @typedef {rafter.Record.$Properties} rafter.Record.$Shape
         */

        /**
         * Constructs a new Record.
         * @memberof rafter
         * @classdesc Represents a Record.
         * @constructor
         * @param {rafter.Record.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var Record = function (properties) {
            this.headers = [];
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Record timestampDeltaMs.
         * @member {number} timestampDeltaMs
         * @memberof rafter.Record
         * @instance
         */
        Record.prototype.timestampDeltaMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Record offsetDelta.
         * @member {number} offsetDelta
         * @memberof rafter.Record
         * @instance
         */
        Record.prototype.offsetDelta = 0;

        /**
         * Record key.
         * @member {Uint8Array|null|undefined} key
         * @memberof rafter.Record
         * @instance
         */
        Record.prototype.key = null;

        /**
         * Record value.
         * @member {Uint8Array|null|undefined} value
         * @memberof rafter.Record
         * @instance
         */
        Record.prototype.value = null;

        /**
         * Record headers.
         * @member {Array.<rafter.RecordHeader.$Properties>} headers
         * @memberof rafter.Record
         * @instance
         */
        Record.prototype.headers = $util.emptyArray;

        // OneOf field names bound to virtual getters and setters
        var $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(Record.prototype, "_key", {
            get: $util.oneOfGetter($oneOfFields = ["key"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(Record.prototype, "_value", {
            get: $util.oneOfGetter($oneOfFields = ["value"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Record instance using the specified properties.
         * @function create
         * @memberof rafter.Record
         * @static
         * @param {rafter.Record.$Properties=} [properties] Properties to set
         * @returns {rafter.Record} Record instance
         * @type {{
         *   (properties: rafter.Record.$Shape): rafter.Record & rafter.Record.$Shape;
         *   (properties?: rafter.Record.$Properties): rafter.Record;
         * }}
         */
        Record.create = function(properties) {
            return new Record(properties);
        };

        /**
         * Encodes the specified Record message. Does not implicitly {@link rafter.Record.verify|verify} messages.
         * @function encode
         * @memberof rafter.Record
         * @static
         * @param {rafter.Record.$Properties} message Record message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Record.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.timestampDeltaMs != null && $Object.hasOwnProperty.call(message, "timestampDeltaMs") && (typeof message.timestampDeltaMs === "object" ? message.timestampDeltaMs.low || message.timestampDeltaMs.high : message.timestampDeltaMs !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).sint64(message.timestampDeltaMs);
            if (message.offsetDelta != null && $Object.hasOwnProperty.call(message, "offsetDelta") && message.offsetDelta !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.offsetDelta);
            if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.key);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.value);
            if (message.headers != null && message.headers.length)
                for (var i = 0; i < message.headers.length; ++i)
                    $root.rafter.RecordHeader.encode(message.headers[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Record message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.Record
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.Record & rafter.Record.$Shape} Record
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Record.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.Record();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestampDeltaMs = value;
                        else
                            delete message.timestampDeltaMs;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.offsetDelta = value;
                        else
                            delete message.offsetDelta;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.key = reader.bytes();
                        message._key = "key";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.value = reader.bytes();
                        message._value = "value";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.headers && message.headers.length))
                            message.headers = [];
                        message.headers.push($root.rafter.RecordHeader.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Record;
    })();

    rafter.RecordHeader = (function() {

        /**
         * Properties of a RecordHeader.
         * @typedef {Object} rafter.RecordHeader.$Properties
         * @property {string|null} [key] RecordHeader key
         * @property {Uint8Array|null} [value] RecordHeader value
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecordHeader.
         * @memberof rafter
         * @interface IRecordHeader
         * @augments rafter.RecordHeader.$Properties
         * @deprecated Use rafter.RecordHeader.$Properties instead.
         */

        /**
         * Shape of a RecordHeader.
         * @typedef {rafter.RecordHeader.$Properties} rafter.RecordHeader.$Shape
         */

        /**
         * Constructs a new RecordHeader.
         * @memberof rafter
         * @classdesc Represents a RecordHeader.
         * @constructor
         * @param {rafter.RecordHeader.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        var RecordHeader = function (properties) {
            if (properties)
                for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RecordHeader key.
         * @member {string} key
         * @memberof rafter.RecordHeader
         * @instance
         */
        RecordHeader.prototype.key = "";

        /**
         * RecordHeader value.
         * @member {Uint8Array} value
         * @memberof rafter.RecordHeader
         * @instance
         */
        RecordHeader.prototype.value = $util.newBuffer([]);

        /**
         * Creates a new RecordHeader instance using the specified properties.
         * @function create
         * @memberof rafter.RecordHeader
         * @static
         * @param {rafter.RecordHeader.$Properties=} [properties] Properties to set
         * @returns {rafter.RecordHeader} RecordHeader instance
         * @type {{
         *   (properties: rafter.RecordHeader.$Shape): rafter.RecordHeader & rafter.RecordHeader.$Shape;
         *   (properties?: rafter.RecordHeader.$Properties): rafter.RecordHeader;
         * }}
         */
        RecordHeader.create = function(properties) {
            return new RecordHeader(properties);
        };

        /**
         * Encodes the specified RecordHeader message. Does not implicitly {@link rafter.RecordHeader.verify|verify} messages.
         * @function encode
         * @memberof rafter.RecordHeader
         * @static
         * @param {rafter.RecordHeader.$Properties} message RecordHeader message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecordHeader.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.value);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (var i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RecordHeader message from the specified reader or buffer.
         * @function decode
         * @memberof rafter.RecordHeader
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {rafter.RecordHeader & rafter.RecordHeader.$Shape} RecordHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecordHeader.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.rafter.RecordHeader();
            while (reader.pos < end) {
                var start = reader.pos;
                var tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                var wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.value = value;
                        else
                            delete message.value;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RecordHeader;
    })();

    return rafter;
})();

module.exports = $root;
