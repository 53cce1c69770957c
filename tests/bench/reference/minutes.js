// The vanilla-JS reference for `cargo xtask bench`: the minutes a portal developer could show by hand —
// fetch the JSON, write the header facts, each item with its discussion (markup stripped to text, as a
// careful page would, never innerHTML), decisions with status and implementers, and the footer.
//
//   minutes.html?src=/api/minutes/2

const src = new URLSearchParams(location.search).get('src') ?? '/api/minutes/2';
const STATUS = { pending: 'অপেক্ষমাণ', in_progress: 'চলমান', done: 'বাস্তবায়িত', dropped: 'বাদ' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plain = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

async function main() {
  const m = await (await fetch(src)).json();
  const root = el('article');
  root.append(el('p', '', m.body), el('h2', '', m.title));
  const facts = el('dl');
  for (const [k, v] of [['সভাপতি', `${m.chair.name}, ${m.chair.designation ?? ''}`], ['তারিখ', m.date_text], ['সময়', m.time], ['স্থান', m.venue]]) {
    facts.append(el('dt', '', k), el('dd', '', v ?? ''));
  }
  root.append(facts);
  const items = el('ol');
  for (const item of m.items) {
    const li = el('li', 'ref-item');
    li.append(el('h3', '', `${item.serial} ${item.topic}`), el('p', '', plain(item.discussion ?? '')));
    const decisions = el('ol');
    for (const d of item.decisions) {
      const row = el('li');
      row.append(el('p', '', `${d.serial ?? ''} ${d.text}`), el('p', '', `অবস্থা: ${STATUS[d.status ?? 'pending']}${d.deadline ? ` · সময়সীমা: ${d.deadline}` : ''}`));
      const chips = el('ul');
      for (const name of d.implementers ?? []) chips.append(el('li', '', name));
      row.append(chips);
      decisions.append(row);
    }
    li.append(decisions);
    items.append(li);
  }
  root.append(items, el('p', '', `স্মারক নং ${m.memo_number ?? ''}`));
  const copies = el('ol');
  for (const to of m.distribution ?? []) copies.append(el('li', '', to));
  root.append(copies);
  document.getElementById('reference').replaceChildren(root);
}

main();
