import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace rafter {

    namespace controller {

        interface IControllerCommand extends rafter.controller.ControllerCommand.$Properties {
        }

        class ControllerCommand {
            constructor(properties?: rafter.controller.ControllerCommand.$Properties);
            $unknowns?: Uint8Array[];
            atMs: number;
            registerBroker?: (rafter.controller.RegisterBroker.$Properties|null);
            brokerHeartbeat?: (rafter.controller.BrokerHeartbeat.$Properties|null);
            createTopic?: (rafter.controller.CreateTopic.$Properties|null);
            deleteTopic?: (rafter.controller.DeleteTopic.$Properties|null);
            command?: ("registerBroker"|"brokerHeartbeat"|"createTopic"|"deleteTopic");
            static create(properties: rafter.controller.ControllerCommand.$Shape): rafter.controller.ControllerCommand & rafter.controller.ControllerCommand.$Shape;
            static create(properties?: rafter.controller.ControllerCommand.$Properties): rafter.controller.ControllerCommand;
            static encode(message: rafter.controller.ControllerCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.ControllerCommand & rafter.controller.ControllerCommand.$Shape;
        }

        namespace ControllerCommand {
            interface $Properties {
                atMs?: (number|null);
                registerBroker?: (rafter.controller.RegisterBroker.$Properties|null);
                brokerHeartbeat?: (rafter.controller.BrokerHeartbeat.$Properties|null);
                createTopic?: (rafter.controller.CreateTopic.$Properties|null);
                deleteTopic?: (rafter.controller.DeleteTopic.$Properties|null);
                command?: ("registerBroker"|"brokerHeartbeat"|"createTopic"|"deleteTopic");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              atMs?: number|null;
              registerBroker?: rafter.controller.RegisterBroker.$Shape|null;
              brokerHeartbeat?: rafter.controller.BrokerHeartbeat.$Shape|null;
              createTopic?: rafter.controller.CreateTopic.$Shape|null;
              deleteTopic?: rafter.controller.DeleteTopic.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ command?: undefined; registerBroker?: null; brokerHeartbeat?: null; createTopic?: null; deleteTopic?: null }|{ command?: "registerBroker"; registerBroker: rafter.controller.RegisterBroker.$Shape; brokerHeartbeat?: null; createTopic?: null; deleteTopic?: null }|{ command?: "brokerHeartbeat"; registerBroker?: null; brokerHeartbeat: rafter.controller.BrokerHeartbeat.$Shape; createTopic?: null; deleteTopic?: null }|{ command?: "createTopic"; registerBroker?: null; brokerHeartbeat?: null; createTopic: rafter.controller.CreateTopic.$Shape; deleteTopic?: null }|{ command?: "deleteTopic"; registerBroker?: null; brokerHeartbeat?: null; createTopic?: null; deleteTopic: rafter.controller.DeleteTopic.$Shape })
            );
        }

        interface IRegisterBroker extends rafter.controller.RegisterBroker.$Properties {
        }

        class RegisterBroker {
            constructor(properties?: rafter.controller.RegisterBroker.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            host: string;
            port: number;
            rack: string;
            static create(properties: rafter.controller.RegisterBroker.$Shape): rafter.controller.RegisterBroker & rafter.controller.RegisterBroker.$Shape;
            static create(properties?: rafter.controller.RegisterBroker.$Properties): rafter.controller.RegisterBroker;
            static encode(message: rafter.controller.RegisterBroker.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.RegisterBroker & rafter.controller.RegisterBroker.$Shape;
        }

        namespace RegisterBroker {
            interface $Properties {
                id?: (number|null);
                host?: (string|null);
                port?: (number|null);
                rack?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.RegisterBroker.$Properties;
        }

        interface IBrokerHeartbeat extends rafter.controller.BrokerHeartbeat.$Properties {
        }

        class BrokerHeartbeat {
            constructor(properties?: rafter.controller.BrokerHeartbeat.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            static create(properties: rafter.controller.BrokerHeartbeat.$Shape): rafter.controller.BrokerHeartbeat & rafter.controller.BrokerHeartbeat.$Shape;
            static create(properties?: rafter.controller.BrokerHeartbeat.$Properties): rafter.controller.BrokerHeartbeat;
            static encode(message: rafter.controller.BrokerHeartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.BrokerHeartbeat & rafter.controller.BrokerHeartbeat.$Shape;
        }

        namespace BrokerHeartbeat {
            interface $Properties {
                id?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.BrokerHeartbeat.$Properties;
        }

        interface ITopicConfig extends rafter.controller.TopicConfig.$Properties {
        }

        class TopicConfig {
            constructor(properties?: rafter.controller.TopicConfig.$Properties);
            $unknowns?: Uint8Array[];
            retentionMs: number;
            retentionBytes: number;
            maxMessageBytes: number;
            static create(properties: rafter.controller.TopicConfig.$Shape): rafter.controller.TopicConfig & rafter.controller.TopicConfig.$Shape;
            static create(properties?: rafter.controller.TopicConfig.$Properties): rafter.controller.TopicConfig;
            static encode(message: rafter.controller.TopicConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.TopicConfig & rafter.controller.TopicConfig.$Shape;
        }

        namespace TopicConfig {
            interface $Properties {
                retentionMs?: (number|null);
                retentionBytes?: (number|null);
                maxMessageBytes?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.TopicConfig.$Properties;
        }

        interface IPartitionReplicas extends rafter.controller.PartitionReplicas.$Properties {
        }

        class PartitionReplicas {
            constructor(properties?: rafter.controller.PartitionReplicas.$Properties);
            $unknowns?: Uint8Array[];
            replicas: number[];
            static create(properties: rafter.controller.PartitionReplicas.$Shape): rafter.controller.PartitionReplicas & rafter.controller.PartitionReplicas.$Shape;
            static create(properties?: rafter.controller.PartitionReplicas.$Properties): rafter.controller.PartitionReplicas;
            static encode(message: rafter.controller.PartitionReplicas.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.PartitionReplicas & rafter.controller.PartitionReplicas.$Shape;
        }

        namespace PartitionReplicas {
            interface $Properties {
                replicas?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.PartitionReplicas.$Properties;
        }

        interface ICreateTopic extends rafter.controller.CreateTopic.$Properties {
        }

        class CreateTopic {
            constructor(properties?: rafter.controller.CreateTopic.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            partitions: number;
            replicationFactor: number;
            partitioning: number;
            splitKeys: Uint8Array[];
            config?: (rafter.controller.TopicConfig.$Properties|null);
            placement: rafter.controller.PartitionReplicas.$Properties[];
            static create(properties: rafter.controller.CreateTopic.$Shape): rafter.controller.CreateTopic & rafter.controller.CreateTopic.$Shape;
            static create(properties?: rafter.controller.CreateTopic.$Properties): rafter.controller.CreateTopic;
            static encode(message: rafter.controller.CreateTopic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.CreateTopic & rafter.controller.CreateTopic.$Shape;
        }

        namespace CreateTopic {
            interface $Properties {
                name?: (string|null);
                partitions?: (number|null);
                replicationFactor?: (number|null);
                partitioning?: (number|null);
                splitKeys?: (Uint8Array[]|null);
                config?: (rafter.controller.TopicConfig.$Properties|null);
                placement?: (rafter.controller.PartitionReplicas.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.CreateTopic.$Properties;
        }

        interface IDeleteTopic extends rafter.controller.DeleteTopic.$Properties {
        }

        class DeleteTopic {
            constructor(properties?: rafter.controller.DeleteTopic.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            static create(properties: rafter.controller.DeleteTopic.$Shape): rafter.controller.DeleteTopic & rafter.controller.DeleteTopic.$Shape;
            static create(properties?: rafter.controller.DeleteTopic.$Properties): rafter.controller.DeleteTopic;
            static encode(message: rafter.controller.DeleteTopic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.DeleteTopic & rafter.controller.DeleteTopic.$Shape;
        }

        namespace DeleteTopic {
            interface $Properties {
                name?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.DeleteTopic.$Properties;
        }

        interface IBrokerState extends rafter.controller.BrokerState.$Properties {
        }

        class BrokerState {
            constructor(properties?: rafter.controller.BrokerState.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            host: string;
            port: number;
            rack: string;
            registeredAtMs: number;
            lastHeartbeatMs: number;
            static create(properties: rafter.controller.BrokerState.$Shape): rafter.controller.BrokerState & rafter.controller.BrokerState.$Shape;
            static create(properties?: rafter.controller.BrokerState.$Properties): rafter.controller.BrokerState;
            static encode(message: rafter.controller.BrokerState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.BrokerState & rafter.controller.BrokerState.$Shape;
        }

        namespace BrokerState {
            interface $Properties {
                id?: (number|null);
                host?: (string|null);
                port?: (number|null);
                rack?: (string|null);
                registeredAtMs?: (number|null);
                lastHeartbeatMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.BrokerState.$Properties;
        }

        interface IPartitionState extends rafter.controller.PartitionState.$Properties {
        }

        class PartitionState {
            constructor(properties?: rafter.controller.PartitionState.$Properties);
            $unknowns?: Uint8Array[];
            groupId: number;
            replicas: number[];
            static create(properties: rafter.controller.PartitionState.$Shape): rafter.controller.PartitionState & rafter.controller.PartitionState.$Shape;
            static create(properties?: rafter.controller.PartitionState.$Properties): rafter.controller.PartitionState;
            static encode(message: rafter.controller.PartitionState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.PartitionState & rafter.controller.PartitionState.$Shape;
        }

        namespace PartitionState {
            interface $Properties {
                groupId?: (number|null);
                replicas?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.PartitionState.$Properties;
        }

        interface ITopicState extends rafter.controller.TopicState.$Properties {
        }

        class TopicState {
            constructor(properties?: rafter.controller.TopicState.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            replicationFactor: number;
            partitioning: number;
            splitKeys: Uint8Array[];
            config?: (rafter.controller.TopicConfig.$Properties|null);
            partitions: rafter.controller.PartitionState.$Properties[];
            createdAtMs: number;
            static create(properties: rafter.controller.TopicState.$Shape): rafter.controller.TopicState & rafter.controller.TopicState.$Shape;
            static create(properties?: rafter.controller.TopicState.$Properties): rafter.controller.TopicState;
            static encode(message: rafter.controller.TopicState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.TopicState & rafter.controller.TopicState.$Shape;
        }

        namespace TopicState {
            interface $Properties {
                name?: (string|null);
                replicationFactor?: (number|null);
                partitioning?: (number|null);
                splitKeys?: (Uint8Array[]|null);
                config?: (rafter.controller.TopicConfig.$Properties|null);
                partitions?: (rafter.controller.PartitionState.$Properties[]|null);
                createdAtMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.TopicState.$Properties;
        }

        interface IControllerSnapshot extends rafter.controller.ControllerSnapshot.$Properties {
        }

        class ControllerSnapshot {
            constructor(properties?: rafter.controller.ControllerSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            clockMs: number;
            nextGroupId: number;
            brokers: rafter.controller.BrokerState.$Properties[];
            topics: rafter.controller.TopicState.$Properties[];
            static create(properties: rafter.controller.ControllerSnapshot.$Shape): rafter.controller.ControllerSnapshot & rafter.controller.ControllerSnapshot.$Shape;
            static create(properties?: rafter.controller.ControllerSnapshot.$Properties): rafter.controller.ControllerSnapshot;
            static encode(message: rafter.controller.ControllerSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.controller.ControllerSnapshot & rafter.controller.ControllerSnapshot.$Shape;
        }

        namespace ControllerSnapshot {
            interface $Properties {
                version?: (number|null);
                clockMs?: (number|null);
                nextGroupId?: (number|null);
                brokers?: (rafter.controller.BrokerState.$Properties[]|null);
                topics?: (rafter.controller.TopicState.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.controller.ControllerSnapshot.$Properties;
        }
    }
}
