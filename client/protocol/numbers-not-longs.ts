// 64-bit fields decode as plain numbers: offsets and timestamps stay below 2^53, and Long objects would cost an
// allocation per field on the hot path. This module must be imported before the generated code: the generated
// prototypes pick their 64-bit defaults (Long or 0) when that code first loads, and imports run before the body of
// the module that names them.
import protobuf from 'protobufjs/minimal';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
