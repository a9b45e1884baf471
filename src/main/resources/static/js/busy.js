// Progress on long operations, opt-in by a data-busy attribute:
//   <form data-busy> or <button type="submit" data-busy>: on submit the button shows a spinner and the
//   body's data-busy-working words ("Working…"), gets aria-busy="true" and is disabled; a second submit
//   of the same form while it works is ignored, so a double click sends one request.
//   <a data-busy href="….pdf">: a download shows data-busy-download ("Preparing the download…") for a
//   fixed few seconds (a page cannot see when a download's response starts) and ignores clicks meanwhile.
// A value on data-busy replaces the body's words. Coming back through the browser's history resets
// everything.
(function () {
  'use strict';

  var DOWNLOAD_MS = 4000;

  function words(element, kind) {
    return element.getAttribute('data-busy') || document.body.getAttribute('data-busy-' + kind) || '';
  }

  function show(element, text) {
    element.busyLabel = element.textContent;
    element.textContent = '';
    var spinner = document.createElement('span');
    spinner.className = 'busy-spinner';
    spinner.setAttribute('aria-hidden', 'true');
    element.appendChild(spinner);
    element.appendChild(document.createTextNode(text));
    element.setAttribute('aria-busy', 'true');
    element.classList.add('busy');
  }

  function reset(element) {
    if (element.busyLabel !== undefined) {
      element.textContent = element.busyLabel;
      delete element.busyLabel;
    }
    element.removeAttribute('aria-busy');
    element.removeAttribute('aria-disabled');
    element.classList.remove('busy');
    if (element.busyDisabled) {
      element.disabled = false;
      delete element.busyDisabled;
    }
  }

  function submitterOf(form, event) {
    if (event.submitter && event.submitter.form === form) {
      return event.submitter;
    }
    return form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = submitterOf(form, event);
    if (!form.hasAttribute('data-busy') && !(button && button.hasAttribute('data-busy'))) {
      return;
    }
    if (form.busy) {
      event.preventDefault();
      return;
    }
    form.busy = true;
    // after the browser has read the form (a disabled button would leave its name and value out),
    // and only if nobody cancelled the submission
    window.setTimeout(function () {
      if (event.defaultPrevented) {
        form.busy = false;
        return;
      }
      form.setAttribute('aria-busy', 'true');
      if (button) {
        show(button, words(button.hasAttribute('data-busy') ? button : form, 'working'));
        button.disabled = true;
        button.busyDisabled = true;
      }
    }, 0);
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-busy]') : null;
    if (!link) {
      return;
    }
    if (link.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      return;
    }
    show(link, words(link, 'download'));
    link.setAttribute('aria-disabled', 'true');
    window.setTimeout(function () {
      reset(link);
    }, DOWNLOAD_MS);
  });

  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    var busy = document.querySelectorAll('[aria-busy="true"]');
    for (var i = 0; i < busy.length; i++) {
      busy[i].busy = false;
      reset(busy[i]);
    }
  });
}());
