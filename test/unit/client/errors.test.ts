import {
  createErrorFromCode,
  ErrorCode,
  isRetriable,
  NotLeaderError,
  OffsetOutOfRangeError,
  RafterConnectionError,
  RafterError,
  RafterProtocolError,
} from '../../../client';
import { ERROR_RULES, rafter } from '../../../client/protocol';

const codes = Object.values(rafter.ErrorCode).filter((v): v is number => typeof v === 'number') as ErrorCode[];

describe('errors', () => {
  it.each(codes.filter((c) => c !== ErrorCode.NONE))('code %d maps to a typed error with its row of the table', (code) => {
    const error = createErrorFromCode(code, 'from broker', { topic: 't', partition: 2 });
    const rule = ERROR_RULES[code];
    expect(error).toBeInstanceOf(RafterProtocolError);
    expect(error).toBeInstanceOf(RafterError);
    expect(error.code).toBe(ErrorCode[code]);
    expect(error.errorCode).toBe(code);
    expect({ retriable: error.retriable, persisted: error.persisted, refreshMetadata: error.refreshMetadata }).toEqual({
      retriable: rule.retriable, persisted: rule.persisted, refreshMetadata: rule.refreshMetadata,
    });
    expect(error.message).toBe(`${ErrorCode[code]} (t/2): from broker`);
    expect(error.name).toBe(error.constructor.name);
  });

  it('gives NOT_LEADER and OFFSET_OUT_OF_RANGE their own classes with their details', () => {
    const notLeader = createErrorFromCode(ErrorCode.NOT_LEADER, '', { leaderId: 3 });
    expect(notLeader).toBeInstanceOf(NotLeaderError);
    expect((notLeader as NotLeaderError).leaderId).toBe(3);
    expect(notLeader.name).toBe('NotLeaderError');
    const outOfRange = createErrorFromCode(ErrorCode.OFFSET_OUT_OF_RANGE, '', { offset: 9 });
    expect(outOfRange).toBeInstanceOf(OffsetOutOfRangeError);
    expect((outOfRange as OffsetOutOfRangeError).offset).toBe(9);
  });

  it('uses the table description when the broker gives no message', () => {
    expect(createErrorFromCode(ErrorCode.UNKNOWN_TOPIC).message).toBe('UNKNOWN_TOPIC: the topic does not exist');
  });

  it('treats unknown wire codes as UNKNOWN rather than crashing', () => {
    const error = createErrorFromCode(999 as ErrorCode);
    expect(error.code).toBe('UNKNOWN');
    expect(error.retriable).toBe(false);
  });

  it('retries only RafterErrors marked retriable: never plain errors', () => {
    expect(isRetriable(new RafterConnectionError('lost', 'h:1'))).toBe(true);
    expect(isRetriable(createErrorFromCode(ErrorCode.INVALID_REQUEST))).toBe(false);
    expect(isRetriable(new TypeError('bug'))).toBe(false);
    expect(new RafterError('x', { code: 'UNKNOWN' }).retriable).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('socket');
    expect(new RafterConnectionError('lost', 'h:1', { cause }).cause).toBe(cause);
  });
});
