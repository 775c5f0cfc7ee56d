(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gatebench-data').textContent);
  var percentLabels = {1: '0%', 10: '90%', 100: '99%', 1000: '99.9%', 10000: '99.99%', 100000: '99.999%'};

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

  // One colour per gateway across all charts; a p95 series is dashed (or hollow) in its gateway's colour.
  var palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];
  var colours = {};
  function colour(seriesName) {
    var gateway = seriesName.split(' ')[0];
    if (!(gateway in colours)) colours[gateway] = palette[Object.keys(colours).length % palette.length];
    return colours[gateway];
  }

  function lines(list, type) {
    return list.map(function (s) {
      var p95 = / p95$/.test(s.name);
      return {name: s.name, type: type || 'line', showSymbol: type === 'scatter', symbolSize: 5,
        symbol: p95 ? 'emptyCircle' : 'circle', connectNulls: false, data: s.points,
        itemStyle: {color: colour(s.name)}, lineStyle: {color: colour(s.name), type: p95 ? 'dashed' : 'solid'}};
    });
  }

  data.suites.forEach(function (suite) {
    draw('pct-' + suite.id, suite.name + ': latency by percentile',
      {type: 'log', logBase: 10, min: 1, name: 'percentile', nameLocation: 'middle', nameGap: 28,
        axisLabel: {formatter: function (v) { return percentLabels[Math.round(v)] || ''; }}},
      'ms', lines(suite.percentiles), function (option) {
        option.tooltip = {trigger: 'item', formatter: function (p) {
          return p.seriesName + ': ' + (100 * (1 - 1 / p.value[0])).toFixed(3) + '% ≤ ' + p.value[1].toFixed(2) + ' ms';
        }};
        if (option.series.length > 0) {
          option.series[0].markLine = {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#999'},
            label: {formatter: '50%'}, data: [{xAxis: 2}]};
        }
      });
    draw('time-' + suite.id, suite.name + ': latency over time (per-second p50 and p95)',
      {type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 28}, 'ms', lines(suite.latencyOverTime));
    draw('rps-' + suite.id, suite.name + ': requests per second',
      {type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 28}, 'req/s', lines(suite.requestsOverTime));
    draw('vus-' + suite.id, suite.name + ': latency against active VUs',
      {type: 'value', name: 'active VUs', nameLocation: 'middle', nameGap: 28}, 'ms',
      lines(suite.latencyByVus, 'scatter'));
  });
  document.body.setAttribute('data-charts-done', 'true');
})();
