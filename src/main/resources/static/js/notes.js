// Personal notes and highlights on a meeting document (ghi chú cá nhân). Each note carries an id made here,
// so saving it again changes the same note: notes made while the tablet is offline wait in this browser's
// storage and are sent when the connection returns. Highlights are boxes in fractions of the page, drawn
// over the page whenever PDF.js draws it.

const box = document.getElementById('notes');
const viewer = document.getElementById('pdf-viewer');
if (box && viewer) {
    start(box, viewer);
}

function start(box, viewer) {
    const base = box.dataset.url;
    const text = box.dataset;
    const queueKey = `sen-notes:${base}`;
    const headers = () => ({ ...JSON.parse(document.body.getAttribute('hx-headers') || '{}'), 'Content-Type': 'application/json' });
    const list = box.querySelector('[data-notes-list]');
    const pending = box.querySelector('[data-notes-pending]');
    const participants = JSON.parse(box.dataset.participants || '[]');
    let notes = [];
    let page = 1;

    const queue = () => JSON.parse(localStorage.getItem(queueKey) || '[]');
    const keep = (items) => localStorage.setItem(queueKey, JSON.stringify(items));

    async function send(change) {
        const url = `${base}/${change.id}${change.shares ? '/shares' : ''}`;
        const init = change.remove
            ? { method: 'DELETE', headers: headers(), credentials: 'same-origin' }
            : { method: 'PUT', headers: headers(), credentials: 'same-origin', body: JSON.stringify(change.shares ? { officerIds: change.shares } : change.note) };
        const response = await fetch(url, init); // throws when offline
        if (!response.ok) {
            const body = await response.json().catch(() => ({}));
            alert(body.message || response.statusText); // refused: nothing to retry
        }
    }

    // Changes go through the queue, so that nothing made offline is lost.
    async function flush() {
        let items = queue();
        while (items.length) {
            try {
                await send(items[0]);
            } catch {
                break; // still offline: try again later
            }
            items = queue().slice(1);
            keep(items);
        }
        pending.hidden = queue().length === 0;
    }

    async function change(item) {
        keep([...queue(), item]);
        await flush();
        await load();
    }

    async function load() {
        try {
            const response = await fetch(base, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (response.ok) {
                notes = await response.json();
            }
        } catch {
            // offline: show what we had, with the changes still waiting
        }
        const waiting = queue();
        const shown = notes.filter((n) => !waiting.some((c) => c.id === n.clientId && c.remove));
        for (const c of waiting) {
            if (c.note && !shown.some((n) => n.clientId === c.id)) {
                shown.push({ ...c.note, clientId: c.id, mine: true, sharedWith: [] });
            }
        }
        render(shown.sort((a, b) => a.page - b.page));
    }

    function render(shown) {
        list.replaceChildren();
        if (!shown.length) {
            const empty = document.createElement('p');
            empty.className = 'small text-body-secondary';
            empty.textContent = text.none;
            list.append(empty);
        }
        for (const note of shown) {
            const item = document.createElement('li');
            item.className = 'list-group-item small';
            item.dataset.note = note.clientId;
            const go = document.createElement('button');
            go.type = 'button';
            go.className = 'btn btn-link btn-sm p-0 me-2';
            go.textContent = text.page.replace('{0}', note.page);
            go.addEventListener('click', () => viewer.dispatchEvent(new CustomEvent('sen:pdf-go', { detail: { page: note.page } })));
            item.append(go);
            const body = document.createElement('span');
            body.textContent = note.kind === 'HIGHLIGHT' ? `“${note.quote}” ${note.text}` : note.text;
            item.append(body);
            if (!note.mine) {
                const from = document.createElement('span');
                from.className = 'text-body-secondary ms-1';
                from.textContent = text.from.replace('{0}', note.authorName);
                item.append(from);
            } else {
                const actions = document.createElement('div');
                actions.className = 'd-flex gap-2 mt-1 align-items-center';
                const share = document.createElement('select');
                share.multiple = true;
                share.className = 'form-select form-select-sm';
                share.setAttribute('aria-label', text.share);
                for (const p of participants) {
                    const option = new Option(p.name, p.id, false, (note.sharedWith || []).includes(p.id));
                    share.append(option);
                }
                const shareButton = document.createElement('button');
                shareButton.type = 'button';
                shareButton.className = 'btn btn-outline-secondary btn-sm';
                shareButton.textContent = text.share;
                shareButton.addEventListener('click', () => change({
                    id: note.clientId,
                    shares: [...share.selectedOptions].map((o) => Number(o.value)),
                }));
                const remove = document.createElement('button');
                remove.type = 'button';
                remove.className = 'btn btn-outline-danger btn-sm';
                remove.textContent = text.delete;
                remove.addEventListener('click', () => change({ id: note.clientId, remove: true }));
                actions.append(share, shareButton, remove);
                item.append(actions);
            }
            list.append(item);
        }
        document.querySelectorAll('.sen-highlight').forEach((mark) => mark.remove());
        document.querySelectorAll('#pdf-viewer .page[data-page-number]').forEach((element) => draw(element, Number(element.dataset.pageNumber)));
    }

    function draw(element, number) {
        element.querySelectorAll('.sen-highlight').forEach((mark) => mark.remove());
        for (const note of notes.filter((n) => n.kind === 'HIGHLIGHT' && n.page === number)) {
            for (let i = 0; i + 3 < note.areas.length; i += 4) {
                const mark = document.createElement('div');
                mark.className = 'sen-highlight';
                mark.dataset.note = note.clientId;
                Object.assign(mark.style, {
                    left: `${note.areas[i] * 100}%`,
                    top: `${note.areas[i + 1] * 100}%`,
                    width: `${note.areas[i + 2] * 100}%`,
                    height: `${note.areas[i + 3] * 100}%`,
                });
                element.append(mark);
            }
        }
    }

    viewer.addEventListener('sen:pdf-page', (event) => { page = event.detail.page; });
    viewer.addEventListener('sen:pdf-rendered', (event) => draw(event.detail.element, event.detail.page));

    box.querySelector('[data-notes-add]').addEventListener('submit', (event) => {
        event.preventDefault();
        const field = event.target.elements.text;
        if (!field.value.trim()) {
            return;
        }
        change({ id: crypto.randomUUID(), note: { page, kind: 'NOTE', areas: [], quote: '', text: field.value.trim() } });
        field.value = '';
    });

    box.querySelector('[data-notes-highlight]').addEventListener('click', () => {
        const selection = window.getSelection();
        const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
        const element = range && range.startContainer.parentElement?.closest('.page[data-page-number]');
        if (!element || selection.isCollapsed) {
            alert(text.selectFirst);
            return;
        }
        const frame = element.getBoundingClientRect();
        const areas = [];
        for (const r of range.getClientRects()) {
            if (r.width < 1 || r.height < 1) {
                continue;
            }
            const clamp = (v) => Math.min(1, Math.max(0, v));
            areas.push(clamp((r.left - frame.left) / frame.width), clamp((r.top - frame.top) / frame.height),
                clamp(r.width / frame.width), clamp(r.height / frame.height));
        }
        if (!areas.length) {
            return;
        }
        const quote = selection.toString().trim().slice(0, 2000);
        selection.removeAllRanges();
        change({
            id: crypto.randomUUID(),
            note: { page: Number(element.dataset.pageNumber), kind: 'HIGHLIGHT', areas: areas.slice(0, 400), quote, text: '' },
        });
    });

    window.addEventListener('online', () => flush().then(load));
    flush().then(load);
}
