// The stand-in's window (`npm start` where Electron cannot run): Electron draws the application menu
// above the page; here the same menu — the template main gave Menu.setApplicationMenu, read through the
// stand-in — is drawn as a menu bar above the app, which runs in the frame below. Clicking an item runs
// it in main as Electron would; roles that act on the page (edit, reload, zoom, full screen) act here.
// Keys: Alt or F10 focuses the bar; arrows move; Enter or Space runs; Escape goes back to the app.
const bar = document.getElementById('menubar');
const appFrame = document.getElementById('app');
appFrame.src = decodeURIComponent(location.hash.slice(1));

const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
let zoom = 1;
/** Index of the open menu, or -1. */
let open = -1;
let menus = [];

const appDoc = () => appFrame.contentDocument;
const titles = () => [...bar.querySelectorAll('.menu-title')];
const itemsOf = (i) => [...(bar.querySelectorAll('.menu')[i]?.querySelectorAll('.menu-item') ?? [])];

/** How Electron writes an accelerator on Linux: `CmdOrCtrl+Shift+O` → `Ctrl+Shift+O`. */
function showAccelerator(accelerator) {
  return accelerator
    .split('+')
    .map((p) => (/^(CmdOrCtrl|CommandOrControl|Cmd|Command|Control)$/i.test(p) ? 'Ctrl' : p))
    .join('+');
}

function render() {
  bar.replaceChildren();
  menus.forEach((menu, i) => {
    const root = document.createElement('div');
    root.className = 'menu-root';
    const title = document.createElement('button');
    title.type = 'button';
    title.className = 'menu-title';
    title.setAttribute('role', 'menuitem');
    title.setAttribute('aria-haspopup', 'menu');
    title.setAttribute('aria-expanded', 'false');
    title.tabIndex = -1;
    title.id = `menu-title-${i}`;
    title.textContent = menu.label;
    title.addEventListener('mousedown', (e) => e.preventDefault());
    title.addEventListener('click', () => (open === i ? closeMenus(true) : openMenu(i, false)));
    title.addEventListener('mouseenter', () => open >= 0 && open !== i && openMenu(i, false));
    const list = document.createElement('div');
    list.className = 'menu';
    list.setAttribute('role', 'menu');
    list.setAttribute('aria-labelledby', title.id);
    list.hidden = true;
    for (const item of menu.submenu ?? []) {
      if (item.type === 'separator') {
        const sep = document.createElement('div');
        sep.setAttribute('role', 'separator');
        list.append(sep);
        continue;
      }
      list.append(menuItem(item, [menu.label, item.label]));
    }
    root.append(title, list);
    bar.append(root);
  });
}

function menuItem(item, path) {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'menu-item';
  el.setAttribute('role', 'menuitem');
  el.tabIndex = -1;
  // A page cannot open Chromium's developer tools; its own key for them works in this window.
  const enabled = item.enabled && item.role !== 'toggleDevTools';
  if (!enabled) el.setAttribute('aria-disabled', 'true');
  if (item.role === 'toggleDevTools') el.title = 'Press Ctrl+Shift+I in this window';
  const label = document.createElement('span');
  label.textContent = item.label;
  el.append(label);
  if (item.accelerator) {
    const keys = document.createElement('span');
    keys.className = 'accelerator';
    keys.textContent = showAccelerator(item.accelerator);
    el.append(keys);
  }
  // The control the user was in keeps its focus, so Copy or Paste acts where they were.
  el.addEventListener('mousedown', (e) => e.preventDefault());
  el.addEventListener('click', () => enabled && void run(path));
  // Only a pointer that moves takes the highlight (not a menu opening under a resting pointer).
  el.addEventListener('mousemove', (e) => {
    if ((e.movementX || e.movementY) && document.activeElement !== el) el.focus({ preventScroll: true });
  });
  return el;
}

function openMenu(i, focusFirst) {
  closeMenus(false);
  open = i;
  const title = titles()[i];
  title.setAttribute('aria-expanded', 'true');
  bar.querySelectorAll('.menu')[i].hidden = false;
  if (focusFirst) itemsOf(i)[0]?.focus();
  else title.focus();
}

function closeMenus(backToApp) {
  for (const t of titles()) t.setAttribute('aria-expanded', 'false');
  for (const m of bar.querySelectorAll('.menu')) m.hidden = true;
  open = -1;
  if (backToApp) appFrame.contentWindow?.focus();
}

async function run(path) {
  closeMenus(true);
  const role = await window.__lecternStandinMenu('click', path);
  if (role) doRole(role);
}

