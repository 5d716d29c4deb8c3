/*
 * Draws a dashboard, read-only: a shared one from the public API by its link's token, or, on /dashboards/{id}-{slug},
 * one a signed-in user may see from the signed-in API. No inline script, nothing fetched from elsewhere.
 */
(function () {
  'use strict';

  var source = sourceOf(location.pathname);
  var grid = document.getElementById('grid');
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var widgets = [];
  var invalidShown = false;

  /*
   * Where the dashboard and its widgets' results come from, and what the page says when the dashboard cannot be
   * had: a public link's token, or a signed-in user's dashboard id (a lost session goes back through sign-in).
   */
  function sourceOf(path) {
    var signedIn = /^\/dashboards\/(\d+)(-|$)/.exec(path);
    if (signedIn) {
      var id = signedIn[1];
      return {
        dashboard: '/api/dashboards/' + id + '/view',
        widget: function (widgetId) { return '/api/dashboards/' + id + '/widgets/' + widgetId + '/results'; },
        gone: {
          tab: 'Dashboard not found', title: 'Dashboard not found', text: 'It does not exist, or you may not see it.'
        },
        signIn: function () {
          location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
        }
      };
    }
    var api = '/api/dashboards/public/' + encodeURIComponent(decodeURIComponent(path.split('/').pop()));
    return {
      dashboard: api,
      widget: function (widgetId) { return api + '/widgets/' + widgetId + '/results'; },
      gone: {
        tab: 'Link no longer valid', title: 'This link is no longer valid',
        text: 'Ask whoever shared it for a new one.', matches: /no longer valid/
      },
      signIn: null
    };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function invalid() {
    if (invalidShown) { return; }
    invalidShown = true;
    widgets.forEach(function (w) { if (w.chart) { w.chart.dispose(); } });
    document.title = source.gone.tab;
    document.body.className = 'invalid';
    document.body.textContent = '';
    var main = el('main');
    main.appendChild(el('h1', null, source.gone.title));
    main.appendChild(el('p', null, source.gone.text));
    document.body.appendChild(main);
  }

  function when(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString();
  }

  function load() {
    fetch(source.dashboard, { cache: 'no-store' }).then(function (r) {
      if (r.status === 401 && source.signIn) { source.signIn(); return null; }
      if (r.status === 404) { invalid(); return null; }
      if (!r.ok) { throw new Error('The dashboard could not be loaded (HTTP ' + r.status + ')'); }
      return r.json();
    }).then(function (d) { if (d) { render(d); } }).catch(function (e) {
      document.getElementById('title').textContent = e.message;
    });
  }

  function render(d) {
    document.title = d.name;
    document.getElementById('title').textContent = d.name;
    document.getElementById('updated').textContent = 'Opened ' + new Date().toLocaleString();
    grid.textContent = '';
    var list = d.widgets.slice().sort(function (a, b) {
      var pa = pos(a), pb = pos(b);
      return pa.row - pb.row || pa.col - pb.col || a.id - b.id;
    });
    list.forEach(function (w) {
      var p = pos(w);
      var box = el('section', 'widget');
      box.dataset.widgetId = w.id;
      box.style.gridColumn = (p.col + 1) + ' / span ' + p.sizeX;
      box.style.gridRow = (p.row + 1) + ' / span ' + p.sizeY;
      box.style.setProperty('--h', Math.max(120, p.sizeY * 40) + 'px');
      var body = el('div', 'body');
      var entry = { widget: w, box: box, body: body, chart: null };
      if (w.restricted) {
        // a widget of a data source the signed-in user does not reach: the server sent nothing of it
        box.classList.add('restricted');
        box.dataset.state = 'error';
        body.appendChild(el('div', 'error', 'You do not have access to this widget\'s data source.'));
        box.appendChild(body);
      } else if (!w.visualization) {
        box.classList.add('text');
        box.dataset.state = 'ready';
        body.innerHTML = w.text_html || ''; // Markdown rendered on the server with raw HTML escaped
        box.appendChild(body);
      } else {
        var v = w.visualization;
        box.classList.add('viz', 'viz-' + v.type.toLowerCase());
        box.dataset.queryId = v.query.id;
        box.dataset.state = 'loading';
        box.appendChild(el('h2', null, title(v)));
        body.appendChild(el('div', 'loading', 'Loading…'));
        box.appendChild(body);
        entry.footer = el('footer');
        box.appendChild(entry.footer);
        widgets.push(entry);
      }
      grid.appendChild(box);
    });
    parameterBar(d);
    widgets.forEach(function (entry) { loadWidget(entry, 0); });
    // the dashboard's own interval, or ?refresh=N seconds in the page's address (at least 30), as the API documents
    var asked = Number(new URLSearchParams(location.search).get('refresh'));
    var refresh = asked >= 30 ? asked : d.options && Number(d.options.refresh);
    if (refresh > 0) {
      setInterval(function () { widgets.forEach(function (entry) { loadWidget(entry, 0); }); }, refresh * 1000);
    }
  }

  /* The visualization's own name, unless it is only its type's default name; then the query's, as Redash. */
  function title(v) {
    var generic = !v.name || /^(chart|counter|table|pivot table|map|choropleth|funnel|cohort|sankey|sunburst|word cloud|details view)$/i.test(v.name);
    return generic ? v.query.name : v.name;
  }

  function pos(w) {
    var p = (w.options && w.options.position) || {};
    return { col: num(p.col, 0), row: num(p.row, 0), sizeX: Math.max(1, num(p.sizeX, 6)), sizeY: Math.max(1, num(p.sizeY, 8)) };
  }

  function num(v, fallback) {
    var n = Number(v);
    return isFinite(n) ? n : fallback;
  }

  /* The page's own parameter values (p_region=EMEA): the server resolves each widget's values from them. */
  function pageValues() {
    var values = new URLSearchParams();
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (name.indexOf('p_') === 0) { values.append(name, value); }
    });
    var text = values.toString();
    return text ? '?' + text : '';
  }

  /*
   * The dashboard-level parameters, as common's DashboardParameterValues finds them: each widget parameter mapped
   * to one (or, without a mapping, declared global), under the name it maps to; the first mapped parameter gives
   * its type, title and default; the dashboard's saved value wins over that default, the page's over both.
   */
  function dashboardParametersOf(d) {
    var saved = {};
    ((d.options && d.options.parameters) || []).forEach(function (p) { if (p && p.name) { saved[p.name] = p.value; } });
    var found = {};
    var order = [];
    d.widgets.forEach(function (w) {
      var q = w.visualization && w.visualization.query;
      var declared = (q && q.options && q.options.parameters) || [];
      var mappings = (w.options && w.options.parameterMappings) || {};
      declared.forEach(function (p) {
        var m = mappings[p.name] || { type: p.global ? 'dashboard-level' : 'widget-level', mapTo: p.name };
        if (m.type !== 'dashboard-level') { return; }
        var name = m.mapTo || p.name;
        if (!found[name]) {
          found[name] = { name: name, title: m.title || p.title || name, type: p.type || 'text',
            enumOptions: p.enumOptions, multi: !!p.multiValuesOptions,
            value: Object.prototype.hasOwnProperty.call(saved, name) ? saved[name] : p.value, widgets: [] };
          order.push(name);
        }
        found[name].widgets.push(w.id);
      });
    });
    var preferred = (d.options && d.options.globalParamOrder) || [];
    order.sort(function (a, b) {
      var ia = preferred.indexOf(a), ib = preferred.indexOf(b);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
    });
    return order.map(function (name) { return found[name]; });
  }

  /* The page's value of a parameter as the inputs show it: its p_ value, else the saved or default one. */
  function shownValue(p) {
    var url = new URLSearchParams(location.search);
    if (url.has('p_' + p.name)) { return url.get('p_' + p.name); }
    var v = p.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) { return (v.start || '') + '--' + (v.end || ''); }
    return Array.isArray(v) ? JSON.stringify(v) : v === null || v === undefined ? '' : String(v);
  }

  function isoDate(text) { return /^\d{4}-\d{2}-\d{2}/.test(text || '') ? text.substring(0, 10) : ''; }

  /* One labelled input per dashboard parameter and an Apply button; only widgets mapped to a changed one reload. */
  function parameterBar(d) {
    var params = dashboardParametersOf(d);
    var bar = document.getElementById('parameters');
    if (bar) { bar.remove(); }
    if (!params.length) { return; }
    bar = el('form', 'parameters');
    bar.id = 'parameters';
    bar.setAttribute('aria-label', 'Dashboard parameters');
    var readers = [];
    var locked = d.locked_parameters || {};
    params.forEach(function (p) {
      var field = el('label', 'parameter');
      field.dataset.parameter = p.name;
      field.appendChild(el('span', null, p.title));
      if (Object.prototype.hasOwnProperty.call(locked, p.name)) {
        // an embed link's own value: shown, not changeable
        var fixed = el('input');
        fixed.value = locked[p.name];
        fixed.disabled = true;
        fixed.title = 'Fixed by this link';
        field.classList.add('locked');
        field.appendChild(fixed);
        bar.appendChild(field);
        return;
      }
      var current = shownValue(p);
      var read;
      if (p.type === 'enum' && p.enumOptions) {
        var select = el('select');
        select.multiple = p.multi;
        var chosen = p.multi && current.charAt(0) === '[' ? JSON.parse(current) : [current];
        String(p.enumOptions).split('\n').filter(function (o) { return o !== ''; }).forEach(function (o) {
          var option = el('option', null, o);
          option.value = o;
          option.selected = chosen.indexOf(o) >= 0;
          select.appendChild(option);
        });
        field.appendChild(select);
        read = function () {
          if (!p.multi) { return select.value; }
          return JSON.stringify(Array.prototype.filter.call(select.options, function (o) { return o.selected; })
            .map(function (o) { return o.value; }));
        };
      } else if (/-range$/.test(p.type)) {
        var parts = current.split('--');
        var from = input(p.type, parts[0]), to = input(p.type, parts[1]);
        field.appendChild(from); field.appendChild(el('span', 'to', '–')); field.appendChild(to);
        read = function () { return from.value && to.value ? from.value + '--' + to.value : current; };
      } else {
        var box = input(p.type, current);
        field.appendChild(box);
        if (!box.value && /^d_/.test(current)) {
          // a dynamic default such as d_now: said in words until a date is picked
          box.classList.add('dynamic');
          field.appendChild(el('span', 'dynamic', current.substring(2).replace(/_/g, ' ')));
        }
        read = function () { return box.value === '' ? current : box.value; };
      }
      readers.push({ p: p, read: read, before: current });
      bar.appendChild(field);
    });
    if (!readers.length) {
      grid.parentNode.insertBefore(bar, grid);
      return; // every parameter is fixed by the link: nothing to apply
    }
    var apply = el('button', null, 'Apply');
    apply.type = 'submit';
    bar.appendChild(apply);
    bar.addEventListener('submit', function (event) {
      event.preventDefault();
      var url = new URL(location.href);
      var reload = {};
      readers.forEach(function (r) {
        var value = r.read();
        if (value === r.before) { return; }
        url.searchParams.set('p_' + r.p.name, value);
        r.before = value;
        r.p.widgets.forEach(function (id) { reload[id] = true; });
      });
      history.replaceState(null, '', url.toString());
      widgets.forEach(function (entry) { if (reload[entry.widget.id]) { loadWidget(entry, 0); } });
    });
    grid.parentNode.insertBefore(bar, grid);
  }

  /* A date input for a date (a dynamic value such as d_now stays as it is until a date is picked), else text. */
  function input(type, value) {
    var box = el('input');
    if (/^date(-range)?$/.test(type)) {
      box.type = 'date';
      box.value = isoDate(value);
      if (!box.value && value) { box.title = value; }
    } else if (/^datetime/.test(type)) {
      box.type = 'datetime-local';
      box.value = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(value || '') ? value.replace(' ', 'T').substring(0, 16) : '';
      if (!box.value && value) { box.title = value; }
    } else {
      box.type = type === 'number' ? 'number' : 'text';
      if (type === 'number') { box.step = 'any'; }
      box.value = value;
    }
    return box;
  }

  function loadWidget(entry, attempt) {
    if (attempt === 0) {
      entry.box.dataset.loads = String(Number(entry.box.dataset.loads || 0) + 1);
      entry.box.dataset.state = 'loading';
    }
    fetch(source.widget(entry.widget.id) + pageValues(), { cache: 'no-cache' }).then(function (r) {
      if (r.status === 401 && source.signIn) { source.signIn(); return null; }
      if (r.status === 202) {
        if (attempt < 90) {
          setTimeout(function () { loadWidget(entry, attempt + 1); }, 2000);
        } else {
          showError(entry, 'The query is taking too long; this widget will try again at the next refresh.');
        }
        return null;
      }
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status === 404 && source.gone.matches && body && source.gone.matches.test(body.message || '')) {
          invalid();
          return null;
        }
        if (!r.ok) { throw new Error(body.message || ('HTTP ' + r.status)); }
        return body;
      });
    }).then(function (res) {
      if (!res) { return; }
      entry.footer.textContent = res.retrieved_at ? 'Updated ' + when(res.retrieved_at) : '';
      if (res.error) {
        showError(entry, res.error);
        return;
      }
      return Promise.resolve(draw(entry, res)).then(function () { entry.box.dataset.state = 'ready'; });
    }).catch(function (e) {
      showError(entry, e.message || String(e));
    });
  }

  function showError(entry, message) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    entry.body.appendChild(el('div', 'error', message));
    entry.box.dataset.state = 'error';
  }

  /*
   * The drill-through the server left in (only to a dashboard this page's viewer can open): {public_url, parameters}
   * on a shared page, {url, parameters} on a signed-in one.
   */
  function drillTarget(entry) {
    var o = entry.widget.visualization.options;
    var drill = o && o.sightline && o.sightline.drillthrough;
    return drill && (drill.url || drill.public_url) ? drill : null;
  }

  /* Opens the target's page with each of its parameters set from the clicked row's column. */
  function drillTo(entry, row) {
    var drill = drillTarget(entry);
    if (!drill || !row) { return; }
    var url = new URL(drill.url || drill.public_url, location.href);
    Object.keys(drill.parameters || {}).forEach(function (name) {
      var value = row[drill.parameters[name]];
      if (value !== undefined && value !== null) { url.searchParams.set('p_' + name, String(value)); }
    });
    location.assign(url.toString());
  }

  function sameValue(a, b) {
    if (a === b || String(a) === String(b)) { return true; }
    var da = Date.parse(a), db = Date.parse(b);
    return typeof a === 'string' && typeof b === 'string' && !isNaN(da) && da === db;
  }

  /* The result row a chart click is about: its x (category, date or number) and, with a series column, its series. */
  function chartRow(entry, params) {
    var res = entry.result;
    var mapping = (entry.widget.visualization.options || {}).columnMapping || {};
    var xColumn = null, seriesColumn = null;
    Object.keys(mapping).forEach(function (column) {
      if (mapping[column] === 'x') { xColumn = column; }
      if (mapping[column] === 'series') { seriesColumn = column; }
    });
    if (!res || !xColumn) { return null; }
    var x = Array.isArray(params.value) ? params.value[entry.swapped ? 1 : 0] : params.name;
    for (var i = 0; i < res.rows.length; i++) {
      var row = res.rows[i];
      if (sameValue(row[xColumn], x) && (!seriesColumn || String(row[seriesColumn]) === String(params.seriesName))) {
        return row;
      }
    }
    return null;
  }

  /* Draws a widget's answer; a map resolves once its outlines are fetched and it is drawn. */
  function draw(entry, res) {
    entry.result = res;
    var type = entry.widget.visualization.type.toUpperCase();
    if (type === 'COUNTER' && res.counter) {
      drawCounter(entry, res.counter);
    } else if ((type === 'CHART' || type === 'BOXPLOT') && res.chart) {
      drawChart(entry, res.chart);
    } else if ((type === 'CHOROPLETH' || type === 'MAP') && res.map) {
      return window.SightlineMaps.draw(entry, res.map, dark,
        drillTarget(entry) && function (row) { drillTo(entry, entry.result.rows[row]); });
    } else if (type === 'PIVOT' && res.pivot) {
      window.SightlinePivot.draw(entry, res.pivot);
    } else if (type === 'FUNNEL' && res.funnel) {
      window.SightlineTables.funnel(entry, res.funnel);
    } else if (type === 'DETAILS' && res.details) {
      window.SightlineTables.details(entry, res.details);
    } else if (type === 'COHORT' && res.cohort) {
      window.SightlineTables.cohort(entry, res.cohort);
    } else if (type === 'SANKEY' && res.sankey) {
      window.SightlineFlows.sankey(entry, res.sankey, dark);
    } else if (type === 'SUNBURST_SEQUENCE' && res.sunburst) {
      window.SightlineFlows.sunburst(entry, res.sunburst, dark);
    } else if (type === 'WORD_CLOUD' && res.word_cloud) {
      window.SightlineFlows.wordCloud(entry, res.word_cloud);
    } else {
      drawTable(entry, res);
    }
    return null;
  }

  function drawCounter(entry, c) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    var box = el('div', 'counter' + (c.trend && c.trend !== 'none' ? ' ' + c.trend : ''));
    box.appendChild(el('div', 'value', c.text));
    if (c.target_text) { box.appendChild(el('div', 'target', 'Target ' + c.target_text)); }
    entry.body.appendChild(box);
  }

  function drawTable(entry, res) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    var table = el('table', 'rows');
    var head = el('tr');
    /* the server's table: visible columns with their titles, each cell in its column's format (as the workbench) */
    var shaped = res.table;
    var columns = shaped ? shaped.columns : res.columns.map(function (c) {
      var numeric = c.type === 'integer' || c.type === 'float';
      return { name: c.name, title: c.name, align: numeric ? 'right' : 'left' };
    });
    columns.forEach(function (c) { head.appendChild(el('th', c.align === 'right' ? 'num' : null, c.title)); });
    table.appendChild(el('thead')).appendChild(head);
    var tbody = el('tbody');
    var drills = !!drillTarget(entry);
    res.rows.slice(0, 500).forEach(function (row, i) {
      var tr = el('tr');
      if (drills) {
        tr.className = 'drills';
        tr.tabIndex = 0;
        tr.addEventListener('click', function () { drillTo(entry, row); });
        tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') { drillTo(entry, row); } });
      }
      columns.forEach(function (c, j) {
        var v = shaped ? shaped.cells[i][j] : row[c.name];
        var cls = c.align === 'right' ? 'num' : c.align === 'center' ? 'center' : null;
        var td = tr.appendChild(el('td', cls, v === null || v === undefined ? '' : String(v)));
        var link = shaped && shaped.links ? shaped.links[i][j] : null;
        if (link) { td.textContent = ''; td.appendChild(linkTo(link, String(v))); }
        var paint = shaped && shaped.colors && shaped.colors[i] ? shaped.colors[i][j] : null;
        if (paint) { window.SightlineTables.paint(td, paint); }
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    entry.body.appendChild(table);
  }

  /* a link cell (the server gives only web and mail addresses): opens in a new tab, and is not a drill's click */
  function linkTo(link, text) {
    var a = el('a', 'table-link', text);
    a.href = link.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    if (link.title) { a.title = link.title; }
    a.addEventListener('click', function (e) { e.stopPropagation(); });
    a.addEventListener('keydown', function (e) { e.stopPropagation(); });
    return a;
  }

  function drawChart(entry, c) {
    var holder = entry.body.querySelector('.chart:not(.map)');
    if (!holder) {
      if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
      entry.body.textContent = '';
      holder = el('div', 'chart');
      entry.body.appendChild(holder);
    }
    if (!entry.chart) {
      entry.chart = echarts.init(holder, dark ? 'dark' : null);
      if (drillTarget(entry)) {
        entry.box.classList.add('drills');
        entry.chart.on('click', function (params) { drillTo(entry, chartRow(entry, params)); });
      }
    }
    entry.swapped = !!c.swapped;
    entry.chart.setOption(chartOption(c), true);
  }

  function chartOption(c) {
    var base = { backgroundColor: 'transparent', animation: false, tooltip: {} };
    var legend = { show: c.legend && c.series.length > 1, bottom: 0, type: 'scroll' };
    if (c.series.length && c.series[0].type === 'pie') {
      var s = c.series[0];
      base.tooltip = { trigger: 'item' };
      base.legend = { show: c.legend, bottom: 0, type: 'scroll' };
      base.series = [{
        name: s.name, type: 'pie', radius: ['0%', '65%'],
        data: s.points.map(function (p, i) {
          var slice = { name: String(p[0]), value: p[1] };
          if (s.colors && s.colors[i]) { slice.itemStyle = { color: s.colors[i] }; }
          return slice;
        })
      }];
      return base;
    }
    if (c.heatmap) { return heatmapOption(base, c.heatmap); }
    if (c.box) { return boxOption(base, c, legend); }
    var xType = c.x_kind === 'datetime' ? 'time' : c.x_kind === 'number' ? 'value' : 'category';
    var twoAxes = c.series.some(function (s) { return s.y_axis === 1; });
    var xAxis = { type: xType };
    var yAxis = [valueAxis(c, 0, c.percent ? 100 : null)];
    if (twoAxes) { yAxis.push(valueAxis(c, 1, null)); }
    base.tooltip = { trigger: c.series.every(function (s) { return s.type === 'scatter' || s.type === 'bubble'; }) ? 'item' : 'axis' };
    base.legend = legend;
    base.grid = { left: 8, right: 16, top: 16, bottom: legend.show ? 36 : 8, containLabel: true };
    if (!c.swapped && yAxis.some(function (a) { return a.name; })) { base.grid.top = 32; }
    base.xAxis = c.swapped ? yAxis : xAxis;
    base.yAxis = c.swapped ? xAxis : yAxis;
    base.series = c.series.map(function (s) {
      var kind = s.type === 'column' ? 'bar' : s.type === 'area' ? 'line' : s.type === 'bubble' ? 'scatter' : s.type;
      if (['bar', 'line', 'scatter'].indexOf(kind) < 0) { kind = 'line'; }
      var out = {
        name: s.name, type: kind, yAxisIndex: twoAxes ? s.y_axis : 0, showSymbol: kind !== 'line' || s.points.length < 60,
        data: s.points.map(function (p) { return c.swapped ? [p[1], p[0]] : [p[0], p[1]]; })
      };
      if (s.color) { out.color = s.color; } // the series' own colour, else Redash's palette (the desktop's too)
      if (c.swapped && twoAxes) { delete out.yAxisIndex; }
      if (c.stacked && kind !== 'scatter') { out.stack = 'y' + s.y_axis; }
      if (s.type === 'area') { out.areaStyle = {}; }
      if (s.type === 'bubble') {
        var bubble = c.bubble || { coefficient: 1, sizemode: 'diameter' };
        out.symbolSize = function (v, params) {
          var size = Math.max(0, s.points[params.dataIndex][2] || 0) * bubble.coefficient;
          return Math.max(4, bubble.sizemode === 'area' ? Math.sqrt(size) : size); // as the desktop and Redash
        };
      }
      if (s.comparison) { out.lineStyle = { type: 'dashed' }; }
      if (kind === 'line') { leaveGaps(out, s.points); }
      return out;
    });
    return base;
  }

  /*
   * A line or area leaves a gap where it has no value (the server's null: missingValuesAsZero off, or a null in the
   * result), as Redash's plotly does (connectgaps: false); a point with a gap on both sides would then draw nothing
   * when the line shows no symbols, so it alone keeps one.
   */
  function leaveGaps(out, points) {
    out.connectNulls = false;
    if (out.showSymbol) { return; }
    var missing = function (i) { return i < 0 || i >= points.length || points[i][1] === null; };
    var alone = points.map(function (p, i) {
      return p[1] !== null && missing(i - 1) && missing(i + 1) && (i > 0 || i < points.length - 1);
    });
    if (alone.indexOf(true) < 0) { return; }
    out.showSymbol = true;
    out.symbol = 'circle';
    out.symbolSize = function (v, params) { return alone[params.dataIndex] ? 6 : 0; };
  }

  /*
   * Value axis i (1: the right one) with its saved title and range, as the server read them from yAxis[i], and its
   * ticks as the server wrote them in the axis's number format (the page formats no numbers itself).
   */
  function valueAxis(c, i, max) {
    var saved = (c.y_axes && c.y_axes[i]) || {};
    var axis = { type: 'value', max: saved.max !== null && saved.max !== undefined ? saved.max : max };
    if (saved.min !== null && saved.min !== undefined) { axis.min = saved.min; }
    if (saved.title) { axis.name = saved.title; } // above the axis: the grid keeps room for it
    var t = saved.ticks;
    if (t && t.interval > 0) {
      axis.min = t.min;
      axis.max = t.max;
      axis.interval = t.interval;
      axis.axisLabel = {
        formatter: function (v) {
          var label = t.labels[Math.round((v - t.min) / t.interval)];
          return label === undefined ? String(v) : label;
        }
      };
    }
    return axis;
  }

  /* A box chart: per series the server's boxes (whiskers, quartiles, median) and the values beyond as points. */
  function boxOption(base, c, legend) {
    var b = c.box;
    base.tooltip = { trigger: 'item' };
    base.legend = { show: c.legend && b.series.length > 1, bottom: 0, type: 'scroll' };
    base.grid = { left: 8, right: 16, top: 16, bottom: legend.show ? 36 : 8, containLabel: true };
    base.xAxis = { type: 'category', data: b.xs.map(String) };
    if (c.x_title) { base.xAxis.name = c.x_title; base.xAxis.nameLocation = 'middle'; base.xAxis.nameGap = 28; }
    base.yAxis = valueAxis(c, 0, null);
    base.yAxis.scale = true;
    if (base.yAxis.name) { base.grid.top = 32; }
    if (c.x_title) { base.grid.bottom += 24; }
    base.series = [];
    b.series.forEach(function (s) {
      var at = {};
      s.boxes.forEach(function (box) { at[String(box.x)] = box; });
      base.series.push({
        name: s.name, type: 'boxplot',
        // no box of this series at an x: '-', ECharts's empty value (the x keeps its place, nothing is drawn)
        data: b.xs.map(function (x) { var box = at[String(x)]; return box ? box.box : '-'; })
      });
      var outliers = [];
      s.boxes.forEach(function (box) {
        box.outliers.forEach(function (v) { outliers.push([String(box.x), v]); });
      });
      if (outliers.length) { base.series.push({ name: s.name, type: 'scatter', data: outliers, symbolSize: 6 }); }
    });
    return base;
  }

  /* A heatmap: every cell in the fill the server computed from its value on the options' scheme. */
  function heatmapOption(base, h) {
    base.tooltip = {
      trigger: 'item',
      formatter: function (p) { return h.ys[p.value[1]] + ' \u00b7 ' + h.xs[p.value[0]] + ': ' + p.data.text; }
    };
    base.grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true };
    base.xAxis = { type: 'category', data: h.xs, splitArea: { show: false } };
    base.yAxis = { type: 'category', data: h.ys };
    base.series = [{
      type: 'heatmap',
      label: { show: !!h.labels, formatter: function (p) { return p.data.text; } },
      data: h.cells.map(function (cell) {
        return { value: [cell[0], cell[1], cell[2]], text: cell[4], itemStyle: { color: cell[3] } };
      })
    }];
    return base;
  }

  window.addEventListener('resize', function () {
    widgets.forEach(function (w) { if (w.chart) { w.chart.resize(); } });
  });
  window.addEventListener('beforeprint', function () {
    widgets.forEach(function (w) { if (w.chart) { w.chart.resize(); } });
  });

  load();
}());
