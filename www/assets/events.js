// What a portal's own script does with the widgets' events: here, list them on the page.
// The widgets dispatch them on the custom element; they bubble, so one listener on the document hears all.
const log = document.getElementById('event-log');

function show(kind, detail) {
  const item = document.createElement('li');
  const summary = kind === 'batayan:submitted'
    ? `${kind} · HTTP ${detail.status}`
    : `${kind} · HTTP ${detail.status || '—'} · ${(detail.errors ?? []).map((e) => e.message_bn).join(' | ')}`;
  item.textContent = `${new Date().toLocaleTimeString('bn-BD')} — ${summary}`;
  log.prepend(item);
}

for (const kind of ['batayan:submitted', 'batayan:error']) {
  document.addEventListener(kind, (event) => show(kind, event.detail ?? {}));
}
