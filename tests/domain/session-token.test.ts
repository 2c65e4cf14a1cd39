import { issueSessionToken, verifySessionToken } from '../../cloudfunctions/_runtime/session-token';

describe('local session tokens', () => {
  const secret = 'test-secret';
  it('round-trips the subject until expiry', () => {
    const token = issueSessionToken('local:abc', secret, 1000, 5000);
    expect(verifySessionToken(token, secret, 1000)).toBe('local:abc');
    expect(verifySessionToken(token, secret, 5999)).toBe('local:abc');
    expect(verifySessionToken(token, secret, 6000)).toBeNull();
  });

  it('refuses a token signed with another secret or edited by the client', () => {
    const token = issueSessionToken('local:abc', secret, 1000);
    expect(verifySessionToken(token, 'other', 1000)).toBeNull();
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'demo:m_H01001', iat: 1000, exp: 9e15 })).toString('base64url');
    expect(verifySessionToken(`${forged}.${mac}`, secret, 1000)).toBeNull();
    expect(verifySessionToken('garbage', secret, 1000)).toBeNull();
    expect(verifySessionToken(`${token}.x`, secret, 1000)).toBeNull();
  });
});
