// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubDouble, type GitHubDouble } from '../../../test/github-double/server';
import { DOUBLE_LOGIN } from '../../../test/github-double/seed';
import { DEFAULT_API_BASE_URL, DEFAULT_REPOSITORY, getGitHubConnection, saveGitHubConnection } from '../../document/github-connection';
import { SettingsButton } from './settings-button';

let double: GitHubDouble;
beforeAll(async () => {
  double = await createGitHubDouble({ seed: true });
  // A token only the double knows with no scope: GET /user passes, the pull request would not.
  double.state.tokens.set('ghp_double_noscope', { login: DOUBLE_LOGIN, id: 9, scopes: [] });
});
afterAll(() => double.close());

// The dialog loads on first click, as in the app.
async function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return screen.findByRole('dialog', { name: 'Settings' });
}

function fill(apiBaseUrl: string, token: string) {
  fireEvent.change(screen.getByLabelText('API base URL'), { target: { value: apiBaseUrl } });
  fireEvent.change(screen.getByLabelText('GitHub token'), { target: { value: token } });
}

afterEach(() => {
  cleanup();
  act(() => saveGitHubConnection({ apiBaseUrl: DEFAULT_API_BASE_URL, repository: DEFAULT_REPOSITORY, token: '', keepToken: false }));
  localStorage.clear();
  sessionStorage.clear();
});

describe('Settings', () => {
  it('offers the connection controls with their defaults', async () => {
    render(<SettingsButton />);
    await open();
    expect(screen.getByLabelText<HTMLInputElement>('API base URL').value).toBe('https://api.github.com');
    expect(screen.getByLabelText<HTMLInputElement>('Target repository').value).toBe('microsoft/winget-pkgs');
    expect(screen.getByLabelText<HTMLInputElement>('GitHub token').type).toBe('password');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Keep the token on this device' }).checked).toBe(false);
  });

  it('refuses http:// for a remote host and accepts it for loopback; with no token to check, Save closes', async () => {
    render(<SettingsButton />);
    await open();
    fireEvent.change(screen.getByLabelText('API base URL'), { target: { value: 'http://github.example.com/api/v3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('API base URL').getAttribute('aria-invalid')).toBe('true');
    expect(getGitHubConnection().apiBaseUrl).toBe('https://api.github.com');
    fireEvent.change(screen.getByLabelText('API base URL'), { target: { value: 'http://127.0.0.1:8787/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(getGitHubConnection().apiBaseUrl).toBe('http://127.0.0.1:8787');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
  });

  it('keeps the token in sessionStorage unless the user opts in, with a warning', async () => {
    render(<SettingsButton />);
    await open();
    fill(double.url, 'ghp_secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sessionStorage.getItem('wingsmith.github.token')).toBe('ghp_secret');
    expect(JSON.stringify({ ...localStorage })).not.toContain('ghp_secret');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep the token on this device' }));
    expect(screen.getByRole('note').textContent).toContain('anyone with access to this browser profile can read it');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(localStorage.getItem('wingsmith.github.token')).toBe('ghp_secret');
    expect(sessionStorage.getItem('wingsmith.github.token')).toBeNull();
  });

  it('Save closes once the token check passes; the header says who is signed in, and Sign out forgets the token', async () => {
    render(<SettingsButton />);
    await open();
    fill(double.url, 'ghp_double_classic');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep the token on this device' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull(), { timeout: 10_000 });
    const who = await screen.findByText((_, el) => el?.className === 'account-who' && el.textContent === `Signed in as ${DOUBLE_LOGIN}`);
    expect(who.getAttribute('role')).toBe('status');
    expect(localStorage.getItem('wingsmith.github.token')).toBe('ghp_double_classic');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(getGitHubConnection().token).toBe('');
    expect(getGitHubConnection().apiBaseUrl).toBe(double.url);
    expect(localStorage.getItem('wingsmith.github.token')).toBeNull();
    expect(sessionStorage.getItem('wingsmith.github.token')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Settings' }));
  });

  it('stays open with what is wrong when the token is refused or cannot open pull requests', async () => {
    render(<SettingsButton />);
    const dialog = await open();
    fill(double.url, 'ghp_unknown');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(dialog.isConnected).toBe(true);
    fill(double.url, 'ghp_double_noscope');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/lacks the public_repo scope/, {}, { timeout: 10_000 });
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBe(dialog);
  });
});
