// Draws the analysis pages' charts with ECharts from the JSON the page carries in #analysis-chart-data
// ({ "<element id>": { unit: "HK$" | "%" | "index", series: [{ name, days: ["YYYY-MM-DD"…], values: [n…] }] } }).
// The data stays in the page so the server decides every number; this file only draws.
(function () {
  'use strict';

  const source = document.getElementById('analysis-chart-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }

  const number = (value, digits) =>
    Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

  const formats = {
    'HK$': { tooltip: (v) => 'HK$' + number(v, 2), axis: (v) => number(v, 0) },
    '%': { tooltip: (v) => number(v, 2) + '%', axis: (v) => number(v, 1) + '%' },
    index: { tooltip: (v) => number(v, 2), axis: (v) => number(v, 0) },
  };

  // A drawdown is a fall: red, filled down from zero; values are lines that keep their scale off zero.
  const isDrawdown = (spec) => spec.unit === '%';

  function option(spec) {
    const format = formats[spec.unit] || formats.index;
    const several = spec.series.length > 1;
    return {
      animation: false,
      grid: { left: 16, right: 24, top: several ? 40 : 16, bottom: 56, containLabel: true },
      legend: several ? { top: 0 } : undefined,
      tooltip: { trigger: 'axis', valueFormatter: format.tooltip },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}' } } },
      yAxis: { type: 'value', scale: !isDrawdown(spec), max: isDrawdown(spec) ? 0 : undefined, axisLabel: { formatter: format.axis } },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      series: spec.series.map((line) => ({
        name: line.name,
        type: 'line',
        showSymbol: false,
        data: line.days.map((day, i) => [day, line.values[i]]),
        color: isDrawdown(spec) ? '#b3261e' : undefined,
        areaStyle: isDrawdown(spec) ? { opacity: 0.2 } : undefined,
      })),
    };
  }

  const charts = JSON.parse(source.textContent || '{}');
  const drawn = [];
  for (const [id, spec] of Object.entries(charts)) {
    const element = document.getElementById(id);
    if (element && spec && Array.isArray(spec.series)) {
      const chart = echarts.init(element);
      chart.setOption(option(spec));
      drawn.push(chart);
    }
  }
  window.addEventListener('resize', () => drawn.forEach((chart) => chart.resize()));
})();
