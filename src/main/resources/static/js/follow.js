// "Follow the presenter": on a meeting document, the viewer jumps to the page being presented (and to
// the document being presented, if it is another one); the presenter's own page turns are sent to Sen.

const box = document.getElementById('follow-box');
const viewer = document.getElementById('pdf-viewer');
const follow = document.getElementById('follow');
const presenting = document.getElementById('presenting');
const headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');

const presented = () => {
    const state = document.getElementById('live-state');
    return state ? { document: state.dataset.document, page: state.dataset.page } : {};
};

const apply = () => {
    if (!follow || !follow.checked || (presenting && presenting.checked)) {
        return;
    }
    const { document: shown, page } = presented();
    if (!shown || !page) {
        return;
    }
    if (shown === box.dataset.document) {
        viewer.dispatchEvent(new CustomEvent('sen:pdf-go', { detail: { page } }));
    } else {
        window.location.assign(`${box.dataset.documentUrl}${shown}?page=${page}`);
    }
};

const send = (page) => fetch(box.dataset.pageUrl, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ documentId: box.dataset.document, page: String(page) }),
    credentials: 'same-origin',
    redirect: 'manual',
});

if (box && viewer) {
    document.body.addEventListener('sen:live', apply);
    viewer.addEventListener('sen:pdf-ready', apply);
    follow?.addEventListener('change', apply);
    viewer.addEventListener('sen:pdf-page', (event) => {
        if (presenting && presenting.checked) {
            send(event.detail.page);
        }
    });
    presenting?.addEventListener('change', () => {
        if (presenting.checked) {
            send(Number(document.getElementById('pdf-page').value || 1));
        }
    });
}
