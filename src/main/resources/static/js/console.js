// Draws every [data-chart] element with the ECharts options the server put in it, on load and after
// each htmx swap; sends the CSRF token with htmx requests; shows htmx errors in words.
(function () {
  function draw(root) {
    if (!window.echarts) return;
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = '1';
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(JSON.parse(el.dataset.chart));
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (e) { draw(e.target); });
  window.addEventListener('resize', function () {
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var c = echarts.getInstanceByDom(el);
      if (c) c.resize();
    });
  });
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) e.detail.headers[header.content] = token.content;
  });
  // htmx leaves 4xx/5xx answers unswapped; the console's error fragment says what went wrong in words
  document.addEventListener('htmx:responseError', function (e) {
    var box = document.getElementById('flash');
    if (!box) return;
    var doc = new DOMParser().parseFromString(e.detail.xhr.responseText, 'text/html');
    var problem = doc.querySelector('.problem');
    box.innerHTML = '';
    if (problem) box.appendChild(problem); else box.textContent = 'HTTP ' + e.detail.xhr.status;
    box.hidden = false;
  });
})();
