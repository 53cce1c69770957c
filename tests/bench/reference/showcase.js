// The vanilla-JS reference for `cargo xtask bench`: the innovation gallery a portal developer could write
// by hand — fetch the entries, build a card per entry with createElement (title, office, level and
// category, problem, the TCV before and after in words and as two bars), a level filter and a search.
// The same data and the same words as <batayan-innovation-showcase>, so that the bench compares like
// with like.
//
//   showcase.html?src=/api/innovation/entries

const params = new URLSearchParams(location.search);
const LEVELS = { upazila: 'উপজেলা', district: 'জেলা', division: 'বিভাগ', directorate: 'অধিদপ্তর', national: 'জাতীয়' };
const CATEGORIES = { idea: 'আইডিয়া', pilot: 'পাইলট', simplified_service: 'সেবা সহজিকরণ', digitised_service: 'ডিজিটাইজড সেবা', replication: 'রেপ্লিকেশন' };
const bn = new Intl.NumberFormat('bn-BD', { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('bn-BD', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const bnDigits = (text) => String(text).replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'[d]);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const hours = (t) => (t ? Number(t.amount) * (t.unit === 'days' ? 24 : 1) : null);
const timeText = (t) => `${bn.format(Number(t.amount))} ${t.unit === 'days' ? 'দিন' : 'ঘণ্টা'}`;

function line(label, before, after, beforeText, afterText) {
  const li = el('li', 'ref-tcv__line');
  li.append(el('span', 'ref-tcv__label', label));
  const scale = Math.max(before, after) || 1;
  const bars = el('span', 'ref-tcv__bars');
  const b = el('span', 'ref-tcv__before');
  b.style.width = `${(before / scale) * 100}%`;
  const a = el('span', 'ref-tcv__after');
  a.style.width = `${(after / scale) * 100}%`;
  bars.append(b, a);
  li.append(bars);
  const words = el('span', 'ref-tcv__words', `আগে ${beforeText} পরে ${afterText} `);
  if (before > 0) words.append(el('strong', '', `${pct.format(Math.abs((before - after) / before) * 100)}% ${after <= before ? 'কম' : 'বেশি'}`));
  li.append(words);
  return li;
}

function card(id, entry) {
  const li = el('li', 'ref-card');
  li.dataset.level = entry.level;
  li.dataset.words = [entry.title, entry.office, entry.problem, entry.solution].join(' ').toLowerCase();
  const article = el('article');
  article.append(el('h3', '', entry.title));
  article.append(el('p', 'ref-meta', [entry.office, LEVELS[entry.level], CATEGORIES[entry.category], bnDigits(entry.fiscal_year)].join(' · ')));
  article.append(el('p', '', entry.problem));
  const { before: b, after: a } = entry;
  const list = el('ul', 'ref-tcv');
  if (b.time && a.time) list.append(line('সময়', hours(b.time), hours(a.time), timeText(b.time), timeText(a.time)));
  if (b.cost !== undefined && a.cost !== undefined) list.append(line('খরচ', Number(b.cost), Number(a.cost), `${bn.format(Number(b.cost))} টাকা`, `${bn.format(Number(a.cost))} টাকা`));
  if (b.visits !== undefined && a.visits !== undefined) list.append(line('যাতায়াত', b.visits, a.visits, `${bn.format(b.visits)} বার`, `${bn.format(a.visits)} বার`));
  article.append(list);
  li.append(article);
  return li;
}

async function main() {
  const root = document.getElementById('reference');
  const { entries } = await (await fetch(params.get('src') ?? '/api/innovation/entries')).json();
  const search = el('input');
  search.type = 'search';
  search.setAttribute('aria-label', 'খুঁজুন');
  const list = el('ul', 'ref-cards');
  for (const { id, entry } of entries) list.append(card(id, entry));
  search.addEventListener('input', () => {
    const word = search.value.trim().toLowerCase();
    for (const item of list.children) item.hidden = word !== '' && !item.dataset.words.includes(word);
  });
  root.replaceChildren(el('h2', '', 'উদ্ভাবন শোকেসিং'), search, list);
}

main();
