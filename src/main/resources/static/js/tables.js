// Tables that sort and filter, on top of the server-rendered ones (progressive enhancement: without
// JavaScript a table reads as before, and the server's own filters and "Older entries" still work).
//
// - Every <table> in a .table-wrap with at least 2 body rows: each <th scope="col"> with text gets a
//   <button> that sorts the rows ascending, then descending, and sets aria-sort on the th. A cell sorts
//   by its data-sort (money in minor units, a date as ISO), else by its <time datetime>, else by its
//   text: numbers by value, text with the page language's collation. A th with data-nosort is left alone.
// - A table with more than 10 body rows gets a search box above it that hides the rows not containing
//   the text, and says so when none is left.
// - A table with data-server-sorted is sorted, paged and searched by the server (templates/lists.html):
//   its headers are links and its rows only one page, so it gets neither buttons nor a filter box.
// The words come from the page: <body data-filter-label data-sort-by data-no-match>, from the bundles.
(function () {
  'use strict';

  var SORTABLE_MIN_ROWS = 2;
  var FILTER_MIN_ROWS = 11;
  var NUMBER = /^-?\d+(\.\d+)?$/;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
  var counter = 0;

  var lang = document.documentElement.lang || 'en';
  var collator = new Intl.Collator(lang, {numeric: true, sensitivity: 'base'});

  function words(name, fallback) {
    var value = document.body.getAttribute(name);
    return value || fallback;
  }

  function bodyRows(table) {
    var body = table.tBodies[0];
    return body ? Array.prototype.slice.call(body.rows) : [];
  }

  // the header's words as a reader hears them, without screen-reader-only hints
  function headerText(th) {
    var copy = th.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('.sr-only'), function (hint) { hint.remove(); });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  function sortKey(cell) {
    if (!cell) {
      return '';
    }
    if (cell.hasAttribute('data-sort')) {
      return cell.getAttribute('data-sort');
    }
    var time = cell.querySelector('time[datetime]');
    if (time) {
      return time.getAttribute('datetime');
    }
    return cell.textContent.replace(/\s+/g, ' ').trim();
  }

  function asNumber(key) {
    if (NUMBER.test(key)) {
      return parseFloat(key);
    }
    if (ISO_DATE.test(key)) {
      var when = Date.parse(key);
      return isNaN(when) ? null : when;
    }
    return null;
  }

  // the cell under a header, counting colspans
  function cellAt(row, column) {
    var at = 0;
    for (var i = 0; i < row.cells.length; i++) {
      var span = row.cells[i].colSpan || 1;
      if (column < at + span) {
        return row.cells[i];
      }
      at += span;
    }
    return null;
  }

  function columnOf(th) {
    var column = 0;
    var cells = th.parentNode.cells;
    for (var i = 0; i < cells.length && cells[i] !== th; i++) {
      column += cells[i].colSpan || 1;
    }
    return column;
  }

  function sortBy(table, th, descending) {
    var column = columnOf(th);
    var rows = bodyRows(table);
    var keys = rows.map(function (row) { return sortKey(cellAt(row, column)); });
    var numbers = keys.map(asNumber);
    var numeric = keys.every(function (key, i) { return key === '' || numbers[i] !== null; });
    var order = rows.map(function (row, i) { return i; });
    order.sort(function (a, b) {
      var result;
      if (keys[a] === '' || keys[b] === '') {
        // empty cells go last either way
        result = (keys[a] === '') - (keys[b] === '');
        return result !== 0 ? result : a - b;
      }
      result = numeric ? numbers[a] - numbers[b] : collator.compare(keys[a], keys[b]);
      if (descending) {
        result = -result;
      }
      return result !== 0 ? result : a - b;
    });
    var body = table.tBodies[0];
    order.forEach(function (i) { body.appendChild(rows[i]); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
      if (other.hasAttribute('aria-sort')) {
        other.setAttribute('aria-sort', 'none');
      }
    });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tHead.rows.length) {
      return;
    }
    var pattern = words('data-sort-by', 'Sort by {0}');
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.tagName !== 'TH' || th.getAttribute('scope') !== 'col' || th.hasAttribute('data-nosort')
          || th.querySelector('button, input, select, a')) {
        return;
      }
      var name = headerText(th);
      if (!name) {
        return;
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = pattern.replace('{0}', name);
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      // the arrow is drawn by CSS and kept out of the button's name: aria-sort says the order
      var mark = document.createElement('span');
      mark.className = 'sort-mark';
      mark.setAttribute('aria-hidden', 'true');
      button.appendChild(mark);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        sortBy(table, th, th.getAttribute('aria-sort') === 'ascending');
      });
    });
  }

  function addFilter(table, wrap) {
    var id = 'table-filter-' + (++counter);
    var box = document.createElement('div');
    box.className = 'table-filter';
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = words('data-filter-label', 'Filter this table');
    var input = document.createElement('input');
    input.type = 'search';
    input.id = id;
    input.autocomplete = 'off';
    var none = document.createElement('p');
    none.className = 'empty table-no-match';
    none.setAttribute('role', 'status');
    none.hidden = true;
    none.textContent = words('data-no-match', 'No row matches.');
    box.appendChild(label);
    box.appendChild(input);
    wrap.parentNode.insertBefore(box, wrap);
    wrap.parentNode.insertBefore(none, wrap.nextSibling);
    input.addEventListener('input', function () {
      var wanted = input.value.trim().toLocaleLowerCase(lang);
      var shown = 0;
      bodyRows(table).forEach(function (row) {
        var match = wanted === '' || row.textContent.toLocaleLowerCase(lang).indexOf(wanted) >= 0;
        row.hidden = !match;
        if (match) {
          shown++;
        }
      });
      none.hidden = shown > 0;
    });
  }

  function enhance() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (wrap) {
      var table = wrap.querySelector('table');
      if (!table || table.hasAttribute('data-enhanced') || table.hasAttribute('data-server-sorted')) {
        return;
      }
      var count = bodyRows(table).length;
      if (count < SORTABLE_MIN_ROWS) {
        return;
      }
      table.setAttribute('data-enhanced', '');
      makeSortable(table);
      if (count >= FILTER_MIN_ROWS) {
        addFilter(table, wrap);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
  // tables htmx swaps in later get the same
  document.addEventListener('htmx:afterSettle', enhance);
}());
