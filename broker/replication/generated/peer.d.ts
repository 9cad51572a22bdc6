import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace rafter {

    namespace peer {

        interface IPeerFrame extends rafter.peer.PeerFrame.$Properties {
        }

        class PeerFrame {
            constructor(properties?: rafter.peer.PeerFrame.$Properties);
            $unknowns?: Uint8Array[];
            hello?: (rafter.peer.Hello.$Properties|null);
            raftBatch?: (rafter.peer.RaftBatch.$Properties|null);
            body?: ("hello"|"raftBatch");
            static create(properties: rafter.peer.PeerFrame.$Shape): rafter.peer.PeerFrame & rafter.peer.PeerFrame.$Shape;
            static create(properties?: rafter.peer.PeerFrame.$Properties): rafter.peer.PeerFrame;
            static encode(message: rafter.peer.PeerFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.PeerFrame & rafter.peer.PeerFrame.$Shape;
        }

        namespace PeerFrame {
            interface $Properties {
                hello?: (rafter.peer.Hello.$Properties|null);
                raftBatch?: (rafter.peer.RaftBatch.$Properties|null);
                body?: ("hello"|"raftBatch");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              hello?: rafter.peer.Hello.$Shape|null;
              raftBatch?: rafter.peer.RaftBatch.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; raftBatch?: null }|{ body?: "hello"; hello: rafter.peer.Hello.$Shape; raftBatch?: null }|{ body?: "raftBatch"; hello?: null; raftBatch: rafter.peer.RaftBatch.$Shape })
            );
        }

        interface IHello extends rafter.peer.Hello.$Properties {
        }

        class Hello {
            constructor(properties?: rafter.peer.Hello.$Properties);
            $unknowns?: Uint8Array[];
            brokerId: number;
            clusterId: string;
            protocolVersion: number;
            storeId: string;
            controllerUnformed: boolean;
            static create(properties: rafter.peer.Hello.$Shape): rafter.peer.Hello & rafter.peer.Hello.$Shape;
            static create(properties?: rafter.peer.Hello.$Properties): rafter.peer.Hello;
            static encode(message: rafter.peer.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.Hello & rafter.peer.Hello.$Shape;
        }

        namespace Hello {
            interface $Properties {
                brokerId?: (number|null);
                clusterId?: (string|null);
                protocolVersion?: (number|null);
                storeId?: (string|null);
                controllerUnformed?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.Hello.$Properties;
        }

        interface IRaftBatch extends rafter.peer.RaftBatch.$Properties {
        }

        class RaftBatch {
            constructor(properties?: rafter.peer.RaftBatch.$Properties);
            $unknowns?: Uint8Array[];
            groups: rafter.peer.GroupMessages.$Properties[];
            heartbeats?: (rafter.peer.CoalescedHeartbeats.$Properties|null);
            heartbeatResponses?: (rafter.peer.CoalescedHeartbeats.$Properties|null);
            static create(properties: rafter.peer.RaftBatch.$Shape): rafter.peer.RaftBatch & rafter.peer.RaftBatch.$Shape;
            static create(properties?: rafter.peer.RaftBatch.$Properties): rafter.peer.RaftBatch;
            static encode(message: rafter.peer.RaftBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.RaftBatch & rafter.peer.RaftBatch.$Shape;
        }

        namespace RaftBatch {
            interface $Properties {
                groups?: (rafter.peer.GroupMessages.$Properties[]|null);
                heartbeats?: (rafter.peer.CoalescedHeartbeats.$Properties|null);
                heartbeatResponses?: (rafter.peer.CoalescedHeartbeats.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.RaftBatch.$Properties;
        }

        interface IGroupMessages extends rafter.peer.GroupMessages.$Properties {
        }

        class GroupMessages {
            constructor(properties?: rafter.peer.GroupMessages.$Properties);
            $unknowns?: Uint8Array[];
            groupId: number;
            messages: rafter.peer.RaftMessage.$Properties[];
            static create(properties: rafter.peer.GroupMessages.$Shape): rafter.peer.GroupMessages & rafter.peer.GroupMessages.$Shape;
            static create(properties?: rafter.peer.GroupMessages.$Properties): rafter.peer.GroupMessages;
            static encode(message: rafter.peer.GroupMessages.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.GroupMessages & rafter.peer.GroupMessages.$Shape;
        }

        namespace GroupMessages {
            interface $Properties {
                groupId?: (number|null);
                messages?: (rafter.peer.RaftMessage.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.GroupMessages.$Properties;
        }

        interface ICoalescedHeartbeats extends rafter.peer.CoalescedHeartbeats.$Properties {
        }

        class CoalescedHeartbeats {
            constructor(properties?: rafter.peer.CoalescedHeartbeats.$Properties);
            $unknowns?: Uint8Array[];
            groupIds: number[];
            from: number[];
            to: number[];
            terms: number[];
            commits: number[];
            recovering: number[];
            static create(properties: rafter.peer.CoalescedHeartbeats.$Shape): rafter.peer.CoalescedHeartbeats & rafter.peer.CoalescedHeartbeats.$Shape;
            static create(properties?: rafter.peer.CoalescedHeartbeats.$Properties): rafter.peer.CoalescedHeartbeats;
            static encode(message: rafter.peer.CoalescedHeartbeats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.CoalescedHeartbeats & rafter.peer.CoalescedHeartbeats.$Shape;
        }

        namespace CoalescedHeartbeats {
            interface $Properties {
                groupIds?: (number[]|null);
                from?: (number[]|null);
                to?: (number[]|null);
                terms?: (number[]|null);
                commits?: (number[]|null);
                recovering?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.CoalescedHeartbeats.$Properties;
        }

        enum MessageType {
            MSG_UNSPECIFIED = 0,
            MSG_APP = 1,
            MSG_APP_RESP = 2,
            MSG_VOTE = 3,
            MSG_VOTE_RESP = 4,
            MSG_PRE_VOTE = 5,
            MSG_PRE_VOTE_RESP = 6,
            MSG_SNAP = 7,
            MSG_HEARTBEAT = 8,
            MSG_HEARTBEAT_RESP = 9,
            MSG_TRANSFER_LEADER = 10,
            MSG_TIMEOUT_NOW = 11
        }

        interface IRaftMessage extends rafter.peer.RaftMessage.$Properties {
        }

        class RaftMessage {
            constructor(properties?: rafter.peer.RaftMessage.$Properties);
            $unknowns?: Uint8Array[];
            type: rafter.peer.MessageType;
            from: number;
            to: number;
            term: number;
            logTerm: number;
            index: number;
            entries: rafter.peer.Entry.$Properties[];
            commit: number;
            reject: boolean;
            rejectHint: number;
            snapshot?: (rafter.peer.Snapshot.$Properties|null);
            recovering: number;
            recoveryConfirmed: boolean;
            static create(properties: rafter.peer.RaftMessage.$Shape): rafter.peer.RaftMessage & rafter.peer.RaftMessage.$Shape;
            static create(properties?: rafter.peer.RaftMessage.$Properties): rafter.peer.RaftMessage;
            static encode(message: rafter.peer.RaftMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.RaftMessage & rafter.peer.RaftMessage.$Shape;
        }

        namespace RaftMessage {
            interface $Properties {
                type?: (rafter.peer.MessageType|null);
                from?: (number|null);
                to?: (number|null);
                term?: (number|null);
                logTerm?: (number|null);
                index?: (number|null);
                entries?: (rafter.peer.Entry.$Properties[]|null);
                commit?: (number|null);
                reject?: (boolean|null);
                rejectHint?: (number|null);
                snapshot?: (rafter.peer.Snapshot.$Properties|null);
                recovering?: (number|null);
                recoveryConfirmed?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.RaftMessage.$Properties;
        }

        interface IEntry extends rafter.peer.Entry.$Properties {
        }

        class Entry {
            constructor(properties?: rafter.peer.Entry.$Properties);
            $unknowns?: Uint8Array[];
            term: number;
            index: number;
            type: number;
            data: Uint8Array;
            static create(properties: rafter.peer.Entry.$Shape): rafter.peer.Entry & rafter.peer.Entry.$Shape;
            static create(properties?: rafter.peer.Entry.$Properties): rafter.peer.Entry;
            static encode(message: rafter.peer.Entry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.Entry & rafter.peer.Entry.$Shape;
        }

        namespace Entry {
            interface $Properties {
                term?: (number|null);
                index?: (number|null);
                type?: (number|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.Entry.$Properties;
        }

        interface ISnapshot extends rafter.peer.Snapshot.$Properties {
        }

        class Snapshot {
            constructor(properties?: rafter.peer.Snapshot.$Properties);
            $unknowns?: Uint8Array[];
            metadata?: (rafter.peer.SnapshotMetadata.$Properties|null);
            data: Uint8Array;
            static create(properties: rafter.peer.Snapshot.$Shape): rafter.peer.Snapshot & rafter.peer.Snapshot.$Shape;
            static create(properties?: rafter.peer.Snapshot.$Properties): rafter.peer.Snapshot;
            static encode(message: rafter.peer.Snapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.Snapshot & rafter.peer.Snapshot.$Shape;
        }

        namespace Snapshot {
            interface $Properties {
                metadata?: (rafter.peer.SnapshotMetadata.$Properties|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.Snapshot.$Properties;
        }

        interface ISnapshotMetadata extends rafter.peer.SnapshotMetadata.$Properties {
        }

        class SnapshotMetadata {
            constructor(properties?: rafter.peer.SnapshotMetadata.$Properties);
            $unknowns?: Uint8Array[];
            index: number;
            term: number;
            confState?: (rafter.peer.ConfState.$Properties|null);
            static create(properties: rafter.peer.SnapshotMetadata.$Shape): rafter.peer.SnapshotMetadata & rafter.peer.SnapshotMetadata.$Shape;
            static create(properties?: rafter.peer.SnapshotMetadata.$Properties): rafter.peer.SnapshotMetadata;
            static encode(message: rafter.peer.SnapshotMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.SnapshotMetadata & rafter.peer.SnapshotMetadata.$Shape;
        }

        namespace SnapshotMetadata {
            interface $Properties {
                index?: (number|null);
                term?: (number|null);
                confState?: (rafter.peer.ConfState.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.SnapshotMetadata.$Properties;
        }

        interface IConfState extends rafter.peer.ConfState.$Properties {
        }

        class ConfState {
            constructor(properties?: rafter.peer.ConfState.$Properties);
            $unknowns?: Uint8Array[];
            voters: number[];
            learners: number[];
            votersOutgoing: number[];
            static create(properties: rafter.peer.ConfState.$Shape): rafter.peer.ConfState & rafter.peer.ConfState.$Shape;
            static create(properties?: rafter.peer.ConfState.$Properties): rafter.peer.ConfState;
            static encode(message: rafter.peer.ConfState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): rafter.peer.ConfState & rafter.peer.ConfState.$Shape;
        }

        namespace ConfState {
            interface $Properties {
                voters?: (number[]|null);
                learners?: (number[]|null);
                votersOutgoing?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = rafter.peer.ConfState.$Properties;
        }
    }
}
