// Signing in the browser (ký số): the signing tool on the officer's computer holds the key (a USB token
// behind it); Sen never sees the key. For each [data-sen-signing] block: ask the tool for the certificate
// chain, have Sen prepare the document for it, have the tool sign the prepared data, hand the value to
// Sen, then open the page Sen names. The contract is in docs/external-signing.md.

const csrf = () => JSON.parse(document.body.getAttribute('hx-headers') || '{}');

/** An error to show as it is: Sen's or the tool's own message. */
class Refusal extends Error {}

async function answer(response, fallback) {
    let body = {};
    try {
        body = await response.json();
    } catch {
        // not JSON: the fallback message says enough
    }
    if (!response.ok) {
        throw new Refusal(body.message || fallback);
    }
    return body;
}

async function toSen(url, body, fallback) {
    const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...csrf(), 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
    });
    return answer(response, fallback);
}

async function toTool(url, init, text) {
    let response;
    try {
        response = await fetch(url, init);
    } catch {
        throw new Refusal(text.msgNoTool); // nothing listens: the tool is not running
    }
    return answer(response, text.msgRefused);
}

async function sign(block, button, say) {
    const text = block.dataset;
    say(text.msgConnecting);
    const tool = await toTool(`${text.signer}/certificates`, { method: 'GET' }, text);
    say(text.msgPreparing);
    const fields = text.fields ? Object.fromEntries(new FormData(document.querySelector(text.fields))) : {};
    const prepared = await toSen(text.prepare,
        { ...fields, certificates: tool.certificates, scheme: tool.scheme || null }, text.msgRefused);
    say(text.msgSigning);
    const signed = await toTool(`${text.signer}/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ dataToSign: prepared.dataToSign, digest: prepared.digest, scheme: prepared.scheme }),
    }, text);
    say(text.msgSaving);
    const comment = text.comment ? document.querySelector(text.comment)?.value ?? '' : '';
    const done = await toSen(text.complete.replace('PENDING_ID', prepared.id),
        { signatureValue: signed.signatureValue, comment }, text.msgRefused);
    window.location.assign(done.location);
}

// Forms that only carry fields for a signature are never submitted (Enter in a field would).
document.querySelectorAll('form[data-sen-signing-fields]').forEach((form) => {
    form.addEventListener('submit', (event) => event.preventDefault());
});

document.querySelectorAll('[data-sen-signing]').forEach((block) => {
    const button = block.querySelector('[data-sen-sign]');
    const status = block.querySelector('.sign-status');
    const say = (message, problem = false) => {
        status.textContent = message;
        status.classList.toggle('text-danger', problem);
    };
    button.addEventListener('click', async () => {
        button.disabled = true;
        try {
            await sign(block, button, say);
        } catch (error) {
            say(error instanceof Refusal ? error.message : block.dataset.msgRefused, true);
            button.disabled = false;
        }
    });
});
