// Progressive enhancement for every page: the pages work without it.
// Focus the error summary when a form comes back with errors (GOV.UK pattern), so screen-reader
// and keyboard users land on the list of problems. (The language switch deliberately keeps its
// button: submitting a select on change would move people before they finished choosing.)
const summary = document.querySelector<HTMLElement>('[data-error-summary]')
if (summary) summary.focus()
