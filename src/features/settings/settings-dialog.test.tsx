// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getGitHubConnection } from '../../document/github-connection';
import { SettingsButton } from './settings-button';

// The dialog loads on first click, as in the app.
async function open() {
  render(<SettingsButton />);
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return screen.findByRole('dialog', { name: 'Settings' });
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

describe('Settings', () => {
  it('offers the connection controls with their defaults', async () => {
    await open();
    expect(screen.getByLabelText<HTMLInputElement>('API base URL').value).toBe('https://api.github.com');
    expect(screen.getByLabelText<HTMLInputElement>('Target repository').value).toBe('microsoft/winget-pkgs');
    expect(screen.getByLabelText<HTMLInputElement>('GitHub token').type).toBe('password');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Keep the token on this device' }).checked).toBe(false);
  });

  it('refuses http:// for a remote host and accepts it for loopback', async () => {
    await open();
    fireEvent.change(screen.getByLabelText('API base URL'), { target: { value: 'http://github.example.com/api/v3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('API base URL').getAttribute('aria-invalid')).toBe('true');
    expect(getGitHubConnection().apiBaseUrl).toBe('https://api.github.com');
    fireEvent.change(screen.getByLabelText('API base URL'), { target: { value: 'http://127.0.0.1:8787/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(getGitHubConnection().apiBaseUrl).toBe('http://127.0.0.1:8787');
  });

  it('keeps the token in sessionStorage unless the user opts in, with a warning', async () => {
    await open();
    fireEvent.change(screen.getByLabelText('GitHub token'), { target: { value: 'ghp_secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sessionStorage.getItem('wingsmith.github.token')).toBe('ghp_secret');
    expect(JSON.stringify({ ...localStorage })).not.toContain('ghp_secret');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep the token on this device' }));
    expect(screen.getByRole('note').textContent).toContain('anyone with access to this browser profile can read it');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(localStorage.getItem('wingsmith.github.token')).toBe('ghp_secret');
    expect(sessionStorage.getItem('wingsmith.github.token')).toBeNull();
  });
});
