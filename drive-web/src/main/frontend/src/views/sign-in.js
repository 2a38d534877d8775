// The sign-in form (POST /api/session); a wrong password and an unknown user read the same.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { session } from '../api.js';

export function SignIn({ onSignedIn }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    setBusy(true);
    try {
      onSignedIn(await session.signIn(form.get('username'), form.get('password')));
    } catch (err) {
      setError(err.status === 401 ? 'Wrong username or password.' : err.message);
      setBusy(false);
    }
  };
  return html`
    <main class="signin-page">
      <form class="signin card" onSubmit=${submit}>
        <div class="brand"><span class="logo" aria-hidden="true"></span>Drive</div>
        <h1>Sign in</h1>
        <label>Username <input name="username" autocomplete="username" required autofocus /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
        <p class="error" role="alert">${error}</p>
        <button type="submit" class="primary" disabled=${busy}>Sign in</button>
      </form>
    </main>`;
}
