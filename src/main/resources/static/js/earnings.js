// The portal's earnings chart: one bar chart per currency, drawn by Chart.js from the figures the
// page carries in <canvas data-chart='{"currency","label","labels":[…],"values":[…]}'> (major units).
// Without JavaScript the same figures are in the table under each chart.
(function () {
  'use strict';

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var lang = document.documentElement.lang || 'en';
    var money = new Intl.NumberFormat(lang, {style: 'currency', currency: data.currency});
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{label: data.label, data: data.values, backgroundColor: '#2f6fdf', borderRadius: 3}]
      },
      options: {
        animation: false,
        responsive: true,
        plugins: {
          legend: {display: false},
          tooltip: {callbacks: {label: function (item) { return money.format(item.parsed.y); }}}
        },
        scales: {y: {beginAtZero: true, ticks: {callback: function (value) { return money.format(value); }}}}
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  function start() {
    if (!window.Chart) {
      return; // the table under each chart still has the figures
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
