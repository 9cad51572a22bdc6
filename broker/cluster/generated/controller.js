/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
var $root = $protobuf.roots["rafter_controller"] || ($protobuf.roots["rafter_controller"] = {});

$root.rafter = (function() {

    /**
     * Namespace rafter.
     * @exports rafter
     * @namespace
     */
    var rafter = {};

    rafter.controller = (function() {

        /**
         * Namespace controller.
         * @memberof rafter
         * @namespace
         */
        var controller = {};

        controller.ControllerCommand = (function() {

            /**
             * Properties of a ControllerCommand.
             * @typedef {Object} rafter.controller.ControllerCommand.$Properties
             * @property {number|null} [atMs] ControllerCommand atMs
             * @property {rafter.controller.RegisterBroker.$Properties|null} [registerBroker] ControllerCommand registerBroker
             * @property {rafter.controller.BrokerHeartbeat.$Properties|null} [brokerHeartbeat] ControllerCommand brokerHeartbeat
             * @property {rafter.controller.CreateTopic.$Properties|null} [createTopic] ControllerCommand createTopic
             * @property {rafter.controller.DeleteTopic.$Properties|null} [deleteTopic] ControllerCommand deleteTopic
             * @property {"registerBroker"|"brokerHeartbeat"|"createTopic"|"deleteTopic"} [command] ControllerCommand command
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ControllerCommand.
             * @memberof rafter.controller
             * @interface IControllerCommand
             * @augments rafter.controller.ControllerCommand.$Properties
             * @deprecated Use rafter.controller.ControllerCommand.$Properties instead.
             */

            /**
             * Narrowed shape of a ControllerCommand.
             * @typedef {{
             *   atMs?: number|null;
             *   registerBroker?: rafter.controller.RegisterBroker.$Shape|null;
             *   brokerHeartbeat?: rafter.controller.BrokerHeartbeat.$Shape|null;
             *   createTopic?: rafter.controller.CreateTopic.$Shape|null;
             *   deleteTopic?: rafter.controller.DeleteTopic.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ command?: undefined; registerBroker?: null; brokerHeartbeat?: null; createTopic?: null; deleteTopic?: null }|{ command?: "registerBroker"; registerBroker: rafter.controller.RegisterBroker.$Shape; brokerHeartbeat?: null; createTopic?: null; deleteTopic?: null }|{ command?: "brokerHeartbeat"; registerBroker?: null; brokerHeartbeat: rafter.controller.BrokerHeartbeat.$Shape; createTopic?: null; deleteTopic?: null }|{ command?: "createTopic"; registerBroker?: null; brokerHeartbeat?: null; createTopic: rafter.controller.CreateTopic.$Shape; deleteTopic?: null }|{ command?: "deleteTopic"; registerBroker?: null; brokerHeartbeat?: null; createTopic?: null; deleteTopic: rafter.controller.DeleteTopic.$Shape })
             * )} rafter.controller.ControllerCommand.$Shape
             */

            /**
             * Constructs a new ControllerCommand.
             * @memberof rafter.controller
             * @classdesc Represents a ControllerCommand.
             * @constructor
             * @param {rafter.controller.ControllerCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ControllerCommand = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ControllerCommand atMs.
             * @member {number} atMs
             * @memberof rafter.controller.ControllerCommand
             * @instance
             */
            ControllerCommand.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControllerCommand registerBroker.
             * @member {rafter.controller.RegisterBroker.$Properties|null|undefined} registerBroker
             * @memberof rafter.controller.ControllerCommand
             * @instance
             */
            ControllerCommand.prototype.registerBroker = null;

            /**
             * ControllerCommand brokerHeartbeat.
             * @member {rafter.controller.BrokerHeartbeat.$Properties|null|undefined} brokerHeartbeat
             * @memberof rafter.controller.ControllerCommand
             * @instance
             */
            ControllerCommand.prototype.brokerHeartbeat = null;

            /**
             * ControllerCommand createTopic.
             * @member {rafter.controller.CreateTopic.$Properties|null|undefined} createTopic
             * @memberof rafter.controller.ControllerCommand
             * @instance
             */
            ControllerCommand.prototype.createTopic = null;

            /**
             * ControllerCommand deleteTopic.
             * @member {rafter.controller.DeleteTopic.$Properties|null|undefined} deleteTopic
             * @memberof rafter.controller.ControllerCommand
             * @instance
             */
            ControllerCommand.prototype.deleteTopic = null;

            // OneOf field names bound to virtual getters and setters
            var $oneOfFields;

            /**
             * ControllerCommand command.
             * @member {"registerBroker"|"brokerHeartbeat"|"createTopic"|"deleteTopic"|undefined} command
             * @memberof rafter.controller.ControllerCommand
             * @instance
             */
            $Object.defineProperty(ControllerCommand.prototype, "command", {
                get: $util.oneOfGetter($oneOfFields = ["registerBroker", "brokerHeartbeat", "createTopic", "deleteTopic"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ControllerCommand instance using the specified properties.
             * @function create
             * @memberof rafter.controller.ControllerCommand
             * @static
             * @param {rafter.controller.ControllerCommand.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.ControllerCommand} ControllerCommand instance
             * @type {{
             *   (properties: rafter.controller.ControllerCommand.$Shape): rafter.controller.ControllerCommand & rafter.controller.ControllerCommand.$Shape;
             *   (properties?: rafter.controller.ControllerCommand.$Properties): rafter.controller.ControllerCommand;
             * }}
             */
            ControllerCommand.create = function(properties) {
                return new ControllerCommand(properties);
            };

            /**
             * Encodes the specified ControllerCommand message. Does not implicitly {@link rafter.controller.ControllerCommand.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.ControllerCommand
             * @static
             * @param {rafter.controller.ControllerCommand.$Properties} message ControllerCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControllerCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs") && (typeof message.atMs === "object" ? message.atMs.low || message.atMs.high : message.atMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.atMs);
                if (message.registerBroker != null && $Object.hasOwnProperty.call(message, "registerBroker"))
                    $root.rafter.controller.RegisterBroker.encode(message.registerBroker, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.brokerHeartbeat != null && $Object.hasOwnProperty.call(message, "brokerHeartbeat"))
                    $root.rafter.controller.BrokerHeartbeat.encode(message.brokerHeartbeat, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.createTopic != null && $Object.hasOwnProperty.call(message, "createTopic"))
                    $root.rafter.controller.CreateTopic.encode(message.createTopic, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.deleteTopic != null && $Object.hasOwnProperty.call(message, "deleteTopic"))
                    $root.rafter.controller.DeleteTopic.encode(message.deleteTopic, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ControllerCommand message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.ControllerCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.ControllerCommand & rafter.controller.ControllerCommand.$Shape} ControllerCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControllerCommand.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.ControllerCommand();
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
                                message.atMs = value;
                            else
                                delete message.atMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.registerBroker = $root.rafter.controller.RegisterBroker.decode(reader, reader.size(), $undefined, _depth + 1, message.registerBroker);
                            message.command = "registerBroker";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.brokerHeartbeat = $root.rafter.controller.BrokerHeartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.brokerHeartbeat);
                            message.command = "brokerHeartbeat";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.createTopic = $root.rafter.controller.CreateTopic.decode(reader, reader.size(), $undefined, _depth + 1, message.createTopic);
                            message.command = "createTopic";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.deleteTopic = $root.rafter.controller.DeleteTopic.decode(reader, reader.size(), $undefined, _depth + 1, message.deleteTopic);
                            message.command = "deleteTopic";
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

            return ControllerCommand;
        })();

        controller.RegisterBroker = (function() {

            /**
             * Properties of a RegisterBroker.
             * @typedef {Object} rafter.controller.RegisterBroker.$Properties
             * @property {number|null} [id] RegisterBroker id
             * @property {string|null} [host] RegisterBroker host
             * @property {number|null} [port] RegisterBroker port
             * @property {string|null} [rack] RegisterBroker rack
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RegisterBroker.
             * @memberof rafter.controller
             * @interface IRegisterBroker
             * @augments rafter.controller.RegisterBroker.$Properties
             * @deprecated Use rafter.controller.RegisterBroker.$Properties instead.
             */

            /**
             * Shape of a RegisterBroker.
             * @typedef {rafter.controller.RegisterBroker.$Properties} rafter.controller.RegisterBroker.$Shape
             */

            /**
             * Constructs a new RegisterBroker.
             * @memberof rafter.controller
             * @classdesc Represents a RegisterBroker.
             * @constructor
             * @param {rafter.controller.RegisterBroker.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RegisterBroker = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RegisterBroker id.
             * @member {number} id
             * @memberof rafter.controller.RegisterBroker
             * @instance
             */
            RegisterBroker.prototype.id = 0;

            /**
             * RegisterBroker host.
             * @member {string} host
             * @memberof rafter.controller.RegisterBroker
             * @instance
             */
            RegisterBroker.prototype.host = "";

            /**
             * RegisterBroker port.
             * @member {number} port
             * @memberof rafter.controller.RegisterBroker
             * @instance
             */
            RegisterBroker.prototype.port = 0;

            /**
             * RegisterBroker rack.
             * @member {string} rack
             * @memberof rafter.controller.RegisterBroker
             * @instance
             */
            RegisterBroker.prototype.rack = "";

            /**
             * Creates a new RegisterBroker instance using the specified properties.
             * @function create
             * @memberof rafter.controller.RegisterBroker
             * @static
             * @param {rafter.controller.RegisterBroker.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.RegisterBroker} RegisterBroker instance
             * @type {{
             *   (properties: rafter.controller.RegisterBroker.$Shape): rafter.controller.RegisterBroker & rafter.controller.RegisterBroker.$Shape;
             *   (properties?: rafter.controller.RegisterBroker.$Properties): rafter.controller.RegisterBroker;
             * }}
             */
            RegisterBroker.create = function(properties) {
                return new RegisterBroker(properties);
            };

            /**
             * Encodes the specified RegisterBroker message. Does not implicitly {@link rafter.controller.RegisterBroker.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.RegisterBroker
             * @static
             * @param {rafter.controller.RegisterBroker.$Properties} message RegisterBroker message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisterBroker.encode = function (message, writer, _depth) {
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
             * Decodes a RegisterBroker message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.RegisterBroker
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.RegisterBroker & rafter.controller.RegisterBroker.$Shape} RegisterBroker
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisterBroker.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.RegisterBroker();
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

            return RegisterBroker;
        })();

        controller.BrokerHeartbeat = (function() {

            /**
             * Properties of a BrokerHeartbeat.
             * @typedef {Object} rafter.controller.BrokerHeartbeat.$Properties
             * @property {number|null} [id] BrokerHeartbeat id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BrokerHeartbeat.
             * @memberof rafter.controller
             * @interface IBrokerHeartbeat
             * @augments rafter.controller.BrokerHeartbeat.$Properties
             * @deprecated Use rafter.controller.BrokerHeartbeat.$Properties instead.
             */

            /**
             * Shape of a BrokerHeartbeat.
             * @typedef {rafter.controller.BrokerHeartbeat.$Properties} rafter.controller.BrokerHeartbeat.$Shape
             */

            /**
             * Constructs a new BrokerHeartbeat.
             * @memberof rafter.controller
             * @classdesc Represents a BrokerHeartbeat.
             * @constructor
             * @param {rafter.controller.BrokerHeartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var BrokerHeartbeat = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BrokerHeartbeat id.
             * @member {number} id
             * @memberof rafter.controller.BrokerHeartbeat
             * @instance
             */
            BrokerHeartbeat.prototype.id = 0;

            /**
             * Creates a new BrokerHeartbeat instance using the specified properties.
             * @function create
             * @memberof rafter.controller.BrokerHeartbeat
             * @static
             * @param {rafter.controller.BrokerHeartbeat.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.BrokerHeartbeat} BrokerHeartbeat instance
             * @type {{
             *   (properties: rafter.controller.BrokerHeartbeat.$Shape): rafter.controller.BrokerHeartbeat & rafter.controller.BrokerHeartbeat.$Shape;
             *   (properties?: rafter.controller.BrokerHeartbeat.$Properties): rafter.controller.BrokerHeartbeat;
             * }}
             */
            BrokerHeartbeat.create = function(properties) {
                return new BrokerHeartbeat(properties);
            };

            /**
             * Encodes the specified BrokerHeartbeat message. Does not implicitly {@link rafter.controller.BrokerHeartbeat.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.BrokerHeartbeat
             * @static
             * @param {rafter.controller.BrokerHeartbeat.$Properties} message BrokerHeartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BrokerHeartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.id);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BrokerHeartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.BrokerHeartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.BrokerHeartbeat & rafter.controller.BrokerHeartbeat.$Shape} BrokerHeartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BrokerHeartbeat.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.BrokerHeartbeat();
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

            return BrokerHeartbeat;
        })();

        controller.TopicConfig = (function() {

            /**
             * Properties of a TopicConfig.
             * @typedef {Object} rafter.controller.TopicConfig.$Properties
             * @property {number|null} [retentionMs] TopicConfig retentionMs
             * @property {number|null} [retentionBytes] TopicConfig retentionBytes
             * @property {number|null} [maxMessageBytes] TopicConfig maxMessageBytes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TopicConfig.
             * @memberof rafter.controller
             * @interface ITopicConfig
             * @augments rafter.controller.TopicConfig.$Properties
             * @deprecated Use rafter.controller.TopicConfig.$Properties instead.
             */

            /**
             * Shape of a TopicConfig.
             * @typedef {rafter.controller.TopicConfig.$Properties} rafter.controller.TopicConfig.$Shape
             */

            /**
             * Constructs a new TopicConfig.
             * @memberof rafter.controller
             * @classdesc Represents a TopicConfig.
             * @constructor
             * @param {rafter.controller.TopicConfig.$Properties=} [properties] Properties to set
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
             * @memberof rafter.controller.TopicConfig
             * @instance
             */
            TopicConfig.prototype.retentionMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TopicConfig retentionBytes.
             * @member {number} retentionBytes
             * @memberof rafter.controller.TopicConfig
             * @instance
             */
            TopicConfig.prototype.retentionBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TopicConfig maxMessageBytes.
             * @member {number} maxMessageBytes
             * @memberof rafter.controller.TopicConfig
             * @instance
             */
            TopicConfig.prototype.maxMessageBytes = 0;

            /**
             * Creates a new TopicConfig instance using the specified properties.
             * @function create
             * @memberof rafter.controller.TopicConfig
             * @static
             * @param {rafter.controller.TopicConfig.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.TopicConfig} TopicConfig instance
             * @type {{
             *   (properties: rafter.controller.TopicConfig.$Shape): rafter.controller.TopicConfig & rafter.controller.TopicConfig.$Shape;
             *   (properties?: rafter.controller.TopicConfig.$Properties): rafter.controller.TopicConfig;
             * }}
             */
            TopicConfig.create = function(properties) {
                return new TopicConfig(properties);
            };

            /**
             * Encodes the specified TopicConfig message. Does not implicitly {@link rafter.controller.TopicConfig.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.TopicConfig
             * @static
             * @param {rafter.controller.TopicConfig.$Properties} message TopicConfig message or plain object to encode
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
             * @memberof rafter.controller.TopicConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.TopicConfig & rafter.controller.TopicConfig.$Shape} TopicConfig
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
                message = _target || new $root.rafter.controller.TopicConfig();
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

        controller.PartitionReplicas = (function() {

            /**
             * Properties of a PartitionReplicas.
             * @typedef {Object} rafter.controller.PartitionReplicas.$Properties
             * @property {Array.<number>|null} [replicas] PartitionReplicas replicas
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PartitionReplicas.
             * @memberof rafter.controller
             * @interface IPartitionReplicas
             * @augments rafter.controller.PartitionReplicas.$Properties
             * @deprecated Use rafter.controller.PartitionReplicas.$Properties instead.
             */

            /**
             * Shape of a PartitionReplicas.
             * @typedef {rafter.controller.PartitionReplicas.$Properties} rafter.controller.PartitionReplicas.$Shape
             */

            /**
             * Constructs a new PartitionReplicas.
             * @memberof rafter.controller
             * @classdesc Represents a PartitionReplicas.
             * @constructor
             * @param {rafter.controller.PartitionReplicas.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var PartitionReplicas = function (properties) {
                this.replicas = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PartitionReplicas replicas.
             * @member {Array.<number>} replicas
             * @memberof rafter.controller.PartitionReplicas
             * @instance
             */
            PartitionReplicas.prototype.replicas = $util.emptyArray;

            /**
             * Creates a new PartitionReplicas instance using the specified properties.
             * @function create
             * @memberof rafter.controller.PartitionReplicas
             * @static
             * @param {rafter.controller.PartitionReplicas.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.PartitionReplicas} PartitionReplicas instance
             * @type {{
             *   (properties: rafter.controller.PartitionReplicas.$Shape): rafter.controller.PartitionReplicas & rafter.controller.PartitionReplicas.$Shape;
             *   (properties?: rafter.controller.PartitionReplicas.$Properties): rafter.controller.PartitionReplicas;
             * }}
             */
            PartitionReplicas.create = function(properties) {
                return new PartitionReplicas(properties);
            };

            /**
             * Encodes the specified PartitionReplicas message. Does not implicitly {@link rafter.controller.PartitionReplicas.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.PartitionReplicas
             * @static
             * @param {rafter.controller.PartitionReplicas.$Properties} message PartitionReplicas message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PartitionReplicas.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.replicas != null && message.replicas.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).int32s(message.replicas);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PartitionReplicas message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.PartitionReplicas
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.PartitionReplicas & rafter.controller.PartitionReplicas.$Shape} PartitionReplicas
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PartitionReplicas.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.PartitionReplicas();
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

            return PartitionReplicas;
        })();

        controller.CreateTopic = (function() {

            /**
             * Properties of a CreateTopic.
             * @typedef {Object} rafter.controller.CreateTopic.$Properties
             * @property {string|null} [name] CreateTopic name
             * @property {number|null} [partitions] CreateTopic partitions
             * @property {number|null} [replicationFactor] CreateTopic replicationFactor
             * @property {number|null} [partitioning] CreateTopic partitioning
             * @property {Array.<Uint8Array>|null} [splitKeys] CreateTopic splitKeys
             * @property {rafter.controller.TopicConfig.$Properties|null} [config] CreateTopic config
             * @property {Array.<rafter.controller.PartitionReplicas.$Properties>|null} [placement] CreateTopic placement
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CreateTopic.
             * @memberof rafter.controller
             * @interface ICreateTopic
             * @augments rafter.controller.CreateTopic.$Properties
             * @deprecated Use rafter.controller.CreateTopic.$Properties instead.
             */

            /**
             * Shape of a CreateTopic.
             * @typedef {rafter.controller.CreateTopic.$Properties} rafter.controller.CreateTopic.$Shape
             */

            /**
             * Constructs a new CreateTopic.
             * @memberof rafter.controller
             * @classdesc Represents a CreateTopic.
             * @constructor
             * @param {rafter.controller.CreateTopic.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var CreateTopic = function (properties) {
                this.splitKeys = [];
                this.placement = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CreateTopic name.
             * @member {string} name
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.name = "";

            /**
             * CreateTopic partitions.
             * @member {number} partitions
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.partitions = 0;

            /**
             * CreateTopic replicationFactor.
             * @member {number} replicationFactor
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.replicationFactor = 0;

            /**
             * CreateTopic partitioning.
             * @member {number} partitioning
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.partitioning = 0;

            /**
             * CreateTopic splitKeys.
             * @member {Array.<Uint8Array>} splitKeys
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.splitKeys = $util.emptyArray;

            /**
             * CreateTopic config.
             * @member {rafter.controller.TopicConfig.$Properties|null|undefined} config
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.config = null;

            /**
             * CreateTopic placement.
             * @member {Array.<rafter.controller.PartitionReplicas.$Properties>} placement
             * @memberof rafter.controller.CreateTopic
             * @instance
             */
            CreateTopic.prototype.placement = $util.emptyArray;

            /**
             * Creates a new CreateTopic instance using the specified properties.
             * @function create
             * @memberof rafter.controller.CreateTopic
             * @static
             * @param {rafter.controller.CreateTopic.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.CreateTopic} CreateTopic instance
             * @type {{
             *   (properties: rafter.controller.CreateTopic.$Shape): rafter.controller.CreateTopic & rafter.controller.CreateTopic.$Shape;
             *   (properties?: rafter.controller.CreateTopic.$Properties): rafter.controller.CreateTopic;
             * }}
             */
            CreateTopic.create = function(properties) {
                return new CreateTopic(properties);
            };

            /**
             * Encodes the specified CreateTopic message. Does not implicitly {@link rafter.controller.CreateTopic.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.CreateTopic
             * @static
             * @param {rafter.controller.CreateTopic.$Properties} message CreateTopic message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateTopic.encode = function (message, writer, _depth) {
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
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.partitioning);
                if (message.splitKeys != null && message.splitKeys.length)
                    for (var i = 0; i < message.splitKeys.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.splitKeys[i]);
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    $root.rafter.controller.TopicConfig.encode(message.config, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.placement != null && message.placement.length)
                    for (var i = 0; i < message.placement.length; ++i)
                        $root.rafter.controller.PartitionReplicas.encode(message.placement[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CreateTopic message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.CreateTopic
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.CreateTopic & rafter.controller.CreateTopic.$Shape} CreateTopic
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateTopic.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.CreateTopic();
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
                            if (value = reader.uint32())
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
                            message.config = $root.rafter.controller.TopicConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.placement && message.placement.length))
                                message.placement = [];
                            message.placement.push($root.rafter.controller.PartitionReplicas.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return CreateTopic;
        })();

        controller.DeleteTopic = (function() {

            /**
             * Properties of a DeleteTopic.
             * @typedef {Object} rafter.controller.DeleteTopic.$Properties
             * @property {string|null} [name] DeleteTopic name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteTopic.
             * @memberof rafter.controller
             * @interface IDeleteTopic
             * @augments rafter.controller.DeleteTopic.$Properties
             * @deprecated Use rafter.controller.DeleteTopic.$Properties instead.
             */

            /**
             * Shape of a DeleteTopic.
             * @typedef {rafter.controller.DeleteTopic.$Properties} rafter.controller.DeleteTopic.$Shape
             */

            /**
             * Constructs a new DeleteTopic.
             * @memberof rafter.controller
             * @classdesc Represents a DeleteTopic.
             * @constructor
             * @param {rafter.controller.DeleteTopic.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var DeleteTopic = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeleteTopic name.
             * @member {string} name
             * @memberof rafter.controller.DeleteTopic
             * @instance
             */
            DeleteTopic.prototype.name = "";

            /**
             * Creates a new DeleteTopic instance using the specified properties.
             * @function create
             * @memberof rafter.controller.DeleteTopic
             * @static
             * @param {rafter.controller.DeleteTopic.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.DeleteTopic} DeleteTopic instance
             * @type {{
             *   (properties: rafter.controller.DeleteTopic.$Shape): rafter.controller.DeleteTopic & rafter.controller.DeleteTopic.$Shape;
             *   (properties?: rafter.controller.DeleteTopic.$Properties): rafter.controller.DeleteTopic;
             * }}
             */
            DeleteTopic.create = function(properties) {
                return new DeleteTopic(properties);
            };

            /**
             * Encodes the specified DeleteTopic message. Does not implicitly {@link rafter.controller.DeleteTopic.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.DeleteTopic
             * @static
             * @param {rafter.controller.DeleteTopic.$Properties} message DeleteTopic message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteTopic.encode = function (message, writer, _depth) {
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
             * Decodes a DeleteTopic message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.DeleteTopic
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.DeleteTopic & rafter.controller.DeleteTopic.$Shape} DeleteTopic
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteTopic.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.DeleteTopic();
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

            return DeleteTopic;
        })();

        controller.BrokerState = (function() {

            /**
             * Properties of a BrokerState.
             * @typedef {Object} rafter.controller.BrokerState.$Properties
             * @property {number|null} [id] BrokerState id
             * @property {string|null} [host] BrokerState host
             * @property {number|null} [port] BrokerState port
             * @property {string|null} [rack] BrokerState rack
             * @property {number|null} [registeredAtMs] BrokerState registeredAtMs
             * @property {number|null} [lastHeartbeatMs] BrokerState lastHeartbeatMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BrokerState.
             * @memberof rafter.controller
             * @interface IBrokerState
             * @augments rafter.controller.BrokerState.$Properties
             * @deprecated Use rafter.controller.BrokerState.$Properties instead.
             */

            /**
             * Shape of a BrokerState.
             * @typedef {rafter.controller.BrokerState.$Properties} rafter.controller.BrokerState.$Shape
             */

            /**
             * Constructs a new BrokerState.
             * @memberof rafter.controller
             * @classdesc Represents a BrokerState.
             * @constructor
             * @param {rafter.controller.BrokerState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var BrokerState = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BrokerState id.
             * @member {number} id
             * @memberof rafter.controller.BrokerState
             * @instance
             */
            BrokerState.prototype.id = 0;

            /**
             * BrokerState host.
             * @member {string} host
             * @memberof rafter.controller.BrokerState
             * @instance
             */
            BrokerState.prototype.host = "";

            /**
             * BrokerState port.
             * @member {number} port
             * @memberof rafter.controller.BrokerState
             * @instance
             */
            BrokerState.prototype.port = 0;

            /**
             * BrokerState rack.
             * @member {string} rack
             * @memberof rafter.controller.BrokerState
             * @instance
             */
            BrokerState.prototype.rack = "";

            /**
             * BrokerState registeredAtMs.
             * @member {number} registeredAtMs
             * @memberof rafter.controller.BrokerState
             * @instance
             */
            BrokerState.prototype.registeredAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BrokerState lastHeartbeatMs.
             * @member {number} lastHeartbeatMs
             * @memberof rafter.controller.BrokerState
             * @instance
             */
            BrokerState.prototype.lastHeartbeatMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new BrokerState instance using the specified properties.
             * @function create
             * @memberof rafter.controller.BrokerState
             * @static
             * @param {rafter.controller.BrokerState.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.BrokerState} BrokerState instance
             * @type {{
             *   (properties: rafter.controller.BrokerState.$Shape): rafter.controller.BrokerState & rafter.controller.BrokerState.$Shape;
             *   (properties?: rafter.controller.BrokerState.$Properties): rafter.controller.BrokerState;
             * }}
             */
            BrokerState.create = function(properties) {
                return new BrokerState(properties);
            };

            /**
             * Encodes the specified BrokerState message. Does not implicitly {@link rafter.controller.BrokerState.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.BrokerState
             * @static
             * @param {rafter.controller.BrokerState.$Properties} message BrokerState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BrokerState.encode = function (message, writer, _depth) {
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
                if (message.registeredAtMs != null && $Object.hasOwnProperty.call(message, "registeredAtMs") && (typeof message.registeredAtMs === "object" ? message.registeredAtMs.low || message.registeredAtMs.high : message.registeredAtMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.registeredAtMs);
                if (message.lastHeartbeatMs != null && $Object.hasOwnProperty.call(message, "lastHeartbeatMs") && (typeof message.lastHeartbeatMs === "object" ? message.lastHeartbeatMs.low || message.lastHeartbeatMs.high : message.lastHeartbeatMs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.lastHeartbeatMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BrokerState message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.BrokerState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.BrokerState & rafter.controller.BrokerState.$Shape} BrokerState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BrokerState.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.BrokerState();
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
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.registeredAtMs = value;
                            else
                                delete message.registeredAtMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastHeartbeatMs = value;
                            else
                                delete message.lastHeartbeatMs;
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

            return BrokerState;
        })();

        controller.PartitionState = (function() {

            /**
             * Properties of a PartitionState.
             * @typedef {Object} rafter.controller.PartitionState.$Properties
             * @property {number|null} [groupId] PartitionState groupId
             * @property {Array.<number>|null} [replicas] PartitionState replicas
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PartitionState.
             * @memberof rafter.controller
             * @interface IPartitionState
             * @augments rafter.controller.PartitionState.$Properties
             * @deprecated Use rafter.controller.PartitionState.$Properties instead.
             */

            /**
             * Shape of a PartitionState.
             * @typedef {rafter.controller.PartitionState.$Properties} rafter.controller.PartitionState.$Shape
             */

            /**
             * Constructs a new PartitionState.
             * @memberof rafter.controller
             * @classdesc Represents a PartitionState.
             * @constructor
             * @param {rafter.controller.PartitionState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var PartitionState = function (properties) {
                this.replicas = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PartitionState groupId.
             * @member {number} groupId
             * @memberof rafter.controller.PartitionState
             * @instance
             */
            PartitionState.prototype.groupId = 0;

            /**
             * PartitionState replicas.
             * @member {Array.<number>} replicas
             * @memberof rafter.controller.PartitionState
             * @instance
             */
            PartitionState.prototype.replicas = $util.emptyArray;

            /**
             * Creates a new PartitionState instance using the specified properties.
             * @function create
             * @memberof rafter.controller.PartitionState
             * @static
             * @param {rafter.controller.PartitionState.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.PartitionState} PartitionState instance
             * @type {{
             *   (properties: rafter.controller.PartitionState.$Shape): rafter.controller.PartitionState & rafter.controller.PartitionState.$Shape;
             *   (properties?: rafter.controller.PartitionState.$Properties): rafter.controller.PartitionState;
             * }}
             */
            PartitionState.create = function(properties) {
                return new PartitionState(properties);
            };

            /**
             * Encodes the specified PartitionState message. Does not implicitly {@link rafter.controller.PartitionState.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.PartitionState
             * @static
             * @param {rafter.controller.PartitionState.$Properties} message PartitionState message or plain object to encode
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
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.groupId);
                if (message.replicas != null && message.replicas.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).int32s(message.replicas);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PartitionState message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.PartitionState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.PartitionState & rafter.controller.PartitionState.$Shape} PartitionState
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
                message = _target || new $root.rafter.controller.PartitionState();
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

        controller.TopicState = (function() {

            /**
             * Properties of a TopicState.
             * @typedef {Object} rafter.controller.TopicState.$Properties
             * @property {string|null} [name] TopicState name
             * @property {number|null} [replicationFactor] TopicState replicationFactor
             * @property {number|null} [partitioning] TopicState partitioning
             * @property {Array.<Uint8Array>|null} [splitKeys] TopicState splitKeys
             * @property {rafter.controller.TopicConfig.$Properties|null} [config] TopicState config
             * @property {Array.<rafter.controller.PartitionState.$Properties>|null} [partitions] TopicState partitions
             * @property {number|null} [createdAtMs] TopicState createdAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TopicState.
             * @memberof rafter.controller
             * @interface ITopicState
             * @augments rafter.controller.TopicState.$Properties
             * @deprecated Use rafter.controller.TopicState.$Properties instead.
             */

            /**
             * Shape of a TopicState.
             * @typedef {rafter.controller.TopicState.$Properties} rafter.controller.TopicState.$Shape
             */

            /**
             * Constructs a new TopicState.
             * @memberof rafter.controller
             * @classdesc Represents a TopicState.
             * @constructor
             * @param {rafter.controller.TopicState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var TopicState = function (properties) {
                this.splitKeys = [];
                this.partitions = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TopicState name.
             * @member {string} name
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.name = "";

            /**
             * TopicState replicationFactor.
             * @member {number} replicationFactor
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.replicationFactor = 0;

            /**
             * TopicState partitioning.
             * @member {number} partitioning
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.partitioning = 0;

            /**
             * TopicState splitKeys.
             * @member {Array.<Uint8Array>} splitKeys
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.splitKeys = $util.emptyArray;

            /**
             * TopicState config.
             * @member {rafter.controller.TopicConfig.$Properties|null|undefined} config
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.config = null;

            /**
             * TopicState partitions.
             * @member {Array.<rafter.controller.PartitionState.$Properties>} partitions
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.partitions = $util.emptyArray;

            /**
             * TopicState createdAtMs.
             * @member {number} createdAtMs
             * @memberof rafter.controller.TopicState
             * @instance
             */
            TopicState.prototype.createdAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new TopicState instance using the specified properties.
             * @function create
             * @memberof rafter.controller.TopicState
             * @static
             * @param {rafter.controller.TopicState.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.TopicState} TopicState instance
             * @type {{
             *   (properties: rafter.controller.TopicState.$Shape): rafter.controller.TopicState & rafter.controller.TopicState.$Shape;
             *   (properties?: rafter.controller.TopicState.$Properties): rafter.controller.TopicState;
             * }}
             */
            TopicState.create = function(properties) {
                return new TopicState(properties);
            };

            /**
             * Encodes the specified TopicState message. Does not implicitly {@link rafter.controller.TopicState.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.TopicState
             * @static
             * @param {rafter.controller.TopicState.$Properties} message TopicState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TopicState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.replicationFactor != null && $Object.hasOwnProperty.call(message, "replicationFactor") && message.replicationFactor !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.replicationFactor);
                if (message.partitioning != null && $Object.hasOwnProperty.call(message, "partitioning") && message.partitioning !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.partitioning);
                if (message.splitKeys != null && message.splitKeys.length)
                    for (var i = 0; i < message.splitKeys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.splitKeys[i]);
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    $root.rafter.controller.TopicConfig.encode(message.config, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.partitions != null && message.partitions.length)
                    for (var i = 0; i < message.partitions.length; ++i)
                        $root.rafter.controller.PartitionState.encode(message.partitions[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs") && (typeof message.createdAtMs === "object" ? message.createdAtMs.low || message.createdAtMs.high : message.createdAtMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.createdAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TopicState message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.TopicState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.TopicState & rafter.controller.TopicState.$Shape} TopicState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TopicState.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.TopicState();
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
                                message.replicationFactor = value;
                            else
                                delete message.replicationFactor;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
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
                            if (wireType !== 2)
                                break;
                            message.config = $root.rafter.controller.TopicConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.partitions && message.partitions.length))
                                message.partitions = [];
                            message.partitions.push($root.rafter.controller.PartitionState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdAtMs = value;
                            else
                                delete message.createdAtMs;
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

            return TopicState;
        })();

        controller.ControllerSnapshot = (function() {

            /**
             * Properties of a ControllerSnapshot.
             * @typedef {Object} rafter.controller.ControllerSnapshot.$Properties
             * @property {number|null} [version] ControllerSnapshot version
             * @property {number|null} [clockMs] ControllerSnapshot clockMs
             * @property {number|null} [nextGroupId] ControllerSnapshot nextGroupId
             * @property {Array.<rafter.controller.BrokerState.$Properties>|null} [brokers] ControllerSnapshot brokers
             * @property {Array.<rafter.controller.TopicState.$Properties>|null} [topics] ControllerSnapshot topics
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ControllerSnapshot.
             * @memberof rafter.controller
             * @interface IControllerSnapshot
             * @augments rafter.controller.ControllerSnapshot.$Properties
             * @deprecated Use rafter.controller.ControllerSnapshot.$Properties instead.
             */

            /**
             * Shape of a ControllerSnapshot.
             * @typedef {rafter.controller.ControllerSnapshot.$Properties} rafter.controller.ControllerSnapshot.$Shape
             */

            /**
             * Constructs a new ControllerSnapshot.
             * @memberof rafter.controller
             * @classdesc Represents a ControllerSnapshot.
             * @constructor
             * @param {rafter.controller.ControllerSnapshot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ControllerSnapshot = function (properties) {
                this.brokers = [];
                this.topics = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ControllerSnapshot version.
             * @member {number} version
             * @memberof rafter.controller.ControllerSnapshot
             * @instance
             */
            ControllerSnapshot.prototype.version = 0;

            /**
             * ControllerSnapshot clockMs.
             * @member {number} clockMs
             * @memberof rafter.controller.ControllerSnapshot
             * @instance
             */
            ControllerSnapshot.prototype.clockMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControllerSnapshot nextGroupId.
             * @member {number} nextGroupId
             * @memberof rafter.controller.ControllerSnapshot
             * @instance
             */
            ControllerSnapshot.prototype.nextGroupId = 0;

            /**
             * ControllerSnapshot brokers.
             * @member {Array.<rafter.controller.BrokerState.$Properties>} brokers
             * @memberof rafter.controller.ControllerSnapshot
             * @instance
             */
            ControllerSnapshot.prototype.brokers = $util.emptyArray;

            /**
             * ControllerSnapshot topics.
             * @member {Array.<rafter.controller.TopicState.$Properties>} topics
             * @memberof rafter.controller.ControllerSnapshot
             * @instance
             */
            ControllerSnapshot.prototype.topics = $util.emptyArray;

            /**
             * Creates a new ControllerSnapshot instance using the specified properties.
             * @function create
             * @memberof rafter.controller.ControllerSnapshot
             * @static
             * @param {rafter.controller.ControllerSnapshot.$Properties=} [properties] Properties to set
             * @returns {rafter.controller.ControllerSnapshot} ControllerSnapshot instance
             * @type {{
             *   (properties: rafter.controller.ControllerSnapshot.$Shape): rafter.controller.ControllerSnapshot & rafter.controller.ControllerSnapshot.$Shape;
             *   (properties?: rafter.controller.ControllerSnapshot.$Properties): rafter.controller.ControllerSnapshot;
             * }}
             */
            ControllerSnapshot.create = function(properties) {
                return new ControllerSnapshot(properties);
            };

            /**
             * Encodes the specified ControllerSnapshot message. Does not implicitly {@link rafter.controller.ControllerSnapshot.verify|verify} messages.
             * @function encode
             * @memberof rafter.controller.ControllerSnapshot
             * @static
             * @param {rafter.controller.ControllerSnapshot.$Properties} message ControllerSnapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControllerSnapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.clockMs != null && $Object.hasOwnProperty.call(message, "clockMs") && (typeof message.clockMs === "object" ? message.clockMs.low || message.clockMs.high : message.clockMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.clockMs);
                if (message.nextGroupId != null && $Object.hasOwnProperty.call(message, "nextGroupId") && message.nextGroupId !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.nextGroupId);
                if (message.brokers != null && message.brokers.length)
                    for (var i = 0; i < message.brokers.length; ++i)
                        $root.rafter.controller.BrokerState.encode(message.brokers[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.topics != null && message.topics.length)
                    for (var i = 0; i < message.topics.length; ++i)
                        $root.rafter.controller.TopicState.encode(message.topics[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ControllerSnapshot message from the specified reader or buffer.
             * @function decode
             * @memberof rafter.controller.ControllerSnapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {rafter.controller.ControllerSnapshot & rafter.controller.ControllerSnapshot.$Shape} ControllerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControllerSnapshot.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.rafter.controller.ControllerSnapshot();
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
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.clockMs = value;
                            else
                                delete message.clockMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.nextGroupId = value;
                            else
                                delete message.nextGroupId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.brokers && message.brokers.length))
                                message.brokers = [];
                            message.brokers.push($root.rafter.controller.BrokerState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.topics && message.topics.length))
                                message.topics = [];
                            message.topics.push($root.rafter.controller.TopicState.decode(reader, reader.size(), $undefined, _depth + 1));
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

            return ControllerSnapshot;
        })();

        return controller;
    })();

    return rafter;
})();

module.exports = $root;
