// Draws the performance page's chart with ECharts from the JSON the page carries in #performance-data:
// the portfolio's cumulative time-weighted return, the benchmark's and the baseline's, each day in percent.
// The server decides every number; this file only draws.
(function () {
  'use strict';

  const source = document.getElementById('performance-data');
  const element = document.getElementById('performance-chart');
  if (!source || !element || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(source.textContent || '{}');
  const percent = (v) => v === null || v === undefined ? '–'
    : Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + '%';
  const line = (name, values) => ({
    name: name,
    type: 'line',
    // A short period's few days are drawn as points too, so that a single day is seen.
    showSymbol: data.days.length < 40,
    connectNulls: false,
    data: data.days.map((day, i) => [day, values[i]]),
  });
  const series = [line('Portfolio (TWR)', data.twr)];
  if (data.benchmarkTwr.some((v) => v !== null)) {
    series.push(line('Benchmark ' + data.benchmark, data.benchmarkTwr));
  }
  if (data.baseline && data.baselineTwr.some((v) => v !== null)) {
    series.push(line('Holdings of ' + data.baseline + ' held', data.baselineTwr));
  }
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    grid: { left: 16, right: 24, top: 40, bottom: 56, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: percent },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}' } } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => v + '%' } },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: series,
  });
  window.addEventListener('resize', () => chart.resize());
})();
