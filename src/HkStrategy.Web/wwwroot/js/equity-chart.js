// The equity page's chart, drawn from the JSON the page embeds in #equity-data (the same data as /api/equity/{symbol}):
// pane 0 candles with volume, EMA 5/20/50, Bollinger bands, signal markers and the position's rules as dashed lines;
// pane 1 RSI with its 30/70 guides; pane 2 MACD. Pointing at a bar shows its values and its signal's evidence beside the chart.
(function () {
  'use strict';

  const dataElement = document.getElementById('equity-data');
  const container = document.getElementById('equity-chart');
  const legend = document.getElementById('equity-legend');
  if (!dataElement || !container || !legend || typeof LightweightCharts === 'undefined') {
    return;
  }
  const LC = LightweightCharts;
  const data = JSON.parse(dataElement.textContent);
  const colors = {
    gain: '#0a7d3b', loss: '#b3261e', ink: '#1b2733', muted: '#5b6b7b', line: '#dfe5ec', accent: '#0b5cad',
    ema5: '#e08a00', ema20: '#0b5cad', ema50: '#7a3db8', band: '#8a99a8', rsi: '#7a3db8', macd: '#0b5cad', signal: '#e08a00', hold: '#8a99a8',
  };

  const chart = LC.createChart(container, {
    autoSize: true,
    layout: {
      background: { color: '#ffffff' }, textColor: colors.ink,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      panes: { separatorColor: colors.line },
    },
    grid: { vertLines: { color: '#f0f3f6' }, horzLines: { color: '#f0f3f6' } },
    rightPriceScale: { borderColor: colors.line },
    timeScale: { borderColor: colors.line },
    crosshair: { mode: LC.CrosshairMode.Normal },
  });

  const rulePrices = data.rules
    ? [data.rules.targetSell, data.rules.trimMin, data.rules.stopLoss, data.rules.tacticalStop, data.rules.addZoneLow, data.rules.addZoneHigh].filter(isNumber)
    : [];

  const candles = chart.addSeries(LC.CandlestickSeries, {
    upColor: colors.gain, downColor: colors.loss, wickUpColor: colors.gain, wickDownColor: colors.loss, borderVisible: false,
    // Rules far from the price (a target 15% above) would otherwise sit off the scale, invisible.
    autoscaleInfoProvider: (original) => {
      const scale = original();
      if (scale && rulePrices.length > 0) {
        scale.priceRange.minValue = Math.min(scale.priceRange.minValue, ...rulePrices);
        scale.priceRange.maxValue = Math.max(scale.priceRange.maxValue, ...rulePrices);
      }
      return scale;
    },
  }, 0);
  candles.setData(data.bars.map((b) => ({ time: b.date, open: b.open, high: b.high, low: b.low, close: b.close })));
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.06, bottom: 0.24 } });

  const volume = chart.addSeries(LC.HistogramSeries, {
    priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false,
  }, 0);
  volume.setData(data.bars.map((b, i) => ({
    time: b.date, value: b.volume, color: i > 0 && b.close < data.bars[i - 1].close ? 'rgba(179,38,30,0.35)' : 'rgba(10,125,59,0.35)',
  })));
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });

  line('ema5', colors.ema5, 0, { lineWidth: 1 });
  line('ema20', colors.ema20, 0, { lineWidth: 1 });
  line('ema50', colors.ema50, 0, { lineWidth: 2 });
  line('bbUpper', colors.band, 0, { lineWidth: 1, lineStyle: LC.LineStyle.Dotted });
  line('bbMiddle', colors.band, 0, { lineWidth: 1, lineStyle: LC.LineStyle.Dashed });
  line('bbLower', colors.band, 0, { lineWidth: 1, lineStyle: LC.LineStyle.Dotted });

  const rsi = line('rsi14', colors.rsi, 1, { lineWidth: 2, autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 100 } }) });
  guide(rsi, 70, 'overbought 70');
  guide(rsi, 30, 'oversold 30');

  const histogram = chart.addSeries(LC.HistogramSeries, { lastValueVisible: false, priceLineVisible: false }, 2);
  histogram.setData(data.indicators.map((r) => isNumber(r.macdHist)
    ? { time: r.date, value: r.macdHist, color: r.macdHist >= 0 ? 'rgba(10,125,59,0.5)' : 'rgba(179,38,30,0.5)' }
    : { time: r.date }));
  line('macd', colors.macd, 2, { lineWidth: 2 });
  line('macdSignal', colors.signal, 2, { lineWidth: 1 });

  const panes = chart.panes();
  panes[0].setStretchFactor(3);
  panes[1].setStretchFactor(1);
  panes[2].setStretchFactor(1);

  const barsByDay = new Map(data.bars.map((b, i) => [b.date, { bar: b, indicators: data.indicators[i] }]));
  // A signal the earlier version recorded on a day without a bar has nowhere to stand; the table below still lists it.
  const signals = data.signals.filter((s) => barsByDay.has(s.date));
  const signalsByDay = new Map(signals.map((s) => [s.date, s]));
  LC.createSeriesMarkers(candles, signals.map(marker));
  drawRules();
  chart.timeScale().fitContent();

  chart.subscribeCrosshairMove((param) => {
    const day = dayOf(param.time);
    showDay(day && barsByDay.has(day) ? day : data.bars[data.bars.length - 1].date);
  });
  showDay(data.bars[data.bars.length - 1].date);

  function line(key, color, pane, options) {
    const series = chart.addSeries(LC.LineSeries, Object.assign({
      color: color, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false,
    }, options), pane);
    // Days before an indicator is defined stay as gaps (whitespace), so every series shares the bars' days.
    series.setData(data.indicators.map((r) => isNumber(r[key]) ? { time: r.date, value: r[key] } : { time: r.date }));
    return series;
  }

  function guide(series, price, title) {
    series.createPriceLine({
      price: price, color: colors.band, lineWidth: 1, lineStyle: LC.LineStyle.Dashed, axisLabelVisible: true, title: title,
    });
  }

  function drawRules() {
    if (!data.rules) {
      return;
    }
    const rules = [
      [data.rules.targetSell, 'Target sell', colors.gain],
      [data.rules.trimMin, 'Trim min', colors.gain],
      [data.rules.stopLoss, 'Stop loss', colors.loss],
      [data.rules.tacticalStop, 'Tactical stop', colors.loss],
      [data.rules.addZoneHigh, 'Add zone high', colors.accent],
      [data.rules.addZoneLow, 'Add zone low', colors.accent],
    ];
    for (const [price, title, color] of rules) {
      if (isNumber(price)) {
        candles.createPriceLine({ price: price, color: color, lineWidth: 1, lineStyle: LC.LineStyle.Dashed, axisLabelVisible: true, title: title });
      }
    }
  }

  function marker(signal) {
    if (signal.side === 'buy') {
      return { time: signal.date, position: 'belowBar', shape: 'arrowUp', color: colors.gain, text: 'B' + signal.strength };
    }
    if (signal.side === 'sell') {
      return { time: signal.date, position: 'aboveBar', shape: 'arrowDown', color: colors.loss, text: 'S' + signal.strength };
    }
    // A hold is the usual day: a small dot says a signal was worked out without crowding the candles.
    return { time: signal.date, position: 'aboveBar', shape: 'circle', color: colors.hold, size: 0.5 };
  }

  // The crosshair gives back a day as the data had it (a string) or as a business day object, depending on the input.
  function dayOf(time) {
    if (typeof time === 'string') {
      return time;
    }
    if (time && typeof time === 'object') {
      return time.year + '-' + pad(time.month) + '-' + pad(time.day);
    }
    if (typeof time === 'number') {
      return new Date(time * 1000).toISOString().slice(0, 10);
    }
    return null;
  }

  function showDay(day) {
    const { bar, indicators: r } = barsByDay.get(day);
    const signal = signalsByDay.get(day);
    const parts = [
      element('h3', null, day),
      facts([
        ['Open', price(bar.open)], ['High', price(bar.high)], ['Low', price(bar.low)], ['Close', price(bar.close)],
        ['Volume', bar.volume.toLocaleString('en-US')],
        ['EMA 5 / 20 / 50', [r.ema5, r.ema20, r.ema50].map(price).join(' / ')],
        ['Bollinger', [r.bbLower, r.bbMiddle, r.bbUpper].map(price).join(' – ')],
        ['RSI 14', fixed(r.rsi14, 1)],
        ['MACD / signal', fixed(r.macd, 3) + ' / ' + fixed(r.macdSignal, 3)],
      ]),
    ];
    parts.push(signal ? evidence(signal) : element('p', 'muted', 'No signal on this day.'));
    legend.replaceChildren(...parts);
  }

  function evidence(signal) {
    const box = element('div', 'evidence');
    box.id = 'equity-evidence';
    const badge = element('span', 'badge ' + (signal.side === 'hold' ? '' : signal.side), signal.code);
    const title = element('p', null);
    title.append(badge, ' ', element('strong', null, signal.strategy), ', strength ' + signal.strength + ' (' + signal.side + ')');
    const conditions = element('ul', null);
    for (const reason of signal.reasons) {
      conditions.append(element('li', null, reason));
    }
    box.append(title, conditions);
    if (signal.veto) {
      box.append(element('p', null, 'Veto: ' + signal.veto));
    }
    return box;
  }

  function facts(rows) {
    const list = element('dl', 'facts');
    for (const [name, value] of rows) {
      list.append(element('dt', null, name), element('dd', null, value));
    }
    return list;
  }

  // Text only (never HTML): conditions and names come from the database.
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function isNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
  }

  function price(value) {
    return fixed(value, 2);
  }

  function fixed(value, digits) {
    return isNumber(value) ? value.toFixed(digits) : '–';
  }

  function pad(value) {
    return String(value).padStart(2, '0');
  }
})();
