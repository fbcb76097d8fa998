// Resumable uploads from forms (tus 1.0): <input type="file" data-sen-resumable="/uploads">.
// Files go up in pieces as soon as they are chosen, with a progress bar each; a dropped connection is
// retried from the offset the server confirms, and a file chosen again after a reload continues where
// it stopped. The form then sends the stored files' ids (fileIds) instead of the bytes.

const CHUNK = 16 * 1024 * 1024;
const TUS = '1.0.0';
const RETRY = ['files.error.upload-busy', 'files.error.upload-offset'];
const MAX_FAILURES = 8; // in a row, with waits doubling to 30 s: about three minutes without progress

/** The session ended (idle timeout, sign-out elsewhere): the upload is kept to resume after signing in. */
class SignedOut extends Error {}

const csrf = () => JSON.parse(document.body.getAttribute('hx-headers') || '{}');

document.querySelectorAll('input[type=file][data-sen-resumable]').forEach((input) => {
    const form = input.form;
    const endpoint = input.dataset.senResumable;
    const text = input.dataset;
    const list = document.createElement('ul');
    list.className = 'list-unstyled mb-2 sen-uploads';
    list.setAttribute('aria-live', 'polite');
    input.after(list);
    const running = new Set();
    const submits = [...form.querySelectorAll('button[type=submit]')];
    const update = () => submits.forEach((b) => { b.disabled = running.size > 0; });

    input.addEventListener('change', () => {
        for (const file of input.files) {
            const row = progressRow(file.name);
            list.append(row.element);
            const task = upload(endpoint, file, row, text)
                .then((fileId) => {
                    const hidden = document.createElement('input');
                    hidden.type = 'hidden';
                    hidden.name = 'fileIds';
                    hidden.value = fileId;
                    row.element.append(hidden);
                    row.done(text.uploadDone);
                })
                .catch((error) => row.failed(error instanceof SignedOut ? text.uploadSignedOut : (error.message || text.uploadFailed)))
                .finally(() => {
                    running.delete(task);
                    update();
                });
            running.add(task);
        }
        input.value = ''; // the bytes are on their way; the form sends only the ids
        update();
    });
    form.addEventListener('submit', (event) => {
        if (running.size > 0) {
            event.preventDefault();
        }
    });
});

function progressRow(name) {
    const element = document.createElement('li');
    element.className = 'mb-1';
    const label = document.createElement('div');
    label.className = 'd-flex justify-content-between small';
    const title = document.createElement('span');
    title.textContent = name;
    const status = document.createElement('span');
    status.className = 'sen-upload-status';
    label.append(title, status);
    const bar = document.createElement('progress');
    bar.className = 'w-100';
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', name);
    element.append(label, bar);
    return {
        element,
        progress(sent, total) {
            bar.value = total ? Math.floor((sent / total) * 100) : 100;
            status.textContent = `${bar.value}%`;
        },
        note(message) { status.textContent = message; },
        done(message) {
            bar.value = 100;
            status.textContent = message;
            element.dataset.state = 'done';
        },
        failed(message) {
            status.textContent = message;
            status.classList.add('text-danger');
            element.dataset.state = 'failed';
        },
    };
}

