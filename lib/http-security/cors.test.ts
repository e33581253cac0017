import { describe, expect, it } from 'vitest';
import { corsHeaders, parseCorsOrigins, preflightHeaders } from './cors';

describe('CORS', () => {
  const allowed = parseCorsOrigins('https://a.example, http://localhost:5173');

  it('parses exact origins and rejects paths or garbage, naming the variable', () => {
    expect([...allowed]).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(parseCorsOrigins(undefined).size).toBe(0);
    expect(() => parseCorsOrigins('https://a.example/api')).toThrow('CORS_ORIGINS: "https://a.example/api"');
    expect(() => parseCorsOrigins('*')).toThrow('CORS_ORIGINS: "*"');
  });

  it('echoes only an allowed origin, always varying by Origin', () => {
    expect(corsHeaders('https://a.example', allowed)).toEqual({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': 'https://a.example',
    });
    expect(corsHeaders('https://evil.example', allowed)).toEqual({ Vary: 'Origin' });
    expect(corsHeaders('https://a.example.evil.example', allowed)).toEqual({ Vary: 'Origin' });
    expect(corsHeaders(null, allowed)).toEqual({ Vary: 'Origin' });
  });

  it('answers a preflight with methods and headers only for an allowed origin', () => {
    const ok = preflightHeaders('http://localhost:5173', allowed);
    expect(ok['Access-Control-Allow-Origin']).toBe('http://localhost:5173');
    expect(ok['Access-Control-Allow-Methods']).toContain('GET');
    expect(ok['Access-Control-Allow-Headers']).toContain('Authorization');
    expect(preflightHeaders('https://evil.example', allowed)).toEqual({ Vary: 'Origin' });
  });
});
