(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gatebench-data').textContent);
  var axis = data.spectrumAxis;

  function draw(id, title, xAxis, yName, series, extra) {
    var el = document.getElementById(id);
    if (!el) return;
    if (series.length === 0) {
      el.style.display = 'none';
      return;
    }
    var chart = echarts.init(el, null, {renderer: 'svg'});
    var option = {
      animation: false,
      title: {text: title, textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis'},
      legend: {top: 24, type: 'scroll'},
      grid: {top: 70, left: 60, right: 30, bottom: 50},
      xAxis: xAxis,
      yAxis: {type: 'value', name: yName, scale: true},
      series: series
    };
    if (extra) extra(option);
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
  }

  function noteInstead(id, text) {
    var el = document.getElementById(id);
    if (!el || !text) return;
    var p = document.createElement('p');
    p.className = 'chart-note';
    p.textContent = text;
    el.parentNode.replaceChild(p, el);
  }

  // One colour per gateway across all charts; a p95 or failed series is dashed (or hollow) in its gateway's colour.
  var palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];
  var colours = {};
  function colour(seriesName) {
    var gateway = seriesName.split(' ')[0];
    if (!(gateway in colours)) colours[gateway] = palette[Object.keys(colours).length % palette.length];
    return colours[gateway];
  }

  // Points carry [x, y, requests]; a point on fewer requests than a window should hold is faded.
  function lines(list, symbols) {
    return list.map(function (s) {
      var secondary = / (p95|failed\/s)$/.test(s.name);
      return {name: s.name, type: 'line', showSymbol: !!symbols, symbolSize: 7,
        symbol: secondary ? 'emptyCircle' : 'circle', connectNulls: false,
        data: s.points.map(function (p) {
          var point = {value: p};
          if (p.length > 2 && p[2] < data.minRequests) point.itemStyle = {opacity: 0.4};
          return point;
        }),
        itemStyle: {color: colour(s.name)}, lineStyle: {color: colour(s.name), type: secondary ? 'dashed' : 'solid'}};
    });
  }

  function countTooltip(unit) {
    return {trigger: 'axis', formatter: function (params) {
      return params.map(function (p) {
        var v = p.value;
        var count = v.length > 2 ? ' (' + v[2] + ' requests)' : '';
        return p.seriesName + ' at ' + v[0] + ' ' + unit + ': ' + (v[1] === null ? 'no value' : v[1].toFixed(2)) +
          count;
      }).join('<br>');
    }};
  }

  data.suites.forEach(function (suite) {
    draw('pct-' + suite.id, suite.name + ': latency by percentile (each line ends at its slowest request)',
      {type: 'log', logBase: 10, min: axis.min, max: axis.max, name: 'percentile', nameLocation: 'middle', nameGap: 28,
        axisLabel: {formatter: function (v) { return axis.labels[String(Math.round(v))] || ''; }}},
      'ms', lines(suite.percentiles), function (option) {
        option.tooltip = {trigger: 'item', formatter: function (p) {
          return p.seriesName + ': ' + (100 * (1 - 1 / p.value[0])).toFixed(3) + '% ≤ ' + p.value[1].toFixed(2) + ' ms';
        }};
        if (option.series.length > 0) {
          option.series[0].markLine = {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#999'},
            label: {formatter: '50%'}, data: [{xAxis: 2}]};
        }
      });
    draw('time-' + suite.id, suite.name + ': latency over time (p50 and p95, ' + suite.window + ')',
      {type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 28}, 'ms', lines(suite.latencyOverTime),
      function (option) { option.tooltip = countTooltip('s'); });
    draw('rps-' + suite.id, suite.name + ': requests per second (mean, ' + suite.window + ')',
      {type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 28}, 'req/s', lines(suite.requestsOverTime),
      function (option) { option.tooltip = countTooltip('s'); option.yAxis.min = 0; option.yAxis.scale = false; });
    draw('vus-' + suite.id, suite.name + ': latency against active VUs (one point per VU level)',
      {type: 'value', name: 'active VUs', nameLocation: 'middle', nameGap: 28}, 'ms',
      lines(suite.latencyByVus, true), function (option) { option.tooltip = countTooltip('VUs'); });
    if (suite.latencyByVus.length === 0) noteInstead('vus-' + suite.id, suite.vusNote);
  });
  document.body.setAttribute('data-charts-done', 'true');
})();
