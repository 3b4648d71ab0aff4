/**
 * The two files the page of `recruit-check serve` loads besides itself: its styles and its
 * script. Both are served by the tool, so the page needs nothing from anywhere else, and its
 * Content Security Policy allows only its own origin.
 *
 * The page works without the script: the form posts and the answer is a new page. The script
 * only adds what a browser with it can do better — dropping a file on the page, and checking
 * without leaving it (the report replaces the last one, focus moves to its heading and a live
 * region says what was found).
 */
import { REPORT_STYLE } from '../report/html.js';

/** The page's styles: the HTML report's, and those of the form. */
export const PAGE_STYLE = `${REPORT_STYLE}
form { border: 2px solid #1b1b1b; margin: 1.5rem 0; padding: 1rem; }
fieldset { border: 1px solid #767676; margin: 0 0 1rem; min-width: 0; padding: 0.75rem 1rem 1rem; }
legend { font-weight: 700; padding: 0 0.25rem; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
.field-hint { color: #444; margin: 0 0 0.5rem; }
input[type="file"], select, textarea { border: 2px solid #1b1b1b; border-radius: 0; font: inherit; max-width: 100%; padding: 0.35rem; }
input[type="file"], textarea { box-sizing: border-box; width: 100%; }
textarea { min-height: 8rem; }
select { background: #fff; color: #1b1b1b; }
button { background: #0b3d91; border: 2px solid #0b3d91; border-radius: 0.2rem; color: #fff; cursor: pointer; font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.5rem 1.25rem; }
button[aria-disabled="true"] { background: #444; border-color: #444; cursor: progress; }
input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible, h2:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 3px; box-shadow: 0 0 0 6px #ffdd00; }
.drop { border: 3px dashed #767676; margin: 0.75rem 0; padding: 1rem; text-align: center; }
.drop.over { background: #dcecff; border-color: #0b3d91; }
.chosen, .status { font-weight: 600; margin: 0.5rem 0 0; }
.problem { border-left: 6px solid #a4161a; margin: 1rem 0; padding: 0.25rem 1rem; }
.downloads { margin: 0.5rem 0 1rem; }
.downloads li { margin: 0.25rem 0; }
.private { border-left: 6px solid #174ea6; padding-left: 1rem; }
@media (forced-colors: active) {
  button, input[type="file"], select, textarea, .drop, form, fieldset { border-color: CanvasText; }
  button { background: ButtonFace; color: ButtonText; }
  mark.hl { border-bottom-color: Highlight; }
  input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible, h2:focus-visible { outline-color: Highlight; }
}
`;

/** The page's script (see the module's comment): plain browser JavaScript, no libraries. */
export const PAGE_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('check-form');
  var input = document.getElementById('file');
  var drop = document.getElementById('drop');
  var chosen = document.getElementById('chosen');
  var status = document.getElementById('status');
  if (!form || !input || !drop || !chosen || !status || !window.fetch || !window.FormData || !window.DOMParser) return;

  function showChosen() {
    chosen.textContent = input.files && input.files.length > 0 ? 'Chosen: ' + input.files[0].name : '';
  }
  input.addEventListener('change', showChosen);

  drop.hidden = false;
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (event) {
      event.preventDefault();
      drop.classList.add('over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function () {
      drop.classList.remove('over');
    });
  });
  drop.addEventListener('drop', function (event) {
    event.preventDefault();
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0) return;
    input.files = files;
    showChosen();
    input.focus();
  });

  var busy = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute('aria-disabled', 'true');
    status.textContent = 'Checking your document. This can take a few seconds.';
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'X-Recruit-Check-Key': form.elements.key.value } })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var result = next.getElementById('result');
        var current = document.getElementById('result');
        if (!result || !current) throw new Error('no result');
        current.replaceWith(document.importNode(result, true));
        document.title = next.title;
        var summary = document.getElementById('result-summary');
        status.textContent = summary ? summary.textContent : 'The check is finished.';
        var heading = document.getElementById('result-title');
        if (heading) heading.focus();
      })
      .catch(function () {
        status.textContent = 'The check could not be finished. Check that recruit-check serve is still running, then try again.';
      })
      .then(function () {
        busy = false;
        if (button) button.removeAttribute('aria-disabled');
      });
  });
})();
`;
