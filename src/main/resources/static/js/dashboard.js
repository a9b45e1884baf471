// The admin dashboard's chart: clicks and customers per day as two lines, drawn by Chart.js from the
// figures the page carries in <canvas data-chart='{"labels":[…],"clicks":[…],"customers":[…],
// "clicksLabel","customersLabel"}'>. Without JavaScript the same figures are in the table under it.
(function () {
  'use strict';

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var lang = document.documentElement.lang || 'en';
    var count = new Intl.NumberFormat(lang, {maximumFractionDigits: 0});
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [
          {label: data.clicksLabel, data: data.clicks, borderColor: '#2f6fdf', backgroundColor: '#2f6fdf',
            yAxisID: 'clicks', tension: 0, pointRadius: 2},
          {label: data.customersLabel, data: data.customers, borderColor: '#1f9d6b', backgroundColor: '#1f9d6b',
            yAxisID: 'customers', tension: 0, pointRadius: 2}
        ]
      },
      options: {
        animation: false,
        responsive: true,
        interaction: {mode: 'index', intersect: false},
        scales: {
          clicks: {type: 'linear', position: 'left', beginAtZero: true,
            ticks: {precision: 0, callback: function (v) { return count.format(v); }}},
          customers: {type: 'linear', position: 'right', beginAtZero: true, grid: {drawOnChartArea: false},
            ticks: {precision: 0, callback: function (v) { return count.format(v); }}}
        }
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  function start() {
    if (!window.Chart) {
      return; // the table under the chart still has the figures
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
