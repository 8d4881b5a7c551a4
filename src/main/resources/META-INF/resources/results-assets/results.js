// Draws the results page's charts from the same figures the tables show: results.json, which the page
// carries in #results-figures (so a view counts the answers once). The tables work without this
// script; the charts add a picture and a PNG download (ECharts' toolbox).
(function () {
  'use strict';
  var root = document.getElementById('results');
  if (!root || typeof echarts === 'undefined') {
    return;
  }
  var lang = root.getAttribute('data-lang') || 'nl';
  var imageLabel = root.getAttribute('data-image-label') || 'Image';
  var allLabel = root.getAttribute('data-all-label') || 'All';
  var pct = function (v) { return (Math.round(v * 1000) / 10).toLocaleString(lang) + '%'; };
  var charts = [];

  function toolbox(name) {
    return { right: 0, feature: { saveAsImage: { title: imageLabel, name: name, pixelRatio: 2 } } };
  }

  function shown(groups) {
    return groups.filter(function (g) { return !g.suppressed; });
  }

  function optionsChart(q) {
    var labels = q.options.map(function (o) { return o.label; });
    var groups = shown(q.groups || []);
    if (groups.length === 0) {
      return {
        grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 1, axisLabel: { formatter: pct } },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
        tooltip: { valueFormatter: pct },
        series: [{ type: 'bar', data: q.options.map(function (o) { return q.shares[o.key] || 0; }),
          label: { show: true, position: 'right', formatter: function (p) { return pct(p.value); } } }]
      };
    }
    return {
      legend: { type: 'scroll', top: 0, left: 0, right: 40 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [allLabel].concat(groups.map(function (g) { return g.label; })) },
      yAxis: { type: 'value', max: 1, axisLabel: { formatter: pct } },
      tooltip: { trigger: 'axis', valueFormatter: pct },
      series: q.options.map(function (o) {
        return { name: o.label, type: 'bar', stack: q.type === 'multiple_choice' ? undefined : 'all',
          data: [q.shares[o.key] || 0].concat(groups.map(function (g) { return g.figures.shares[o.key] || 0; })) };
      })
    };
  }

  function meansOverGroups(q, groups) {
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: groups.map(function (g) { return g.label + ' (n=' + g.figures.n + ')'; }) },
      yAxis: { type: 'value' },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'line', data: groups.map(function (g) { return g.figures.mean; }), label: { show: true } }]
    };
  }

  function histogram(q) {
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: q.histogram.map(function (b) { return b.from + '–' + b.to; }) },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: {},
      series: [{ type: 'bar', data: q.histogram.map(function (b) { return b.count; }) }]
    };
  }

  function option(q, overTime) {
    var groups = shown(q.groups || []);
    if ((q.type === 'scale' || q.type === 'number') && overTime && groups.length > 0) {
      return meansOverGroups(q, groups);
    }
    if (q.options && q.options.length > 0) {
      return optionsChart(q);
    }
    if (q.type === 'number' && q.histogram && q.histogram.length > 0) {
      return histogram(q);
    }
    return null;
  }

  function figures() {
    var block = document.getElementById('results-figures');
    if (block) {
      return Promise.resolve(JSON.parse(block.textContent));
    }
    return fetch(root.getAttribute('data-json'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  figures()
    .then(function (data) {
      if (!data) {
        return;
      }
      var overTime = data.by === 'wave';
      data.questions.forEach(function (q) {
        var el = document.getElementById('chart-' + q.id);
        if (!el || q.suppressed) {
          return;
        }
        var opt = option(q, overTime);
        if (!opt) {
          el.hidden = true;
          return;
        }
        opt.toolbox = toolbox(data.survey + '-' + q.id);
        opt.animation = false;
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption(opt);
        charts.push(chart);
      });
      root.setAttribute('data-charts', String(charts.length));
    });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
}());
