// Stem dashboard, wave page: fetches the wave's figures (stats.json) at once and then every
// data-refresh-ms, writes them into the tables (the same formats as the server) and draws the
// charts from them with ECharts. Texts come from the page itself (table headers, data attributes),
// values are inserted as text, never as HTML.
(function () {
  'use strict';
  var root = document.getElementById('wave');
  if (!root) { return; }
  var lang = root.dataset.lang || 'nl';
  var charts = {};
  var lastStats = null;

  var fmt = {
    count: function (n) { return new Intl.NumberFormat(lang).format(n); },
    pct: function (share) {
      if (share === null || share === undefined) { return '–'; }
      var s = (share * 100).toFixed(1);
      return (lang === 'nl' ? s.replace('.', ',') : s) + '%';
    },
    pctOf: function (part, whole) { return whole === 0 ? '–' : fmt.pct(part / whole); },
    duration: function (seconds) {
      if (seconds === null || seconds === undefined) { return '–'; }
      var s = Math.round(seconds);
      var pad = function (x) { return (x < 10 ? '0' : '') + x; };
      return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
    },
    time: function (iso) { return new Date(iso).toLocaleString(lang); }
  };

  function cell(table, key, field) {
    var row = document.querySelector('#' + table + ' tr[data-key="' + key + '"]');
    return row ? row.querySelector('[data-field="' + field + '"]') : null;
  }
  function set(table, key, field, text) {
    var c = cell(table, key, field);
    if (c) { c.textContent = text; }
  }
  function header(table, field) {
    var th = document.querySelector('#' + table + ' thead [data-field="' + field + '"]');
    return th ? th.textContent : field;
  }
  function label(table, key) {
    var th = document.querySelector('#' + table + ' tr[data-key="' + key + '"] th');
    return th ? th.textContent : key;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function rebuild(table, items, columns, makeRow) {
    var body = document.querySelector('#' + table + ' tbody');
    if (!body) { return; }
    body.textContent = '';
    if (items.length === 0) {
      var tr = el('tr', {'class': 'empty'});
      tr.appendChild(el('td', {colspan: String(columns)}, document.getElementById(table).dataset.empty || ''));
      body.appendChild(tr);
      return;
    }
    items.forEach(function (item) { body.appendChild(makeRow(item)); });
  }

  function updateTables(s) {
    var r = s.rates;
    set('rates', 'rr1', 'value', fmt.pct(r.rr1));
    set('rates', 'rr2', 'value', fmt.pct(r.rr2));
    set('rates', 'coop1', 'value', fmt.pct(r.coop1));
    set('rates', 'breakOff', 'value', fmt.pct(r.breakOff));
    set('rates', 'median', 'value', fmt.duration(s.medianCompletionSeconds));
    set('rates', 'answers', 'value', fmt.count(s.answers));
    set('rates', 'media', 'value', fmt.count(s.mediaAnswers));
    var invited = s.funnel.invited;
    ['complete', 'partial', 'refusal', 'breakOffs', 'nonContact', 'unknown'].forEach(function (k) {
      set('cases', k, 'count', fmt.count(s.cases[k]));
      set('cases', k, 'share', fmt.pctOf(s.cases[k], invited));
    });
    ['invited', 'delivered', 'started', 'completed'].forEach(function (k) {
      set('funnel', k, 'count', fmt.count(s.funnel[k]));
      set('funnel', k, 'share', fmt.pctOf(s.funnel[k], invited));
    });
    rebuild('dropoff', s.dropOff, 4, function (d) {
      var tr = el('tr', {'data-key': d.questionId || ''});
      tr.appendChild(el('td', {'class': 'num'}, d.position > 0 ? String(d.position) : d.position < 0 ? '?' : ''));
      var th = el('th', {scope: 'row'});
      if (d.questionId) {
        th.appendChild(el('code', {}, d.questionId));
        th.appendChild(document.createTextNode(' '));
        th.appendChild(el('span', {'class': 'label'}, d.label || ''));
      } else {
        th.textContent = root.dataset.beforeFirst;
      }
      tr.appendChild(th);
      tr.appendChild(el('td', {'class': 'num', 'data-field': 'members'}, fmt.count(d.members)));
      tr.appendChild(el('td', {'class': 'num', 'data-field': 'inProgress'}, fmt.count(d.inProgress)));
      return tr;
    });
    [['by-language', s.byLanguage], ['by-channel', s.byChannel], ['by-attribute', s.byAttribute]].forEach(function (b) {
      if (!b[1]) { return; }
      rebuild(b[0], b[1].rows, 5, function (g) {
        var tr = el('tr', {'data-key': g.key});
        tr.appendChild(el('th', {scope: 'row'}, g.key === '' ? root.dataset.notSet : g.key));
        tr.appendChild(el('td', {'class': 'num', 'data-field': 'invited'}, fmt.count(g.invited)));
        tr.appendChild(el('td', {'class': 'num', 'data-field': 'started'}, fmt.count(g.started)));
        tr.appendChild(el('td', {'class': 'num', 'data-field': 'completed'}, fmt.count(g.completed)));
        tr.appendChild(el('td', {'class': 'num', 'data-field': 'rr1'}, fmt.pct(g.rr1)));
        return tr;
      });
    });
    rebuild('domains', s.domains, 3, function (d) {
      var tr = el('tr', {'data-key': d.domain});
      tr.appendChild(el('th', {scope: 'row'}, d.name));
      tr.appendChild(el('td', {'class': 'num', 'data-field': 'answers'}, fmt.count(d.answers)));
      tr.appendChild(el('td', {'class': 'num', 'data-field': 'media'}, fmt.count(d.media)));
      return tr;
    });
    var updated = document.getElementById('updated');
    if (updated && updated.dataset.template) {
      updated.textContent = updated.dataset.template.replace('@TIME@', fmt.time(s.computedAt));
    }
  }

  function chart(id) {
    var box = document.getElementById(id);
    if (!box || typeof echarts === 'undefined') { return null; }
    if (!charts[id]) {
      charts[id] = echarts.init(box, null, {renderer: 'svg'});
    }
    return charts[id];
  }
  // On a narrow screen category labels are turned and shortened rather than dropped.
  function narrow(id) {
    var box = document.getElementById(id);
    return box && box.clientWidth < 560;
  }
  var base = {animation: false, aria: {enabled: true}, tooltip: {trigger: 'axis'},
              grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true}};
  function withBase(o) { return Object.assign({}, base, o); }

  function bars(id, table, rows, fields, keyLabel) {
    var c = chart(id);
    if (!c) { return; }
    c.setOption(withBase({
      legend: {top: 0},
      xAxis: {type: 'category', data: rows.map(keyLabel),
              axisLabel: narrow(id) ? {interval: 0, rotate: 40, width: 90, overflow: 'truncate'}
                                    : {hideOverlap: true, width: 140, overflow: 'truncate'}},
      yAxis: {type: 'value', minInterval: 1},
      series: fields.map(function (f) {
        return {type: 'bar', name: header(table, f), data: rows.map(function (r) { return r[f]; })};
      })
    }), true);
  }

  function drawCharts(s) {
    var f = chart('funnel-chart');
    if (f) {
      f.setOption(withBase({
        tooltip: {trigger: 'item'},
        series: [{type: 'funnel', sort: 'none', minSize: '8%', left: '10%', width: '80%', top: 10, bottom: 10,
                  label: {position: 'inside', formatter: '{b}: {c}'},
                  data: ['invited', 'delivered', 'started', 'completed'].map(function (k) {
                    return {name: label('funnel', k), value: s.funnel[k]};
                  })}]
      }), true);
    }
    bars('dropoff-chart', 'dropoff', s.dropOff, ['members', 'inProgress'], function (d) {
      return d.questionId ? (d.position > 0 ? d.position + ' ' : '') + d.questionId : root.dataset.beforeFirst;
    });
    var notSet = function (g) { return g.key === '' ? root.dataset.notSet : g.key; };
    bars('by-language-chart', 'by-language', s.byLanguage.rows, ['invited', 'started', 'completed'], notSet);
    bars('by-channel-chart', 'by-channel', s.byChannel.rows, ['invited', 'started', 'completed'], notSet);
    if (s.byAttribute) {
      bars('by-attribute-chart', 'by-attribute', s.byAttribute.rows, ['invited', 'started', 'completed'], notSet);
    }
    var d = chart('domains-chart');
    if (d) {
      d.setOption(withBase({
        legend: {top: 0},
        yAxis: {type: 'category', inverse: true, data: s.domains.map(function (x) { return x.name; })},
        xAxis: {type: 'value', minInterval: 1},
        series: ['answers', 'media'].map(function (k) {
          return {type: 'bar', name: header('domains', k), data: s.domains.map(function (x) { return x[k]; })};
        })
      }), true);
    }
    root.dataset.rendered = String(Date.now());
  }

  function refresh() {
    return fetch(root.dataset.statsUrl, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (response.status === 401) {
          window.location.href = '/dashboard/login?lang=' + lang + '&next=' + encodeURIComponent(location.pathname + location.search);
          return null;
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (s) {
        if (!s) { return; }
        lastStats = s;
        updateTables(s);
        drawCharts(s);
        root.dataset.refreshed = String(Number(root.dataset.refreshed || '0') + 1);
      })
      .catch(function (e) { root.dataset.refreshError = String(e); });
  }

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
      if (lastStats) { drawCharts(lastStats); }
    }, 100);
  });

  refresh();
  setInterval(function () { if (!document.hidden) { refresh(); } }, Number(root.dataset.refreshMs) || 15000);
})();
