/**
 * The hosted UI's pages: plain HTML forms that work without JavaScript, each field with its label,
 * errors announced (role="alert"). They post back to the page that drew them, with the authorize
 * request's parameters kept in the query string.
 */
import { escapeHtml as e } from './http.js';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#16191f}
label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;font-size:1rem}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#0972d3;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#d91515;border:1px solid #d91515;padding:.5rem;margin-top:1rem}.notice{border:1px solid #0972d3;padding:.5rem;margin-top:1rem}</style>
</head><body><main>${body}</main></body></html>`;
}

function alert(error?: string, notice?: string): string {
  return `${error ? `<p class="error" role="alert" id="error">${e(error)}</p>` : ''}${notice ? `<p class="notice" role="status">${e(notice)}</p>` : ''}`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`).join('');
}

export function loginPage(o: { action: string; signupHref?: string; error?: string; notice?: string; username?: string; providers?: { name: string; href: string }[]; passwordForm?: boolean }): string {
  const providers = (o.providers ?? []).map((p) => `<p><a class="idp" href="${e(p.href)}">Sign in with ${e(p.name)}</a></p>`).join('');
  return page('Sign in', `<h1>Sign in</h1>${alert(o.error, o.notice)}${providers}
${o.passwordForm === false ? '' : `<form method="post" action="${e(o.action)}">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required value="${e(o.username ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" name="signInSubmitButton">Sign in</button>
</form>`}${o.signupHref ? `<p>Need an account? <a href="${e(o.signupHref)}">Sign up</a></p>` : ''}`);
}

const CHALLENGE_TEXT: Record<string, { heading: string; label: string; field: string; type: string; autocomplete: string }> = {
  NEW_PASSWORD_REQUIRED: { heading: 'Change your password', label: 'New password', field: 'new_password', type: 'password', autocomplete: 'new-password' },
  SOFTWARE_TOKEN_MFA: { heading: 'Enter the code from your authenticator app', label: 'Code', field: 'code', type: 'text', autocomplete: 'one-time-code' },
  SMS_MFA: { heading: 'Enter the code we sent by text message', label: 'Code', field: 'code', type: 'text', autocomplete: 'one-time-code' },
  EMAIL_OTP: { heading: 'Enter the code we sent by email', label: 'Code', field: 'code', type: 'text', autocomplete: 'one-time-code' },
};

export function challengePage(o: { action: string; challenge: string; session: string; username: string; error?: string; destination?: string }): string {
  const t = CHALLENGE_TEXT[o.challenge]!;
  return page(t.heading, `<h1>${e(t.heading)}</h1>${alert(o.error, o.destination ? `Code sent to ${o.destination}` : undefined)}
<form method="post" action="${e(o.action)}">${hidden({ challenge: o.challenge, session: o.session, username: o.username })}
<label for="${t.field}">${e(t.label)}</label><input id="${t.field}" name="${t.field}" type="${t.type}" autocomplete="${t.autocomplete}" required>
<button type="submit">Continue</button>
</form>`);
}

export function signupPage(o: { action: string; loginHref: string; attributes: string[]; error?: string; values?: Record<string, string> }): string {
  const fields = o.attributes
    .map((a) => `<label for="${e(a)}">${e(a)}</label><input id="${e(a)}" name="${e(a)}" ${a === 'email' ? 'type="email" autocomplete="email"' : ''} required value="${e(o.values?.[a] ?? '')}">`)
    .join('\n');
  return page('Sign up', `<h1>Sign up</h1>${alert(o.error)}
<form method="post" action="${e(o.action)}">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required value="${e(o.values?.username ?? '')}">
${fields}
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="new-password" required>
<button type="submit" name="signUpButton">Sign up</button>
</form><p>Have an account? <a href="${e(o.loginHref)}">Sign in</a></p>`);
}

export function confirmPage(o: { action: string; username: string; destination?: string; error?: string }): string {
  return page('Confirm your account', `<h1>Confirm your account</h1>${alert(o.error, o.destination ? `We sent a code to ${o.destination}.` : undefined)}
<form method="post" action="${e(o.action)}">${hidden({ username: o.username })}
<label for="code">Verification code</label><input id="code" name="code" autocomplete="one-time-code" required>
<button type="submit" name="confirm">Confirm account</button>
</form>`);
}

/** AWS's error page for requests that cannot go back to the client (unknown client, unregistered redirect URI). */
export function errorPage(error: string, description?: string): string {
  return page('Error', `<h1>An error was encountered with the requested page.</h1><p role="alert" id="error">${e(error)}</p>${description ? `<p>${e(description)}</p>` : ''}`);
}
