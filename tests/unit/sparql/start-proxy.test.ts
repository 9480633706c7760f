// The start server's proxy: one path to the store, credentials added there.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, sparqlProxy } from '../../../vite.config.ts';

describe('npm start -- --endpoint', () => {
  it('proxies /sparql alone to the endpoint, credentials in the header only', () => {
    expect(sparqlProxy({})).toBeUndefined();
    const p = sparqlProxy({ ACTORGRAPH_ENDPOINT: 'http://ana:s3cret@store.example:8890/sparql?x=1' })!;
    expect(Object.keys(p)).toEqual(['^/sparql$']);
    const o = p['^/sparql$']!;
    expect(o.target).toBe('http://store.example:8890');
    expect(o.rewrite!('/sparql')).toBe('/sparql?x=1');
    expect(o.headers).toEqual({ authorization: `Basic ${Buffer.from('ana:s3cret').toString('base64')}` });
    expect(JSON.stringify(o.target)).not.toContain('s3cret');
    expect(
      sparqlProxy({ ACTORGRAPH_ENDPOINT: 'https://s.example/q', ACTORGRAPH_AUTH: 'tok' })!['^/sparql$']!.headers,
    ).toEqual({ authorization: 'Bearer tok' });
    // The page still talks to its own origin only.
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
});
