/*
 * The shared page's sankey, sunburst and word cloud. Each widget's answer carries what the server shaped with
 * common's model, as the desktop draws it: the sankey's nodes (stage, value, colour) and links, the sunburst's tree
 * (colours, share texts, d3's square-root ring radii), the word cloud's words already placed without overlap. The
 * sankey and the sunburst are drawn with ECharts; the words as SVG text, each fitted to the box it was placed in.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  function holder(entry) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    var div = document.createElement('div');
    div.className = 'chart';
    entry.body.appendChild(div);
    return div;
  }

  function note(entry, text) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    var div = document.createElement('div');
    div.className = 'note';
    div.textContent = text;
    entry.body.appendChild(div);
  }

  function count(n) { return Number(n).toLocaleString('en-US', { maximumFractionDigits: 0 }); }

  /* Redash's sankey: a column per stage, nodes largest first, translucent links as wide as their values. */
  function sankey(entry, s, dark) {
    if (s.problem) { note(entry, s.problem); return; }
    if (!s.nodes.length) { note(entry, 'The sankey needs rows with stage1, stage2\u2026 and value columns.'); return; }
    var stages = [];
    s.nodes.forEach(function (n) { if (stages.indexOf(n.stage) < 0) { stages.push(n.stage); } });
    stages.sort(function (a, b) { return a - b; });
    var names = {};
    var nodes = s.nodes.slice().sort(function (a, b) { return b.value - a.value; }).map(function (n) {
      names[String(n.id)] = n.name;
      var column = stages.indexOf(n.stage);
      // as Redash: a label right of its bar in the left half, left of it in the right half
      return { name: String(n.id), value: n.value, depth: column,
        label: { position: 2 * column <= stages.length - 1 ? 'right' : 'left' },
        itemStyle: { color: n.color, opacity: 0.9, borderWidth: 0 } };
    });
    entry.chart = echarts.init(holder(entry), dark ? 'dark' : null);
    entry.chart.setOption({
      backgroundColor: 'transparent', animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        var text = p.dataType === 'edge'
          ? names[p.data.source] + ' \u2192 ' + names[p.data.target] : names[p.name];
        var tip = document.createElement('div');
        tip.style.whiteSpace = 'pre';
        tip.textContent = text + '\n' + count(p.value);
        return tip;
      } },
      series: [{
        type: 'sankey', left: 10, right: 10, top: 10, bottom: 10, nodeWidth: 15, nodeGap: 10, nodeAlign: 'left',
        layoutIterations: 0, draggable: false, emphasis: { focus: 'adjacency' },
        label: { formatter: function (p) { return names[p.name]; }, color: dark ? '#d7dae0' : '#1f2328' },
        lineStyle: { color: dark ? '#ffffff' : '#000000', opacity: 0.2, curveness: 0.5 },
        data: nodes,
        links: s.links.map(function (l) {
          return { source: String(l.source), target: String(l.target), value: l.value };
        })
      }]
    });
  }

  function sunburstData(children, dark) {
    return children.map(function (c) {
      return { name: c.name, value: c.value, path: c.path, share_text: c.share_text,
        itemStyle: { color: c.color, borderColor: dark ? '#252931' : '#ffffff', borderWidth: 1 },
        children: sunburstData(c.children, dark) };
    });
  }

  /* Redash's sunburst: d3's square-root rings around an empty centre; early ends leave gaps. */
  function sunburst(entry, s, dark) {
    if (!s.children.length) {
      note(entry, 'The sunburst needs stage1, stage2\u2026 and value columns (or sequence, stage, node and value).');
      return;
    }
    var levels = [{}].concat(s.rings.map(function (r) {
      return { r0: (r[0] * 90) + '%', r: (r[1] * 90) + '%', label: { show: false } };
    }));
    entry.chart = echarts.init(holder(entry), dark ? 'dark' : null);
    entry.chart.setOption({
      backgroundColor: 'transparent', animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        var tip = document.createElement('div');
        tip.style.whiteSpace = 'pre';
        tip.textContent = p.data.path.join(' \u203a ') + '\n' + p.data.share_text + ' (' + p.data.value + ' of '
          + s.total + ')\nStage: ' + p.data.path.length;
        return tip;
      } },
      series: [{
        type: 'sunburst', radius: [0, '90%'], sort: null, nodeClick: false, levels: levels,
        label: { show: false }, emphasis: { focus: 'ancestor' }, data: sunburstData(s.children, dark)
      }]
    });
  }

  /* The words where the server placed them, each stretched to exactly its box so none can overlap. */
  function wordCloud(entry, w) {
    if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
    entry.body.textContent = '';
    if (!w.words.length) {
      note(entry, w.column_set ? 'No words to draw (check the limits).' : 'Choose the column of words.');
      return;
    }
    var b = w.bounds;
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'word-cloud');
    svg.setAttribute('viewBox', [b[0], b[1], Math.max(1, b[2] - b[0]), Math.max(1, b[3] - b[1])].join(' '));
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    w.words.forEach(function (word) {
      var turned = word.angle % 180 !== 0;
      var t = document.createElementNS(SVG, 'text');
      t.setAttribute('class', 'word');
      t.setAttribute('x', 0);
      t.setAttribute('y', 0);
      t.setAttribute('font-size', word.size);
      t.setAttribute('fill', word.color);
      t.setAttribute('text-anchor', 'middle');
      t.setAttribute('dominant-baseline', 'central');
      t.setAttribute('textLength', turned ? word.height : word.width);
      t.setAttribute('lengthAdjust', 'spacingAndGlyphs');
      t.setAttribute('transform', 'translate(' + word.x + ' ' + word.y + ') rotate(' + word.angle + ')');
      t.textContent = word.text;
      var title = document.createElementNS(SVG, 'title');
      title.textContent = word.text + ': ' + count(word.count);
      t.appendChild(title);
      svg.appendChild(t);
    });
    entry.body.appendChild(svg);
    if (w.left) {
      var left = document.createElement('div');
      left.className = 'note word-cloud-left';
      left.textContent = 'The ' + w.words.length + ' most frequent words are shown; ' + w.left
        + ' more are left out.';
      entry.body.appendChild(left);
    }
  }

  window.SightlineFlows = { sankey: sankey, sunburst: sunburst, wordCloud: wordCloud };
})();
