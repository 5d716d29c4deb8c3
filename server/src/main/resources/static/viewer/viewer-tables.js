/*
 * The shared page's table-like visualizations: a funnel, a details view and a cohort, and a table cell's colour. Each widget's answer carries
 * what the server computed with common's option model (FunnelSteps, TableCells, CohortTable): texts, bar widths and
 * fills as the desktop shows them; this file only lays them out.
 */
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function clear(entry) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
  }

  function note(entry, text) {
    entry.body.appendChild(el('div', 'note', text));
  }

  /* A bar centred in its cell, share (0–1) of the cell wide, with its text over it. */
  function bar(text, share, cls) {
    var td = el('td', 'bar-cell');
    var fill = el('div', 'bar ' + cls);
    fill.style.width = (Math.max(0, Math.min(1, share || 0)) * 100) + '%';
    td.appendChild(fill);
    td.appendChild(el('span', 'bar-text', text));
    return td;
  }

  /* Redash's funnel table: step, value on a bar as wide as its share of the largest, % max, % previous on a bar. */
  function funnel(entry, f) {
    clear(entry);
    if (!f.steps.length) { note(entry, 'Choose the step and value columns of the funnel.'); return; }
    var table = el('table', 'rows funnel');
    var head = el('tr');
    head.appendChild(el('th', null, f.step_title));
    head.appendChild(el('th', 'center', f.value_title));
    head.appendChild(el('th', 'center', '% Max'));
    head.appendChild(el('th', 'center', '% Previous'));
    table.appendChild(el('thead')).appendChild(head);
    var tbody = el('tbody');
    f.steps.forEach(function (s) {
      var tr = el('tr');
      var name = el('td', 'step', s.step);
      name.title = s.step;
      tr.appendChild(name);
      tr.appendChild(bar(s.value_text, s.value_share, 'value-bar'));
      tr.appendChild(el('td', 'center percent-max', s.percent_max_text));
      tr.appendChild(bar(s.percent_previous_text, s.previous_share, 'previous-bar'));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    entry.body.appendChild(table);
  }

  /* Redash's details view: one record at a time, each visible column's title beside its value, and a pager. */
  function details(entry, d) {
    clear(entry);
    var count = d.cells.length;
    var current = 0;
    var fields = el('table', 'rows details');
    var tbody = el('tbody');
    fields.appendChild(tbody);
    var pager = el('div', 'pager');
    var previous = el('button', 'previous', '\u2039');
    var next = el('button', 'next', '\u203a');
    previous.type = next.type = 'button';
    previous.setAttribute('aria-label', 'Previous record');
    next.setAttribute('aria-label', 'Next record');
    var position = el('span', 'position');
    pager.appendChild(previous);
    pager.appendChild(position);
    pager.appendChild(next);

    function show() {
      tbody.textContent = '';
      if (count) {
        d.columns.forEach(function (c, j) {
          var tr = el('tr');
          tr.appendChild(el('th', 'field', c.title));
          tr.appendChild(el('td', 'value', d.cells[current][j]));
          tbody.appendChild(tr);
        });
      }
      position.textContent = count ? 'Record ' + (current + 1) + ' of ' + count : 'No records';
      previous.disabled = current === 0;
      next.disabled = current >= count - 1;
    }

    previous.addEventListener('click', function () { current = Math.max(0, current - 1); show(); });
    next.addEventListener('click', function () { current = Math.min(count - 1, current + 1); show(); });
    show();
    entry.body.appendChild(fields);
    if (count > 1) { entry.body.appendChild(pager); }
  }

  /* Redash's cohort table: per cohort its date and size, then per stage its cell in the scale's fill. */
  function cohort(entry, c) {
    clear(entry);
    if (!c.rows.length) {
      note(entry, 'Not enough data: the cohort needs its date, stage, total and value columns.');
      return;
    }
    var table = el('table', 'rows cohort');
    var head = el('tr');
    head.appendChild(el('th', null, c.time_title));
    head.appendChild(el('th', 'num', c.people_title));
    c.stages.forEach(function (s) { head.appendChild(el('th', 'center', s)); });
    table.appendChild(el('thead')).appendChild(head);
    var tbody = el('tbody');
    c.rows.forEach(function (row) {
      var tr = el('tr');
      tr.appendChild(el('th', 'time', row.time));
      tr.appendChild(el('td', 'num people', row.people));
      row.cells.forEach(function (cell) {
        var td = el('td', 'center stage', cell.text);
        if (cell.color) {
          // the scale's own colours, in both themes: the text takes the one that reads on them
          td.classList.add('filled');
          td.style.backgroundColor = cell.color;
          td.style.color = cell.text_color;
        } else {
          td.classList.add('empty');
        }
        if (cell.title) { td.title = cell.title; }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    entry.body.appendChild(table);
  }

  var HEX = /^#[0-9a-fA-F]{6}$/;

  /*
   * A table cell a colour rule matched (the server decided it with common's TableCellColors): its background, and
   * its text and link in the black or white that reads on it, in both themes. Only #rrggbb reaches the style.
   */
  function paint(td, color) {
    if (!HEX.test(color.background) || !HEX.test(color.text)) { return; }
    td.classList.add('coloured');
    td.style.backgroundColor = color.background;
    td.style.color = color.text;
    var link = td.querySelector('a');
    if (link) { link.style.color = color.text; }
  }

  window.SightlineTables = { funnel: funnel, details: details, cohort: cohort, paint: paint };
}());
