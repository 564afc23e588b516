// Progressive enhancement for every page: the pages work without it.
// 1. Focus the error summary when a form comes back with errors (GOV.UK pattern).
// 2. Submit the language switch as soon as a language is chosen.
const summary = document.querySelector<HTMLElement>('[data-error-summary]')
if (summary) summary.focus()

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form?.requestSubmit())
  const button = select.form?.querySelector<HTMLElement>('[data-autosubmit-button]')
  if (button) button.hidden = true
}
