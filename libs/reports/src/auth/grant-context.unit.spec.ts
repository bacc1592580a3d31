import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { merchantInScope, NotAuthenticatedError, NotAuthorizedError, requireAuditor } from './grant-context';

describe('report scoping', () => {
  const merchant = { grant: { role: 'merchant' as const, merchantId: 'm-1' } };
  const auditor = { grant: { role: 'auditor' as const, subject: 'audit-1' } };

  it('invariant 7: a merchant token reads its own merchant, named or not', () => {
    expect(merchantInScope(merchant, undefined)).toBe('m-1');
    expect(merchantInScope(merchant, 'm-1')).toBe('m-1');
  });

  it("invariant 7: a merchant token naming another merchant is refused", () => {
    expect(() => merchantInScope(merchant, 'm-2')).toThrow(NotAuthorizedError);
  });

  it('an auditor must name the merchant', () => {
    expect(merchantInScope(auditor, 'm-2')).toBe('m-2');
    expect(() => merchantInScope(auditor, undefined)).toThrow('an auditor must name merchantId');
  });

  it('no token, no data', () => {
    expect(() => merchantInScope({}, 'm-1')).toThrow(NotAuthorizedError);
    expect(() => requireAuditor(merchant)).toThrow(NotAuthorizedError);
  });

  it.each(['m-1\r\nX-Injected: 1', 'm\u0000', 'мерчант', 'x'.repeat(65), '-m'])('refuses a merchantId that is not an id (%p), for merchants and auditors alike', (merchantId) => {
    expect(() => merchantInScope(merchant, merchantId)).toThrow(InvalidArgumentError);
    expect(() => merchantInScope(auditor, merchantId)).toThrow(InvalidArgumentError);
  });

  it('refuses a missing token before looking at the arguments', () => {
    expect(() => merchantInScope({}, 'not an id')).toThrow(NotAuthenticatedError);
  });
});
