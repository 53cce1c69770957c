// The vanilla-JS reference for `cargo xtask bench`: the APA table a portal developer could write by
// hand — fetch the agreement and the report, score them, build the table with createElement. No
// framework, no tricks; the same data (down to the evidence note and the provisional `*`), the same
// columns and the same scoring rule (interpolated) as <batayan-apa-table>, so that the bench compares
// like with like.
//
//   apa.html?src=/bench/apa-1000.json&report=/bench/report-1000.json[&mode=report]
//
// In report mode each row has an input for the second quarter; typing re-scores that row and updates a
// running total, as a careful hand-written page would (no whole-table re-render).

const params = new URLSearchParams(location.search);
const number = new Intl.NumberFormat('bn-BD', { maximumFractionDigits: 2 });
const fixed2 = new Intl.NumberFormat('bn-BD', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MONTHS = ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'];
const PERCENTS = [100, 90, 80, 70, 60];
const bnDigits = (text) => String(text).replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'[d]);
const asciiDigits = (text) => text.replace(/[০-৯]/g, (d) => String('০১২৩৪৫৬৭৮৯'.indexOf(d)));

function show(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return number.format(value);
  const [y, m, d] = value.split('-').map(Number);
  return bnDigits(`${d} `) + MONTHS[m - 1] + bnDigits(` ${y}`);
}

const dayNumber = (iso) => Date.UTC(...iso.split('-').map((p, i) => Number(p) - (i === 1 ? 1 : 0))) / 86_400_000;
const keyOf = (value) => (typeof value === 'number' ? value : dayNumber(value));

function achievement(method, quarters) {
  const reported = quarters.filter((q) => q !== null && q !== undefined);
  if (reported.length === 0) return null;
  const numbers = reported.filter((q) => typeof q === 'number');
  if (method === 'average') return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
  if (method === 'cumulative' || method === 'date') return reported[reported.length - 1];
  return numbers.reduce((a, b) => a + b, 0);
}

function rawScore(indicator, achieved) {
  const lower = indicator.method === 'date' || indicator.direction === 'lower_is_better';
  const good = (v) => (lower ? -keyOf(v) : keyOf(v));
  const levels = indicator.levels.map((v, i) => [PERCENTS[i], v]).filter(([, v]) => v !== null);
  if (levels.length === 0) return 0;
  const a = good(achieved);
  if (a >= good(levels[0][1])) return levels[0][0];
  for (let i = 0; i + 1 < levels.length; i += 1) {
    const [pHi, hi] = levels[i];
    const [pLo, lo] = levels[i + 1];
    if (a >= good(lo)) {
      const span = good(hi) - good(lo);
      return span === 0 ? pLo : pLo + ((pHi - pLo) * (a - good(lo))) / span;
    }
  }
  return 0;
}

function score(indicator, quarters, governance) {
  const achieved = achievement(indicator.method, quarters);
  const weight = indicator.weight ?? 0;
  if (achieved === null) return { achieved, raw: null, weighted: 0 };
  if (governance && indicator.levels.every((l) => l === null) && typeof achieved === 'number') {
    const marks = Math.min(Math.max(achieved, 0), Math.max(weight, 0));
    return { achieved, raw: weight > 0 ? (marks / weight) * 100 : 0, weighted: marks };
  }
  const raw = rawScore(indicator, achieved);
  return { achieved, raw, weighted: (weight * raw) / 100 };
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function main() {
  const root = document.getElementById('reference');
  const [agreement, report] = await Promise.all([
    fetch(params.get('src')).then((r) => r.json()),
    fetch(params.get('report')).then((r) => r.json()),
  ]);
  const reportMode = params.get('mode') === 'report';
  let total = 0;
  const header = el('h2', null, `বার্ষিক কর্মসম্পাদন চুক্তি ${bnDigits(agreement.fiscal_year)}`);
  const office = el('p', null, agreement.office_name);
  const totalFigure = el('span', 'ref-total', '');
  const bars = el('ul', 'ref-bars');
  // A form's table is laid out from its header row, as the widget's forms are: with the automatic
  // layout, every keystroke at 10,000 rows would measure every row again (the widget's own finding).
  const table = el('table', reportMode ? 'ref-table ref-table--form' : 'ref-table');
  const head = table.createTHead().insertRow();
  for (const label of ['ক্রমিক', 'কর্মসম্পাদন সূচক', 'একক', 'মান', 'প্রকৃত অর্জন', 'প্রকৃত অর্জন', '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', 'প্রক্ষেপণ', 'প্রক্ষেপণ', 'অর্জন', 'প্রাপ্ত নম্বর', 'ভারিত নম্বর']) {
    head.appendChild(el('th', null, label));
  }
  for (const [prefix, areas] of [['', agreement.areas], ['g', agreement.governance]]) {
    for (const area of areas) {
      const body = el('tbody');
      const areaRow = body.insertRow();
      const areaCell = el('th', null, `[${bnDigits(area.serial)}] ${area.name}`);
      areaCell.colSpan = 16;
      areaRow.appendChild(areaCell);
      let areaScore = 0;
      for (const activity of area.activities) {
        const activityRow = body.insertRow();
        const cell = activityRow.insertCell();
        cell.colSpan = 16;
        cell.textContent = `[${bnDigits(activity.serial)}] ${activity.name}`;
        for (const indicator of activity.indicators) {
          const key = prefix + indicator.serial;
          const quarters = [...(report.values[key]?.quarters ?? [null, null, null, null])];
          let scored = score(indicator, quarters, prefix === 'g');
          areaScore += scored.weighted;
          const row = body.insertRow();
          row.dataset.key = key;
          row.appendChild(el('th', null, `[${bnDigits(indicator.serial)}]`));
          const name = row.insertCell();
          name.textContent = indicator.name;
          // What the widget shows in the same cell: the evidence that proves the target (annex 2).
          if (indicator.evidence) name.appendChild(el('span', 'ref-evidence', `প্রমাণক: ${indicator.evidence}`));
          row.insertCell().textContent = indicator.unit;
          row.insertCell().textContent = show(indicator.weight);
          // A provisional prior actual is marked `*`, as in the document and the widget.
          indicator.prior_actuals.forEach((v, i) => { row.insertCell().textContent = show(v) + (indicator.prior_provisional?.[i] ? '*' : ''); });
          for (const v of [...indicator.levels, ...indicator.projections]) row.insertCell().textContent = show(v);
          const achievedCell = row.insertCell();
          const rawCell = row.insertCell();
          const weightedCell = row.insertCell();
          const paint = () => {
            achievedCell.textContent = show(scored.achieved);
            rawCell.textContent = scored.raw === null ? '' : fixed2.format(scored.raw);
            weightedCell.textContent = scored.raw === null ? '' : fixed2.format(scored.weighted);
          };
          paint();
          if (reportMode) {
            const input = el('input');
            input.id = `q2-${key}`;
            input.value = quarters[1] === null ? '' : show(quarters[1]);
            input.setAttribute('aria-label', `[${bnDigits(indicator.serial)}] ২য় প্রান্তিক`);
            input.addEventListener('input', () => {
              const typed = Number(asciiDigits(input.value.trim()));
              quarters[1] = input.value.trim() === '' || Number.isNaN(typed) ? null : typed;
              const next = score(indicator, quarters, prefix === 'g');
              total += next.weighted - scored.weighted;
              scored = next;
              paint();
              totalFigure.textContent = fixed2.format(total);
            });
            name.appendChild(input);
          }
        }
      }
      total += areaScore;
      const bar = el('li', null, `[${bnDigits(area.serial)}] ${area.name}: ${fixed2.format(areaScore)} / ${show(area.weight)}`);
      bars.appendChild(bar);
      table.appendChild(body);
    }
  }
  totalFigure.textContent = fixed2.format(total);
  root.replaceChildren(header, office, totalFigure, bars, table);
}

main();
