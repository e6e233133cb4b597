import { describe, expect, it } from 'vitest';
import { htmlBaseUrl, validateSettings } from './settings';

const ok = { apiBaseUrl: 'https://api.github.com', repository: 'microsoft/winget-pkgs', token: 'ghp_abc' };

describe('validateSettings', () => {
  it('accepts GitHub, Enterprise and loopback http, normalizing the base URL', () => {
    expect(validateSettings(ok).valid).toBe(true);
    expect(validateSettings({ ...ok, apiBaseUrl: 'https://ghe.example.com/api/v3/' }).settings.apiBaseUrl).toBe('https://ghe.example.com/api/v3');
    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787']) {
      expect(validateSettings({ ...ok, apiBaseUrl: `http://${host}` }).valid).toBe(true);
    }
  });

  it('refuses http to other hosts, malformed URLs, repositories and tokens', () => {
    expect(validateSettings({ ...ok, apiBaseUrl: 'http://api.github.com' }).problems.apiBaseUrl).toMatch(/https/);
    expect(validateSettings({ ...ok, apiBaseUrl: 'http://127.0.0.2.example.com' }).valid).toBe(false);
    expect(validateSettings({ ...ok, apiBaseUrl: 'api.github.com' }).problems.apiBaseUrl).toBeDefined();
    expect(validateSettings({ ...ok, apiBaseUrl: 'https://u:p@api.github.com' }).problems.apiBaseUrl).toBeDefined();
    expect(validateSettings({ ...ok, repository: 'winget-pkgs' }).problems.repository).toBeDefined();
    expect(validateSettings({ ...ok, repository: 'a/b/c' }).problems.repository).toBeDefined();
    expect(validateSettings({ ...ok, token: '' }).problems.token).toBeDefined();
    expect(validateSettings({ ...ok, token: '' }, { requireToken: false }).valid).toBe(true);
    expect(validateSettings({ ...ok, token: 'ghp_a b' }).problems.token).toBeDefined();
  });
});

describe('htmlBaseUrl', () => {
  it('maps API bases to web bases', () => {
    expect(htmlBaseUrl('https://api.github.com')).toBe('https://github.com');
    expect(htmlBaseUrl('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com');
    expect(htmlBaseUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
  });
});
