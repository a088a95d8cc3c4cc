// A faces ballot: before it is sent, an idea left without a face is asked about once. Without
// JavaScript, each such idea says so beside its faces until one is chosen.
for (const form of document.querySelectorAll('form[data-faces]')) {
  form.addEventListener('submit', (event) => {
    if (form.dataset.asked === 'yes') return;
    const missing = [...form.querySelectorAll('fieldset.faces')]
      .filter((set) => !set.querySelector('input:checked'))
      .map((set) => set.dataset.title);
    if (missing.length === 0) return;
    event.preventDefault();
    const question = form.querySelector('.unfaced-question');
    question.querySelector('.unfaced-list').textContent = missing.join(', ');
    question.hidden = false;
    question.focus();
    form.dataset.asked = 'yes';
  });
}
