// The vanilla-JS reference for `cargo xtask bench`: the innovation entry form a portal developer could
// write by hand — the same sections and fields as <batayan-innovation-entry> (labels, hints, inputs,
// selects), built with createElement, each field's text kept in localStorage as it is typed.

const person = (role) => [[`/${role}/name`, 'নাম'], [`/${role}/designation`, 'পদবি'], [`/${role}/mobile`, 'মোবাইল নম্বর', 'যেমন ০১৭১১-২২৩৩৪৪'], [`/${role}/email`, 'ই-মেইল (ঐচ্ছিক)']];
const side = (s) => [[`/${s}/time/amount`, 'সময়'], [`/${s}/time/unit`, 'সময়ের একক', null, ['দিন', 'ঘণ্টা']], [`/${s}/cost`, 'খরচ (টাকা)'], [`/${s}/visits`, 'যাতায়াত (বার)'], [`/${s}/steps`, 'ধাপ (ঐচ্ছিক)'], [`/${s}/documents`, 'কাগজপত্র (ঐচ্ছিক)']];
const SECTIONS = [
  ['উদ্ভাবন', [['/title', 'উদ্ভাবনের নাম'], ['/office', 'দপ্তর'], ['/fiscal_year', 'অর্থবছর', 'যেমন ২০২৪-২৫'], ['/level', 'স্তর', null, ['উপজেলা', 'জেলা', 'বিভাগ', 'অধিদপ্তর', 'জাতীয়']], ['/category', 'ধরন', null, ['আইডিয়া', 'পাইলট', 'সেবা সহজিকরণ', 'ডিজিটাইজড সেবা', 'রেপ্লিকেশন']], ['/started', 'চালুর তারিখ (ঐচ্ছিক)'], ['/figures', 'TCV-এর হিসাব', null, ['দাবিকৃত', 'যাচাইকৃত']]]],
  ['সমস্যা ও সমাধান', [['/problem', 'সমস্যা', null, 'long'], ['/solution', 'সমাধান', null, 'long'], ['/beneficiaries', 'উপকারভোগী', null, 'long'], ['/yearly_volume', 'বছরে সেবার সংখ্যা'], ['/links', 'লিংক (ঐচ্ছিক)', null, 'long']]],
  ['উদ্ভাবক', person('innovator')], ['বাস্তবায়নকারী', person('implementer')], ['মেন্টর', person('mentor')],
  ['উদ্ভাবনের আগে', side('before')], ['উদ্ভাবনের পরে', side('after')],
];
const KEY = 'reference-entry-draft';
const draft = JSON.parse(localStorage.getItem(KEY) ?? '{}');

function field([path, label, hint, kind]) {
  const wrap = document.createElement('div');
  const id = `f${path}`;
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  wrap.append(l);
  if (hint) {
    const h = document.createElement('p');
    h.textContent = hint;
    wrap.append(h);
  }
  let input;
  if (Array.isArray(kind)) {
    input = document.createElement('select');
    for (const option of kind) input.append(new Option(option, option));
  } else {
    input = document.createElement(kind === 'long' ? 'textarea' : 'input');
  }
  input.id = id;
  input.value = draft[path] ?? input.value;
  input.addEventListener('input', () => { draft[path] = input.value; localStorage.setItem(KEY, JSON.stringify(draft)); });
  wrap.append(input);
  return wrap;
}

const form = document.createElement('form');
form.className = 'ref-form';
for (const [title, fields] of SECTIONS) {
  const set = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = title;
  set.append(legend, ...fields.map(field));
  form.append(set);
}
const submit = document.createElement('button');
submit.textContent = 'দেখে নিন';
form.append(submit);
document.getElementById('reference').replaceChildren(form);
