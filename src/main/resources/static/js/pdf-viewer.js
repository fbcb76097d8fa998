// Sen's PDF viewer on PDF.js: page navigation, zoom, and search inside the document. Search ignores
// Vietnamese diacritics ("quyet dinh" finds "Quyết định"), like Sen's own search box.

const root = document.getElementById('pdf-viewer');
if (root && !root.dataset.started) {
    root.dataset.started = 'true';
    start(root).catch((error) => {
        console.error(error);
        const box = document.getElementById('pdf-error');
        box.textContent = root.dataset.failed;
        box.hidden = false;
    });
}

async function start(root) {
    const pdfjsLib = await import(root.dataset.lib);
    globalThis.pdfjsLib = pdfjsLib; // the viewer components read the library from here
    const { EventBus, FindState, PDFFindController, PDFLinkService, PDFViewer } = await import(root.dataset.viewer);
    pdfjsLib.GlobalWorkerOptions.workerSrc = root.dataset.worker;

    const $ = (id) => document.getElementById(id);
    const container = $('pdf-container');
    const eventBus = new EventBus();
    const linkService = new PDFLinkService({ eventBus });
    const findController = new PDFFindController({ eventBus, linkService });
    const viewer = new PDFViewer({ container, eventBus, linkService, findController });
    linkService.setViewer(viewer);

    const pdf = await pdfjsLib.getDocument({
        url: root.dataset.src,
        cMapUrl: root.dataset.cmaps,
        cMapPacked: true,
        standardFontDataUrl: root.dataset.fonts,
        wasmUrl: root.dataset.wasm,
        isEvalSupported: false,
    }).promise;
    await foldStrokedD(pdf);
    viewer.setDocument(pdf);
    linkService.setDocument(pdf, null);

    // Pages
    const pageInput = $('pdf-page');
    const prev = $('pdf-prev');
    const next = $('pdf-next');
    pageInput.max = String(pdf.numPages);
    $('pdf-pages').textContent = String(pdf.numPages);
    const showPage = (number) => {
        pageInput.value = String(number);
        prev.disabled = number <= 1;
        next.disabled = number >= pdf.numPages;
    };
    eventBus.on('pagesinit', () => {
        viewer.currentScaleValue = 'page-width';
        const first = Number(root.dataset.page || new URLSearchParams(window.location.search).get('page') || 1);
        if (first > 1 && first <= pdf.numPages) {
            viewer.currentPageNumber = first;
        }
        showPage(viewer.currentPageNumber);
        root.dataset.ready = 'true';
        // other scripts of the page (following a presenter) drive the viewer through these events
        root.addEventListener('sen:pdf-go', (event) => {
            const number = Number(event.detail.page);
            if (Number.isInteger(number) && number >= 1 && number <= pdf.numPages) {
                viewer.currentPageNumber = number;
            }
        });
        root.dispatchEvent(new CustomEvent('sen:pdf-ready', { detail: { pages: pdf.numPages } }));
    });
    // a page drawn (again, after a zoom): overlays such as personal highlights go on its element
    eventBus.on('pagerendered', ({ pageNumber, source }) => {
        root.dispatchEvent(new CustomEvent('sen:pdf-rendered', { detail: { page: pageNumber, element: source.div } }));
    });
    eventBus.on('pagechanging', ({ pageNumber }) => {
        showPage(pageNumber);
        root.dispatchEvent(new CustomEvent('sen:pdf-page', { detail: { page: pageNumber } }));
    });
    prev.addEventListener('click', () => viewer.previousPage());
    next.addEventListener('click', () => viewer.nextPage());
    pageInput.addEventListener('change', () => {
        const number = Number(pageInput.value);
        if (Number.isInteger(number) && number >= 1 && number <= pdf.numPages) {
            viewer.currentPageNumber = number;
        } else {
            showPage(viewer.currentPageNumber);
        }
    });

    // Zoom
    const zoom = $('pdf-zoom');
    const custom = $('pdf-zoom-custom');
    eventBus.on('scalechanging', ({ scale, presetValue }) => {
        const preset = presetValue || String(scale);
        const option = [...zoom.options].find((o) => o.value === preset && o !== custom);
        custom.hidden = Boolean(option);
        if (option) {
            zoom.value = option.value;
        } else {
            custom.textContent = `${Math.round(scale * 100)}%`;
            zoom.value = 'custom';
        }
        root.dataset.scale = String(scale);
    });
    zoom.addEventListener('change', () => {
        if (zoom.value !== 'custom') {
            viewer.currentScaleValue = zoom.value;
        }
    });
    $('pdf-zoom-in').addEventListener('click', () => viewer.increaseScale());
    $('pdf-zoom-out').addEventListener('click', () => viewer.decreaseScale());

    // Search inside the document
    const query = $('pdf-query');
    const result = $('pdf-find-result');
    const find = (type, findPrevious = false) => eventBus.dispatch('find', {
        source: null,
        type,
        query: query.value.replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')),
        caseSensitive: false,
        entireWord: false,
        highlightAll: true,
        findPrevious,
        matchDiacritics: false,
    });
    const showMatches = ({ current, total }) => {
        result.textContent = total > 0
            ? root.dataset.matches.replace('{0}', current).replace('{1}', total)
            : (query.value ? root.dataset.noMatch : '');
    };
    eventBus.on('updatefindmatchescount', ({ matchesCount }) => showMatches(matchesCount));
    eventBus.on('updatefindcontrolstate', ({ state, matchesCount }) => {
        if (state === FindState.NOT_FOUND) {
            result.textContent = query.value ? root.dataset.noMatch : '';
        } else if (matchesCount) {
            showMatches(matchesCount);
        }
    });
    query.addEventListener('input', () => find(''));
    $('pdf-find').addEventListener('submit', (event) => {
        event.preventDefault();
        find('again');
    });
    $('pdf-find-prev').addEventListener('click', () => find('again', true));
    document.addEventListener('keydown', (event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'f') {
            event.preventDefault();
            query.focus();
            query.select();
        }
    });
}

// PDF.js ignores combining marks when told to, but "đ" is a letter of its own, so "quyet dinh" would
// miss "Quyết định". The text the find controller reads (it alone asks without normalisation) gets
// đ/Đ as d/D: one character for one, so highlights still fall on the right glyphs; what is drawn,
// selected and copied is untouched.
async function foldStrokedD(pdf) {
    const proto = Object.getPrototypeOf(await pdf.getPage(1));
    if (proto.senFolded) {
        return;
    }
    const getTextContent = proto.getTextContent;
    proto.getTextContent = async function (params = {}) {
        const content = await getTextContent.call(this, params);
        if (params.disableNormalization) {
            for (const item of content.items) {
                if (item.str) {
                    item.str = item.str.replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
                }
            }
        }
        return content;
    };
    proto.senFolded = true;
}
