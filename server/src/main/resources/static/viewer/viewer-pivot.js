/*
 * The shared page's pivot tables: the widget's answer carries the table as the server computed it (common's
 * PivotTable: keys, each cell's text and heat colour, totals as the desktop shows them); this file lays it out.
 */
(function () {
  'use strict';

  function cell(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    e.textContent = text === null || text === undefined ? '' : text;
    return e;
  }

  function draw(entry, p) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    var table = cell('table', 'rows pivot');
    var labels = Math.max(1, p.rows.length);
    var thead = document.createElement('thead');
    var head = document.createElement('tr');
    if (p.rows.length) {
      p.rows.forEach(function (name) { head.appendChild(cell('th', 'attr', name)); });
    } else {
      head.appendChild(cell('th', 'attr', ''));
    }
    p.col_keys.forEach(function (key) {
      head.appendChild(cell('th', 'num', key.length ? key.join(' \u00b7 ') : p.aggregator));
    });
    if (p.row_totals) { head.appendChild(cell('th', 'num total', 'Totals')); }
    thead.appendChild(head);
    table.appendChild(thead);

    var tbody = document.createElement('tbody');
    p.row_keys.forEach(function (key, r) {
      var tr = document.createElement('tr');
      for (var i = 0; i < labels; i++) { tr.appendChild(cell('th', 'key', key[i])); }
      p.cells[r].forEach(function (c) {
        var td = cell('td', 'num value', c.text);
        if (c.color) {
          td.classList.add('heat'); // light in both themes: dark text on it
          td.style.backgroundColor = c.color;
        }
        tr.appendChild(td);
      });
      if (p.row_totals) { tr.appendChild(cell('td', 'num total', p.row_totals[r].text)); }
      tbody.appendChild(tr);
    });
    if (p.col_totals) {
      var totals = document.createElement('tr');
      totals.className = 'totals';
      var label = cell('th', 'key total', 'Totals');
      label.colSpan = labels;
      totals.appendChild(label);
      p.col_totals.forEach(function (c) { totals.appendChild(cell('td', 'num total', c.text)); });
      if (p.grand_total) { totals.appendChild(cell('td', 'num total grand', p.grand_total.text)); }
      tbody.appendChild(totals);
    }
    table.appendChild(tbody);
    entry.body.appendChild(table);
  }

  window.SightlinePivot = { draw: draw };
}());
