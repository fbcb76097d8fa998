// The live view of a meeting: follows the meeting's live stream (server-sent events), swaps in the shared
// state each time it changes, and tells the page (event "sen:live") so that personal parts reload.
// A dropped connection is resumed by the browser; the server then sends the current state at once.

const container = document.querySelector('[data-sen-live]');
const status = document.getElementById('live-connection');
const texts = {
    vi: { live: 'Đang cập nhật trực tiếp', lost: 'Mất kết nối — đang kết nối lại…' },
    en: { live: 'Live', lost: 'Connection lost — reconnecting…' },
};
const text = texts[document.documentElement.lang] || texts.vi;

if (container) {
    let version = Number(container.querySelector('#live-state')?.dataset.version || -1);
    const source = new EventSource(container.dataset.senLive);
    source.addEventListener('open', () => {
        if (status) status.textContent = text.live;
    });
    source.addEventListener('error', () => {
        if (status) status.textContent = text.lost;
    });
    source.addEventListener('live', (event) => {
        const incoming = Number(event.lastEventId);
        if (incoming < version) {
            return; // an older state arriving late
        }
        const changed = incoming !== version;
        version = incoming;
        const current = container.querySelector('#live-state');
        const template = document.createElement('template');
        template.innerHTML = event.data.trim();
        const next = template.content.firstElementChild;
        if (current && next) {
            current.replaceWith(next);
        }
        if (changed) {
            document.body.dispatchEvent(new CustomEvent('sen:live', { detail: { version } }));
        }
    });
}