async function upload(endpoint, file, row, text) {
    const key = `sen-upload:${endpoint}:${file.name}:${file.size}:${file.lastModified}`;
    let url = localStorage.getItem(key);
    let offset = 0;
    if (url) {
        const state = await head(url);
        if (state?.fileId) {
            localStorage.removeItem(key);
            return state.fileId;
        }
        offset = state ? state.offset : 0;
        url = state ? url : null;
        if (state) {
            row.note(text.uploadResumed);
        }
    }
    if (!url) {
        url = await create(endpoint, file);
        localStorage.setItem(key, url);
    }
    let wait = 1000;
    let failures = 0;
    while (true) {
        try {
            const result = await patch(url, file, offset, (sent) => row.progress(offset + sent, file.size));
            document.dispatchEvent(new Event('sen:activity')); // a long upload is not idleness
            offset = result.offset;
            wait = 1000;
            failures = 0;
            if (result.fileId) {
                localStorage.removeItem(key);
                return result.fileId;
            }
        } catch (error) {
            if (error instanceof SignedOut) {
                throw error; // the key stays: choosing the file again after signing in continues
            }
            if (error.refused) {
                localStorage.removeItem(key);
                throw error;
            }
            if (++failures >= MAX_FAILURES) {
                throw new Error(text.uploadFailed); // the key stays: choosing the file again continues
            }
            row.note(text.uploadRetrying);
            await new Promise((resolve) => setTimeout(resolve, wait));
            wait = Math.min(wait * 2, 30_000);
            const state = await head(url).catch((e) => (e instanceof SignedOut ? Promise.reject(e) : undefined));
            if (state === null) {
                localStorage.removeItem(key);
                throw new Error(text.uploadFailed);
            }
            if (state?.fileId) {
                localStorage.removeItem(key);
                return state.fileId;
            }
            if (state) {
                offset = state.offset;
            }
        }
    }
}

/** The upload's state; null when the server no longer knows it. */
async function head(url) {
    const response = await fetch(url, {
        method: 'HEAD', headers: { 'Tus-Resumable': TUS }, cache: 'no-store', redirect: 'manual',
    });
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        throw new SignedOut();
    }
    if (response.status === 404 || response.status === 410) {
        return null;
    }
    const offset = response.headers.get('Upload-Offset');
    if (!response.ok || offset === null) {
        throw new Error(String(response.status));
    }
    return { offset: Number(offset), fileId: response.headers.get('Sen-File-Id') };
}

async function create(endpoint, file) {
    const name = btoa(String.fromCharCode(...new TextEncoder().encode(file.name)));
    const response = await fetch(endpoint, {
        method: 'POST',
        headers: { ...csrf(), 'Tus-Resumable': TUS, 'Upload-Length': String(file.size), 'Upload-Metadata': `filename ${name}` },
        redirect: 'manual',
    });
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        throw new SignedOut();
    }
    if (!response.ok) {
        throw await refusal(response);
    }
    return new URL(response.headers.get('Location'), window.location.href).toString();
}

/** Sends the rest of the file from {@code offset} in one piece of at most CHUNK bytes. */
function patch(url, file, offset, onProgress) {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('PATCH', url);
        Object.entries(csrf()).forEach(([name, value]) => xhr.setRequestHeader(name, value));
        xhr.setRequestHeader('Tus-Resumable', TUS);
        xhr.setRequestHeader('Upload-Offset', String(offset));
        xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
        xhr.upload.onprogress = (event) => onProgress(event.loaded);
        xhr.onload = () => {
            if (xhr.status === 401 || xhr.status === 403 || xhr.responseURL.includes('/login')) {
                reject(new SignedOut());
            } else if (xhr.status === 204) {
                resolve({ offset: Number(xhr.getResponseHeader('Upload-Offset')), fileId: xhr.getResponseHeader('Sen-File-Id') });
            } else if (xhr.status >= 400 && xhr.status < 500 && xhr.status !== 409) {
                let body = {};
                try {
                    body = JSON.parse(xhr.responseText);
                } catch {
                    // not JSON
                }
                // another connection still finishing the previous piece: try again, from the server's offset
                const retry = RETRY.includes(body.code);
                reject(Object.assign(new Error(body.message || ''), { refused: !retry }));
            } else {
                reject(new Error(String(xhr.status)));
            }
        };
        xhr.onerror = () => reject(new Error('network'));
        xhr.send(file.slice(offset, Math.min(file.size, offset + CHUNK)));
    });
}

async function refusal(response) {
    let message = '';
    try {
        message = (await response.json()).message;
    } catch {
        // not JSON
    }
    return Object.assign(new Error(message), { refused: true });
}
