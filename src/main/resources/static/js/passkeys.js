// Passkeys (WebAuthn) for Sen: registration on the account page, sign-in on the login pages.
// Speaks the JSON protocol of Spring Security's WebAuthn endpoints.

const toBase64Url = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

const fromBase64Url = (text) => {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
};

const csrfHeaders = () => JSON.parse(document.body.getAttribute('hx-headers') || '{}');

async function postJson(url, body) {
    const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
        throw new Error(`${url}: HTTP ${response.status}`);
    }
    return response.json();
}

async function register(context, label) {
    const options = await postJson(`${context}webauthn/register/options`);
    const credential = await navigator.credentials.create({
        publicKey: {
            ...options,
            challenge: fromBase64Url(options.challenge),
            user: { ...options.user, id: fromBase64Url(options.user.id) },
            excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) })),
        },
    });
    const result = await postJson(`${context}webauthn/register`, {
        publicKey: {
            label,
            credential: {
                id: credential.id,
                rawId: toBase64Url(credential.rawId),
                type: credential.type,
                response: {
                    attestationObject: toBase64Url(credential.response.attestationObject),
                    clientDataJSON: toBase64Url(credential.response.clientDataJSON),
                    transports: credential.response.getTransports ? credential.response.getTransports() : [],
                },
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment,
            },
        },
    });
    if (!result.success) {
        throw new Error('registration refused');
    }
}

async function signIn(context) {
    const options = await postJson(`${context}webauthn/authenticate/options`);
    const assertion = await navigator.credentials.get({
        publicKey: {
            ...options,
            challenge: fromBase64Url(options.challenge),
            allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) })),
        },
    });
    const result = await postJson(`${context}login/webauthn`, {
        id: assertion.id,
        rawId: toBase64Url(assertion.rawId),
        credType: assertion.type,
        response: {
            authenticatorData: toBase64Url(assertion.response.authenticatorData),
            clientDataJSON: toBase64Url(assertion.response.clientDataJSON),
            signature: toBase64Url(assertion.response.signature),
            userHandle: assertion.response.userHandle ? toBase64Url(assertion.response.userHandle) : undefined,
        },
        clientExtensionResults: assertion.getClientExtensionResults(),
        authenticatorAttachment: assertion.authenticatorAttachment,
    });
    if (!result.authenticated) {
        throw new Error('sign-in refused');
    }
    // The login flow continues on the server (second factor done, password change if due).
    window.location.assign(`${context}login/passkey`);
}

const showError = (button, error) => {
    console.error(error);
    const message = button.closest('[data-passkey-scope]')?.querySelector('[data-passkey-error]');
    if (message) {
        message.hidden = false;
    }
};

const supported = () => !!window.PublicKeyCredential;

// Buttons are rendered disabled and come alive here, so a click never lands before the handler.
const ready = (button) => {
    button.hidden = !supported();
    button.disabled = false;
};

document.querySelectorAll('[data-passkey-register]').forEach((button) => {
    ready(button);
    button.addEventListener('click', async () => {
        try {
            await register(button.dataset.context, document.getElementById('passkey-label').value || 'Passkey');
            window.location.reload();
        } catch (error) {
            showError(button, error);
        }
    });
});

document.querySelectorAll('[data-passkey-login]').forEach((button) => {
    ready(button);
    button.addEventListener('click', async () => {
        try {
            await signIn(button.dataset.context);
        } catch (error) {
            showError(button, error);
        }
    });
});
