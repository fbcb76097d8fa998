// Sen's small client: idle-timeout warning, menu toggle, and htmx session handling.

const body = document.body;

// Collapsible menu without Bootstrap's JavaScript.
document.querySelectorAll('[data-sen-toggle]').forEach((button) => {
    button.addEventListener('click', () => {
        const target = document.querySelector(button.dataset.senToggle);
        const open = target.classList.toggle('show');
        button.setAttribute('aria-expanded', String(open));
    });
});

// Forms that do something irreversible ask first: <form data-sen-confirm="…">.
document.querySelectorAll('form[data-sen-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
        if (!window.confirm(form.dataset.senConfirm)) {
            event.preventDefault();
        }
    });
});

// Idle timeout: the server ends the session; the page warns before and then goes to the login page.
const timeout = Number(body.dataset.idleTimeout || 0);
const warning = Number(body.dataset.idleWarning || 60);
const dialog = document.getElementById('idle-warning');
if (timeout > 0 && dialog) {
    const countdown = document.getElementById('idle-countdown');
    const keepAlive = document.getElementById('idle-continue');
    const loginUrl = document.getElementById('idle-leave').getAttribute('href');
    let deadline = Date.now() + timeout * 1000;
    let tick;

    const reset = () => {
        deadline = Date.now() + timeout * 1000;
        dialog.hidden = true;
    };
    const update = () => {
        const left = Math.round((deadline - Date.now()) / 1000);
        if (left <= 0) {
            clearInterval(tick);
            window.location.assign(loginUrl);
            return;
        }
        if (left <= warning) {
            if (dialog.hidden) {
                dialog.hidden = false;
                keepAlive.focus();
            }
            const minutes = Math.floor(left / 60);
            countdown.textContent = `${minutes}:${String(left % 60).padStart(2, '0')}`;
        }
    };
    keepAlive.addEventListener('click', async () => {
        const headers = JSON.parse(body.getAttribute('hx-headers') || '{}');
        const response = await fetch(keepAlive.dataset.url, { method: 'POST', headers, credentials: 'same-origin' });
        if (response.ok) {
            reset();
        } else {
            window.location.assign(loginUrl);
        }
    });
    // Any server round trip extends the session.
    document.addEventListener('htmx:afterRequest', reset);
    document.addEventListener('sen:activity', reset); // e.g. each piece of a long upload
    tick = setInterval(update, 1000);
}

// Forms with resumable file inputs load the uploader.
if (document.querySelector('input[type=file][data-sen-resumable]')) {
    import('./uploads.js');
}

// Signing buttons load the signing client.
if (document.querySelector('[data-sen-signing]')) {
    import('./signing.js');
}

// Buttons that add a line to a text area, e.g. an agency picked from the directory:
// <button data-sen-append-to="#externalRecipients" data-sen-append="Bộ Tài chính; 000.00.00.G09">.
document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-sen-append-to]');
    const area = button && document.querySelector(button.dataset.senAppendTo);
    if (!area) {
        return;
    }
    const line = button.dataset.senAppend;
    const lines = area.value.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    if (!lines.includes(line)) {
        lines.push(line);
    }
    area.value = lines.join('\n');
    area.focus();
});
