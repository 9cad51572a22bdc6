/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
var $root = $protobuf.roots["rafter_peer"] || ($protobuf.roots["rafter_peer"] = {});

$root.rafter = (function() {

    /**
     * Namespace rafter.
     * @exports rafter
     * @namespace
     */
    var rafter = {};

    rafter.peer = (function() {

        /**
         * Namespace peer.
         * @memberof rafter
         * @namespace
         */
        var peer = {};

        peer.PeerFrame = (function() {

            /**
             * Properties of a PeerFrame.
             * @typedef {Object} rafter.peer.PeerFrame.$Properties
             * @property {rafter.peer.Hello.$Properties|null} [hello] PeerFrame hello
             * @property {rafter.peer.RaftBatch.$Properties|null} [raftBatch] PeerFrame raftBatch
             * @property {"hello"|"raftBatch"} [body] PeerFrame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PeerFrame.
             * @memberof rafter.peer
             * @interface IPeerFrame
             * @augments rafter.peer.PeerFrame.$Properties
             * @deprecated Use rafter.peer.PeerFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a PeerFrame.
             * @typedef {{
             *   hello?: rafter.peer.Hello.$Shape|null;
             *   raftBatch?: rafter.peer.RaftBatch.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; raftBatch?: null }|{ body?: "hello"; hello: rafter.peer.Hello.$Shape; raftBatch?: null }|{ body?: "raftBatch"; hello?: null; raftBatch: rafter.peer.RaftBatch.$Shape })
             * )} rafter.peer.PeerFrame.$Shape
             */

            /**
             * Constructs a new PeerFrame.
             * @memberof rafter.peer
             * @classdesc Represents a PeerFrame.
             * @constructor
             * @param {rafter.peer.PeerFrame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var PeerFrame = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PeerFrame hello.
             * @member {rafter.peer.Hello.$Properties|null|undefined} hello
             * @memberof rafter.peer.PeerFrame
             * @instance
             */
            PeerFrame.prototype.hello = null;

            /**
             * PeerFrame raftBatch.
             * @member {rafter.peer.RaftBatch.$Properties|null|undefined} raftBatch
             * @memberof rafter.peer.PeerFrame
             * @instance
             */
            PeerFrame.prototype.raftBatch = null;

            // OneOf field names bound to virtual getters and setters
            var $oneOfFields;

            /**
             * PeerFrame body.
             * @member {"hello"|"raftBatch"|undefined} body
             * @memberof rafter.peer.PeerFrame
             * @instance
             */
            $Object.defineProperty(PeerFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "raftBatch"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new PeerFrame instance using the specified properties.
             * @function create
             * @memberof rafter.peer.PeerFrame
             * @static
             * @param {rafter.peer.PeerFrame.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.PeerFrame} PeerFrame instance
             * @type {{
             *   (properties: rafter.peer.PeerFrame.$Shape): rafter.peer.PeerFrame & rafter.peer.PeerFrame.$Shape;
             *   (properties?: rafter.peer.PeerFrame.$Properties): rafter.peer.PeerFrame;
             * }}
             */
            PeerFrame.create = function(properties) {
                return new PeerFrame(properties);
            };

            /**
             * Encodes the specified PeerFrame message. Does not implicitly {@link rafter.peer.PeerFrame.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.PeerFrame
             * @static
             * @param {rafter.peer.PeerFrame.$Properties} message PeerFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PeerFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.rafter.peer.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.raftBatch != null && $Object.hasOwnProperty.call(message, "raftBatch"))
                    $root.rafter.peer.RaftBatch.encode(message.raftBatch, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PeerFrame message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.PeerFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.PeerFrame & rafter.peer.PeerFrame.$Shape} PeerFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PeerFrame.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.PeerFrame();
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
                            message.hello = $root.rafter.peer.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.raftBatch = $root.rafter.peer.RaftBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.raftBatch);
                            message.body = "raftBatch";
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

            return PeerFrame;
        })();

        peer.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} rafter.peer.Hello.$Properties
             * @property {number|null} [brokerId] Hello brokerId
             * @property {string|null} [clusterId] Hello clusterId
             * @property {number|null} [protocolVersion] Hello protocolVersion
             * @property {string|null} [storeId] Hello storeId
             * @property {boolean|null} [controllerUnformed] Hello controllerUnformed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof rafter.peer
             * @interface IHello
             * @augments rafter.peer.Hello.$Properties
             * @deprecated Use rafter.peer.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {rafter.peer.Hello.$Properties} rafter.peer.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof rafter.peer
             * @classdesc Represents a Hello.
             * @constructor
             * @param {rafter.peer.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Hello = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello brokerId.
             * @member {number} brokerId
             * @memberof rafter.peer.Hello
             * @instance
             */
            Hello.prototype.brokerId = 0;

            /**
             * Hello clusterId.
             * @member {string} clusterId
             * @memberof rafter.peer.Hello
             * @instance
             */
            Hello.prototype.clusterId = "";

            /**
             * Hello protocolVersion.
             * @member {number} protocolVersion
             * @memberof rafter.peer.Hello
             * @instance
             */
            Hello.prototype.protocolVersion = 0;

            /**
             * Hello storeId.
             * @member {string} storeId
             * @memberof rafter.peer.Hello
             * @instance
             */
            Hello.prototype.storeId = "";

            /**
             * Hello controllerUnformed.
             * @member {boolean} controllerUnformed
             * @memberof rafter.peer.Hello
             * @instance
             */
            Hello.prototype.controllerUnformed = false;

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof rafter.peer.Hello
             * @static
             * @param {rafter.peer.Hello.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.Hello} Hello instance
             * @type {{
             *   (properties: rafter.peer.Hello.$Shape): rafter.peer.Hello & rafter.peer.Hello.$Shape;
             *   (properties?: rafter.peer.Hello.$Properties): rafter.peer.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link rafter.peer.Hello.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.Hello
             * @static
             * @param {rafter.peer.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.brokerId);
                if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && message.clusterId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.clusterId);
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.protocolVersion);
                if (message.storeId != null && $Object.hasOwnProperty.call(message, "storeId") && message.storeId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.storeId);
                if (message.controllerUnformed != null && $Object.hasOwnProperty.call(message, "controllerUnformed") && message.controllerUnformed !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.controllerUnformed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.Hello & rafter.peer.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.Hello();
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
                                message.brokerId = value;
                            else
                                delete message.brokerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clusterId = value;
                            else
                                delete message.clusterId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.storeId = value;
                            else
                                delete message.storeId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.controllerUnformed = value;
                            else
                                delete message.controllerUnformed;
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

            return Hello;
        })();

        peer.RaftBatch = (function() {

            /**
             * Properties of a RaftBatch.
             * @typedef {Object} rafter.peer.RaftBatch.$Properties
             * @property {Array.<rafter.peer.GroupMessages.$Properties>|null} [groups] RaftBatch groups
             * @property {rafter.peer.CoalescedHeartbeats.$Properties|null} [heartbeats] RaftBatch heartbeats
             * @property {rafter.peer.CoalescedHeartbeats.$Properties|null} [heartbeatResponses] RaftBatch heartbeatResponses
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RaftBatch.
             * @memberof rafter.peer
             * @interface IRaftBatch
             * @augments rafter.peer.RaftBatch.$Properties
             * @deprecated Use rafter.peer.RaftBatch.$Properties instead.
             */

            /**
             * Shape of a RaftBatch.
             * @typedef {rafter.peer.RaftBatch.$Properties} rafter.peer.RaftBatch.$Shape
             */

            /**
             * Constructs a new RaftBatch.
             * @memberof rafter.peer
             * @classdesc Represents a RaftBatch.
             * @constructor
             * @param {rafter.peer.RaftBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RaftBatch = function (properties) {
                this.groups = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RaftBatch groups.
             * @member {Array.<rafter.peer.GroupMessages.$Properties>} groups
             * @memberof rafter.peer.RaftBatch
             * @instance
             */
            RaftBatch.prototype.groups = $util.emptyArray;

            /**
             * RaftBatch heartbeats.
             * @member {rafter.peer.CoalescedHeartbeats.$Properties|null|undefined} heartbeats
             * @memberof rafter.peer.RaftBatch
             * @instance
             */
            RaftBatch.prototype.heartbeats = null;

            /**
             * RaftBatch heartbeatResponses.
             * @member {rafter.peer.CoalescedHeartbeats.$Properties|null|undefined} heartbeatResponses
             * @memberof rafter.peer.RaftBatch
             * @instance
             */
            RaftBatch.prototype.heartbeatResponses = null;

            /**
             * Creates a new RaftBatch instance using the specified properties.
             * @function create
             * @memberof rafter.peer.RaftBatch
             * @static
             * @param {rafter.peer.RaftBatch.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.RaftBatch} RaftBatch instance
             * @type {{
             *   (properties: rafter.peer.RaftBatch.$Shape): rafter.peer.RaftBatch & rafter.peer.RaftBatch.$Shape;
             *   (properties?: rafter.peer.RaftBatch.$Properties): rafter.peer.RaftBatch;
             * }}
             */
            RaftBatch.create = function(properties) {
                return new RaftBatch(properties);
            };

            /**
             * Encodes the specified RaftBatch message. Does not implicitly {@link rafter.peer.RaftBatch.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.RaftBatch
             * @static
             * @param {rafter.peer.RaftBatch.$Properties} message RaftBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RaftBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groups != null && message.groups.length)
                    for (var i = 0; i < message.groups.length; ++i)
                        $root.rafter.peer.GroupMessages.encode(message.groups[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.heartbeats != null && $Object.hasOwnProperty.call(message, "heartbeats"))
                    $root.rafter.peer.CoalescedHeartbeats.encode(message.heartbeats, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.heartbeatResponses != null && $Object.hasOwnProperty.call(message, "heartbeatResponses"))
                    $root.rafter.peer.CoalescedHeartbeats.encode(message.heartbeatResponses, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RaftBatch message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.RaftBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.RaftBatch & rafter.peer.RaftBatch.$Shape} RaftBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RaftBatch.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.RaftBatch();
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
                            if (!(message.groups && message.groups.length))
                                message.groups = [];
                            message.groups.push($root.rafter.peer.GroupMessages.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.heartbeats = $root.rafter.peer.CoalescedHeartbeats.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeats);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.heartbeatResponses = $root.rafter.peer.CoalescedHeartbeats.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeatResponses);
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

            return RaftBatch;
        })();

        peer.GroupMessages = (function() {

            /**
             * Properties of a GroupMessages.
             * @typedef {Object} rafter.peer.GroupMessages.$Properties
             * @property {number|null} [groupId] GroupMessages groupId
             * @property {Array.<rafter.peer.RaftMessage.$Properties>|null} [messages] GroupMessages messages
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GroupMessages.
             * @memberof rafter.peer
             * @interface IGroupMessages
             * @augments rafter.peer.GroupMessages.$Properties
             * @deprecated Use rafter.peer.GroupMessages.$Properties instead.
             */

            /**
             * Shape of a GroupMessages.
             * @typedef {rafter.peer.GroupMessages.$Properties} rafter.peer.GroupMessages.$Shape
             */

            /**
             * Constructs a new GroupMessages.
             * @memberof rafter.peer
             * @classdesc Represents a GroupMessages.
             * @constructor
             * @param {rafter.peer.GroupMessages.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var GroupMessages = function (properties) {
                this.messages = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * GroupMessages groupId.
             * @member {number} groupId
             * @memberof rafter.peer.GroupMessages
             * @instance
             */
            GroupMessages.prototype.groupId = 0;

            /**
             * GroupMessages messages.
             * @member {Array.<rafter.peer.RaftMessage.$Properties>} messages
             * @memberof rafter.peer.GroupMessages
             * @instance
             */
            GroupMessages.prototype.messages = $util.emptyArray;

            /**
             * Creates a new GroupMessages instance using the specified properties.
             * @function create
             * @memberof rafter.peer.GroupMessages
             * @static
             * @param {rafter.peer.GroupMessages.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.GroupMessages} GroupMessages instance
             * @type {{
             *   (properties: rafter.peer.GroupMessages.$Shape): rafter.peer.GroupMessages & rafter.peer.GroupMessages.$Shape;
             *   (properties?: rafter.peer.GroupMessages.$Properties): rafter.peer.GroupMessages;
             * }}
             */
            GroupMessages.create = function(properties) {
                return new GroupMessages(properties);
            };

            /**
             * Encodes the specified GroupMessages message. Does not implicitly {@link rafter.peer.GroupMessages.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.GroupMessages
             * @static
             * @param {rafter.peer.GroupMessages.$Properties} message GroupMessages message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GroupMessages.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.groupId);
                if (message.messages != null && message.messages.length)
                    for (var i = 0; i < message.messages.length; ++i)
                        $root.rafter.peer.RaftMessage.encode(message.messages[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a GroupMessages message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.GroupMessages
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.GroupMessages & rafter.peer.GroupMessages.$Shape} GroupMessages
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GroupMessages.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.GroupMessages();
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
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.messages && message.messages.length))
                                message.messages = [];
                            message.messages.push($root.rafter.peer.RaftMessage.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return GroupMessages;
        })();

        peer.CoalescedHeartbeats = (function() {

            /**
             * Properties of a CoalescedHeartbeats.
             * @typedef {Object} rafter.peer.CoalescedHeartbeats.$Properties
             * @property {Array.<number>|null} [groupIds] CoalescedHeartbeats groupIds
             * @property {Array.<number>|null} [from] CoalescedHeartbeats from
             * @property {Array.<number>|null} [to] CoalescedHeartbeats to
             * @property {Array.<number>|null} [terms] CoalescedHeartbeats terms
             * @property {Array.<number>|null} [commits] CoalescedHeartbeats commits
             * @property {Array.<number>|null} [recovering] CoalescedHeartbeats recovering
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CoalescedHeartbeats.
             * @memberof rafter.peer
             * @interface ICoalescedHeartbeats
             * @augments rafter.peer.CoalescedHeartbeats.$Properties
             * @deprecated Use rafter.peer.CoalescedHeartbeats.$Properties instead.
             */

            /**
             * Shape of a CoalescedHeartbeats.
             * @typedef {rafter.peer.CoalescedHeartbeats.$Properties} rafter.peer.CoalescedHeartbeats.$Shape
             */

            /**
             * Constructs a new CoalescedHeartbeats.
             * @memberof rafter.peer
             * @classdesc Represents a CoalescedHeartbeats.
             * @constructor
             * @param {rafter.peer.CoalescedHeartbeats.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var CoalescedHeartbeats = function (properties) {
                this.groupIds = [];
                this.from = [];
                this.to = [];
                this.terms = [];
                this.commits = [];
                this.recovering = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CoalescedHeartbeats groupIds.
             * @member {Array.<number>} groupIds
             * @memberof rafter.peer.CoalescedHeartbeats
             * @instance
             */
            CoalescedHeartbeats.prototype.groupIds = $util.emptyArray;

            /**
             * CoalescedHeartbeats from.
             * @member {Array.<number>} from
             * @memberof rafter.peer.CoalescedHeartbeats
             * @instance
             */
            CoalescedHeartbeats.prototype.from = $util.emptyArray;

            /**
             * CoalescedHeartbeats to.
             * @member {Array.<number>} to
             * @memberof rafter.peer.CoalescedHeartbeats
             * @instance
             */
            CoalescedHeartbeats.prototype.to = $util.emptyArray;

            /**
             * CoalescedHeartbeats terms.
             * @member {Array.<number>} terms
             * @memberof rafter.peer.CoalescedHeartbeats
             * @instance
             */
            CoalescedHeartbeats.prototype.terms = $util.emptyArray;

            /**
             * CoalescedHeartbeats commits.
             * @member {Array.<number>} commits
             * @memberof rafter.peer.CoalescedHeartbeats
             * @instance
             */
            CoalescedHeartbeats.prototype.commits = $util.emptyArray;

            /**
             * CoalescedHeartbeats recovering.
             * @member {Array.<number>} recovering
             * @memberof rafter.peer.CoalescedHeartbeats
             * @instance
             */
            CoalescedHeartbeats.prototype.recovering = $util.emptyArray;

            /**
             * Creates a new CoalescedHeartbeats instance using the specified properties.
             * @function create
             * @memberof rafter.peer.CoalescedHeartbeats
             * @static
             * @param {rafter.peer.CoalescedHeartbeats.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.CoalescedHeartbeats} CoalescedHeartbeats instance
             * @type {{
             *   (properties: rafter.peer.CoalescedHeartbeats.$Shape): rafter.peer.CoalescedHeartbeats & rafter.peer.CoalescedHeartbeats.$Shape;
             *   (properties?: rafter.peer.CoalescedHeartbeats.$Properties): rafter.peer.CoalescedHeartbeats;
             * }}
             */
            CoalescedHeartbeats.create = function(properties) {
                return new CoalescedHeartbeats(properties);
            };

            /**
             * Encodes the specified CoalescedHeartbeats message. Does not implicitly {@link rafter.peer.CoalescedHeartbeats.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.CoalescedHeartbeats
             * @static
             * @param {rafter.peer.CoalescedHeartbeats.$Properties} message CoalescedHeartbeats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CoalescedHeartbeats.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupIds != null && message.groupIds.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint32s(message.groupIds);
                if (message.from != null && message.from.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.from);
                if (message.to != null && message.to.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.to);
                if (message.terms != null && message.terms.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint64s(message.terms);
                if (message.commits != null && message.commits.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).uint64s(message.commits);
                if (message.recovering != null && message.recovering.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).uint32s(message.recovering);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CoalescedHeartbeats message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.CoalescedHeartbeats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.CoalescedHeartbeats & rafter.peer.CoalescedHeartbeats.$Shape} CoalescedHeartbeats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CoalescedHeartbeats.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.CoalescedHeartbeats();
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
                            if (wireType === 2) {
                                if (!(message.groupIds && message.groupIds.length))
                                    message.groupIds = [];
                                reader.uint32s(message.groupIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.groupIds && message.groupIds.length))
                                message.groupIds = [];
                            message.groupIds.push(reader.uint32());
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.from && message.from.length))
                                    message.from = [];
                                reader.uint32s(message.from);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.from && message.from.length))
                                message.from = [];
                            message.from.push(reader.uint32());
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.to && message.to.length))
                                    message.to = [];
                                reader.uint32s(message.to);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.to && message.to.length))
                                message.to = [];
                            message.to.push(reader.uint32());
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.terms && message.terms.length))
                                    message.terms = [];
                                reader.uint64s(message.terms);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.terms && message.terms.length))
                                message.terms = [];
                            message.terms.push(reader.uint64());
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.commits && message.commits.length))
                                    message.commits = [];
                                reader.uint64s(message.commits);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.commits && message.commits.length))
                                message.commits = [];
                            message.commits.push(reader.uint64());
                            continue;
                        }
                    case 6: {
                            if (wireType === 2) {
                                if (!(message.recovering && message.recovering.length))
                                    message.recovering = [];
                                reader.uint32s(message.recovering);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.recovering && message.recovering.length))
                                message.recovering = [];
                            message.recovering.push(reader.uint32());
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

            return CoalescedHeartbeats;
        })();

        /**
         * MessageType enum.
         * @name rafter.peer.MessageType
         * @enum {number}
         * @property {number} MSG_UNSPECIFIED=0 MSG_UNSPECIFIED value
         * @property {number} MSG_APP=1 MSG_APP value
         * @property {number} MSG_APP_RESP=2 MSG_APP_RESP value
         * @property {number} MSG_VOTE=3 MSG_VOTE value
         * @property {number} MSG_VOTE_RESP=4 MSG_VOTE_RESP value
         * @property {number} MSG_PRE_VOTE=5 MSG_PRE_VOTE value
         * @property {number} MSG_PRE_VOTE_RESP=6 MSG_PRE_VOTE_RESP value
         * @property {number} MSG_SNAP=7 MSG_SNAP value
         * @property {number} MSG_HEARTBEAT=8 MSG_HEARTBEAT value
         * @property {number} MSG_HEARTBEAT_RESP=9 MSG_HEARTBEAT_RESP value
         * @property {number} MSG_TRANSFER_LEADER=10 MSG_TRANSFER_LEADER value
         * @property {number} MSG_TIMEOUT_NOW=11 MSG_TIMEOUT_NOW value
         */
        peer.MessageType = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "MSG_UNSPECIFIED"] = 0;
            values[valuesById[1] = "MSG_APP"] = 1;
            values[valuesById[2] = "MSG_APP_RESP"] = 2;
            values[valuesById[3] = "MSG_VOTE"] = 3;
            values[valuesById[4] = "MSG_VOTE_RESP"] = 4;
            values[valuesById[5] = "MSG_PRE_VOTE"] = 5;
            values[valuesById[6] = "MSG_PRE_VOTE_RESP"] = 6;
            values[valuesById[7] = "MSG_SNAP"] = 7;
            values[valuesById[8] = "MSG_HEARTBEAT"] = 8;
            values[valuesById[9] = "MSG_HEARTBEAT_RESP"] = 9;
            values[valuesById[10] = "MSG_TRANSFER_LEADER"] = 10;
            values[valuesById[11] = "MSG_TIMEOUT_NOW"] = 11;
            return values;
        })();

        peer.RaftMessage = (function() {

            /**
             * Properties of a RaftMessage.
             * @typedef {Object} rafter.peer.RaftMessage.$Properties
             * @property {rafter.peer.MessageType|null} [type] RaftMessage type
             * @property {number|null} [from] RaftMessage from
             * @property {number|null} [to] RaftMessage to
             * @property {number|null} [term] RaftMessage term
             * @property {number|null} [logTerm] RaftMessage logTerm
             * @property {number|null} [index] RaftMessage index
             * @property {Array.<rafter.peer.Entry.$Properties>|null} [entries] RaftMessage entries
             * @property {number|null} [commit] RaftMessage commit
             * @property {boolean|null} [reject] RaftMessage reject
             * @property {number|null} [rejectHint] RaftMessage rejectHint
             * @property {rafter.peer.Snapshot.$Properties|null} [snapshot] RaftMessage snapshot
             * @property {number|null} [recovering] RaftMessage recovering
             * @property {boolean|null} [recoveryConfirmed] RaftMessage recoveryConfirmed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RaftMessage.
             * @memberof rafter.peer
             * @interface IRaftMessage
             * @augments rafter.peer.RaftMessage.$Properties
             * @deprecated Use rafter.peer.RaftMessage.$Properties instead.
             */

            /**
             * Shape of a RaftMessage.
             * @typedef {rafter.peer.RaftMessage.$Properties} rafter.peer.RaftMessage.$Shape
             */

            /**
             * Constructs a new RaftMessage.
             * @memberof rafter.peer
             * @classdesc Represents a RaftMessage.
             * @constructor
             * @param {rafter.peer.RaftMessage.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RaftMessage = function (properties) {
                this.entries = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RaftMessage type.
             * @member {rafter.peer.MessageType} type
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.type = 0;

            /**
             * RaftMessage from.
             * @member {number} from
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.from = 0;

            /**
             * RaftMessage to.
             * @member {number} to
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.to = 0;

            /**
             * RaftMessage term.
             * @member {number} term
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RaftMessage logTerm.
             * @member {number} logTerm
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.logTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RaftMessage index.
             * @member {number} index
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RaftMessage entries.
             * @member {Array.<rafter.peer.Entry.$Properties>} entries
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.entries = $util.emptyArray;

            /**
             * RaftMessage commit.
             * @member {number} commit
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RaftMessage reject.
             * @member {boolean} reject
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.reject = false;

            /**
             * RaftMessage rejectHint.
             * @member {number} rejectHint
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.rejectHint = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RaftMessage snapshot.
             * @member {rafter.peer.Snapshot.$Properties|null|undefined} snapshot
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.snapshot = null;

            /**
             * RaftMessage recovering.
             * @member {number} recovering
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.recovering = 0;

            /**
             * RaftMessage recoveryConfirmed.
             * @member {boolean} recoveryConfirmed
             * @memberof rafter.peer.RaftMessage
             * @instance
             */
            RaftMessage.prototype.recoveryConfirmed = false;

            /**
             * Creates a new RaftMessage instance using the specified properties.
             * @function create
             * @memberof rafter.peer.RaftMessage
             * @static
             * @param {rafter.peer.RaftMessage.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.RaftMessage} RaftMessage instance
             * @type {{
             *   (properties: rafter.peer.RaftMessage.$Shape): rafter.peer.RaftMessage & rafter.peer.RaftMessage.$Shape;
             *   (properties?: rafter.peer.RaftMessage.$Properties): rafter.peer.RaftMessage;
             * }}
             */
            RaftMessage.create = function(properties) {
                return new RaftMessage(properties);
            };

            /**
             * Encodes the specified RaftMessage message. Does not implicitly {@link rafter.peer.RaftMessage.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.RaftMessage
             * @static
             * @param {rafter.peer.RaftMessage.$Properties} message RaftMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RaftMessage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
                if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.from);
                if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.to);
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.term);
                if (message.logTerm != null && $Object.hasOwnProperty.call(message, "logTerm") && (typeof message.logTerm === "object" ? message.logTerm.low || message.logTerm.high : message.logTerm !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.logTerm);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.index);
                if (message.entries != null && message.entries.length)
                    for (var i = 0; i < message.entries.length; ++i)
                        $root.rafter.peer.Entry.encode(message.entries[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && (typeof message.commit === "object" ? message.commit.low || message.commit.high : message.commit !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.commit);
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject") && message.reject !== false)
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.reject);
                if (message.rejectHint != null && $Object.hasOwnProperty.call(message, "rejectHint") && (typeof message.rejectHint === "object" ? message.rejectHint.low || message.rejectHint.high : message.rejectHint !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.rejectHint);
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    $root.rafter.peer.Snapshot.encode(message.snapshot, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.recovering != null && $Object.hasOwnProperty.call(message, "recovering") && message.recovering !== 0)
                    writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.recovering);
                if (message.recoveryConfirmed != null && $Object.hasOwnProperty.call(message, "recoveryConfirmed") && message.recoveryConfirmed !== false)
                    writer.uint32(/* id 13, wireType 0 =*/104).bool(message.recoveryConfirmed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RaftMessage message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.RaftMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.RaftMessage & rafter.peer.RaftMessage.$Shape} RaftMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RaftMessage.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.RaftMessage();
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
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.from = value;
                            else
                                delete message.from;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.to = value;
                            else
                                delete message.to;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.logTerm = value;
                            else
                                delete message.logTerm;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.rafter.peer.Entry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commit = value;
                            else
                                delete message.commit;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.reject = value;
                            else
                                delete message.reject;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.rejectHint = value;
                            else
                                delete message.rejectHint;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.snapshot = $root.rafter.peer.Snapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshot);
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.recovering = value;
                            else
                                delete message.recovering;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.recoveryConfirmed = value;
                            else
                                delete message.recoveryConfirmed;
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

            return RaftMessage;
        })();

        peer.Entry = (function() {

            /**
             * Properties of an Entry.
             * @typedef {Object} rafter.peer.Entry.$Properties
             * @property {number|null} [term] Entry term
             * @property {number|null} [index] Entry index
             * @property {number|null} [type] Entry type
             * @property {Uint8Array|null} [data] Entry data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Entry.
             * @memberof rafter.peer
             * @interface IEntry
             * @augments rafter.peer.Entry.$Properties
             * @deprecated Use rafter.peer.Entry.$Properties instead.
             */

            /**
             * Shape of an Entry.
             * @typedef {rafter.peer.Entry.$Properties} rafter.peer.Entry.$Shape
             */

            /**
             * Constructs a new Entry.
             * @memberof rafter.peer
             * @classdesc Represents an Entry.
             * @constructor
             * @param {rafter.peer.Entry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Entry = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Entry term.
             * @member {number} term
             * @memberof rafter.peer.Entry
             * @instance
             */
            Entry.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry index.
             * @member {number} index
             * @memberof rafter.peer.Entry
             * @instance
             */
            Entry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry type.
             * @member {number} type
             * @memberof rafter.peer.Entry
             * @instance
             */
            Entry.prototype.type = 0;

            /**
             * Entry data.
             * @member {Uint8Array} data
             * @memberof rafter.peer.Entry
             * @instance
             */
            Entry.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Entry instance using the specified properties.
             * @function create
             * @memberof rafter.peer.Entry
             * @static
             * @param {rafter.peer.Entry.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.Entry} Entry instance
             * @type {{
             *   (properties: rafter.peer.Entry.$Shape): rafter.peer.Entry & rafter.peer.Entry.$Shape;
             *   (properties?: rafter.peer.Entry.$Properties): rafter.peer.Entry;
             * }}
             */
            Entry.create = function(properties) {
                return new Entry(properties);
            };

            /**
             * Encodes the specified Entry message. Does not implicitly {@link rafter.peer.Entry.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.Entry
             * @static
             * @param {rafter.peer.Entry.$Properties} message Entry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Entry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.term);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.index);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.type);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.Entry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.Entry & rafter.peer.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Entry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.Entry();
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
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
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

            return Entry;
        })();

        peer.Snapshot = (function() {

            /**
             * Properties of a Snapshot.
             * @typedef {Object} rafter.peer.Snapshot.$Properties
             * @property {rafter.peer.SnapshotMetadata.$Properties|null} [metadata] Snapshot metadata
             * @property {Uint8Array|null} [data] Snapshot data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Snapshot.
             * @memberof rafter.peer
             * @interface ISnapshot
             * @augments rafter.peer.Snapshot.$Properties
             * @deprecated Use rafter.peer.Snapshot.$Properties instead.
             */

            /**
             * Shape of a Snapshot.
             * @typedef {rafter.peer.Snapshot.$Properties} rafter.peer.Snapshot.$Shape
             */

            /**
             * Constructs a new Snapshot.
             * @memberof rafter.peer
             * @classdesc Represents a Snapshot.
             * @constructor
             * @param {rafter.peer.Snapshot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Snapshot = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Snapshot metadata.
             * @member {rafter.peer.SnapshotMetadata.$Properties|null|undefined} metadata
             * @memberof rafter.peer.Snapshot
             * @instance
             */
            Snapshot.prototype.metadata = null;

            /**
             * Snapshot data.
             * @member {Uint8Array} data
             * @memberof rafter.peer.Snapshot
             * @instance
             */
            Snapshot.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @function create
             * @memberof rafter.peer.Snapshot
             * @static
             * @param {rafter.peer.Snapshot.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.Snapshot} Snapshot instance
             * @type {{
             *   (properties: rafter.peer.Snapshot.$Shape): rafter.peer.Snapshot & rafter.peer.Snapshot.$Shape;
             *   (properties?: rafter.peer.Snapshot.$Properties): rafter.peer.Snapshot;
             * }}
             */
            Snapshot.create = function(properties) {
                return new Snapshot(properties);
            };

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link rafter.peer.Snapshot.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.Snapshot
             * @static
             * @param {rafter.peer.Snapshot.$Properties} message Snapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Snapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    $root.rafter.peer.SnapshotMetadata.encode(message.metadata, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.Snapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.Snapshot & rafter.peer.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Snapshot.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.Snapshot();
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
                            message.metadata = $root.rafter.peer.SnapshotMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
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

            return Snapshot;
        })();

        peer.SnapshotMetadata = (function() {

            /**
             * Properties of a SnapshotMetadata.
             * @typedef {Object} rafter.peer.SnapshotMetadata.$Properties
             * @property {number|null} [index] SnapshotMetadata index
             * @property {number|null} [term] SnapshotMetadata term
             * @property {rafter.peer.ConfState.$Properties|null} [confState] SnapshotMetadata confState
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SnapshotMetadata.
             * @memberof rafter.peer
             * @interface ISnapshotMetadata
             * @augments rafter.peer.SnapshotMetadata.$Properties
             * @deprecated Use rafter.peer.SnapshotMetadata.$Properties instead.
             */

            /**
             * Shape of a SnapshotMetadata.
             * @typedef {rafter.peer.SnapshotMetadata.$Properties} rafter.peer.SnapshotMetadata.$Shape
             */

            /**
             * Constructs a new SnapshotMetadata.
             * @memberof rafter.peer
             * @classdesc Represents a SnapshotMetadata.
             * @constructor
             * @param {rafter.peer.SnapshotMetadata.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var SnapshotMetadata = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SnapshotMetadata index.
             * @member {number} index
             * @memberof rafter.peer.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMetadata term.
             * @member {number} term
             * @memberof rafter.peer.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMetadata confState.
             * @member {rafter.peer.ConfState.$Properties|null|undefined} confState
             * @memberof rafter.peer.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.confState = null;

            /**
             * Creates a new SnapshotMetadata instance using the specified properties.
             * @function create
             * @memberof rafter.peer.SnapshotMetadata
             * @static
             * @param {rafter.peer.SnapshotMetadata.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.SnapshotMetadata} SnapshotMetadata instance
             * @type {{
             *   (properties: rafter.peer.SnapshotMetadata.$Shape): rafter.peer.SnapshotMetadata & rafter.peer.SnapshotMetadata.$Shape;
             *   (properties?: rafter.peer.SnapshotMetadata.$Properties): rafter.peer.SnapshotMetadata;
             * }}
             */
            SnapshotMetadata.create = function(properties) {
                return new SnapshotMetadata(properties);
            };

            /**
             * Encodes the specified SnapshotMetadata message. Does not implicitly {@link rafter.peer.SnapshotMetadata.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.SnapshotMetadata
             * @static
             * @param {rafter.peer.SnapshotMetadata.$Properties} message SnapshotMetadata message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotMetadata.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.index);
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.term);
                if (message.confState != null && $Object.hasOwnProperty.call(message, "confState"))
                    $root.rafter.peer.ConfState.encode(message.confState, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SnapshotMetadata message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.SnapshotMetadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.SnapshotMetadata & rafter.peer.SnapshotMetadata.$Shape} SnapshotMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotMetadata.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.SnapshotMetadata();
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
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.confState = $root.rafter.peer.ConfState.decode(reader, reader.size(), $undefined, _depth + 1, message.confState);
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

            return SnapshotMetadata;
        })();

        peer.ConfState = (function() {

            /**
             * Properties of a ConfState.
             * @typedef {Object} rafter.peer.ConfState.$Properties
             * @property {Array.<number>|null} [voters] ConfState voters
             * @property {Array.<number>|null} [learners] ConfState learners
             * @property {Array.<number>|null} [votersOutgoing] ConfState votersOutgoing
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfState.
             * @memberof rafter.peer
             * @interface IConfState
             * @augments rafter.peer.ConfState.$Properties
             * @deprecated Use rafter.peer.ConfState.$Properties instead.
             */

            /**
             * Shape of a ConfState.
             * @typedef {rafter.peer.ConfState.$Properties} rafter.peer.ConfState.$Shape
             */

            /**
             * Constructs a new ConfState.
             * @memberof rafter.peer
             * @classdesc Represents a ConfState.
             * @constructor
             * @param {rafter.peer.ConfState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ConfState = function (properties) {
                this.voters = [];
                this.learners = [];
                this.votersOutgoing = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ConfState voters.
             * @member {Array.<number>} voters
             * @memberof rafter.peer.ConfState
             * @instance
             */
            ConfState.prototype.voters = $util.emptyArray;

            /**
             * ConfState learners.
             * @member {Array.<number>} learners
             * @memberof rafter.peer.ConfState
             * @instance
             */
            ConfState.prototype.learners = $util.emptyArray;

            /**
             * ConfState votersOutgoing.
             * @member {Array.<number>} votersOutgoing
             * @memberof rafter.peer.ConfState
             * @instance
             */
            ConfState.prototype.votersOutgoing = $util.emptyArray;

            /**
             * Creates a new ConfState instance using the specified properties.
             * @function create
             * @memberof rafter.peer.ConfState
             * @static
             * @param {rafter.peer.ConfState.$Properties=} [properties] Properties to set
             * @returns {rafter.peer.ConfState} ConfState instance
             * @type {{
             *   (properties: rafter.peer.ConfState.$Shape): rafter.peer.ConfState & rafter.peer.ConfState.$Shape;
             *   (properties?: rafter.peer.ConfState.$Properties): rafter.peer.ConfState;
             * }}
             */
            ConfState.create = function(properties) {
                return new ConfState(properties);
            };

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link rafter.peer.ConfState.verify|verify} messages.
             * @function encode
             * @memberof rafter.peer.ConfState
             * @static
             * @param {rafter.peer.ConfState.$Properties} message ConfState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.voters != null && message.voters.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint32s(message.voters);
                if (message.learners != null && message.learners.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.learners);
                if (message.votersOutgoing != null && message.votersOutgoing.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.votersOutgoing);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.peer.ConfState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.peer.ConfState & rafter.peer.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfState.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.peer.ConfState();
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
                            if (wireType === 2) {
                                if (!(message.voters && message.voters.length))
                                    message.voters = [];
                                reader.uint32s(message.voters);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.voters && message.voters.length))
                                message.voters = [];
                            message.voters.push(reader.uint32());
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.learners && message.learners.length))
                                    message.learners = [];
                                reader.uint32s(message.learners);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.learners && message.learners.length))
                                message.learners = [];
                            message.learners.push(reader.uint32());
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.votersOutgoing && message.votersOutgoing.length))
                                    message.votersOutgoing = [];
                                reader.uint32s(message.votersOutgoing);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.votersOutgoing && message.votersOutgoing.length))
                                message.votersOutgoing = [];
                            message.votersOutgoing.push(reader.uint32());
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

            return ConfState;
        })();

        return peer;
    })();

    return rafter;
})();

module.exports = $root;
