// The portfolio page: the switcher opens the chosen portfolio, and the sector and P&L charts draw from the page's data.
(function () {
  "use strict";

  function switcher() {
    var select = document.querySelector("select[data-autosubmit]");
    if (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    }
  }

  function money(value) {
    return Number(value).toLocaleString("en-HK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function charts() {
    var source = document.getElementById("portfolio-data");
    if (!source || typeof echarts === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var sectorElement = document.getElementById("sector-chart");
    if (sectorElement && data.sectors.length > 0) {
      var sectors = echarts.init(sectorElement);
      sectors.setOption({
        tooltip: { trigger: "item", valueFormatter: function (v) { return "HK$" + money(v); } },
        legend: { type: "scroll", bottom: 0 },
        series: [{ type: "pie", radius: ["40%", "70%"], center: ["50%", "45%"], data: data.sectors, label: { formatter: "{b}\n{d}%" } }]
      });
      window.addEventListener("resize", function () { sectors.resize(); });
    }
    var pnlElement = document.getElementById("pnl-chart");
    if (pnlElement && data.pnl.length > 0) {
      // The page sends every position up to 30, beyond that the 15 largest gains and losses, largest first.
      var rows = data.pnl.slice().reverse();
      var pnl = echarts.init(pnlElement);
      pnl.setOption({
        grid: { left: 80, right: 30, top: 10, bottom: 30 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: function (v) { return "HK$" + money(v); } },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: rows.map(function (r) { return r.symbol; }) },
        series: [{
          type: "bar",
          data: rows.map(function (r) { return { value: r.pnl, itemStyle: { color: r.pnl >= 0 ? "#0a7d3b" : "#b3261e" } }; })
        }]
      });
      window.addEventListener("resize", function () { pnl.resize(); });
    }
  }

  switcher();
  charts();
})();
