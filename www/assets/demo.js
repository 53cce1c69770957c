// The demo form: what is typed goes straight into the element's attributes, as a portal's own
// script would set them. The widget parses and explains; this file does no date logic.
const form = document.getElementById('date-form');
const live = document.getElementById('live');

form.addEventListener('input', () => {
  live.setAttribute('date', form.elements.date.value);
  live.setAttribute('lang', form.elements.lang.value);
});
form.addEventListener('submit', (event) => event.preventDefault());
