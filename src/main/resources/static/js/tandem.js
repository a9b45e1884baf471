/*
 * Tandem lead capture snippet — put it on every page of the business's website:
 *
 *   <script src="https://tandem.example.com/js/tandem.js" data-key="tnd_pk_…" async></script>
 *
 * What it does:
 * - When a visitor lands through a partner's tracking link (…?tnd_click=<click id>), it keeps the click
 *   id in a first-party cookie "tnd_click" on this site, for the program's attribution window (ask
 *   Tandem: GET /api/v1/public/config?key=…, or set data-window-days="90" on the script tag).
 * - window.tandem.lead({email, name, company?, message?}) sends a lead to Tandem with the click id and
 *   returns a Promise of {id: "evt_…", attributed: true|false}. On failure the Promise is rejected with
 *   an Error carrying .status (HTTP status, 0 if the network failed) and .problem (the problem details,
 *   e.g. problem.errors = [{field: "email", message: "must be an email address"}]).
 * - window.tandem.clickId() answers the click id kept for this visitor, or null.
 *
 * The page's origin must be one of the key's allowed origins (set in Tandem). No dependencies; ES5
 * (browsers without Promise need a polyfill). The script is async: call tandem.lead() from a form's
 * submit handler or later, not while the page is still loading.
 */
(function (window, document) {
  'use strict';

  var COOKIE = 'tnd_click';
  var CLICK_ID = /^[A-Za-z0-9_-]{10,100}$/;
  var DEFAULT_WINDOW_DAYS = 30;

  function thisScript() {
    if (document.currentScript) {
      return document.currentScript;
    }
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (scripts[i].getAttribute('data-key') && /\/js\/tandem\.js(\?|$)/.test(scripts[i].src)) {
        return scripts[i];
      }
    }
    return null;
  }

  var script = thisScript();
  var key = script ? script.getAttribute('data-key') : null;
  // the API lives where the script came from: an <a> parses the address in every browser
  var parser = document.createElement('a');
  parser.href = script ? script.src : '';
  var base = parser.protocol + '//' + parser.host;

  function queryParameter(name) {
    var pairs = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var pair = pairs[i].split('=');
      if (decodeURIComponent(pair[0]) === name && pair.length > 1) {
        return decodeURIComponent(pair[1].replace(/\+/g, ' '));
      }
    }
    return null;
  }

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === name) {
        return decodeURIComponent(parts[i].substring(eq + 1));
      }
    }
    return null;
  }

  function keepClickId(clickId, days) {
    document.cookie = COOKIE + '=' + encodeURIComponent(clickId) + '; Max-Age=' + Math.round(days * 86400)
      + '; Path=/; SameSite=Lax' + (window.location.protocol === 'https:' ? '; Secure' : '');
  }

  function request(method, path, body) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, base + path, true);
      if (body) {
        xhr.setRequestHeader('Content-Type', 'application/json');
      }
      xhr.onload = function () {
        var answer = null;
        try {
          answer = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch (notJson) {
          answer = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(answer);
        } else {
          var error = new Error((answer && (answer.detail || answer.title)) || 'Tandem answered ' + xhr.status);
          error.status = xhr.status;
          error.problem = answer;
          reject(error);
        }
      };
      xhr.onerror = function () {
        var error = new Error('Tandem could not be reached');
        error.status = 0;
        error.problem = null;
        reject(error);
      };
      xhr.send(body ? JSON.stringify(body) : null);
    });
  }

  function clickId() {
    var kept = readCookie(COOKIE);
    return kept && CLICK_ID.test(kept) ? kept : null;
  }

  function rememberLandingClick() {
    var landed = queryParameter('tnd_click');
    if (!landed || !CLICK_ID.test(landed)) {
      return;
    }
    var days = parseInt(script && script.getAttribute('data-window-days'), 10);
    if (days > 0) {
      keepClickId(landed, days);
      return;
    }
    // kept at once, so a quick form still has it; the program's own window follows when Tandem answers
    keepClickId(landed, DEFAULT_WINDOW_DAYS);
    if (key && window.Promise) {
      request('GET', '/api/v1/public/config?key=' + encodeURIComponent(key)).then(function (config) {
        if (config && config.windowDays > 0) {
          keepClickId(landed, config.windowDays);
        }
      }, function () { /* the default window stays */ });
    }
  }

  function lead(details) {
    var d = details || {};
    return request('POST', '/api/v1/public/leads', {
      key: key,
      clickId: clickId(),
      email: d.email || '',
      name: d.name || '',
      company: d.company || '',
      message: d.message || '',
      // where the form is, for the business's eyes; never the query, which may carry a visitor's details
      page: window.location.protocol + '//' + window.location.host + window.location.pathname
    });
  }

  rememberLandingClick();
  window.tandem = { lead: lead, clickId: clickId };
}(window, document));
