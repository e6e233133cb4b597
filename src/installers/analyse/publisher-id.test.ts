import { describe, expect, it } from 'vitest';
import { packageFamilyName, publisherId } from './publisher-id';

describe('publisherId', () => {
  it('gives the well-known Microsoft Corporation id', async () => {
    expect(await publisherId('CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US')).toBe('8wekyb3d8bbwe');
  });

  it('gives the well-known Microsoft Windows id', async () => {
    expect(await publisherId('CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US')).toBe('cw5n1h2txyewy');
  });

  it('is 13 lower-case Crockford characters', async () => {
    expect(await publisherId('CN=Wingsmith')).toMatch(/^[0-9a-hjkmnp-tv-z]{13}$/);
  });

  it('joins name and id into the family name', async () => {
    expect(await packageFamilyName('Microsoft.WindowsTerminal', 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US')).toBe(
      'Microsoft.WindowsTerminal_8wekyb3d8bbwe',
    );
  });
});
