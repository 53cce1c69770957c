// The demo portal's sign-in (no passwords: pick a judge, the organiser or office staff). A real portal has its own;
// the widgets only need the session cookie it sets, sent with their same-origin requests.
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
const status = document.getElementById('signed-in');
const organiserTools = document.getElementById('organiser-tools');
const publishStatus = document.getElementById('publish-status');

async function post(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(body ?? {}),
  });
}

async function showWho() {
  const answer = await fetch('/api/session').catch(() => null);
  // Read the body whatever the status: an unread body keeps the request open (and the page never idle).
  const who = await answer?.json().catch(() => null);
  if (!answer?.ok) {
    status.textContent = 'কেউ সাইন ইন করেননি। নিচে একজনকে বেছে নিন।';
    return;
  }
  const role = { organiser: 'আয়োজক', judge: 'বিচারক', staff: 'অফিস কর্মী' }[who.role] ?? who.role;
  status.textContent = `সাইন ইন করেছেন: ${who.name} (${role})`;
  if (organiserTools) organiserTools.hidden = who.role !== 'organiser';
}

for (const button of document.querySelectorAll('[data-user]')) {
  button.addEventListener('click', async () => {
    const answer = await post('/api/session', { user: button.dataset.user }).catch(() => null);
    await answer?.json().catch(() => null);
    if (answer?.ok) location.reload();
    else status.textContent = 'সাইন ইন করা যায়নি।';
  });
}

document.getElementById('publish')?.addEventListener('click', async () => {
  const answer = await post('/api/innovation/results/publish').catch(() => null);
  await answer?.json().catch(() => null);
  publishStatus.textContent = answer?.ok ? 'ফলাফল প্রকাশিত হয়েছে: শোকেসিং পাতায় স্থানগুলো দেখা যাবে।' : 'প্রকাশ করা যায়নি।';
});

showWho();
