// The demo portal's meeting picker: `?id=1` shows that meeting's minutes (the element re-reads its
// `src` when it changes). A real portal writes the address into the page itself.
const id = new URLSearchParams(location.search).get('id');
if (id && /^[0-9]+$/.test(id)) {
  document.getElementById('minutes').setAttribute('src', `/api/minutes/${id}`);
  for (const link of document.querySelectorAll('.portal-meetings a')) {
    if (link.getAttribute('href') === `/minutes.html?id=${id}`) link.setAttribute('aria-current', 'page');
  }
} else {
  document.querySelector('.portal-meetings a')?.setAttribute('aria-current', 'page');
}
