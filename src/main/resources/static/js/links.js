// Copy buttons on the links pages: <button data-copy="field-id" data-copied="Copied" data-select="Press Ctrl+C">.
// Uses the Clipboard API where the page may; otherwise selects the field and asks the browser to copy,
// and if even that is refused leaves the text selected and says so.
(function () {
  'use strict';

  function announce(text) {
    var status = document.getElementById('copy-status');
    if (status) {
      status.textContent = '';
      status.textContent = text;
    }
  }

  function showCopied(button) {
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    button.textContent = button.getAttribute('data-copied') || label;
    button.classList.add('copied');
    announce(button.getAttribute('data-copied') || '');
    window.clearTimeout(button.copyTimer);
    button.copyTimer = window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove('copied');
    }, 2500);
  }

  function selectAndCopy(field) {
    field.focus();
    field.select();
    if (field.setSelectionRange) {
      field.setSelectionRange(0, field.value.length);
    }
    try {
      return document.execCommand('copy');
    } catch (refused) {
      return false;
    }
  }

  function fallback(button, field) {
    if (selectAndCopy(field)) {
      showCopied(button);
    } else {
      announce(button.getAttribute('data-select') || '');
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]');
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () {
        showCopied(button);
      }, function () {
        fallback(button, field);
      });
    } else {
      fallback(button, field);
    }
  });
}());
