import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/lib/domain-error';
import { failureReason, isTransientFailure } from './webhook-failure';

const pgError = (code: string, message = 'boom', extra: object = {}) => Object.assign(new Error(message), { code, ...extra });
/** How Drizzle hands the driver's error up: wrapped, with the original as `cause`. */
const wrapped = (cause: unknown) => new Error('Failed query: update "sessions" …', { cause });

describe('isTransientFailure', () => {
  it.each([
    ['connection refused', pgError('ECONNREFUSED')],
    ['connect timeout (postgres.js)', pgError('CONNECT_TIMEOUT')],
    ['connection closed (postgres.js)', wrapped(pgError('CONNECTION_CLOSED'))],
    ['lock timeout 55P03', wrapped(pgError('55P03', 'canceling statement due to lock timeout'))],
    ['deadlock 40P01', wrapped(pgError('40P01'))],
    ['serialization failure 40001', pgError('40001')],
    ['statement timeout 57014', wrapped(pgError('57014'))],
    ['admin shutdown 57P01', pgError('57P01')],
    ['too many connections 53300', pgError('53300')],
    ['connection failure 08006', pgError('08006')],
  ])('%s is transient (503, LiveKit retries)', (_what, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a refused status transition', new DomainError('CONFLICT', 'A scheduled session cannot become completed')],
    ['a CHECK violation', wrapped(pgError('23514', 'new row violates check constraint', { constraint_name: 'attendance_records_percentage' }))],
    ['a foreign key violation', wrapped(pgError('23503'))],
    ['invalid input 22P02', pgError('22P02')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'weird'],
  ])('%s is permanent (stored with the reason, 200)', (_what, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });

  it('decides by the SQLSTATE class for every code of those classes, wrapped or not', () => {
    const sqlstate = fc.tuple(fc.constantFrom('08', '40', '53', '57', '58', '22', '23', '42', 'P0', 'XX'), fc.stringMatching(/^[0-9A-Z]{3}$/));
    fc.assert(
      fc.property(sqlstate, fc.boolean(), ([cls, rest], wrap) => {
        const error = pgError(cls + rest);
        expect(isTransientFailure(wrap ? wrapped(error) : error)).toBe(['08', '40', '53', '57', '58'].includes(cls));
      }),
    );
  });
});

describe('failureReason', () => {
  it('names the deepest cause, its SQLSTATE and constraint', () => {
    const error = wrapped(pgError('23514', 'new row for relation "attendance_records" violates check constraint', { constraint_name: 'attendance_records_percentage' }));
    expect(failureReason(error)).toBe('new row for relation "attendance_records" violates check constraint (SQLSTATE 23514, attendance_records_percentage)');
  });

  it('keeps a domain error’s message as it is, and stays short', () => {
    expect(failureReason(new DomainError('CONFLICT', 'A scheduled session cannot become completed'))).toBe('A scheduled session cannot become completed');
    expect(failureReason(new Error('x'.repeat(2000))).length).toBe(500);
  });
});