/** Roles Electron performs on the page itself. */
function doRole(role) {
  const doc = appDoc();
  appFrame.contentWindow?.focus();
  if (role === 'reload' || role === 'forceReload') appFrame.contentWindow?.location.reload();
  else if (role === 'zoomIn' || role === 'zoomOut' || role === 'resetZoom') {
    const at = ZOOM_STEPS.indexOf(zoom);
    zoom =
      role === 'resetZoom'
        ? 1
        : ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, at + (role === 'zoomIn' ? 1 : -1)))];
    applyZoom();
  } else if (role === 'togglefullscreen') {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen();
  } else if (doc) doc.execCommand(role === 'selectAll' ? 'selectAll' : role);
}

function applyZoom() {
  const root = appDoc()?.documentElement;
  if (root) root.style.zoom = zoom === 1 ? '' : String(zoom);
}

/** Keys inside the bar: arrows between menus and items, Enter/Space run, Escape leaves. */
bar.addEventListener('keydown', (e) => {
  const tIndex = titles().indexOf(document.activeElement);
  const items = open >= 0 ? itemsOf(open) : [];
  const iIndex = items.indexOf(document.activeElement);
  const n = menus.length;
  const move = (list, from, step) => {
    for (let k = 1; k <= list.length; k++) {
      const next = list[(from + step * k + list.length * k) % list.length];
      if (next.getAttribute('aria-disabled') !== 'true' || list === titles()) return next.focus();
    }
  };
  let handled = true;
  if (e.key === 'Escape') {
    if (iIndex >= 0) {
      const back = open;
      closeMenus(false);
      titles()[back].focus();
    } else closeMenus(true);
  } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    const step = e.key === 'ArrowRight' ? 1 : -1;
    const from = iIndex >= 0 ? open : tIndex;
    const next = (from + step + n) % n;
    if (open >= 0) openMenu(next, iIndex >= 0);
    else titles()[next].focus();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    if (iIndex < 0 && tIndex >= 0) openMenu(tIndex, true);
    else if (iIndex >= 0) move(items, iIndex, e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Home' && iIndex >= 0) items[0]?.focus();
  else if (e.key === 'End' && iIndex >= 0) items.at(-1)?.focus();
  else if ((e.key === 'Enter' || e.key === ' ') && tIndex >= 0) openMenu(tIndex, true);
  else if (e.key === 'Tab') closeMenus(true);
  else handled = false;
  if (handled) e.preventDefault();
});

/** Alt alone or F10, in the app or here, focuses the menu bar (Electron's menu bar on Linux does the same). */
function watchMenuKeys(win) {
  let altAlone = false;
  win.addEventListener(
    'keydown',
    (e) => {
      altAlone = e.key === 'Alt' && !e.ctrlKey && !e.shiftKey && !e.metaKey;
      if (e.key === 'F10' && !e.ctrlKey && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        focusBar();
      }
    },
    true,
  );
  win.addEventListener(
    'keyup',
    (e) => {
      if (e.key === 'Alt' && altAlone) {
        e.preventDefault();
        if (document.activeElement && bar.contains(document.activeElement)) closeMenus(true);
        else focusBar();
      }
      altAlone = false;
    },
    true,
  );
  win.addEventListener('pointerdown', () => (altAlone = false), true);
}

function focusBar() {
  window.focus();
  titles()[0]?.focus();
}

watchMenuKeys(window);
document.addEventListener('pointerdown', (e) => {
  if (open >= 0 && !bar.contains(e.target)) closeMenus(false);
});

/** The window shows the app's title and theme. */
appFrame.addEventListener('load', () => {
  const doc = appDoc();
  const win = appFrame.contentWindow;
  if (!doc || !win) return;
  watchMenuKeys(win);
  win.addEventListener('pointerdown', () => open >= 0 && closeMenus(false), true);
  const mirror = () => {
    document.title = doc.title || 'Lectern';
    const theme = doc.documentElement.getAttribute('data-theme');
    if (theme) document.documentElement.setAttribute('data-theme', theme);
    else document.documentElement.removeAttribute('data-theme');
  };
  mirror();
  new MutationObserver(mirror).observe(doc.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
    subtree: false,
  });
  new MutationObserver(mirror).observe(doc.head, { childList: true, subtree: true, characterData: true });
  applyZoom();
  win.focus();
});

/** Electron's open dialog: Chromium's file chooser, the chosen files read here and handed to main. */
window.__lecternStandinChooseFiles = (extensions) =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (extensions?.length) input.accept = extensions.map((x) => `.${x}`).join(',');
    input.addEventListener('cancel', () => resolve([]));
    input.addEventListener('change', async () => {
      const files = await Promise.all(
        [...(input.files ?? [])].map(async (f) => ({
          name: f.name,
          base64: toBase64(await f.arrayBuffer()),
        })),
      );
      resolve(files);
    });
    input.click();
  });

function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

window.__lecternStandinMenuChanged = async () => {
  menus = await window.__lecternStandinMenu('template');
  render();
};
window.__lecternStandinRole = doRole;
void window.__lecternStandinMenuChanged();
